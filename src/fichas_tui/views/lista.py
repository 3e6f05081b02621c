"""The program list as a view table: what `e` exports and `Y` copies from the list."""

from __future__ import annotations

from collections.abc import Sequence

from ..data.list_records import ProgramRow
from .figures import years_label
from .model import AMOUNT, TEXT, YEAR, Cell, Column, Row, Table
from .pesos import EACH_FICHA, Pesos, annotate, executed


def programs_table(
    programs: Sequence[ProgramRow], pesos: Pesos = EACH_FICHA, title: str = "Programas"
) -> Table:
    """One row per program, in the list's order; spending of each program's latest ficha, in
    the basis in force (each ficha's own pesos: the basis is per row)."""
    columns = (
        Column("program", "Programa", TEXT),
        Column("ministry", "Ministerio", TEXT),
        Column("service", "Servicio", TEXT),
        Column("years", "Fichas", TEXT),
        Column("latest_year", "Última ficha", YEAR),
        Column("executed", "Ejecutado", AMOUNT),
    )
    rows = tuple(
        Row(
            (
                Cell(p.name),
                Cell(p.ministry, None if p.ministry else "-"),
                Cell(p.service, None if p.service else "-"),
                Cell(years_label(p.years) or None, None if p.years else "-"),
                Cell(p.latest_year),
                executed(p, pesos),
            ),
            key=p.program_id,
        )
        for p in programs
    )
    where = "sus pesos" if pesos.target is None else pesos.label
    notes = (f"Ejecutado: el último año de la última ficha de cada programa, en {where}.",)
    return annotate(Table("programs", title, columns, rows, notes=notes), pesos)
