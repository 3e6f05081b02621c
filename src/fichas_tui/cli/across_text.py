"""The cross-program commands' tables as text: one Rich table, or one block per row where the
terminal is too narrow (region, ranking, compare, revisiones, totales)."""

from __future__ import annotations

from dataclasses import replace

from rich import box
from rich.console import Console
from rich.table import Table as RichTable
from rich.text import Text

from ..text import clean
from ..views.across import AcrossView
from ..views.compare import change
from ..views.figures import COMPUTED_MARK, COMPUTED_NOTE, figure, missing, number
from ..views.model import AMOUNT, BAR, COUNT, FIGURE, PERCENT, TEXT, YEAR, Cell, Column, Table
from ..views.pesos import (
    NO_FACTOR,
    mark,
)


def print_view(out: Console, view: AcrossView) -> None:
    """The ranking, then each section apart from it under its heading (views.across_order)."""
    table = view.table
    if not view.sections:
        print_table(out, table)
    else:
        first = view.sections[0].start
        print_table(
            out, replace(table, rows=table.rows[:first], empty="Ninguno en esta base de pesos.")
        )
        for section in view.sections:
            out.print()
            rows = table.rows[section.start : section.start + section.size]
            part = replace(table, title=section.title, notes=(), rows=rows, order=None)
            print_table(out, in_own_pesos(part))
    if view.apart is not None:
        out.print()
        print_table(out, view.apart)


def in_own_pesos(table: Table) -> Table:
    """A section apart (one other basis): its amount columns headed by that basis."""
    columns = []
    for i, column in enumerate(table.columns):
        own = next((r.cells[i].basis for r in table.rows if r.cells[i].basis), None)
        columns.append(replace(column, basis=own) if column.kind == AMOUNT and own else column)
    return replace(table, columns=tuple(columns))


def print_table(out: Console, table: Table) -> None:
    out.print(Text(clean(table.title), style="bold"))
    for note in table.notes:
        out.print(Text(clean(note), style="dim"))
    if not table.rows:
        out.print(Text(table.empty))
        return
    bases = _other_bases(table)
    texts = [
        [
            Text(change(col, c)[0]) if col.key == "difference" else cell_text(c, col)
            for c, col in zip(row.cells, table.columns, strict=True)
        ]
        for row in table.rows
    ]
    for row, cells in zip(table.rows, texts, strict=True):
        for cell, text, column in zip(row.cells, cells, table.columns, strict=True):
            if column.key == "difference" and cell.value:  # differences stand out
                text.stylize("bold")
    # Figures never wrap: a column is as wide as its widest figure (or its header's longest
    # word); names wrap. When that does not fit, each row is stacked, so no column is lost.
    widths = []
    for i, column in enumerate(table.columns):
        header_word = max((len(w) for w in column.header.split()), default=1)
        widest = max((t[i].cell_len for t in texts), default=1)
        widths.append(max(widest, header_word) if column.numeric else 16)
    base_width = max((len(b) for b in bases.values()), default=0)
    needed = sum(w + 3 for w in widths) + (base_width + 3 if bases else 0)
    if needed > out.width:
        _print_stacked(out, table, texts, bases)
    else:
        rich = RichTable(box=box.SIMPLE_HEAD, show_edge=False, pad_edge=False)
        for column, width in zip(table.columns, widths, strict=True):
            rich.add_column(
                Text(clean(column.header)),
                justify="right" if column.numeric else "left",
                min_width=width,
                overflow="fold",
            )
        if bases:
            rich.add_column(Text("Base"), no_wrap=True)
        for row, cells in zip(table.rows, texts, strict=True):
            if bases:
                cells = [*cells, Text(bases.get(id(row), ""))]
            rich.add_row(*cells)
        out.print(rich)
    if table.order:
        out.print(Text(f"Orden: {clean(table.order)}.", style="dim"))


_HEADING = ("rank", "program_name", "year")


def _print_stacked(out: Console, table: Table, texts: list[list[Text]], bases: dict) -> None:
    """One block per row: its first text cells as a heading, then `Header: value` lines."""
    for row, cells in zip(table.rows, texts, strict=True):
        head = [
            c.plain
            for c, col in zip(cells, table.columns, strict=True)
            if col.key in _HEADING and c.plain
        ]
        out.print(Text(" · ".join(head), style="bold"))
        for cell, text, column in zip(row.cells, cells, table.columns, strict=True):
            if column.key in _HEADING:
                continue
            header = column.header
            if (
                column.kind == AMOUNT
                and cell.basis
                and cell.basis.price_year != (column.basis.price_year if column.basis else None)
            ):
                header = f"{column.title} ({cell.basis.label})"  # its own pesos, not the column's
            out.print(Text(f"  {clean(header)}: ").append_text(text))


def _other_bases(table: Table) -> dict[int, str]:
    """Rows with an amount in other pesos than its column's: row id -> the basis label."""
    found = {}
    for row in table.rows:
        for cell, column in zip(row.cells, table.columns, strict=True):
            if (
                column.kind == AMOUNT
                and cell.basis
                and column.basis
                and cell.basis != column.basis
                and (cell.basis.price_year != column.basis.price_year or cell.note == NO_FACTOR)
            ):
                found[id(row)] = cell.basis.label
    return found


def cell_text(cell: Cell, column: Column) -> Text:
    """One cell as the ficha's figures read: Chilean numbers, the code when missing."""
    if cell.value is None:
        return Text(missing(cell.status) if column.kind != COUNT or cell.status else "")
    if column.kind in (AMOUNT, PERCENT, COUNT):
        decimals = column.decimals if isinstance(cell.value, float) else 0
        text = number(cell.value, decimals)
        if column.kind == AMOUNT:
            return Text(mark(text, cell))  # converted (≈) or left in its own pesos (†)
        return Text(text + (COMPUTED_MARK if cell.note == COMPUTED_NOTE else ""))
    if column.kind == FIGURE and isinstance(cell.value, (int, float)):
        # an indicator: the decimals of the column's most precise figure (views set them)
        decimals = column.decimals
        return Text(figure(cell.value) if not decimals else number(cell.value, decimals))
    if column.kind == YEAR:
        return Text(str(cell.value))
    if column.kind in (TEXT, BAR):
        return Text(clean(str(cell.value)))
    return Text(clean(str(cell.value)))
