"""`v` opens the ficha's text at the line of the figure under the cursor, in every pane; the
source line under the panes names it; the viewer searches with `/` (snapshots 80x24, 60x20)."""

from __future__ import annotations

import pytest

from fichas_tui.locations import sample_dir
from fichas_tui.tui.app import make_app
from fichas_tui.tui.screens.source_viewer import FichaText, SourceViewerScreen
from fichas_tui.views.sources import primary
from tests.helpers import SAMPLE_DIR, SIZES, SMALLEST, open_keys, press, settle

RF = "residencia familiar"  # the 2023 sample ficha


def _file_lines(name: str) -> list[str]:
    return (SAMPLE_DIR / name).read_text(encoding="utf-8-sig").split("\n")


# Each sample ficha (one per template: 2023, 2021, 2019) and its panes with a table (2019's
# Regiones has no regional table).
CASES = [
    *((RF, key) for key in "12345"),
    *(("gestion social", key) for key in "12345"),
    *(("primera infancia", key) for key in "1235"),
]


@pytest.mark.asyncio
@pytest.mark.parametrize(("program", "key"), CASES)
async def test_v_opens_the_line_of_the_row_under_the_cursor(program, key):
    app = make_app(sample_dir())
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await press(pilot, *open_keys(program), key, "down")
        pane = app.focused
        table, row = pane.cursor_row()
        origin = primary(pane.tables()[table], row)[1].origin
        assert origin.line is not None
        line = app.screen.query_one("#source-line").render().plain
        assert f"archivo {origin.ficha.file}, línea {origin.line}" in line
        await press(pilot, "v")
        await pilot.pause(0.3)
        await settle(pilot)
        assert isinstance(app.screen, SourceViewerScreen)
        view = app.screen.query_one(FichaText)
        assert view.source == origin.line - 1
        printed = _file_lines(origin.ficha.file)[origin.line - 1]
        assert view.lines[view.source] == printed.expandtabs(4)
        top = view.scroll_offset.y
        assert top <= view.source < top + view.scrollable_content_region.height
        await press(pilot, "escape")
        assert not isinstance(app.screen, SourceViewerScreen)


@pytest.mark.asyncio
async def test_search_finds_the_next_line_and_text_stays_text():
    app = make_app(sample_dir())
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await press(pilot, *open_keys(RF), "4", "v")
        await pilot.pause(0.3)
        await settle(pilot)
        view = app.screen.query_one(FichaText)
        await press(pilot, "slash", *"desagregacion", "enter")
        # accents and case ignored: line 128, DESAGREGACIÓN REGIONAL ...
        assert view.match == 127
        # markup in the ficha is drawn as written, never interpreted
        assert "<b>TOTAL</b>" in view.lines[140]


@pytest.mark.asyncio
async def test_y_adds_the_citation_and_Y_a_source_per_row():
    app = make_app(sample_dir())
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await press(pilot, *open_keys(RF), "4", "y")  # regions by spending: Coquimbo first
        citation = app.clipboard.split("\n")[2]
        assert citation == (
            "Coquimbo Gasto: 1.745.448 M$ 2024 — Residencia Familiar de "
            "Administración Directa (RF) — ficha 2023, archivo 003_177960693a00c8d4.txt, "
            "línea 133, columna Total ejecutado (M$2024) — SHA-256 ab8655652398"
        )
        await press(pilot, "Y")
        lines = app.clipboard.split("\n")
        assert lines[0].endswith("\tFuente")
        assert lines[1].endswith(
            "línea 133, columna Total ejecutado (M$2024), SHA-256 ab8655652398"
        )


@pytest.mark.parametrize("size", [SIZES["80x24"], SMALLEST], ids=["80x24", "60x20"])
def test_viewer_snapshot(snap_compare, size):
    async def run_before(pilot) -> None:
        await settle(pilot)
        await press(pilot, *open_keys(RF), "4", "v")
        await pilot.pause(0.3)
        await settle(pilot)

    assert snap_compare(make_app(sample_dir()), terminal_size=size, run_before=run_before)
