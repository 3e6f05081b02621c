"""Numeric filters on the rankings' measures ("ejecucion-inicial < 85"), as SQL conditions.

A condition compares one measure of a ficha (the `measures` table, or its rows computed in
place) with a threshold. Amounts compare in one peso basis: `factors` gives, for each year of
pesos a figure can be in (its price year, or its evaluated year when nominal), the factor into
the basis the threshold is in; a figure whose year has no factor is not compared (it cannot be
said to be above or below), nor is a missing figure (a code is never 0). The operator comes
from OPERATORS, the measure from summaries.MEASURE_SQL; the threshold and factors are query
parameters, never part of the SQL text.
"""

from __future__ import annotations

from dataclasses import dataclass

from .queries import Store
from .summaries import MEASURE_SQL

# As typed -> as written in SQL (the only operator text a query ever holds).
OPERATORS = {"<": "<", "<=": "<=", ">": ">", ">=": ">=", "=": "=", "≤": "<=", "≥": ">="}


@dataclass(frozen=True, slots=True)
class MeasureCondition:
    """`measure` `op` `value`, the value in the basis `factors` convert into."""

    measure: str  # a summaries.MEASURE_SQL key
    op: str  # an OPERATORS key
    value: float
    # amounts: (year of the figure's pesos, factor into the threshold's basis) for every year
    # that converts; None: the figure is compared as the ficha gives it
    factors: tuple[tuple[int, float], ...] | None = None


def _compared(store: Store, condition: MeasureCondition) -> tuple[str, str, list]:
    """(source of the measure's rows, the comparison on them, its parameters)."""
    from .across import _measures  # the one place that knows where a measure's rows are

    if condition.measure not in MEASURE_SQL or condition.op not in OPERATORS:
        raise KeyError(condition.measure)  # callers check both first
    op = OPERATORS[condition.op]
    params: list[object] = [condition.measure]
    if condition.factors is None:
        value = "value"
    elif condition.factors:
        years = " ".join("WHEN ? THEN ?::DOUBLE" for _ in condition.factors)
        value = f"value * CASE coalesce(price_year, evaluated_year) {years} END"
        for year, factor in condition.factors:
            params += [year, factor]
    else:
        value = "NULL::DOUBLE"  # no year converts: nothing can be compared
    source = _measures(store, condition.measure)
    sql = f"measure = ? AND isfinite(value) AND {value} {op} ?"
    return source, sql, [*params, float(condition.value)]


def ficha_condition(
    store: Store, column: str, conditions: tuple[MeasureCondition, ...]
) -> tuple[list[str], list]:
    """SQL conditions (and parameters) keeping the fichas in `column` whose own figure of each
    measure meets its condition (the ficha's evaluated year, as the rankings show it)."""
    where: list[str] = []
    params: list[object] = []
    for condition in conditions:
        source, sql, more = _compared(store, condition)
        where.append(f"{column} IN (SELECT ficha_id FROM {source} WHERE {sql})")
        params.extend(more)
    return where, params


def program_condition(
    store: Store, column: str, conditions: tuple[MeasureCondition, ...], year: int | None
) -> tuple[list[str], list]:
    """SQL conditions keeping the programs in `column` whose ficha of `year` (None: latest
    ficha, as the rankings take it) meets every condition."""
    where: list[str] = []
    params: list[object] = []
    for condition in conditions:
        source, sql, more = _compared(store, condition)
        if year is None:
            sql += " AND latest"
        else:
            sql += " AND evaluated_year = ?"
            more.append(year)
        where.append(f"{column} IN (SELECT program_id FROM {source} WHERE {sql})")
        params.extend(more)
    return where, params
