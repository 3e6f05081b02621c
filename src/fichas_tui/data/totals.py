"""Sums over a selection of programs: budget by group, and spending by region, in SQL.

One ficha per program takes part (the evaluated year asked for, else the program's latest, as
in data/across.py), optionally narrowed to the programs a screen shows (`ids`). Sums come back
per peso basis, never added across bases: the views (views/totals.py) convert each basis or
keep it apart. A figure the ficha does not give is not summed and is counted as missing.
Every value the user supplies is a query parameter; group expressions come from GROUPS.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import NamedTuple

from .across import Selection, _source, _where  # the one definition of the selection's SQL
from .queries import Store
from .summaries import MEASURES_SQL, REGION_PRESENCE_SQL

CONCEPTS = ("inicial", "final", "ejecutado")
# --por: key -> what a program is grouped by (a program operating in several regions counts in
# each of them; one whose findings state several verdicts, in each `verdict:topic` they state,
# as `--hallazgo` names them; one whose ficha states none, in the group NULL).
GROUPS = ("ministerio", "servicio", "region", "hallazgo")


class GroupCount(NamedTuple):
    group: str | None
    programs: int
    fichas: int  # every ficha those programs have in the dataset (any year)


class BudgetSum(NamedTuple):
    """The figures of one concept in one group and one peso basis."""

    group: str | None
    concept: str
    price_year: int | None  # None: nominal pesos of `year`
    year: int | None  # the fichas' evaluated year when nominal (else None)
    total: float
    figures: int  # programs whose figure is in this sum


class RegionSum(NamedTuple):
    """Spending in one region by the selected programs, in one peso basis."""

    region: str
    price_year: int | None
    year: int | None  # nominal: the evaluated year
    total: float | None
    figures: int  # programs with a figure for the region in this basis
    programs: int  # programs breaking down spending for the region (with a figure or not)


def _selected(store: Store, selection: Selection, ids: Sequence[str] | None) -> tuple[str, list]:
    """SQL for the selected fichas (one per program) with their facets, and its parameters."""
    where, params = _where(store, selection)
    if ids is not None:
        where.append("program_id IN (SELECT unnest(?::VARCHAR[]))")
        params.append(list(ids))
    sql = f"""
        SELECT ficha_id, program_id, ministry, service, evaluated_year
        FROM {_source(store, "measures", MEASURES_SQL)}
        WHERE measure = 'gasto' AND {" AND ".join(where)}
        -- with a year a program may have two fichas of it: the first by ficha_id
        QUALIFY row_number() OVER (PARTITION BY program_id ORDER BY ficha_id) = 1
    """
    return sql, params


def _grouped(store: Store, by: str | None) -> tuple[str, str]:
    """(join, group expression) on the selected fichas `f`; None: one group, NULL."""
    if by is None:
        return "", "NULL::VARCHAR"
    if by == "ministerio":
        return "", "f.ministry"
    if by == "servicio":
        return "", "f.service"
    if by == "region":
        presence = _source(store, "region_presence", REGION_PRESENCE_SQL)
        join = f"JOIN (SELECT DISTINCT ficha_id, region FROM {presence}) g USING (ficha_id)"
        return join, "g.region"
    if by == "hallazgo":
        verdicts = (
            "SELECT DISTINCT ficha_id, verdict || coalesce(':' || topic, '') AS v FROM verdicts"
        )
        return f"LEFT JOIN ({verdicts}) g USING (ficha_id)", "g.v"
    raise KeyError(by)  # callers check the name first


def budget_totals(
    store: Store, by: str | None, selection: Selection, ids: Sequence[str] | None = None
) -> tuple[list[GroupCount], list[BudgetSum]]:
    """Programs and fichas per group, and each concept's sums per group and basis (unordered);
    `by` None: the whole selection as one group (None)."""
    selected, params = _selected(store, selection, ids)
    join, group = _grouped(store, by)
    counts_sql = f"""
        WITH f AS ({selected}),
        n AS (SELECT program_id, count(*) AS n FROM fichas GROUP BY program_id)
        SELECT {group} AS grp, count(DISTINCT f.program_id), sum(n.n)::BIGINT
        FROM f {join} JOIN n USING (program_id)
        GROUP BY ALL
    """
    sums_sql = f"""
        WITH f AS ({selected}),
        b AS (
            SELECT b.ficha_id, b.concept, b.amount_kclp, b.price_year, f.evaluated_year
            FROM budget b JOIN f ON b.ficha_id = f.ficha_id AND b.year = f.evaluated_year
            WHERE b.concept IN ('inicial', 'final', 'ejecutado') AND b.amount_kclp IS NOT NULL
              AND isfinite(b.amount_kclp)
            -- one figure per ficha and concept even if the ficha repeats it (as measures do)
            QUALIFY row_number() OVER (PARTITION BY b.ficha_id, b.concept
                                       ORDER BY b.amount_kclp) = 1
        )
        SELECT {group} AS grp, b.concept, b.price_year,
               CASE WHEN b.price_year IS NULL THEN b.evaluated_year END AS y,
               sum(b.amount_kclp), count(*)
        FROM f {join} JOIN b USING (ficha_id)
        GROUP BY ALL
    """
    counts = [GroupCount(*row) for row in store.query(counts_sql, params)]
    sums = [BudgetSum(*row) for row in store.query(sums_sql, params)]
    return counts, sums


def region_totals(
    store: Store, selection: Selection, ids: Sequence[str] | None = None
) -> list[RegionSum]:
    """Spending in each region (the fichas' regional breakdown), per basis (unordered)."""
    selected, params = _selected(store, selection, ids)
    presence = _source(store, "region_presence", REGION_PRESENCE_SQL)
    sql = f"""
        WITH f AS ({selected})
        SELECT p.region, p.price_year,
               CASE WHEN p.price_year IS NULL THEN p.evaluated_year END AS y,
               sum(p.spending_kclp) FILTER (WHERE isfinite(p.spending_kclp)),
               count(p.spending_kclp) FILTER (WHERE isfinite(p.spending_kclp)),
               count(DISTINCT p.program_id)
        FROM {presence} p JOIN f USING (ficha_id)
        WHERE p.breakdown
        GROUP BY ALL
    """
    return [RegionSum(*row) for row in store.query(sql, params)]


def totals_inputs(
    store: Store, by: str, selection: Selection, ids: Sequence[str] | None = None
) -> tuple[tuple, tuple, tuple]:
    """What views.totals.totals_view sums: the selection by group, the selection as one group,
    and the whole dataset (same evaluated year) as one group, which shares are of."""
    return (
        budget_totals(store, by, selection, ids),
        budget_totals(store, None, selection, ids),
        budget_totals(store, None, Selection(year=selection.year)),
    )


def selected_years(
    store: Store, selection: Selection, ids: Sequence[str] | None = None
) -> list[int]:
    """The evaluated years of the selected fichas (for the notes on the census year)."""
    selected, params = _selected(store, selection, ids)
    sql = f"SELECT DISTINCT evaluated_year FROM ({selected}) WHERE evaluated_year IS NOT NULL"
    return sorted(row[0] for row in store.query(sql, params))
