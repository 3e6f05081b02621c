"""The panes draw the views: the same rows in the same order as `fichas show --json`."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from fichas_tui.cli.commands import main
from fichas_tui.tui.app import make_app
from fichas_tui.tui.widgets.detail import Detail
from tests.helpers import (
    FIXTURE,
    RESIDENCIA,
    SMALLEST,
    pane_text,
    press,
    settle,
    without_provenance,
)

pytestmark = pytest.mark.asyncio


def _json_rows(key: str) -> list[list]:
    result = CliRunner().invoke(
        main, ["show", "residencia-familiar-adolescentes", "--data", str(FIXTURE), "--json"]
    )
    data = json.loads(result.output)
    table = next(b for pane in data["panes"] for b in pane["blocks"] if b["key"] == key)
    return [r["cells"] for r in table["rows"]]


def _row_lines(text: str, title: str, count: int) -> list[str]:
    """The first `count` lines under the header rule of the table titled `title` in a pane
    (blank separator lines skipped; wide enough that no row wraps)."""
    lines = text.splitlines()
    start = next(i for i, line in enumerate(lines) if line.strip().startswith(title))
    start = next(i for i in range(start, len(lines)) if lines[i].strip().startswith("──"))
    return [line.strip() for line in lines[start + 1 :] if line.strip()][:count]


async def _wide_pane(key: str, pane: str) -> str:
    """A pane's text on a screen wide enough that no row wraps."""
    app = make_app(FIXTURE)
    async with app.run_test(size=(240, 50)) as pilot:
        await settle(pilot)
        await press(pilot, *RESIDENCIA, key)
        return pane_text(app, pane)


async def test_regions_pane_shows_the_json_rows_in_order():
    text = await _wide_pane("4", "regiones")
    cells = _json_rows("regions")
    lines = _row_lines(text, "Gasto y beneficiarios", len(cells))
    names = [c["region"]["value"] for c in cells]
    assert names[-2:] == ["Nivel central", "Total"]
    assert [n for line in lines for n in names if line.startswith(n)] == names
    # Each line carries its row's figures, formatted as the ficha's (Coquimbo, the first).
    assert "1.745.448" in lines[0] and "22,6 %" in lines[0] and "15.310,9" in lines[0]
    assert without_provenance(cells[0]["spending"]) == {
        "value": 1745448.0,
        "unit": "M$",
        "price_year": 2024,
    }


async def test_budget_pane_shows_the_json_years_in_order():
    text = await _wide_pane("2", "presupuesto")
    years = [str(c["year"]["value"]) for c in _json_rows("budget")]
    lines = _row_lines(text, "Presupuesto por año", len(years))
    assert [line.split()[0] for line in lines] == years == ["2021", "2022", "2023"]


async def test_small_screen_keeps_every_column_and_scrolls_sideways():
    app = make_app(FIXTURE)
    async with app.run_test(size=SMALLEST) as pilot:
        await settle(pilot)
        await press(pilot, *RESIDENCIA, "2")
        pane = app.screen.query_one("#pane-presupuesto")
        text = pane_text(app, "presupuesto")
        # Years whole, every budget column there although wider than the pane.
        assert "2…" not in text and "…" not in text
        assert "% ej. final" in text and "82,3 %" in text
        assert pane.virtual_size.width > pane.size.width
        before = pane.scroll_offset.x
        await press(pilot, "right", "right")
        assert pane.scroll_offset.x > before


async def test_fifth_key_opens_the_evaluation_pane():
    app = make_app(FIXTURE)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await press(pilot, *RESIDENCIA, "5")
        assert app.screen.query_one(Detail).active_tab == "evaluacion"
        text = pane_text(app, "evaluacion")
    assert "Monitoreo" in text and "2021" in text
    assert "1. Fin de la pobreza" in text
    assert "Observaciones de la institución" in text
