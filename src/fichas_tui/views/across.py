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
from .model import AMOUNT, COUNT, PERCENT, TEXT, YEAR, Basis, Cell, Column, Row, Table


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


def _peso_year(price_year: int | None, year: int | None) -> int | None:
    """The year of the pesos: nominal pesos of year Y are pesos of Y."""
    return price_year if price_year is not None else year


def _name_key(row) -> tuple[str, str]:
    return (fold(row.program_name), row.program_id)


def order(rows: list, *, amount: bool, descending: bool = True, value=lambda r: r.value):
    """(ordered rows, rank of each, main peso year).

    Rows with a value come first, best first, then rows whose amount is in other pesos (newest
    pesos first), then rows without a value. Equal values share a rank (1, 2, 2, 4) and are
    listed by name, so the order never depends on how the dataset was read.
    """
    present = [r for r in rows if value(r) is not None]
    missing = sorted((r for r in rows if value(r) is None), key=_name_key)
    main_year = None
    groups: list[list] = [present]
    if amount and present:
        years = {_peso_year(r.price_year, r.year) for r in present}
        ordered_years = sorted(years, key=lambda y: (y is None, -(y or 0)))
        main_year = ordered_years[0]
        groups = [
            [r for r in present if _peso_year(r.price_year, r.year) == y] for y in ordered_years
        ]
    sign = -1 if descending else 1
    out, ranks = [], []
    for g, group in enumerate(groups):
        group.sort(key=lambda r: (sign * round(value(r), 6), *_name_key(r)))
        previous, rank = None, 0
        for i, r in enumerate(group, 1):
            if round(value(r), 6) != previous:
                rank, previous = i, round(value(r), 6)
            out.append(r)
            ranks.append(rank if g == 0 else None)  # other pesos: listed, not ranked
    out += missing
    ranks += [None] * len(missing)
    return out, ranks, main_year


def _amount_cell(value: float | None, status: str | None, price_year: int | None) -> Cell:
    return Cell(value, status, basis=basis_of(price_year))


def ranking_view(
    rows: list, measure_key: str, *, descending: bool = True, limit: int | None = None
) -> AcrossView:
    """Programs ordered by one measure; `limit` keeps the first N (missing ones still counted)."""
    measure = MEASURES[measure_key]
    amount = measure.kind == AMOUNT
    ordered, ranks, main_year = order(rows, amount=amount, descending=descending)
    n_missing = sum(1 for r in rows if r.value is None)
    n_other = sum(
        1 for r, k in zip(ordered, ranks, strict=True) if k is None and r.value is not None
    )
    basis = basis_of(main_year) if amount and main_year is not None else None
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
    if measure.a:
        columns += _ab_columns(measure, rows)
    table_rows, records = [], []
    shown = list(zip(ordered, ranks, strict=True))
    if limit is not None:
        shown = shown[:limit]
    for r, rank in shown:
        cell = _amount_cell(r.value, r.status, r.price_year) if amount else Cell(r.value, r.status)
        cells = [Cell(rank), Cell(r.program_name), Cell(r.year), cell]
        record = _record(r, rank, r.value, r.status)
        if amount:
            record.update(unit="M$", price_year=r.price_year, basis=basis_of(r.price_year).label)
        else:
            record["unit"] = measure.unit
        if measure.a:
            cells += _ab_cells(measure, r)
            record[measure.a], record[measure.b] = r.a, r.b
            if measure.key in _BUDGET_RATIOS:
                record["amounts_basis"] = basis_of(r.price_year).label
        if r.label:
            record["indicator"] = r.label
        table_rows.append(Row(tuple(cells), key=r.program_id))
        records.append(record)
    notes = _notes(amount, basis, n_other, n_missing)
    direction = "de mayor a menor" if descending else "de menor a mayor"
    table = Table(
        key=f"ranking:{measure_key}",
        title=f"Ranking: {measure.title.lower()}",
        columns=tuple(columns),
        rows=tuple(table_rows),
        notes=tuple(notes),
        empty="Ningún programa cumple los filtros.",
        order=f"{measure.title.lower()}, {direction}; sin dato al final",
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


def _ab_columns(measure: Measure, rows: list) -> list[Column]:
    basis = None
    if measure.key in _BUDGET_RATIOS:
        kind, unit = AMOUNT, None
        years = {_peso_year(r.price_year, r.year) for r in rows if r.a is not None}
        if years:  # the newest pesos; rows in others are flagged by the renderer
            basis = basis_of(sorted(years, key=lambda y: (y is None, -(y or 0)))[0])
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


def _ab_cells(measure: Measure, r) -> list[Cell]:
    # The budget figures a ratio comes from are in the ficha's pesos; the ratio needs none.
    if measure.kind == PERCENT and measure.key in _BUDGET_RATIOS:
        return [_amount_cell(r.a, None, r.price_year), _amount_cell(r.b, None, r.price_year)]
    return [Cell(r.a), Cell(r.b)]


_BUDGET_RATIOS = ("ejecucion-inicial", "ejecucion-final", "administrativo")


def _record(r, rank, value, status) -> dict[str, Any]:
    return {
        "rank": rank,
        "program_id": r.program_id,
        "program_name": r.program_name,
        "ficha_id": r.ficha_id,
        "year": r.year,
        "value": value,
        "status": None if value is not None else (status or "sin dato"),
    }


def _notes(amount: bool, basis: Basis | None, n_other: int, n_missing: int) -> list[str]:
    notes = []
    if amount and basis is not None:
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


def region_view(rows: list, region: str) -> AcrossView:
    """Programs that break down spending for `region` (by spending there), and those that only
    list it among their regions (apart, by name)."""
    broken = [r for r in rows if r.has_breakdown]
    listed = sorted((r for r in rows if not r.has_breakdown), key=_name_key)

    ordered, ranks, main_year = order(broken, amount=True, value=lambda r: r.spending)
    basis = basis_of(main_year) if main_year is not None else None
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
    for r, rank in zip(ordered, ranks, strict=True):
        per, per_status = _per_beneficiary(r)
        share = Cell(
            r.share,
            None if r.share is not None else (r.spending_status or "-"),
            note="calculado de los montos regionales" if r.share_computed else None,
        )
        table_rows.append(
            Row(
                (
                    Cell(rank),
                    Cell(r.program_name),
                    Cell(r.year),
                    _amount_cell(r.spending, r.spending_status, r.price_year),
                    share,
                    Cell(r.beneficiaries, r.beneficiaries_status),
                    _amount_cell(per, per_status, r.price_year),
                ),
                key=r.program_id,
            )
        )
        record = _record(r, rank, r.spending, r.spending_status)
        record.update(
            unit="M$",
            price_year=r.price_year,
            basis=basis_of(r.price_year).label,
            share_pct=r.share,
            share_computed=r.share_computed,
            beneficiaries=r.beneficiaries,
            beneficiaries_status=r.beneficiaries_status,
            per_beneficiary_kclp=per,
            breakdown=True,
        )
        records.append(record)
    apart_rows = []
    for r in listed:
        apart_rows.append(Row((Cell(r.program_name), Cell(r.year)), key=r.program_id))
        record = _record(r, None, None, "sin desglose regional")
        record.update(unit="M$", breakdown=False)
        records.append(record)
    n_missing = sum(1 for r in broken if r.spending is None)
    n_other = sum(
        1 for r, k in zip(ordered, ranks, strict=True) if k is None and r.spending is not None
    )
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
        table=table,
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
