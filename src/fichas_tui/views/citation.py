"""One figure of a program and its source, by measure and year (`fichas cite`), and the
citation text `y` / `Y` copy."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from ..text import one_line
from .cells import display
from .model import AMOUNT, Cell, Column, ProgramView, Table
from .serialize import basis as basis_dict
from .serialize import cell as cell_dict
from .sources import describe

# measure -> (pane, table, column); `cobertura` reads the column of the year asked.
MEASURES: dict[str, tuple[str, str, str]] = {
    "inicial": ("presupuesto", "budget", "inicial"),
    "final": ("presupuesto", "budget", "final"),
    "ejecutado": ("presupuesto", "budget", "ejecutado"),
    "ejecucion-inicial": ("presupuesto", "budget", "exec_inicial"),
    "ejecucion-final": ("presupuesto", "budget", "exec_final"),
    "administrativo": ("presupuesto", "admin_share", "admin_share"),
    "gasto-por-beneficiario": ("presupuesto", "spending_per_beneficiary", "amount"),
    "cobertura": ("resumen", "coverage", ""),
    "indicador": ("indicadores", "indicator:0", "efectivo"),
    "meta": ("indicadores", "indicator:0", "meta"),
}


@dataclass(frozen=True, slots=True)
class Figure:
    """A figure found: its table, column, row key and cell."""

    table: Table
    column: Column
    row: str | None
    cell: Cell


def find(view: ProgramView, measure: str, year: int) -> Figure | None:
    """The cell of `measure` in `year` (None when the view has no such row or table)."""
    pane, table_key, column_key = MEASURES[measure]
    try:
        table = view.pane(pane).table(table_key)
    except KeyError:
        return None
    if not column_key:  # coverage: a row per basis, a column per year
        key = str(year)
        if not any(c.key == key for c in table.columns) or not table.rows:
            return None
        i = table.column(key)
        row = table.rows[0]
        return Figure(table, table.columns[i], row.key, row.cells[i])
    i = table.column(column_key)
    years = table.column("year")
    for row in table.rows:
        if row.cells[years].value == year:
            return Figure(table, table.columns[i], row.key, row.cells[i])
    return None


def unit_of(column: Column, cell: Cell) -> str:
    """`M$ 2024`, `%`, an indicator's unit: what a figure is counted in."""
    if column.kind == AMOUNT:
        basis = cell.basis or column.basis
        return basis.label if basis is not None else "M$"
    return column.unit or ""


def text_of(view_name: str, measure: str, year: int, figure: Figure) -> str:
    """`fichas cite` as text: the figure, then its source, one fact a line."""
    cell = figure.cell
    origin = cell.origin
    shown = display(figure.column, cell)
    unit = unit_of(figure.column, cell)
    if unit and shown.endswith(unit):
        unit = ""
    lines = [
        f"{measure} {year}: {shown} {unit}".rstrip(),
        f"Programa: {one_line(view_name)}",
        f"Fuente: {describe(cell)}",
    ]
    if origin is not None and origin.ficha.sha256:
        lines.append(f"SHA-256 del archivo: {origin.ficha.sha256}")
    return "\n".join(lines)


def as_dict(view: ProgramView, measure: str, year: int, figure: Figure) -> dict[str, Any]:
    """`fichas cite --json`: the program, the measure and year, and the cell with its source."""
    out: dict[str, Any] = {
        "program_id": view.program_id,
        "name": view.name,
        "measure": measure,
        "year": year,
        "column": figure.column.header,
        "cell": cell_dict(figure.column, figure.cell),
    }
    basis = figure.cell.basis or figure.column.basis
    if figure.column.kind == AMOUNT and basis is not None:
        out["basis"] = basis_dict(basis)
    return out


def table_citation(table: Table, program: str) -> str:
    """What `Y` copies: the table as tab-separated text, each row followed by its source."""
    from .sources import primary

    lines = ["\t".join(c.header for c in table.columns) + "\tFuente"]
    for i, row in enumerate(table.rows):
        values = [display(c, cell) for c, cell in zip(table.columns, row.cells, strict=True)]
        found = primary(table, i)
        cell = found[1] if found is not None else None
        source = describe(cell) if cell is not None else ""
        if cell is not None and cell.origin is not None and cell.origin.ficha.sha256:
            source += f", SHA-256 {cell.origin.ficha.sha256[:12]}"
        lines.append("\t".join([*values, source]))
    lines.append(f"Programa: {one_line(program)}. Tabla: {one_line(table.title)}")
    return "\n".join(lines)


def row_citation(table: Table, row: int, program: str) -> str:
    """What `y` adds under a row: its figure with unit and basis, the program and the source
    (ficha year, file, line, first 12 hex of the file's SHA-256)."""
    from .sources import citation, primary

    found = primary(table, row)
    if found is None:
        return f"Programa: {one_line(program)}"
    column, cell = table.columns[found[0]], found[1]
    label = display(table.columns[0], table.rows[row].cells[0])
    value = display(column, cell)
    unit = unit_of(column, cell)
    if unit and value.endswith(unit):
        unit = ""
    return f"{label} {column.title}: " + citation(value, unit, program, cell)
