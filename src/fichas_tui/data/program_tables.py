"""Reads of one program's main tables (budget with its ratios, components, indicators across
its fichas, regions), as records.

Each reader takes the Store's parameterized `rows(sql, params)` (bounded, see Store._rows).
"""

from __future__ import annotations

from ..text import fold
from . import bounds
from .records import (
    MISSING,
    BudgetYear,
    Component,
    ComponentYear,
    Cut,
    Ficha,
    Indicator,
    IndicatorPoint,
    Region,
    Value,
)
from .sections import Rows


def budget(rows: Rows, fid: str, part=None) -> tuple[BudgetYear, ...]:
    amounts: dict[int, dict[str, Value]] = {}
    prices: dict[int, int | None] = {}
    for year, concept, amount, status, price in rows(BUDGET_SQL, [fid]):
        amounts.setdefault(year, {})[concept] = Value(amount, status)
        if prices.get(year) is None:
            prices[year] = price
    ratios: dict[int, dict[str, Value]] = {}
    # a damaged ratios file costs only the ratios (with `part`, see detail)
    read_ratios = lambda: rows(RATIOS_SQL, [fid])  # noqa: E731
    ratio_rows = read_ratios() if part is None else part("ratios", read_ratios)
    for year, ratio, value, status in ratio_rows:
        ratios.setdefault(year, {})[ratio] = Value(value, status)
        amounts.setdefault(year, {})
    out = []
    for year in sorted(y for y in amounts if y is not None):
        a, r = amounts[year], ratios.get(year, {})
        ejecutado = a.get("ejecutado", MISSING)
        admin = r.get("gasto_administrativo") or share(a.get("administrativo"), ejecutado)
        out.append(
            BudgetYear(
                year=year,
                inicial=a.get("inicial", MISSING),
                final=a.get("final", MISSING),
                ejecutado=ejecutado,
                exec_inicial=r.get("ejecucion_inicial") or share(ejecutado, a.get("inicial")),
                exec_final=r.get("ejecucion_final") or share(ejecutado, a.get("final")),
                admin_share=admin,
                price_year=prices.get(year),
            )
        )
    return tuple(out)


def budget_history(rows: Rows, fichas: tuple[Ficha, ...]) -> tuple:
    """(evaluated year, budget year) of every ficha, oldest ficha first."""
    return tuple((f.evaluated_year, b) for f in fichas for b in budget(rows, f.ficha_id))


def components(rows: Rows, fid: str) -> tuple[Component, ...]:
    grouped: dict[str, tuple[str | None, list[ComponentYear]]] = {}
    for name, unit, year, s, ss, p, ps, c, cs, price in rows(COMPONENTS_SQL, [fid]):
        entry = grouped.setdefault(name or "", (unit, []))
        entry[1].append(ComponentYear(year, Value(s, ss), Value(p, ps), Value(c, cs), price))
    return tuple(Component(n, u, tuple(ys)) for n, (u, ys) in grouped.items())


def indicators(
    rows: Rows, fichas: tuple[Ficha, ...], ficha: Ficha, reading
) -> tuple[Indicator, ...]:
    ids = [f.ficha_id for f in fichas]
    year_of = {f.ficha_id: f.evaluated_year for f in fichas}
    found = rows(in_params(INDICATORS_SQL, ids), ids)
    # History across fichas: a later ficha's figure for a year replaces an earlier one's.
    history: dict[tuple[str, str], dict[int, dict]] = {}
    chosen: dict[tuple[str, str], tuple] = {}
    for fid, level, name, formula, unit, year, kind, value, status, text, _pos in found:
        key = (level or "", fold(name))
        point = history.setdefault(key, {}).setdefault(year, {"ficha": year_of[fid]})
        point[kind] = Value(value, status, text)
        point["ficha"] = year_of[fid]
        if fid == ficha.ficha_id and key not in chosen:
            chosen[key] = (level or "", name or "", formula, unit)
    out = []
    for key, (level, name, formula, unit) in chosen.items():
        points = tuple(
            IndicatorPoint(y, p.get("efectivo", MISSING), p.get("meta", MISSING), p.get("ficha"))
            for y, p in sorted(history[key].items())
            if y is not None and (ficha.evaluated_year is None or y <= ficha.evaluated_year)
        )
        out.append(Indicator(level, name, formula, unit, points))
    order = {"proposito": 0, "complementario": 1, "componente": 2}
    out.sort(key=lambda i: order.get(i.level, 3))
    if getattr(reading, "limit", None) is not None and len(out) > bounds.INDICATOR_LIMIT:
        cut = Cut("indicators", bounds.INDICATOR_LIMIT, len(out), "indicadores")
        reading.cut.append(cut)
        del out[bounds.INDICATOR_LIMIT :]
    return tuple(out)


def regions(rows: Rows, fid: str) -> tuple[Region, ...]:
    out = []
    for region, s, sp, b, bp, ss, bs, price in rows(REGIONS_SQL, [fid]):
        spending, beneficiaries = Value(s, ss), Value(b, bs)
        if s is not None and b:
            per = bounds.finite(s / b)
        else:
            per = Value(None, ss if s is None else (bs or "-"))
        out.append(
            Region(
                region or "",
                spending,
                Value(sp, ss if sp is None else None),
                beneficiaries,
                Value(bp, bs if bp is None else None),
                per,
                price,
            )
        )
    return tuple(out)


def share(part: Value | None, whole: Value | None) -> Value:
    """part / whole in %, or the code of whichever is missing."""
    if part is None or whole is None:
        return MISSING
    if part.value is None:
        return Value(None, part.status)
    if whole.value in (None, 0):
        return Value(None, whole.status or "-")
    return bounds.finite(part.value / whole.value * 100)


def in_params(sql: str, ids: list[str]) -> str:
    """`sql` with its `IN ({ids})` holding one parameter per id."""
    return sql.replace("{ids}", ", ".join("?" * len(ids)) or "NULL")


BUDGET_SQL = (
    "SELECT year, concept, amount_kclp, amount_status, price_year FROM budget "
    "WHERE ficha_id = ? ORDER BY year"
)
RATIOS_SQL = "SELECT year, ratio, value_pct, value_status FROM ratios WHERE ficha_id = ?"
COMPONENTS_SQL = """
SELECT component, production_unit, year, spending_kclp, spending_status, production,
       production_status, unit_cost_kclp, unit_cost_status, price_year
FROM components WHERE ficha_id = ? ORDER BY position NULLS LAST, component, year
"""
INDICATORS_SQL = """
SELECT ficha_id, level, indicator, formula, unit, year, kind, value, value_status, value_text,
       position
FROM indicators WHERE ficha_id IN ({ids})
ORDER BY position NULLS LAST, year
"""
REGIONS_SQL = """
SELECT region, spending_kclp, spending_pct, beneficiaries, beneficiaries_pct,
       spending_status, beneficiaries_status, price_year
FROM regions WHERE ficha_id = ?
"""
