"""What a comparison of two fichas reads: only the figures it shows, both sides at once.

One parameterized query per table for both fichas (fichas, budget, components, propósito
indicators, regions, measures), instead of each program's whole detail: a comparison at 50,000
fichas reads a few row groups of each file (they are sorted by ficha; measures by program).
Every figure is the ficha's own, of its evaluated year, with the pesos it is printed in.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ..text import fold
from .across import MeasureRow, _source
from .detail_reads import in_params
from .list_records import MISSING, Value
from .queries import Store
from .summaries import MEASURES_SQL


@dataclass(frozen=True, slots=True)
class Amount:
    """An amount and the pesos it is in (price_year None: nominal pesos of the ficha's year)."""

    value: Value
    price_year: int | None


@dataclass(frozen=True, slots=True)
class ComparedFicha:
    """One side of a comparison: a ficha's figures of its evaluated year."""

    program_id: str
    program_name: str
    ficha_id: str
    year: int | None  # evaluated year
    years: tuple[int, ...]  # evaluated years of the program's fichas (for another year)
    price_year: int | None  # the ficha's pesos
    budget: dict[str, Amount] = field(default_factory=dict)  # inicial, final, ejecutado
    components: tuple[tuple[str, Amount], ...] = ()  # spending of the evaluated year
    indicators: tuple[tuple[str, Value, Value], ...] = ()  # propósito: name, efectivo, meta
    regions: tuple[tuple[str, Amount], ...] = ()  # spending by region, as listed
    measures: dict[str, MeasureRow] = field(default_factory=dict)

    @property
    def label(self) -> str:
        return f"{self.program_name} ({self.year})"


_FICHAS_SQL = """
SELECT program_id, ficha_id, evaluated_year, price_year, coalesce(program_name, program_id)
FROM fichas WHERE program_id IN ({ids}) ORDER BY evaluated_year NULLS FIRST, ficha_id
"""
_BUDGET_SQL = """
SELECT ficha_id, year, concept, amount_kclp, amount_status, price_year FROM budget
WHERE ficha_id IN ({ids}) AND concept IN ('inicial', 'final', 'ejecutado')
"""
_COMPONENTS_SQL = """
SELECT ficha_id, component, year, spending_kclp, spending_status, price_year FROM components
WHERE ficha_id IN ({ids}) ORDER BY position NULLS LAST, component, year
"""
_INDICATORS_SQL = """
SELECT ficha_id, indicator, year, kind, value, value_status FROM indicators
WHERE ficha_id IN ({ids}) AND level = 'proposito' ORDER BY position NULLS LAST, year
"""
_REGIONS_SQL = """
SELECT ficha_id, region, spending_kclp, spending_status, price_year FROM regions
WHERE ficha_id IN ({ids}) AND region IS NOT NULL
"""
# measures is sorted by measure and program: the program filter lets DuckDB skip most of it
_MEASURES_SQL = """
SELECT measure, ficha_id, value, status, price_year, a, b, label
FROM {source} WHERE program_id IN ({pids}) AND ficha_id IN ({ids})
"""


def _pick(fichas: list[tuple], year: int | None) -> tuple:
    """The ficha of `year` (the first by id), else the program's latest (as Store.detail)."""
    chosen = [f for f in fichas if f[2] == year] if year is not None else []
    return chosen[0] if chosen else fichas[-1]


def _measure(pid, name, fid, year, value, status, price, a, b, label) -> MeasureRow:
    return MeasureRow(
        pid, name, fid, year, value, None if value is not None else status, price, a, b, label
    )


def compared_fichas(
    store: Store, picks: list[tuple[str, int | None]]
) -> list[ComparedFicha | None]:
    """For each (program_id, evaluated year or None for the latest), its ficha's figures; None
    for a program the dataset does not have. A year the program has no ficha of gives its
    latest (the caller checks `year`)."""
    pids = sorted({pid for pid, _ in picks})
    by_program: dict[str, list[tuple]] = {}
    for found in store.query(in_params(_FICHAS_SQL, pids), pids):
        by_program.setdefault(found[0], []).append(found)
    chosen = [_pick(by_program[pid], year) if pid in by_program else None for pid, year in picks]
    ids = sorted({row[1] for row in chosen if row is not None})
    if not ids:
        return [None] * len(picks)
    year_of = {row[1]: row[2] for row in chosen if row is not None}
    price_of = {row[1]: row[3] for row in chosen if row is not None}

    budget: dict[str, dict[str, Amount]] = {fid: {} for fid in ids}
    for fid, year, concept, value, status, price in store.query(in_params(_BUDGET_SQL, ids), ids):
        if year == year_of[fid] and concept not in budget[fid]:
            budget[fid][concept] = Amount(Value(value, status), price)

    components: dict[str, dict[str, tuple[str, Amount]]] = {fid: {} for fid in ids}
    for fid, name, year, value, status, price in store.query(in_params(_COMPONENTS_SQL, ids), ids):
        # every component is listed, with its spending of the evaluated year (or nothing)
        entry = components[fid].setdefault(
            fold(name or ""), (name or "", Amount(MISSING, price_of[fid]))
        )
        if year == year_of[fid] and entry[1].value is MISSING:
            own = price if price is not None else price_of[fid]
            components[fid][fold(name or "")] = (entry[0], Amount(Value(value, status), own))

    indicators: dict[str, dict[str, list]] = {fid: {} for fid in ids}
    for fid, name, year, kind, value, status in store.query(in_params(_INDICATORS_SQL, ids), ids):
        figures = indicators[fid].setdefault(fold(name or ""), [name or "", MISSING, MISSING])
        if year == year_of[fid] and kind in ("efectivo", "meta"):
            slot = 1 if kind == "efectivo" else 2
            if figures[slot] is MISSING:
                figures[slot] = Value(value, status)

    regions: dict[str, list[tuple[str, Amount]]] = {fid: [] for fid in ids}
    for fid, region, value, status, price in store.query(in_params(_REGIONS_SQL, ids), ids):
        own = price if price is not None else price_of[fid]
        regions[fid].append((region, Amount(Value(value, status), own)))

    measures: dict[str, dict[str, list]] = {fid: {} for fid in ids}
    sql = _MEASURES_SQL.format(
        source=_source(store, "measures", MEASURES_SQL),
        pids=", ".join("?" * len(pids)),
        ids=", ".join("?" * len(ids)),
    )
    for measure, fid, *values in store.query(sql, [*pids, *ids]):
        measures[fid][measure] = values

    out: list[ComparedFicha | None] = []
    for row in chosen:
        if row is None:
            out.append(None)
            continue
        pid, fid, year, price, name = row
        out.append(
            ComparedFicha(
                program_id=pid,
                program_name=name or pid,
                ficha_id=fid,
                year=year,
                years=tuple(r[2] for r in by_program[pid] if r[2] is not None),
                price_year=price,
                budget=budget[fid],
                components=tuple(components[fid].values()),
                indicators=tuple((n, e, m) for n, e, m in indicators[fid].values()),
                regions=tuple(regions[fid]),
                measures={
                    measure: _measure(pid, name or pid, fid, year, *figures)
                    for measure, figures in measures[fid].items()
                },
            )
        )
    return out
