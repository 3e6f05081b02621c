"""Regiones: the selection's spending in each region, per inhabitant and against population.

The sums are the fichas' regional breakdowns (data/totals.region_totals), in one peso basis as
views/totals.py sums budgets: other pesos, or pesos without a factor, are counted apart. Regions
go north to south; Nivel central, which has no inhabitants, goes apart at the end and is not
part of the shares.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from typing import Any

from ..data.totals import RegionSum
from ..geography import CANONICAL_REGIONS, NIVEL_CENTRAL
from ..reference.census import census
from .across import main_basis, peso_groups
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
    Row,
    Table,
)
from .pesos import EACH_FICHA, Pesos
from .population import (
    census_note,
    per_country_inhabitant,
    per_inhabitant,
    per_inhabitant_column,
    population_share,
)
from .totals import apart_key


@dataclass(frozen=True)
class RegionsView:
    basis: Basis | None
    table: Table
    records: tuple[dict[str, Any], ...]
    total: dict[str, Any]


def regions_view(
    sums: list[RegionSum], *, pesos: Pesos = EACH_FICHA, years=()
) -> RegionsView:
    """One row per region north to south (Nivel central apart, then the regions' total).

    `years`: the evaluated years of the fichas summed (a note says those other than the
    census's are divided by its population)."""
    convert = peso_groups(pesos)
    converted = [(s, *convert(s.total, s.price_year, s.year)) for s in sums]
    main: int | None = pesos.target
    if main is None:
        main = max((y for s, v, y in converted if v is not None and y is not None), default=None)
    acc: dict[str, list] = defaultdict(lambda: [0.0, 0, 0, 0])  # sum, summed, apart, programs
    for s, value, year in converted:
        a = acc[s.region]
        a[3] += s.programs
        if value is None:
            continue
        if year == main:
            a[0] += value
            a[1] += s.figures
        else:
            a[2] += s.figures
    basis = main_basis(main, pesos)
    apart = apart_key(pesos)
    regional = sum(acc[r][0] for r in CANONICAL_REGIONS if acc[r][1])
    people = census()
    records = []
    for region in (*CANONICAL_REGIONS, NIVEL_CENTRAL):
        total, summed, other, programs = acc.get(region, (0.0, 0, 0, 0))
        spent = total if summed else None
        per_head = per_inhabitant(Cell(spent, basis=basis), region).value
        records.append(
            {
                "region": region,
                "programs": programs,
                "spending": spent,
                "per_inhabitant_clp": per_head,
                "share_pct": spent / regional * 100
                if spent is not None and regional and region != NIVEL_CENTRAL
                else None,
                "population": people.of(region),
                "population_pct": population_share(region).value,
                "missing": programs - summed - other,
                apart: other,
            }
        )
    whole = regional if any(acc[r][1] for r in CANONICAL_REGIONS) else None
    total = {
        "region": "Total regiones",
        "programs": None,  # a program counts in each region it breaks down
        "spending": whole,
        "per_inhabitant_clp": per_country_inhabitant(Cell(whole, basis=basis)).value,
        "share_pct": 100.0 if whole else None,
        "population": people.total,
        "population_pct": 100.0,
        "missing": None,
        apart: None,
    }
    table = _table(records, total, basis, apart, years)
    return RegionsView(basis, table, tuple(records), total)


def _why_none(r: dict) -> str | None:
    """No spending: 'sin dato' when programs break the region down without a figure (or in
    other pesos), '-' when none does."""
    if r["spending"] is not None:
        return None
    return "sin dato" if r["programs"] else "-"


def _table(records, total, basis, apart, years) -> Table:
    top_share = max(
        [r["share_pct"] or 0.0 for r in records] + [r["population_pct"] or 0.0 for r in records]
    )

    def bar(value, role):
        drawn = value is not None and top_share and role != TOTAL
        return Cell(Bar(value / top_share if drawn else None))

    def row(r, role):
        per = r["per_inhabitant_clp"]
        return Row(
            (
                Cell(r["region"]),
                Cell(r["spending"], _why_none(r), basis),
                Cell(per, None if per is not None else "-"),
                Cell(r["share_pct"], None if r["share_pct"] is not None else "-"),
                bar(r["share_pct"], role),
                Cell(r["population_pct"], None if r["population_pct"] is not None else "-"),
                bar(r["population_pct"], role),
                Cell(r["programs"], None if r["programs"] is not None else "-"),
                Cell(r["missing"], None if r["missing"] is not None else "-"),
                Cell(r[apart], None if r[apart] is not None else "-"),
            ),
            role=role,
            key=r["region"],
        )

    rows = [row(r, APART if r["region"] == NIVEL_CENTRAL else "data") for r in records]
    rows.append(row(total, TOTAL))
    columns = (
        Column("region", "Región", TEXT),
        Column("spending", "Gasto", AMOUNT, basis=basis),
        per_inhabitant_column(basis, "per_inhabitant_clp"),
        Column("share_pct", "% gasto", PERCENT, unit="%", decimals=1),
        Column("share_bar", "", BAR, scale=top_share),
        Column("population_pct", "% pobl.", PERCENT, unit="%", decimals=1),
        Column("population_bar", "", BAR, scale=top_share),
        Column("programs", "Progr.", COUNT),
        Column("missing", "Sin dato", COUNT),
        Column(apart, "Otra base" if apart == "other_basis" else "Sin factor", COUNT),
    )
    notes = (
        f"Desglose regional de las fichas, en {basis.label}; % gasto sin Nivel central."
        if basis
        else "Ninguna ficha de la selección desglosa gasto por región.",
        census_note(years),
        "Sin dato: programas que desglosan la región sin cifra (no cuentan como 0). "
        + ("Otra base: en otros pesos, no sumados." if apart == "other_basis" else
           "Sin factor: en pesos sin factor hacia ese año, no sumados."),
    )  # fmt: skip
    return Table(
        "regions_summary",
        "Gasto por región de los programas seleccionados",
        columns,
        tuple(rows),
        notes=notes,
        order="región, de norte a sur",
    )
