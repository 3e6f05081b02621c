"""Text coloured in code follows the theme in force (its $text-warning...), not a fixed colour:
a pane's notice is drawn again in the new theme's colour when the theme changes."""

from __future__ import annotations

import shutil

import pytest
from rich.color import Color
from rich.style import Style
from rich.text import Text
from textual.widgets import Static

from fichas_tui.tui.app import make_app
from fichas_tui.tui.widgets.detail import Detail
from tests.helpers import FIXTURE, RESIDENCIA, press, settle

pytestmark = pytest.mark.asyncio


def colours(pane) -> set[Color]:
    return {
        s.style.color for strip in pane.content_lines() for s in strip if s.style and s.style.color
    }


async def test_a_panes_notice_takes_the_colour_of_each_theme(tmp_path):
    shutil.copytree(FIXTURE, tmp_path / "ds")
    (tmp_path / "ds" / "indicators.parquet").unlink()  # the pane says the table is missing
    app = make_app(tmp_path / "ds")
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await press(pilot, *RESIDENCIA, "3")
        pane = app.screen.query_one(Detail).pane("indicadores")
        seen = {}
        for theme in ("textual-dark", "textual-light"):
            app.theme = theme
            await settle(pilot)
            warning = Color.parse(app.theme_variables["text-warning"])
            assert warning in colours(pane), theme
            seen[theme] = warning
        assert seen["textual-dark"] != seen["textual-light"]  # the check can tell them apart
        assert Color.parse("yellow") not in colours(pane)


def styled_colours(text: Text) -> set[Color]:
    return {s.style.color for s in text.spans if isinstance(s.style, Style) and s.style.color}


async def test_the_status_line_takes_the_colour_of_each_theme():
    from fichas_tui.tui.filter_state import Filters

    app = make_app(FIXTURE)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        app.screen.apply_filters(Filters(year=2021))  # the status line names them in warning
        await settle(pilot)
        seen = {}
        for theme in ("textual-dark", "textual-light"):
            app.theme = theme  # as the palette's «Tema» sets it
            await settle(pilot)
            status = app.screen.query_one("#list-status", Static).content
            warning = Color.parse(app.theme_variables["text-warning"])
            assert warning in styled_colours(status), theme
            seen[theme] = warning
        assert seen["textual-dark"] != seen["textual-light"]


async def test_tables_titles_and_bars_take_the_themes_colours():
    app = make_app(FIXTURE)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await press(pilot, *RESIDENCIA, "3")  # Indicadores: titles, bars and their metas
        pane = app.screen.query_one(Detail).pane("indicadores")
        for theme in ("textual-dark", "textual-light"):
            app.theme = theme
            await settle(pilot)
            drawn = colours(pane)
            assert Color.parse(app.theme_variables["text-primary"]) in drawn, theme
        for named in ("cyan", "green", "yellow"):
            assert Color.parse(named) not in drawn

