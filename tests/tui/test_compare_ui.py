"""Compare (c) and the peso basis (p) of Región and Ranking, on tests/fixtures/make_across.py.

Values by hand from make_across: Alfa 2022 (M$ 2023) executed 800, Alfa 2023 (M$ 2024) 900,
Beta 2023 1.800; Alfa's 2023 ficha prints the inflators into M$ 2024 (2022: 1,10; 2023: 1,05).
"""

from __future__ import annotations

import io

import pytest
from rich.console import Console
from textual.widgets import DataTable, OptionList

from fichas_tui.tui.app import make_app
from fichas_tui.tui.screens.browser import BrowserScreen
from fichas_tui.tui.screens.compare import Compared, CompareScreen, section
from fichas_tui.tui.screens.compare_pick import ComparePick
from tests.fixtures import make_across
from tests.helpers import SIZES, press, settle


@pytest.fixture(scope="module")
def across(tmp_path_factory):
    return make_across.write(tmp_path_factory.mktemp("across-ui"))


def rows_of(view, key: str) -> dict[str, tuple]:
    """Section `key` of a CompareView: concept -> (A, B, difference) values."""
    table = next(t for t in view.tables if t.key == f"compare:{key}")
    return {r.cells[0].value: tuple(c.value for c in r.cells[1:]) for r in table.rows}


def screen_text(app) -> str:
    """The sides line and every section as the screen draws them (screens.compare.section)."""
    console = Console(width=80, record=True, file=io.StringIO())
    console.print(app.screen.query_one("#compare-sides").render())
    for table in app.screen.view.tables:
        console.print(section(table))
    return console.export_text()


@pytest.mark.asyncio
async def test_compare_two_programs_then_two_years_and_back(across):
    app = make_app(across)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await press(pilot, "c")  # Alfa, the first of the list (its latest ficha, 2023)
        assert isinstance(app.screen, ComparePick)
        options = app.screen.query_one(OptionList)
        assert options.get_option_at_index(0).id == "year:2022"  # the other year comes first
        await press(pilot, "b", "e", "t", "a")  # the list's typed search narrows the programs
        ids = [options.get_option_at_index(i).id for i in range(options.option_count)]
        # "Ministerio de Betas y Gamas" holds the word too; Alfa itself is offered by year only
        assert [i for i in ids if i and i.startswith("program:")] == [
            "program:beta",
            "program:delta",
            "program:gamma",
        ]
        assert ids[options.highlighted] == "program:beta"
        await press(pilot, "enter")
        assert isinstance(app.screen, CompareScreen)
        view = app.screen.view
        assert [(s.program_id, s.year) for s in view.sides] == [("alfa", 2023), ("beta", 2023)]
        assert view.basis == "≈ M$ 2024"  # both printed in M$ 2024: nothing scaled
        assert rows_of(view, "presupuesto")["Ejecutado"] == (900.0, 1800.0, 900.0)
        text = screen_text(app)
        assert "▲ +900" in text and "A: Alfa (2023) · M$ 2024" in text
        await press(pilot, "escape")
        assert isinstance(app.screen, BrowserScreen)

        # from the open program: its other year; the older ficha is A
        await press(pilot, "enter", "c", "enter")
        view = app.screen.view
        assert [(s.program_id, s.year) for s in view.sides] == [("alfa", 2022), ("alfa", 2023)]
        # two pesos (M$ 2023 and M$ 2024): compared in the latest target, M$ 2024
        assert view.basis == "≈ M$ 2024"
        assert rows_of(view, "presupuesto")["Ejecutado"] == pytest.approx((840.0, 900.0, 60.0))
        assert "≈840" in screen_text(app) and "▲ +60" in screen_text(app)
        await press(pilot, "p", "p", "p")  # 2023, 2022, then each ficha's pesos: never
        # subtracted across two pesos
        assert app.screen.view.basis == "pesos de cada ficha"
        assert rows_of(app.screen.view, "presupuesto")["Ejecutado"] == (800.0, 900.0, None)
        assert "pesos distintos" in screen_text(app)
        screen = app.screen  # a result older than the last request is dropped
        screen.on_compared(Compared(screen._token - 1, None, screen.pesos, "viejo"))
        assert screen.view.basis == "pesos de cada ficha"
        assert "viejo" not in str(screen.query_one("#compare-status").render())
        await press(pilot, "escape")
        assert isinstance(app.screen, BrowserScreen) and app.screen.has_class("-detail")


def column(app, key: str) -> list[str]:
    table = app.screen.query_one(DataTable)
    index = table.get_column_index(key)
    return [str(table.get_cell_at((i, index))) for i in range(table.row_count)]


@pytest.mark.asyncio
async def test_p_converts_region_and_ranking_with_the_main_screens_basis(across):
    app = make_app(across)
    async with app.run_test(size=(120, 30)) as pilot:
        await settle(pilot)
        await press(pilot, "r")  # opened in the latest year the factors reach
        while app.screen.state.region != "Coquimbo":
            await press(pilot, "right_square_bracket")
        assert app.screen.pesos.target == 2024
        # Delta 1.000 M$ 2022 x 1,10 = 1.100 ranks first; Alfa's 300 is printed in M$ 2024;
        # Beta's "-" under its own heading
        assert column(app, "program_name") == ["Delta", "Alfa", "─ Sin dato", "Beta"]
        assert column(app, "value") == ["≈1.100", "300", "", "-"]
        assert "≈ M$ 2024" in str(app.screen.query_one("#across-title").render())
        # bars: spending to the largest shown (300 / 1.100 of 10 cells), share to 100 %
        assert column(app, "bar_value")[:2] == ["██████████", "██▊       "]
        assert column(app, "bar_share")[:2] == ["██        ", "███▍      "]
        await press(pilot, "escape")
        assert app.screen.pesos.target == 2024  # the main screen follows
        await press(pilot, "K")  # ranking by spending, in the same basis
        # Delta 5.000 x 1,10 = 5.500; Beta 1.800; Alfa and Épsilon 900 (tie, by name); Gamma N/C
        names = ["Delta", "Beta", "Alfa", "Épsilon", "─ Sin dato", "Gamma"]
        assert column(app, "program_name") == names
        assert column(app, "value") == ["≈5.500", "1.800", "900", "900", "", "N/C"]
        assert column(app, "rank") == ["1", "2", "3", "3", "", ""]
        await press(pilot, "p")  # M$ 2023: Delta 5.000 x 1,10 / 1,05 = 5.238,1; Beta 1.800 / 1,05
        assert column(app, "value")[:2] == ["≈5.238", "≈1.714"]
        await press(pilot, "p", "p")  # M$ 2022, then each ficha's pesos
        assert app.screen.pesos.target is None
        # Delta's M$ 2022 figure is not ranked with the M$ 2024 ones: apart, under a heading
        names = ["Beta", "Alfa", "Épsilon", "─ Otra base (2022)", "Delta"]
        assert column(app, "program_name")[:5] == names
        assert column(app, "rank")[:5] == ["1", "2", "2", "", "1"]


SCENES = {
    "compare_years": ("enter", "c", "enter"),
}


@pytest.mark.parametrize("size", SIZES)
def test_compare_snapshot(snap_compare, across, size):
    async def run_before(pilot) -> None:
        await settle(pilot)
        await press(pilot, *SCENES["compare_years"])
        pilot.app.clear_notifications()  # a toast's lifetime is wall-clock time
        await settle(pilot)

    assert snap_compare(make_app(across), terminal_size=SIZES[size], run_before=run_before)


def test_region_bars_snapshot(snap_compare, across):
    async def run_before(pilot) -> None:
        await settle(pilot)
        await press(pilot, "r")  # opens in M$ 2024, the latest year the factors reach
        pilot.app.clear_notifications()
        await settle(pilot)

    assert snap_compare(make_app(across), terminal_size=SIZES["120x40"], run_before=run_before)
