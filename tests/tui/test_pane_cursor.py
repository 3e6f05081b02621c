"""The panes' row cursor: rows read from the drawn lines, moved with the keys, copied with y/Y,
exported with e; prose scrolls as before."""

from __future__ import annotations

import pytest
from rich.console import Console

from fichas_tui.render.rich_tables import TableBlock
from fichas_tui.tui.app import make_app
from fichas_tui.tui.screens.export import ExportScreen
from fichas_tui.tui.widgets.detail import Detail
from fichas_tui.tui.widgets.pane_cursor import RowSpan, row_spans
from fichas_tui.tui.widgets.program_list import ProgramList
from fichas_tui.views.model import COUNT, TOTAL, Cell, Column, Row, Table
from tests.helpers import FIXTURE, RESIDENCIA, press, settle

BUDGET_2022 = "2022\t5.000.000\t5.300.000\t5.227.400\t104,5 %\t98,6 %"


def test_a_wrapped_row_is_one_span_and_header_rule_and_gap_are_none():
    table = Table(
        key="regions",
        title="Regiones",
        columns=(Column("region", "Región"), Column("n", "Beneficiarios", kind=COUNT)),
        rows=(
            Row((Cell("Metropolitana de Santiago"), Cell(140))),
            Row((Cell("Total"), Cell(646)), role=TOTAL),
        ),
    )
    console = Console(width=20, file=None, color_system=None)
    # Narrower than the grid: the region column wraps down to its longest word, 13 cells
    # ("Metropolitana"), two cells between columns: 13 + 2 + 13.
    lines = TableBlock(table, fit=False).lines(console, console.options, 20)
    text = ["".join(s.text for s in line).rstrip() for line in lines]
    assert text == [
        "Región         Beneficiarios",
        "─" * 28,
        "Metropolitana            140",
        "de Santiago",
        "",  # between the data rows and the total (another section)
        "Total                    646",
    ]
    assert row_spans(lines, table=3, offset=10) == [RowSpan(12, 14, 3, 0), RowSpan(15, 16, 3, 1)]


@pytest.mark.asyncio
async def test_cursor_moves_over_the_rows_and_y_Y_e_act_on_its_row_and_table():
    app = make_app(FIXTURE)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await press(pilot, *RESIDENCIA, "2")
        pane = app.screen.query_one("#pane-presupuesto")
        assert pane.has_focus and pane.cursor_row() == (0, 0)

        await press(pilot, "down", "y")
        assert pane.cursor_row() == (0, 1)
        header, row, citation = app.clipboard.split("\n")
        # the fixture keeps no lines (made as an older dataset): the citation says so
        assert citation.startswith("2022 Inicial: 5.000.000 M$ 2024 — ")
        assert "sin línea registrada" in citation
        assert header.split("\t") == [
            "Año",
            "Inicial (M$ 2024)",
            "Final (M$ 2024)",
            "Ejecutado (M$ 2024)",
            "% ej. inicial",
            "% ej. final",
        ]
        assert row == BUDGET_2022  # 5.227.400 / 5.000.000 = 104,5 %; / 5.300.000 = 98,6 %
        notice = list(app._notifications)[-1].message
        assert notice == "Copiado: fila 2022 de Presupuesto por año (M$ 2024)"
        # The cursor's line is drawn in the cursor's colours, the line above it is not.
        cursor = pane.get_component_rich_style("pane--cursor").bgcolor
        at = pane._spans[pane._cursor].start - pane.scroll_offset.y
        assert "2022  5.000.000" in pane.render_line(at).text
        assert {s.style.bgcolor for s in pane.render_line(at) if s.text.strip()} == {cursor}
        assert cursor not in {s.style.bgcolor for s in pane.render_line(at - 1) if s.style}

        # Past the table's last row to the next tables: their titles scroll into view.
        await press(pilot, *["down"] * 8)
        assert pane.cursor_row() == (2, 0)  # "Gasto administrativo", 2021
        span = pane._spans[pane._cursor]
        top, height = pane.scroll_offset.y, pane.scrollable_content_region.height
        assert top > 0 and top <= span.start and span.end <= top + height
        await press(pilot, "Y")  # a source column on every row
        assert [line.split("\t")[:2] for line in app.clipboard.split("\n")[:4]] == [
            ["Año", "% gasto administrativo"],
            ["2021", "13,7 %"],
            ["2022", "5,2 %"],
            ["2023", "5,0 %"],
        ]
        assert app.clipboard.split("\n")[0].endswith("\tFuente")

        await press(pilot, "e")  # the export dialog proposes the table under the cursor
        assert isinstance(app.screen, ExportScreen)
        assert app.screen.tables[app.screen.index].title.startswith("Gasto administrativo")
        await press(pilot, "escape")

        await press(pilot, "end")
        assert pane.cursor_row() == (len(pane.tables()) - 1, len(pane.tables()[-1].rows) - 1)
        assert pane.scroll_offset.y == pane.max_scroll_y > 0
        await press(pilot, "home")
        assert pane.cursor_row() == (0, 0) and pane.scroll_offset.y == 0


@pytest.mark.asyncio
async def test_a_pane_without_tables_scrolls_line_by_line():
    app = make_app(FIXTURE)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await press(pilot, *RESIDENCIA)  # Resumen: facts and prose only
        pane = app.screen.query_one("#pane-resumen")
        assert pane.has_focus and pane.cursor_row() is None
        await press(pilot, "down", "down")
        assert pane.scroll_offset.y == 2
        await press(pilot, "up")
        assert pane.scroll_offset.y == 1


@pytest.mark.asyncio
async def test_the_next_program_read_and_drawn_ahead_shows_at_once(monkeypatch):
    app = make_app(FIXTURE)
    async with app.run_test(size=(120, 40)) as pilot:  # wide: the detail beside the list
        await settle(pilot)
        await pilot.pause(0.3)
        await settle(pilot)  # the next program read ahead and drawn
        asked = []
        read = type(app.store).detail
        monkeypatch.setattr(
            type(app.store), "detail", lambda *a, **k: asked.append(a) or read(*a, **k)
        )
        programs = app.screen.query_one(ProgramList)
        following = programs.programs[programs.cursor + 1].program_id
        await pilot.press("down")  # not settled: shown by the key's own handling
        assert app.screen.query_one(Detail).detail.program.program_id == following
        assert asked == []  # no query: the program read ahead
