"""Regiones: spending and beneficiaries by region, in a chosen order, Nivel central apart and
the ficha's own total last (saying so when the regions do not add up to it)."""

from __future__ import annotations

from dataclasses import replace

from ..data.detail_records import ProgramDetail, Region
from ..data.origin import computed
from ..geography import region_rank
from .cells import of
from .figures import code_notes, number
from .model import (
    AMOUNT,
    APART,
    BAR,
    COUNT,
    PERCENT,
    TEXT,
    TOTAL,
    Bar,
    Basis,
    Cell,
    Column,
    PaneView,
    Paragraphs,
    Row,
    Table,
)
from .pesos import EACH_FICHA, Pesos, annotate
from .population import (
    census_note,
    per_country_inhabitant,
    per_inhabitant,
    per_inhabitant_column,
    population_share,
    population_share_column,
)
from .region_share import (
    COMPUTED_NOTE,
    PER_BENEFICIARY_LEGEND,
    SHARE_LEGEND,
    computed_share,
    share_cell,
)


def _desc(get):
    """Largest first; missing values last."""
    return lambda r: (get(r).value is None, -(get(r).value or 0.0))


# (key, label in words, sort key). The first is the default.
ORDERS = (
    ("gasto", "gasto, de mayor a menor", _desc(lambda r: r.spending)),
    ("beneficiarios", "beneficiarios, de mayor a menor", _desc(lambda r: r.beneficiaries)),
    (
        "gasto por beneficiario",
        "M$ por beneficiario en la región, de mayor a menor",
        _desc(lambda r: r.per_beneficiary),
    ),
    ("región", "región, de norte a sur", lambda r: (region_rank(r.region), r.region)),
)
ORDER_KEYS = tuple(key for key, _label, _sort in ORDERS)


def ordered(regions, order: str = "gasto") -> tuple[list[Region], list[Region]]:
    """(regions in `order`, Nivel central rows): the central level always goes apart."""
    sort = next(s for key, _label, s in ORDERS if key == order)
    return sorted((r for r in regions if not r.central), key=sort), [
        r for r in regions if r.central
    ]


def _parts_check(regions, total: Region | None) -> tuple[str, ...]:
    """A note when the ficha's regions do not add up to its own total (1 of rounding each)."""
    if total is None:
        return ()
    notes = []
    for what, get, stated in (
        ("el gasto", lambda r: r.spending, total.spending),
        ("los beneficiarios", lambda r: r.beneficiaries, total.beneficiaries),
    ):
        parts = [get(r).value for r in regions if get(r).value is not None]
        if stated.value is None or not parts:
            continue
        added = sum(parts)
        if abs(added - stated.value) > max(len(parts), 1):
            notes.append(
                f"Las filas suman {number(added)} en {what}, pero el total de la ficha dice "
                f"{number(stated.value)} (diferencia {number(stated.value - added)})."
            )
    return tuple(notes)


def _share(r: Region, total: float | None, rows=()) -> Cell:
    """The row's % of the spending: printed, or computed from the `rows`' amounts (their sum
    is `total`) and marked (views/region_share)."""
    printed = of(r.spending_pct)
    if not printed.missing:
        return printed
    cell = share_cell(
        None, printed.status, computed_share(r.spending.value, total), r.spending.status
    )
    if cell.note != COMPUTED_NOTE:
        return cell
    rule = "gasto de la región / suma del gasto del desglose regional × 100"
    return replace(
        cell, origin=computed(rule, r.spending.origin, *(x.spending.origin for x in rows))
    )


def _row(r: Region, top: float | None, basis: Basis, role: str, money, total, every) -> Row:
    share_of = _share(r, total, every)
    share = share_of.value
    fraction = None if share is None or not top else max(0.0, min(share / top, 1.0))
    return Row(
        (
            Cell(r.region),
            money(of(r.spending, basis)),
            share_of,
            Cell(Bar(fraction)),
            of(r.beneficiaries),
            of(r.beneficiaries_pct),
            money(of(r.per_beneficiary, basis)),
        ),
        role=role,
        key=r.region,
    )


def table(detail: ProgramDetail, order: str = "gasto", pesos: Pesos = EACH_FICHA) -> Table:
    regional, central = ordered(detail.regions, order)
    prices = {r.price_year for r in detail.regions}
    price = prices.pop() if len(prices) == 1 else detail.ficha.price_year
    basis = Basis(price_year=price)
    year = detail.ficha.evaluated_year  # the breakdown's year: its pesos when nominal

    def money(cell: Cell) -> Cell:
        return pesos.cell(cell, year)

    shown, label_basis = pesos.column(basis, basis.label)
    parts = [r.spending.value for r in detail.regions if r.spending.value is not None]
    added = sum(parts) if parts else None  # what a share the ficha does not print is of
    top = (
        max((_share(r, added, detail.regions).value or 0.0 for r in detail.regions), default=0.0)
        or None
    )
    rows = [_row(r, top, basis, "data", money, added, detail.regions) for r in regional]
    rows += [_row(r, top, basis, APART, money, added, detail.regions) for r in central]
    total = detail.region_totals[0] if detail.region_totals else None
    if total is not None:
        rows.append(
            Row(
                (
                    Cell("Total"),
                    money(of(total.spending, basis)),
                    _share(total, added, detail.regions),
                    Cell(Bar(None)),
                    of(total.beneficiaries),
                    of(total.beneficiaries_pct),
                    money(_per_beneficiary(total, basis)),
                ),
                role=TOTAL,
                key="total",
            )
        )
    label = next(words for key, words, _s in ORDERS if key == order)
    codes = [c.status for row in rows for c in row.cells if c.missing and c.status]
    computed = any(row.cells[2].note == COMPUTED_NOTE for row in rows)
    notes = (
        f"Gasto en {label_basis}.",
        PER_BENEFICIARY_LEGEND,
        SHARE_LEGEND if computed else "",
        f"La barra va de 0 al mayor % del gasto ({number(top or 0, 1)} %)." if top else "",
        "Nivel central va aparte, al final." if central else "",
        *_parts_check(detail.regions, total),
        *code_notes(codes),
    )
    result = Table(
        "regions",
        f"Gasto y beneficiarios por región, ficha {detail.ficha.evaluated_year} ({label_basis})",
        (
            Column("region", "Región", TEXT),
            Column("spending", "Gasto", AMOUNT, basis=shown),
            Column("spending_pct", "% gasto", PERCENT, unit="%", decimals=1),
            Column("chart", "", BAR, unit="%", scale=top),
            Column("beneficiaries", "Benef.", COUNT),
            Column("beneficiaries_pct", "% benef.", PERCENT, unit="%", decimals=1),
            Column("per_beneficiary", "M$/benef.", AMOUNT, basis=shown, decimals=1),
        ),
        tuple(rows),
        notes=tuple(n for n in notes if n),
        order=label,
    )
    return annotate(result, pesos)


def population_table(spending: Table, year: int | None) -> Table:
    """The regions of `spending` (in its order and pesos) per inhabitant, and each region's
    share of the program's spending beside its share of the country's population."""
    i_spent, i_share = spending.column("spending"), spending.column("spending_pct")
    rows = []
    for row in spending.rows:
        spent, share = row.cells[i_spent], row.cells[i_share]
        if row.role == TOTAL:
            cells = (row.cells[0], per_country_inhabitant(spent), share, Cell(100.0))
        else:
            region = row.key or ""
            cells = (row.cells[0], per_inhabitant(spent, region), share, population_share(region))
        rows.append(Row(cells, role=row.role, key=row.key))
    return Table(
        "regions_population",
        f"Gasto por habitante y parte de la población, ficha {year}",
        (
            Column("region", "Región", TEXT),
            per_inhabitant_column(spending.columns[i_spent].basis),
            Column("spending_pct", "% gasto", PERCENT, unit="%", decimals=1),
            population_share_column(),
        ),
        tuple(rows),
        notes=(census_note((year,)),),
        order=spending.order,
    )


def _per_beneficiary(total: Region, basis: Basis) -> Cell:
    s, b = total.spending.value, total.beneficiaries.value
    origin = computed("gasto / beneficiarios", total.spending.origin, total.beneficiaries.origin)
    if s is not None and b:
        return Cell(s / b, basis=basis, origin=origin)
    status = total.spending.status if s is None else (total.beneficiaries.status or "-")
    return Cell(None, status, origin=origin)


def build(detail: ProgramDetail, order: str = "gasto", pesos: Pesos = EACH_FICHA) -> PaneView:
    if detail.regions:
        spending = table(detail, order, pesos)
        people = population_table(spending, detail.ficha.evaluated_year)
        return PaneView("regiones", "Regiones", (spending, people))
    year = detail.ficha.evaluated_year
    text = "Esta ficha no trae desglose regional del gasto ni de los beneficiarios."
    items = [("", text)]
    if detail.ficha.regions:
        items.append(("Regiones donde se implementa", ", ".join(detail.ficha.regions)))
    return PaneView(
        "regiones", "Regiones", (Paragraphs("regions", f"Regiones, ficha {year}", tuple(items)),)
    )
