"""The one line under the panes that says where the row under the cursor is printed."""

from __future__ import annotations

from rich.text import Text
from textual.widgets import Static

from ...views.sources import describe, primary


def row_source(table, row: int) -> str:
    """`Fuente: ficha 2023, archivo 003_….txt, línea 142, columna ...` for a table row."""
    found = primary(table, row)
    if found is None:
        return ""
    return "Fuente: " + describe(found[1]) + "  (v: ver en la ficha)"


class SourceLine(Static):
    """The source of the row under the cursor of the pane on screen; text from fichas is
    data (a Text, never markup)."""

    DEFAULT_CSS = """
    SourceLine {
        height: 1;
        padding: 0 1;
        color: $text-muted;
        text-wrap: nowrap;
        text-overflow: ellipsis;
    }
    """

    def show_row(self, table, row: int | None) -> None:
        self.update(Text(row_source(table, row) if table is not None and row is not None else ""))
