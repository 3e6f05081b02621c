"""Restated figures as views: the mark on a restated cell, the note giving both figures with
their sources, and the listing of `fichas revisiones`."""

from __future__ import annotations

from dataclasses import replace

from ..data.restatements import MONEY, Printed, Restatement
from ..text import fold
from .figures import PERCENT_UNITS, number, percent
from .model import TEXT, YEAR, Cell, Column, Row, Table

# How a restated cell is told apart (explained in each table's notes and the help).
MARK = "‡"

LABELS = {
    "inicial": "Presupuesto inicial",
    "final": "Presupuesto final",
    "ejecutado": "Presupuesto ejecutado",
    "gasto-por-beneficiario": "Gasto por beneficiario",
    "cobertura": "Cobertura",
    "beneficiarios": "Beneficiarios",
    "efectivo": "Indicador, efectivo",
    "meta": "Indicador, meta",
}

Index = dict[tuple[str, str, int, int | None], tuple[Restatement, Printed, Printed]]


def index(revisions, evaluated_year: int | None = None) -> Index:
    """(measure, key, year, evaluated year of the ficha that printed it) -> (restatement,
    that ficha's figure, the other ficha's). With `evaluated_year`, only that ficha's."""
    found: Index = {}
    for r in revisions:
        for own, other in ((r.before, r.after), (r.after, r.before)):
            if evaluated_year is None or own.evaluated_year == evaluated_year:
                found.setdefault((r.measure, r.key, r.year, own.evaluated_year), (r, own, other))
    return found


def printed(r: Restatement, side: Printed) -> str:
    """A figure as its ficha prints it, with its basis or unit: '8.146.335 M$ 2024'."""
    if side.text:
        return side.text
    if r.measure in MONEY:
        basis = f"M$ {side.price_year}" if side.price_year else "M$ nominales"
        decimals = 1 if r.measure == "gasto-por-beneficiario" else 0
        return f"{number(side.value, decimals)} {basis}"
    if r.measure == "cobertura":
        return percent(side.value, 1)
    return number(side.value, 2 if side.value % 1 else 0) + (f" {r.unit}" if r.unit else "")


def source(side: Printed) -> str:
    """'ficha 2023 (rf_2023.txt)'."""
    year = side.evaluated_year if side.evaluated_year is not None else "sin año"
    return f"ficha {year} ({side.source_file or 'archivo desconocido'})"


def change(r: Restatement) -> str:
    """Money: '+3,0 %' of the earlier figure (in nominal pesos); a percentage: '-3,5 puntos';
    another figure: the signed difference."""
    diff = r.difference
    sign = "+" if diff > 0 else ""
    if r.measure in MONEY:
        return "—" if r.relative is None else sign + percent(r.relative * 100, 1)
    if r.measure == "cobertura" or ((r.unit or "").strip() == "%" or fold(r.unit) in PERCENT_UNITS):
        return f"{sign}{number(diff, 2 if round(diff, 1) != round(diff, 2) else 1)} puntos"
    return sign + number(diff, 2 if diff % 1 else 0)


def sentence(r: Restatement, *_sides) -> str:
    """The restated figure in words, both fichas' figures with their sources, oldest first
    (the same sentence whichever ficha's cell carries it)."""
    what = LABELS.get(r.measure, r.measure)
    if r.label and r.measure not in ("efectivo", "meta"):
        what += f" ({r.label})"
    money = r.measure in MONEY
    basis = f" en pesos nominales de {r.year}" if money else ""
    rounding = "de las cifras y de sus factores" if money else "con que se imprimen"
    return (
        f"{MARK} {what} {r.year}: la {source(r.before)} imprime {printed(r, r.before)} y la "
        f"{source(r.after)}, {printed(r, r.after)} ({change(r)}{basis}, más que el redondeo "
        f"{rounding})."
    )


def mark(cell: Cell, found: Index, measure: str, key: str, year, evaluated) -> Cell:
    """`cell` marked when its figure is restated (the sentence kept in `revision`)."""
    hit = found.get((measure, key, year, evaluated))
    if hit is None or cell.value is None:
        return cell
    return replace(cell, revision=sentence(*hit))


def with_notes(table: Table) -> Table:
    """The table with one note per restated cell it shows (after its other notes)."""
    notes = tuple(dict.fromkeys(c.revision for row in table.rows for c in row.cells if c.revision))
    return replace(table, notes=(*table.notes, *notes)) if notes else table


def listing(revisions) -> Table:
    """Every restatement, largest first, with both figures and their sources."""
    columns = (
        Column("program", "Programa", TEXT),
        Column("measure", "Medida", TEXT),
        Column("year", "Año", YEAR),
        Column("before", "Antes", TEXT),
        Column("after", "Después", TEXT),
        Column("change", "Cambio", TEXT),
    )
    rows = []
    for r in revisions:
        what = LABELS.get(r.measure, r.measure) + (f": {r.label}" if r.label else "")
        rows.append(
            Row(
                (
                    Cell(r.program_name),
                    Cell(what),
                    Cell(r.year),
                    Cell(f"{printed(r, r.before)} · {source(r.before)}"),
                    Cell(f"{printed(r, r.after)} · {source(r.after)}"),
                    Cell(change(r)),
                ),
                key=r.program_id,
            )
        )
    return Table(
        "revisiones",
        "Cifras revisadas entre fichas",
        columns,
        tuple(rows),
        notes=(
            "Años que dos fichas seguidas de un programa imprimen distinto, más allá del "
            "redondeo de las cifras y de los factores impresos. Los montos se comparan en "
            "pesos nominales del año (cada cifra dividida por el factor de su ficha); el "
            "cambio, como % de la cifra anterior (porcentajes: en puntos).",
        ),
        empty="Ninguna cifra revisada: las fichas que se solapan imprimen lo mismo.",
        order="tamaño del cambio, de mayor a menor",
    )


def as_json(r: Restatement) -> dict:
    """One restatement for `fichas revisiones --json`."""

    def side(p: Printed) -> dict:
        return {
            "ficha_id": p.ficha_id,
            "ficha_year": p.evaluated_year,
            "file": p.source_file,
            "value": p.value,
            "printed": printed(r, p),
            "price_year": p.price_year,
            "factor": p.factor,
            "compared": p.compared,
        }

    return {
        "program_id": r.program_id,
        "program_name": r.program_name,
        "measure": r.measure,
        "label": r.label or None,
        "unit": "M$" if r.measure in MONEY else r.unit,
        "year": r.year,
        "compared_in": f"M$ nominales de {r.year}" if r.measure in MONEY else "como se imprime",
        "before": side(r.before),
        "after": side(r.after),
        "difference": r.difference,
        "relative": r.relative,
        "tolerance": r.tolerance,
    }
