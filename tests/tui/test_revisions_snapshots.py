"""Snapshots of the panes that mark restated figures (‡ and the note naming both fichas), on
the fixture pair (tests/fixtures/restated_dataset), at 60x20, 80x24 and 120x40."""

from __future__ import annotations

import pytest

from fichas_tui.tui.app import make_app
from tests.helpers import RESTATED_DATASET, SIZES, SMALLEST, open_keys, press, settle

OPEN = open_keys("residencia")
SCENES = {
    "revisada_resumen": OPEN,
    "revisada_presupuesto": (*OPEN, "2"),
    "revisada_indicadores": (*OPEN, "3"),
}
ALL_SIZES = {**SIZES, "60x20": SMALLEST}


def _run_before(keys):
    async def run_before(pilot) -> None:
        await settle(pilot)
        await press(pilot, *keys)
        await settle(pilot)

    return run_before


@pytest.mark.parametrize("size", ALL_SIZES)
@pytest.mark.parametrize("scene", SCENES)
def test_restated_pane(snap_compare, scene, size):
    app = make_app(RESTATED_DATASET)
    assert snap_compare(app, terminal_size=ALL_SIZES[size], run_before=_run_before(SCENES[scene]))
