"""How a view cell reads as text: the one formatting of a Cell under its Column."""

from __future__ import annotations

import math
from dataclasses import replace

from ..data.list_records import Value
from ..text import one_line
from .figures import (
    COMPUTED_MARK,
    COMPUTED_NOTE,
    INVALID,
    code_notes,
    figure,
    missing,
    number,
    percent,
)
from .model import AMOUNT, BAR, COUNT, FIGURE, PERCENT, YEAR, Bar, Basis, Cell, Column, Table
from .pesos import mark
from .revisions import MARK as REVISED


def of(value: Value, basis: Basis | None = None, *, written: bool = False) -> Cell:
    """A record's value as a cell; a non-finite number (a dataset made elsewhere) is missing."""
    v = value.value
    if isinstance(v, float) and not math.isfinite(v):
        return Cell(None, INVALID, basis, origin=value.origin)
    text = value.text if written and v is None and value.text != value.status else None
    return Cell(v, value.status if v is None else None, basis, written=text, origin=value.origin)


def text_cell(text: str | None) -> Cell:
    return Cell(text or None, None if text else "-")


def display(column: Column, cell: Cell) -> str:
    """The cell as shown: '1.745.448', '22,6 %', 'N/C*' (as the ficha wrote the code); a
    figure another ficha restates ends in ‡ (views/revisions)."""
    text = _display(column, cell)
    return text + REVISED if cell.revision and cell.value is not None else text


def _display(column: Column, cell: Cell) -> str:
    if column.kind == BAR or isinstance(cell.value, Bar):
        return ""
    if cell.value is None:
        return one_line(cell.written) if cell.written else missing(cell.status)
    value = cell.value
    if column.kind == YEAR:
        return str(int(value))
    if column.kind == AMOUNT:  # marked when converted (≈) or left without a factor (†)
        text = mark(number(value, column.decimals), cell)
        return text + (COMPUTED_MARK if cell.note == COMPUTED_NOTE else "")
    if column.kind == COUNT:
        return number(value, column.decimals)
    if column.kind == PERCENT:  # a share the ficha does not print is marked
        return percent(value, column.decimals) + (
            COMPUTED_MARK if cell.note == COMPUTED_NOTE else ""
        )
    if column.kind == FIGURE:
        return figure(value) if column.decimals == 0 else number(value, column.decimals)
    return one_line(str(value))


def shown_codes(table: Table) -> set[str]:
    """The missing-value codes the table shows in place of a figure ('N/C', 's/d', ...)."""
    return {
        missing(cell.status)
        for row in table.rows
        for column, cell in zip(table.columns, row.cells, strict=False)
        if column.kind != BAR and cell.value is None
    }


def explain_codes(table: Table) -> Table:
    """The table with a legend line for every code it shows that its notes do not explain
    yet: a reader never meets an unexplained 's/d' or 'N/C' (figures.CODE_MEANINGS)."""
    new = tuple(n for n in code_notes(shown_codes(table)) if n not in table.notes)
    return replace(table, notes=(*table.notes, *new)) if new else table
