"""Rich styles in the colours of the theme in force ($text-warning, $text-error...), for text
made in code: every theme of the palette is honoured, light or dark, as the CSS ones are."""

from __future__ import annotations

from rich.style import Style
from textual.app import App

from ..render.rich_tables import Styles

# The theme variables used, by what they mark (Textual's names: they read on the background).
WARNING = "text-warning"
ERROR = "text-error"
SUCCESS = "text-success"
ACCENT = "text-accent"
PRIMARY = "text-primary"


def themed(app: App, variable: str, *, bold: bool = False) -> Style:
    """A style in the theme's `$variable` colour (its value in the theme shown now)."""
    # bold None, not False: the colour alone, over the text's own weight
    return Style(color=app.theme_variables[variable], bold=True if bold else None)


def render_styles(app: App) -> Styles:
    """The shared renderer's colours (render/rich_tables.py) in the theme shown now: titles
    and bars in its primary colour, a bar that reached its meta in success, warnings and the
    meta's mark in warning (where the CLI uses the terminal's cyan, green and yellow)."""
    return Styles(
        title=themed(app, PRIMARY, bold=True),
        notice=themed(app, WARNING, bold=True),
        bar=themed(app, PRIMARY),
        reached=themed(app, SUCCESS),
        target=themed(app, WARNING, bold=True),
    )
