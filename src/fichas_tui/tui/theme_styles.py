"""Rich styles in the colours of the theme in force ($text-warning, $text-error...), for text
made in code: every theme of the palette is honoured, light or dark, as the CSS ones are."""

from __future__ import annotations

from rich.style import Style
from textual.app import App

# The theme variables used, by what they mark (Textual's names: they read on the background).
WARNING = "text-warning"
ERROR = "text-error"
SUCCESS = "text-success"
ACCENT = "text-accent"


def themed(app: App, variable: str, *, bold: bool = False) -> Style:
    """A style in the theme's `$variable` colour (its value in the theme shown now)."""
    # bold None, not False: the colour alone, over the text's own weight
    return Style(color=app.theme_variables[variable], bold=True if bold else None)
