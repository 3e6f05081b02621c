"""Views across programs: rankings by measure and a region's programs, ordered and labelled.

The data layer (data/across.py) gives one unordered row per program; here they get their order
(missing values last, never as 0; ties by name), their peso basis (amounts in other pesos than
the ranking's are listed after it, never sorted as one) and their columns with units. The CLI,
the screens and export all draw the `AcrossView` built here.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from ..text import fold
from .model import AMOUNT, COUNT, NOMINAL, PERCENT, TEXT, YEAR, Basis, Cell, Column, Row, Table
from .pesos import EACH_FICHA, NO_FACTOR, Pesos, annotate


@dataclass(frozen=True, slots=True)
class Measure:
    key: str  # as typed on the command line
    title: str  # column header
    kind: str  # AMOUNT or PERCENT
    unit: str  # in words, for --help and JSON
    help: str
    decimals: int = 1
    a: str | None = None  # the figures it is computed from, as JSON/CSV columns
    b: str | None = None


MEASURES: dict[str, Measure] = {
    m.key: m
    for m in (
        Measure(
            "gasto", "Gasto ejecutado", AMOUNT, "M$", "gasto ejecutado del año evaluado", decimals=0
        ),
        Measure(
            "ejecucion-inicial",
            "Ejecución / inicial",
            PERCENT,
            "%",
            "gasto ejecutado como % del presupuesto inicial",
            a="ejecutado",
            b="inicial",
        ),
        Measure(
            "ejecucion-final",
            "Ejecución / final",
            PERCENT,
            "%",
            "gasto ejecutado como % del presupuesto final (vigente)",
            a="ejecutado",
            b="final",
        ),
        Measure(
            "gasto-por-beneficiario",
            "Gasto por beneficiario",
            AMOUNT,
            "M$ por beneficiario",
            "gasto por beneficiario que informa la ficha",
        ),
        Measure(
            "administrativo",
            "Gasto administrativo",
            PERCENT,
            "%",
            "gasto administrativo como % del gasto ejecutado",
            a="administrativo",
            b="ejecutado",
        ),
        Measure(
            "cobertura",
            "Cobertura",
            PERCENT,
            "%",
            "beneficiarios como % de la población objetivo",
            a="beneficiarios",
            b="poblacion_objetivo",
        ),
        Measure(
            "indicador",
            "Cumplimiento de meta",
            PERCENT,
            "% de la meta",
            "primer indicador de propósito: efectivo como % de su meta",
            a="efectivo",
            b="meta",
        ),
    )
}


@dataclass(frozen=True, slots=True)
class AcrossView:
    """A cross-program result: one table on screen and the same rows as records for scripts."""

    measure: str  # a MEASURES key, or "region"
    title: str
    unit: str
    basis: Basis | None  # amounts: the pesos the main group is in; None for percentages
    table: Table
    records: tuple[dict[str, Any], ...]  # JSON/CSV rows, in the table's order
    counts: dict[str, int] = field(default_factory=dict)
    apart: Table | None = None  # region view: programs that list the region without figures


def basis_of(price_year: int | None) -> Basis:
    return Basis(price_year=price_year)


def _peso_year(cell: Cell, year: int | None) -> int | None:
    """The year of a figure's pesos: nominal pesos of year Y are pesos of Y."""
    basis = cell.basis or NOMINAL
    return basis.price_year if basis.price_year is not None else year


def _newest(years) -> int | None:
    return max((y for y in years if y is not None), default=None)


def _name_key(row) -> tuple[str, str]:
    return (fold(row.program_name), row.program_id)


def order(items: list[tuple], *, amount: bool, descending: bool = True):
    """(ordered (row, cell) pairs, rank of each, main peso year).

    Figures come first, best first; for amounts only those in the main pesos (the newest, or
    the target's when converting) are ranked, and figures in other pesos follow, grouped by
    pesos (newest first), never sorted as one. Missing values come last. Equal values share a
    rank (1, 2, 2, 4) and are listed by name, so the order never depends on reading order.
    """
    present = [(r, c) for r, c in items if c.value is not None]
    missing = sorted(((r, c) for r, c in items if c.value is None), key=lambda i: _name_key(i[0]))
    main_year = None
    groups: list[list] = [present]
    if amount and present:
        years = sorted(
            {_peso_year(c, r.year) for r, c in present}, key=lambda y: (y is None, -(y or 0))
        )
        main_year = years[0]
        groups = [[(r, c) for r, c in present if _peso_year(c, r.year) == y] for y in years]
    sign = -1 if descending else 1
    out, ranks = [], []
    for g, group in enumerate(groups):
        group.sort(key=lambda i: (sign * round(i[1].value, 6), *_name_key(i[0])))
        previous, rank = None, 0
        for n, (r, c) in enumerate(group, 1):
            if round(c.value, 6) != previous:
                rank, previous = n, round(c.value, 6)
            out.append((r, c))
            ranks.append(rank if g == 0 else None)  # other pesos: listed, not ranked
    out += missing
    ranks += [None] * len(missing)
    return out, ranks, main_year


def amount_cell(value, status, price_year, year, pesos: Pesos) -> Cell:
    """An amount in its ficha's pesos, converted when a target is in force."""
    cell = Cell(value, None if value is not None else status, basis=basis_of(price_year))
    return pesos.cell(cell, year=year)


def _main_basis(main_year: int | None, pesos: Pesos) -> Basis | None:
    if main_year is None:
        return None
    return Basis(price_year=main_year, converted=pesos.target == main_year)


def amount_record(cell: Cell, pesos: Pesos) -> dict[str, Any]:
    """JSON/CSV fields of an amount: its unit and pesos, and when converted, the factor and the
    figure as printed in the ficha; "sin factor" figures are null with that reason."""
    basis = cell.basis or NOMINAL
    out: dict[str, Any] = {"unit": basis.unit, "price_year": basis.price_year}
    out["basis"] = basis.label
    if pesos.target is not None:
        source = cell.source or basis
        out["factor"] = cell.factor
        out["source_basis"] = source.label
        if cell.note == NO_FACTOR:
            out["value_in_ficha"] = cell.value
    return out


def ranking_view(
    rows: list,
    measure_key: str,
    *,
    descending: bool = True,
    limit: int | None = None,
    pesos: Pesos = EACH_FICHA,
) -> AcrossView:
    """Programs ordered by one measure; `limit` keeps the first N (missing ones still counted).

    Amounts are in `pesos` (each ficha's own by default, else converted to M$ of its target).
    """
    measure = MEASURES[measure_key]
    amount = measure.kind == AMOUNT
    items = [
        (r, amount_cell(r.value, r.status, r.price_year, r.year, pesos) if amount
         else Cell(r.value, r.status))
        for r in rows
    ]  # fmt: skip
    ordered, ranks, main_year = order(items, amount=amount, descending=descending)
    n_missing = sum(1 for _, c in items if c.value is None)
    n_other = _count_other(ordered, ranks)
    basis = _main_basis(main_year, pesos) if amount else None
    value_column = Column(
        "value",
        measure.title,
        measure.kind,
        unit=None if amount else measure.unit,
        basis=basis,
        decimals=measure.decimals,
    )
    columns = [
        Column("rank", "N°", COUNT),
        Column("program_name", "Programa", TEXT),
        Column("year", "Año", YEAR),
        value_column,
    ]
    ab = [(r, _ab_cells(measure, r, pesos)) for r, _ in ordered] if measure.a else []
    if measure.a:
        columns += _ab_columns(measure, [cells for _, cells in ab])
    table_rows, records = [], []
    shown = list(zip(ordered, ranks, strict=True))
    if limit is not None:
        shown = shown[:limit]
    for n, ((r, cell), rank) in enumerate(shown):
        cells = [Cell(rank), Cell(r.program_name), Cell(r.year), cell]
        record = _record(r, rank, cell)
        if amount:
            record.update(amount_record(cell, pesos))
            if cell.note == NO_FACTOR and pesos.target is not None:
                record.update(value=None, status=NO_FACTOR)
        else:
            record["unit"] = measure.unit
        if measure.a:
            a, b = ab[n][1]
            cells += [a, b]
            record[measure.a], record[measure.b] = a.value, b.value
            if measure.key in _BUDGET_RATIOS:
                record["amounts_basis"] = (a.basis or NOMINAL).label
        if r.label:
            record["indicator"] = r.label
        table_rows.append(Row(tuple(cells), key=r.program_id))
        records.append(record)
    notes = _notes(amount, basis, n_other, n_missing)
    direction = "de mayor a menor" if descending else "de menor a mayor"
    table = annotate(
        Table(
            key=f"ranking:{measure_key}",
            title=f"Ranking: {measure.title.lower()}",
            columns=tuple(columns),
            rows=tuple(table_rows),
            notes=tuple(notes),
            empty="Ningún programa cumple los filtros.",
            order=f"{measure.title.lower()}, {direction}; sin dato al final",
        ),
        pesos,
    )
    return AcrossView(
        measure=measure_key,
        title=table.title,
        unit=measure.unit,
        basis=basis,
        table=table,
        records=tuple(records),
        counts={"programs": len(rows), "missing": n_missing, "other_basis": n_other},
    )


def _ab_columns(measure: Measure, ab_cells: list[tuple[Cell, Cell]]) -> list[Column]:
    basis = None
    if measure.key in _BUDGET_RATIOS:
        kind, unit = AMOUNT, None
        # the newest pesos among the rows; rows in others are flagged by the renderers
        year = _newest(c.basis.price_year for pair in ab_cells for c in pair if c.basis)
        basis = basis_of(year) if year is not None else None
    elif measure.key == "cobertura":
        kind, unit = COUNT, "personas"
    else:
        kind, unit = COUNT, None
    titles = {
        "ejecutado": "Ejecutado",
        "inicial": "Inicial",
        "final": "Final",
        "administrativo": "Administrativo",
        "beneficiarios": "Beneficiarios",
        "poblacion_objetivo": "Población objetivo",
        "efectivo": "Efectivo",
        "meta": "Meta",
    }
    decimals = 2 if measure.key == "indicador" else 0
    return [
        Column(k, titles[k], kind, unit=unit, basis=basis, decimals=decimals)
        for k in (measure.a, measure.b)
    ]


def _ab_cells(measure: Measure, r, pesos: Pesos) -> tuple[Cell, Cell]:
    # The budget figures a ratio comes from are amounts; the ratio itself has no pesos.
    if measure.key in _BUDGET_RATIOS:
        return (
            amount_cell(r.a, None, r.price_year, r.year, pesos),
            amount_cell(r.b, None, r.price_year, r.year, pesos),
        )
    return Cell(r.a), Cell(r.b)


_BUDGET_RATIOS = ("ejecucion-inicial", "ejecucion-final", "administrativo")


def _record(r, rank, cell: Cell) -> dict[str, Any]:
    return {
        "rank": rank,
        "program_id": r.program_id,
        "program_name": r.program_name,
        "ficha_id": r.ficha_id,
        "year": r.year,
        "value": cell.value,
        "status": None if cell.value is not None else (cell.status or "sin dato"),
    }


def _notes(amount: bool, basis: Basis | None, n_other: int, n_missing: int) -> list[str]:
    notes = []
    if amount and basis is not None and not basis.converted:
        notes.append(
            f"Ordenados en {basis.label} (montos nominales de un año cuentan como pesos de ese "
            "año)."
        )
    if n_other:
        notes.append(
            f"{n_other} programa(s) en otra base de pesos van después, sin posición: "
            "no se ordenan junto a los demás."
        )
    if n_missing:
        notes.append(f"{n_missing} programa(s) sin dato, al final (no cuentan como 0).")
    return notes


def _count_other(ordered, ranks) -> int:
    """Figures listed without a rank: those in other pesos than the main group's."""
    return sum(1 for (_, c), k in zip(ordered, ranks, strict=True) if k is None and not c.missing)


def region_view(rows: list, region: str, *, pesos: Pesos = EACH_FICHA) -> AcrossView:
    """Programs that break down spending for `region` (by spending there), and those that only
    list it among their regions (apart, by name). Amounts in `pesos`."""
    broken = [r for r in rows if r.has_breakdown]
    listed = sorted((r for r in rows if not r.has_breakdown), key=_name_key)
    items = [
        (r, amount_cell(r.spending, r.spending_status, r.price_year, r.year, pesos)) for r in broken
    ]
    ordered, ranks, main_year = order(items, amount=True)
    basis = _main_basis(main_year, pesos)
    columns = (
        Column("rank", "N°", COUNT),
        Column("program_name", "Programa", TEXT),
        Column("year", "Año", YEAR),
        Column("value", "Gasto en la región", AMOUNT, basis=basis),
        Column("share_pct", "% del programa", PERCENT, unit="%", decimals=1),
        Column("beneficiaries", "Beneficiarios", COUNT, unit="personas"),
        Column("per_beneficiary", "M$/benef.", AMOUNT, basis=basis, decimals=1),
    )
    table_rows, records = [], []
    for (r, spent), rank in zip(ordered, ranks, strict=True):
        per_value, per_status = _per_beneficiary(r)
        per = amount_cell(per_value, per_status, r.price_year, r.year, pesos)
        share = Cell(
            r.share,
            None if r.share is not None else (r.spending_status or "-"),
            note="calculado de los montos regionales" if r.share_computed else None,
        )
        beneficiaries = Cell(r.beneficiaries, r.beneficiaries_status)
        cells = (Cell(rank), Cell(r.program_name), Cell(r.year), spent, share, beneficiaries, per)
        table_rows.append(Row(cells, key=r.program_id))
        record = _record(r, rank, spent)
        record.update(amount_record(spent, pesos))
        if spent.note == NO_FACTOR and pesos.target is not None:
            record.update(value=None, status=NO_FACTOR)
        record.update(
            share_pct=r.share,
            share_computed=r.share_computed,
            beneficiaries=r.beneficiaries,
            beneficiaries_status=r.beneficiaries_status,
            per_beneficiary_kclp=per.value if per.note != NO_FACTOR else None,
            breakdown=True,
        )
        records.append(record)
    apart_rows = []
    for r in listed:
        apart_rows.append(Row((Cell(r.program_name), Cell(r.year)), key=r.program_id))
        record = _record(r, None, Cell(None, "sin desglose regional"))
        record.update(unit="M$", breakdown=False)
        records.append(record)
    n_missing = sum(1 for _, c in items if c.missing)
    n_other = _count_other(ordered, ranks)
    table = Table(
        key="region",
        title=f"Programas con gasto en {region}",
        columns=columns,
        rows=tuple(table_rows),
        notes=tuple(_notes(True, basis, n_other, n_missing)),
        empty=f"Ningún programa desglosa gasto para {region}.",
        order="gasto en la región, de mayor a menor; sin dato al final",
    )
    apart = Table(
        key="region:sin-desglose",
        title="Sin desglose regional (la ficha lista la región, sin montos para ella)",
        columns=(Column("program_name", "Programa", TEXT), Column("year", "Año", YEAR)),
        rows=tuple(apart_rows),
        empty="Ninguno.",
        order="nombre",
    )
    return AcrossView(
        measure="region",
        title=region,
        unit="M$",
        basis=basis,
        table=annotate(table, pesos),
        records=tuple(records),
        counts={
            "programs": len(rows),
            "breakdown": len(broken),
            "without_breakdown": len(listed),
            "missing": n_missing,
            "other_basis": n_other,
        },
        apart=apart,
    )


def _per_beneficiary(r) -> tuple[float | None, str | None]:
    """M$ per beneficiary in the region, or the code of whichever figure is missing."""
    if r.spending is None:
        return None, r.spending_status or "sin dato"
    if r.beneficiaries is None:
        return None, r.beneficiaries_status or "sin dato"
    if r.beneficiaries <= 0:
        return None, "-"
    return r.spending / r.beneficiaries, None
