"""NaN and infinities in the dataset: every pane shows them as missing, with a warning."""

from __future__ import annotations

import pytest

from fichas_tui.data.parquet_views import NON_FINITE
from fichas_tui.tui.app import make_app
from tests.helpers import non_finite_dataset, open_keys, pane_text, press, settle

PANES = {"resumen": "1", "presupuesto": "2", "indicadores": "3", "regiones": "4"}


@pytest.mark.asyncio
@pytest.mark.parametrize("program", ["residencia", "alimentacion"])
async def test_every_pane_shows_non_finite_numbers_as_missing(tmp_path, program):
    app = make_app(non_finite_dataset(tmp_path / "ds"))
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await press(pilot, *open_keys(program))
        seen = {}
        for pane, key in PANES.items():
            await press(pilot, key)
            seen[pane] = " ".join(pane_text(app, pane).split())
            # how Python and JSON write the numbers themselves (the warning says "NaN o infinito")
            words = set(seen[pane].replace("%", " ").split())
            assert not words & {"nan", "inf", "-inf", "Infinity", "-Infinity"}, pane
        assert "NaN o infinito" in seen["resumen"]
        assert NON_FINITE in seen["presupuesto"]
        await press(pilot, "q")
    assert app.return_code in (None, 0)
