"""Text coloured in code follows the theme in force (its $text-warning...), not a fixed colour:
a pane's notice is drawn again in the new theme's colour when the theme changes."""

from __future__ import annotations

import shutil

import pytest
from rich.color import Color

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
