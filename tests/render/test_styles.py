"""The shared renderer's colours: the terminal's named colours by default (the CLI), the ones
passed in otherwise (the explorer's theme, tests/tui/test_theme.py)."""

from __future__ import annotations

from rich.console import Console
from rich.style import Style

from fichas_tui.render.rich_tables import Styles, bar, renderable
from fichas_tui.views.model import Bar, PaneView


def ansi(renderable_) -> str:
    console = Console(record=True, color_system="standard", width=60, force_terminal=True)
    console.print(renderable_)
    return console.export_text(styles=True)


def test_the_cli_keeps_the_terminals_own_colours():
    assert "\x1b[1;33maviso" in ansi(renderable(PaneView("k", "T", notice="aviso"), fit=True))


def test_styles_passed_in_replace_the_named_colours():
    red = Style(color="red")
    styles = Styles(title=red, notice=red, bar=red, reached=red, target=red)
    drawn = bar(Bar(0.5, target=0.75), 8, styles)
    assert {s.style for s in drawn.spans} == {red}
    out = ansi(renderable(PaneView("k", "T", notice="aviso"), fit=True, styles=styles))
    assert "\x1b[31maviso" in out
