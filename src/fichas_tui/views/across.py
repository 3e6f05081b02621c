"""Views across programs: rankings by measure and a region's programs, ordered and labelled.

The data layer (data/across.py) gives one unordered row per program; here they get their order
(missing values last, never as 0; ties by name), their peso basis (amounts in other pesos than
the ranking's are listed after it, never sorted as one) and their columns with units. The CLI,
the screens and export all draw the `AcrossView` built here.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from functools import cached_property, lru_cache
from typing import Any

from .across_order import Section, clip, count_other, order, section_of
from .figures import rounded
from .measures import MEASURES, Measure
from .model import AMOUNT, COUNT, NOMINAL, TEXT, YEAR, Basis, Cell, Column, Row, Table
from .pesos import EACH_FICHA, NO_FACTOR, Pesos, annotate
from .sources import measure_origin


class AcrossView:
    """A cross-program result: one table on screen and the same rows as records for scripts.

    Ordering all programs is cheap; building cells for thousands of rows is not, so rows are
    built when asked for: `page` for a screen, `table` and `records` (cached) for the CLI.
    """

    def __init__(
        self,
        *,
        measure: str,  # a MEASURES key, or "region"
        title: str,
        unit: str,
        basis: Basis | None,  # amounts: the pesos the main group is in; None for percentages
        header: Table,  # title, columns, notes, order: the table without its rows
        size: int,
        build: Callable[[int], tuple[Row, dict[str, Any]]],  # row i and its record
        counts: dict[str, int],
        apart: Table | None = None,  # region view: programs listing the region without figures
        sections: tuple[Section, ...] = (),  # rows listed apart from the ranking, with headings
    ) -> None:
        self.measure, self.title, self.unit, self.basis = measure, title, unit, basis
        self.header, self.size, self._build, self.counts = header, size, build, counts
        self.apart, self.sections = apart, sections
        self._built: dict[int, tuple[Row, dict[str, Any]]] = {}

    def _row(self, i: int) -> tuple[Row, dict[str, Any]]:
        if i not in self._built:
            self._built[i] = self._build(i)
        return self._built[i]

    def page(self, start: int, stop: int) -> tuple[Row, ...]:
        """Rows start..stop-1 of the table (what a screen shows)."""
        return tuple(self._row(i)[0] for i in range(max(0, start), min(stop, self.size)))

    @cached_property
    def table(self) -> Table:
        return replace(self.header, rows=self.page(0, self.size))

    @cached_property
    def records(self) -> tuple[dict[str, Any], ...]:
        """JSON/CSV rows, in the table's order (the rows apart, if any, at the end)."""
        return tuple(self._row(i)[1] for i in range(self.size)) + self._apart_records

    _apart_records: tuple[dict[str, Any], ...] = ()


@lru_cache(maxsize=256)
def basis_of(price_year: int | None) -> Basis:
    return Basis(price_year=price_year)  # shared: a ranking has thousands of rows, few bases


def peso_groups(pesos: Pesos) -> Callable[[float | None, int | None, int | None], tuple]:
    """(value, price_year, row year) -> (value in the pesos in force, year of those pesos).

    Nominal pesos of year Y are pesos of Y. The conversion is views/pesos' own, asked once per
    basis (a ranking has thousands of rows and a handful of bases); a figure without a factor
    keeps its own pesos, so it is grouped apart from the converted ones.
    """
    cache: dict[tuple, tuple[float, int | None]] = {}

    def convert(value, price_year, year):
        key = (price_year, year if price_year is None else None)
        if key not in cache:
            own = price_year if price_year is not None else year
            unit = amount_cell(1.0, None, price_year, year, pesos)
            converted = unit.basis is not None and unit.basis.converted
            cache[key] = (unit.value, pesos.target) if converted else (1.0, own)
        factor, group = cache[key]
        return (None if value is None else value * factor), group

    return convert


def _newest(years) -> int | None:
    return max((y for y in years if y is not None), default=None)


def amount_cell(value, status, price_year, year, pesos: Pesos) -> Cell:
    """An amount in its ficha's pesos, converted when a target is in force."""
    cell = Cell(value, None if value is not None else status, basis=basis_of(price_year))
    return cell if pesos.target is None else pesos.cell(cell, year=year)


def main_basis(main_year: int | None, pesos: Pesos, ordered=(), ranks=()) -> Basis | None:
    """The ranked figures' pesos: '(convertidos)' only when every one of them was converted
    (a figure printed in the target's pesos, or nominal of its year, is not)."""
    if main_year is None:
        return None
    converted = pesos.target == main_year and all(
        own_year(r.price_year, r.year) != main_year
        for (r, value, _), rank in zip(ordered, ranks, strict=True)
        if rank is not None
    )
    return Basis(price_year=main_year, converted=converted)


def own_year(price_year: int | None, year: int | None) -> int | None:
    """The year of a figure's pesos: its M$ price year, or its row's year when nominal."""
    return price_year if price_year is not None else year


def group_counts(programs: int, missing: int, other: int, pesos: Pesos) -> dict[str, int]:
    """The view's counts: apart from the ranking, figures without a factor (converting) or in
    other pesos (each ficha's), and those without a value."""
    counts = {"programs": programs, "missing": missing, "other_basis": other}
    if pesos.target is not None:
        counts["unconverted"] = other
    return counts


def amount_record(cell: Cell, pesos: Pesos, decimals: int = 0) -> dict[str, Any]:
    """JSON/CSV fields of an amount: its unit and pesos, and when converted, the factor, the
    figure as printed in the ficha and the value rounded to the `decimals` the ficha prints
    such figures with (the factor's own 4 decimals support no more: never 2502149.5949999997);
    "sin factor" figures are null with that reason."""
    basis = cell.basis or NOMINAL
    out: dict[str, Any] = {"unit": basis.unit, "price_year": basis.price_year}
    if cell.factor is not None and cell.value is not None:
        out["value"] = rounded(cell.value, decimals)
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
    if amount:
        convert = peso_groups(pesos)
        entries = [(r, *convert(r.value, r.price_year, r.year)) for r in rows]
    else:
        entries = [(r, r.value, 0) for r in rows]
    ordered, ranks, main_year, sections, places = order(
        entries, amount=amount, descending=descending, target=pesos.target if amount else None
    )
    n_missing = sum(1 for r in rows if r.value is None)
    n_other = count_other(sections)
    basis = main_basis(main_year, pesos, ordered, ranks) if amount else None
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
        columns += _ab_columns(measure, rows, pesos)
    shown = list(zip(ordered, ranks, places, strict=True))
    if limit is not None:
        shown = shown[:limit]
        sections = clip(sections, limit)
    apart = section_of(sections, len(shown))

    def build(i: int) -> tuple[Row, dict[str, Any]]:
        (r, _, _), rank, place = shown[i]
        if amount:
            cell = amount_cell(r.value, r.status, r.price_year, r.year, pesos)
        elif measure.kind == COUNT and r.value is not None:
            cell = Cell(int(r.value), r.status)  # a count: 3 years, not 3.0
        else:
            cell = Cell(r.value, r.status)
        cell = replace(cell, origin=measure_origin(r))
        cells = [Cell(place), Cell(r.program_name), Cell(r.year), cell]
        record = base_record(r, rank, cell)
        record.update(group=apart[i], group_rank=place if apart[i] else None)
        if amount:
            record.update(amount_record(cell, pesos, measure.decimals))
            if cell.note == NO_FACTOR and pesos.target is not None:
                record.update(value=None, status=NO_FACTOR)
        else:
            record["unit"] = measure.unit
        if measure.a and measure.b:  # set together: a ratio's two figures
            a, b = _ab_cells(measure, r, pesos)
            cells += [a, b]
            record[measure.a], record[measure.b] = a.value, b.value
            if measure.key in _BUDGET_RATIOS:
                record["amounts_basis"] = (a.basis or NOMINAL).label
        if r.label:
            record["indicator"] = r.label
        return Row(tuple(cells), key=r.program_id), record

    notes = basis_notes(amount, basis, pesos)
    direction = "de mayor a menor" if descending else "de menor a mayor"
    header = Table(
        key=f"ranking:{measure_key}",
        title=f"Ranking: {measure.title.lower()}",
        columns=tuple(columns),
        notes=tuple(notes) + pesos_notes(_amounts_shown(measure, shown, pesos), pesos),
        empty="Ningún programa cumple los filtros.",
        order=f"{measure.title.lower()}, {direction}; sin dato al final",
    )
    return AcrossView(
        measure=measure_key,
        title=header.title,
        unit=measure.unit,
        basis=basis,
        header=header,
        size=len(shown),
        build=build,
        counts=group_counts(len(rows), n_missing, n_other, pesos),
        sections=sections,
    )


def _amounts_shown(measure: Measure, shown: list, pesos: Pesos) -> list[Cell]:
    """The amount cells of the rows shown, for the notes on conversion (none without one)."""
    if pesos.target is None:
        return []
    if measure.kind == AMOUNT:
        return [
            amount_cell(r.value, r.status, r.price_year, r.year, pesos) for (r, *_), *_ in shown
        ]
    if measure.key in _BUDGET_RATIOS:
        return [c for (r, *_), *_ in shown for c in _ab_cells(measure, r, pesos)]
    return []


def pesos_notes(cells: list[Cell], pesos: Pesos) -> tuple[str, ...]:
    """The notes views/pesos.annotate gives a table of these amounts (what ≈ and † mean)."""
    if pesos.target is None:
        return ()
    probe = Table(
        key="", title="", columns=(Column("v", "", AMOUNT),), rows=tuple(Row((c,)) for c in cells)
    )
    return annotate(probe, pesos).notes


def _ab_columns(measure: Measure, rows: list, pesos: Pesos) -> list[Column]:
    basis = None
    if measure.key in _BUDGET_RATIOS:
        kind, unit = AMOUNT, None
        # the newest pesos among the rows (the target's when converting); rows in others are
        # flagged by the renderers
        year = pesos.target or _newest(r.price_year for r in rows if r.a is not None)
        basis = main_basis(year, pesos)
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
        if k is not None
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


def base_record(r, rank, cell: Cell) -> dict[str, Any]:
    return {
        "rank": rank,
        "program_id": r.program_id,
        "program_name": r.program_name,
        "ficha_id": r.ficha_id,
        "year": r.year,
        "value": cell.value,
        "status": None if cell.value is not None else (cell.status or "sin dato"),
    }


def basis_notes(amount: bool, basis: Basis | None, pesos: Pesos) -> list[str]:
    """What the ranked amounts are in (the rows apart are under headings that say theirs)."""
    if amount and basis is not None and pesos.target is None:
        return [
            f"Ordenados en {basis.label} (montos nominales de un año cuentan como pesos de ese "
            "año); los de otra base, aparte."
        ]
    return []
