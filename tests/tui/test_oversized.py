"""A ficha past the row and indicator caps: its panes show what the caps keep and say what they
left out (the same at 46,000 rows: tests/data/test_bounds.py; its time: benchmarks/bounds.py)."""

from __future__ import annotations

import re

import pytest

from fichas_tui.data.bounds import INDICATOR_LIMIT, ROW_LIMIT
from fichas_tui.data.queries import Store
from fichas_tui.tui.app import make_app
from tests.helpers import FIXTURE, RESIDENCIA, oversized_dataset, pane_text, press, settle


@pytest.mark.asyncio
async def test_oversized_ficha_says_what_it_left_out(tmp_path):
    with Store.open(FIXTURE) as store:
        own = len(store.detail("residencia-familiar-adolescentes").indicators)
    added_budget = 4 * ROW_LIMIT
    # indicator rows past the cap of its two fichas' rows, and indicators past theirs
    folder = oversized_dataset(tmp_path / "ds", indicators=2 * ROW_LIMIT + 40, budget=added_budget)
    app = make_app(folder)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await press(pilot, *RESIDENCIA, "3")
        text = " ".join(pane_text(app, "indicadores").split())
        # the program's own indicators first, then the added ones up to the limit
        added = [int(n) for n in re.findall(r"Indicador (\d+) (?:.*? )?Año", text)]
        assert added == list(range(INDICATOR_LIMIT - own))
        # the pane ends saying what it left out: rows beyond the cap, indicators beyond it
        assert "filas más no se muestran" in text and "indicadores más no se muestran" in text
        assert "fichas show --todo" in text
        await press(pilot, "2")
        budget = " ".join(pane_text(app, "presupuesto").split())
        left_out = re.search(r"([\d.]+) filas más no se muestran", budget)
        # the rows added + the ficha's own (fewer than ROW_LIMIT) - the ROW_LIMIT kept
        shown = int(left_out.group(1).replace(".", "")) if left_out else None
        assert shown is not None and added_budget - ROW_LIMIT <= shown < added_budget
        await press(pilot, "q")
    assert app.return_code in (None, 0)
