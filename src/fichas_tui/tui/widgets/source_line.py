"""The one line under the panes that says where the row under the cursor is printed."""

from __future__ import annotations

from rich.text import Text
from textual.widgets import Static

from ...views.model import AMOUNT
from ...views.pesos import Pesos, conversion_text
from ...views.sources import describe, primary


def row_source(table, row: int, pesos: Pesos | None = None) -> str:
    """`Fuente: ficha 2023, archivo 003_….txt, línea 142, columna ...` for a table row, and
    the factor that converted its amount (`≈ ×1,1002 (2022 → 2024, ficha ab86...)`)."""
    found = primary(table, row)
    converted = None
    if pesos is not None and pesos.target is not None:
        amounts = (c for c, col in zip(table.rows[row].cells, table.columns, strict=True)
                   if col.kind == AMOUNT)  # fmt: skip
        converted = next(filter(None, (conversion_text(c, pesos) for c in amounts)), None)
    parts = [] if converted is None else [converted]
    if found is not None:
        parts.append("Fuente: " + describe(found[1]) + "  (v: ver en la ficha)")
    return " · ".join(parts)


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

    def show_row(self, table, row: int | None, pesos: Pesos | None = None) -> None:
        self.update(
            Text(row_source(table, row, pesos) if table is not None and row is not None else "")
        )
