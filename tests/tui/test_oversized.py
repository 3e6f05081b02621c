"""A ficha with 46,000 indicator rows: its panes open promptly and say what they left out."""

from __future__ import annotations

import re

import pytest

from fichas_tui.data.bounds import INDICATOR_LIMIT
from fichas_tui.data.queries import Store
from fichas_tui.tui.app import make_app
from tests.helpers import FIXTURE, RESIDENCIA, oversized_dataset, pane_text, press, settle


@pytest.mark.asyncio
async def test_oversized_ficha_opens_promptly(tmp_path):
    with Store.open(FIXTURE) as store:
        own = len(store.detail("residencia-familiar-adolescentes").indicators)
    app = make_app(oversized_dataset(tmp_path / "ds", indicators=46_000, budget=200_000))
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await press(pilot, *RESIDENCIA, "3")  # its time: benchmarks/bounds.py
        text = " ".join(pane_text(app, "indicadores").split())
        # the program's own indicators first, then the added ones up to the limit
        added = [int(n) for n in re.findall(r"Indicador (\d+) Año", text)]
        assert added == list(range(INDICATOR_LIMIT - own))
        # the pane ends saying what it left out: rows beyond the cap, indicators beyond it
        assert "filas más no se muestran" in text and "indicadores más no se muestran" in text
        assert "fichas show --todo" in text
        await press(pilot, "2")
        budget = " ".join(pane_text(app, "presupuesto").split())
        left_out = re.search(r"([\d.]+) filas más no se muestran", budget)
        # 200,000 added + the ficha's own rows - the ROW_LIMIT kept
        assert left_out and 199_500 <= int(left_out.group(1).replace(".", "")) < 200_000
        await press(pilot, "q")
    assert app.return_code in (None, 0)
