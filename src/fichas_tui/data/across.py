"""Queries across programs: a region's programs, rankings by measure, one ficha's key figures.

Each query reads the whole dataset in place through the Store's DuckDB views (nothing copied),
one row per program from its selected ficha: the ficha of the evaluated year asked for, else the
program's latest. Programs are named as the list names them (the Store's program list, in
memory): reading thousands of long names from the files was a third of a ranking's time.
Every value the user supplies is a query parameter; names of tables, columns
and measures come from the constants below, never from input.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import NamedTuple

from .measure_filter import MeasureCondition, ficha_condition
from .queries import Store
from .summaries import MEASURE_SQL, REGION_PRESENCE_SQL, measure_sql

# The tables each measure reads beyond fichas (for a missing-table message).
MEASURE_TABLES = {
    "gasto": ("budget",),
    "ejecucion-inicial": ("budget", "ratios"),
    "ejecucion-final": ("budget", "ratios"),
    "administrativo": ("budget", "ratios"),
    "gasto-por-beneficiario": ("spending_per_beneficiary",),
    "cobertura": ("coverage",),
    "indicador": ("indicators",),
    "subejecucion-seguida": ("verdicts",),
    "hallazgos-persisten": ("verdicts", "findings"),
}


@dataclass(frozen=True, slots=True)
class Selection:
    """Which fichas take part: one per program, narrowed by facets (None: any)."""

    year: int | None = None  # evaluated year; None: each program's latest ficha
    ministries: tuple[str, ...] | None = None  # exact names, as in the dataset
    services: tuple[str, ...] | None = None
    region: str | None = None  # canonical: in the breakdown or among the regions listed
    layout: str | None = None
    with_warnings: bool = False
    verdict: str | None = None  # a `verdicts.verdict` one of its findings states
    topic: str | None = None  # ... about this topic (None: any)
    conditions: tuple[MeasureCondition, ...] = ()  # numeric filters on measures (all must hold)


def verdict_condition(column: str, verdict: str, topic: str | None) -> tuple[str, list]:
    """SQL (and its parameters) keeping rows whose ficha (`column`) states `verdict` (about
    `topic`) in its findings, read from the verdicts table, never from the sentences' text."""
    sql = f"{column} IN (SELECT ficha_id FROM verdicts WHERE verdict = ?"
    params = [verdict]
    if topic is not None:
        sql += " AND topic = ?"
        params.append(topic)
    return sql + ")", params


class MeasureRow(NamedTuple):
    """One program's value of a measure, from its selected ficha's evaluated year (a named
    tuple: a ranking makes thousands, five times faster than a frozen dataclass)."""

    program_id: str
    program_name: str
    ficha_id: str
    year: int | None
    value: float | None
    status: str | None  # why value is None (the ficha's code, 'sin dato', 'sin meta', '-')
    price_year: int | None  # amounts: the pesos of the value (None: nominal of `year`)
    a: float | None = None  # the figures a ratio comes from (see MEASURE_SQL)
    b: float | None = None
    label: str | None = None  # indicador: the indicator's name
    # its source: the line and header it is printed on, or the rule it is computed by
    source: tuple | None = None  # (file, sha256, line, column, rule); None: not read


class RegionRow(NamedTuple):
    """One program's figures for one region (None values keep their code in *_status)."""

    program_id: str
    program_name: str
    ficha_id: str
    year: int | None
    spending: float | None
    spending_status: str | None
    share: float | None  # % of the program's regional spending, as the ficha prints it
    # The same % computed from the ficha's regional amounts (views/region_share.py decides
    # which one is shown, and marks a computed one).
    share_computed: float | None
    beneficiaries: float | None
    beneficiaries_status: str | None
    price_year: int | None
    has_breakdown: bool  # False: the ficha lists the region but gives no figures for it
    source: tuple | None = None  # (file, sha256, line, column) of the regional row


def _source(store: Store, table: str, sql: str) -> str:
    """The derived table, or its rows computed in place for a dataset written without it."""
    return table if store.has_derived(table) else f"({sql})"


def _measures(store: Store, measure: str) -> str:
    """The `measures` table when it has `measure`, else its rows computed in place (a
    dataset written before the measure existed; one written before the table, all of them)."""
    if store.has_derived("measures") and store.query(
        "SELECT 1 FROM measures WHERE measure = ? LIMIT 1", [measure]
    ):
        return "measures"
    return f"({measure_sql(measure)})"


def _where(store: Store, selection: Selection) -> tuple[list[str], list]:
    """Conditions (on `measures` or `region_presence` columns) and their parameters."""
    where: list[str] = []
    params: list[object] = []
    if selection.year is not None:
        where.append("evaluated_year = ?")
        params.append(selection.year)
    else:
        where.append("latest")
    for column, values in (("ministry", selection.ministries), ("service", selection.services)):
        if values is not None:
            where.append(f"{column} IN ({', '.join('?' * len(values)) or 'NULL'})")
            params.extend(values)
    if selection.layout is not None:
        where.append("layout = ?")
        params.append(selection.layout)
    if selection.region is not None:
        presence = _source(store, "region_presence", REGION_PRESENCE_SQL)
        where.append(f"ficha_id IN (SELECT ficha_id FROM {presence} WHERE region = ?)")
        params.append(selection.region)
    if selection.with_warnings:
        where.append("has_warnings")
    if selection.verdict is not None:
        sql, more = verdict_condition("ficha_id", selection.verdict, selection.topic)
        where.append(sql)
        params.extend(more)
    if selection.conditions:
        sql_list, more = ficha_condition(store, "ficha_id", selection.conditions)
        where += sql_list
        params.extend(more)
    return where, params


def _one_per_program(rows: list[tuple]) -> list[tuple]:
    """With a year, a program could have two fichas of it: keep the first by ficha_id (a window
    in SQL costs more than the whole query). Rows start with program_id, ficha_id."""
    best: dict[str, tuple] = {}
    for row in rows:
        if row[0] not in best or row[1] < best[row[0]][1]:
            best[row[0]] = row
    return list(best.values()) if len(best) < len(rows) else rows


def measure_rows(store: Store, measure: str, selection: Selection) -> list[MeasureRow]:
    """Every selected program with its value of `measure` (unordered; see views.across)."""
    if measure not in MEASURE_SQL:
        raise KeyError(measure)  # callers check the name first
    where, params = _where(store, selection)
    sql = f"""
        SELECT program_id, ficha_id, evaluated_year, value, status, price_year, a, b, label,
               source_file, source_sha256, source_line, source_column, source_rule
        FROM {_measures(store, measure)}
        WHERE measure = ? AND {" AND ".join(where)}
    """
    rows = _one_per_program(store.query(sql, [measure, *params]))
    return [
        MeasureRow(pid, name or pid, fid, year, value, None if value is not None else status,
                   price, a, b, label, tuple(source))
        for (pid, fid, year, value, status, price, a, b, label, *source), name in zip(
            rows, store.program_names(row[0] for row in rows), strict=True
        )
    ]  # fmt: skip


def region_rows(store: Store, region: str, selection: Selection) -> list[RegionRow]:
    """Programs whose selected ficha breaks down spending for `region`, or only lists it.

    The year, the verdict and the numeric conditions of `selection` apply here (each
    program's latest ficha without a year).
    """
    if selection.year is not None:
        where, params = "evaluated_year = ?", [selection.year]
    else:
        where, params = "latest", []
    if selection.verdict is not None:
        sql, more = verdict_condition("ficha_id", selection.verdict, selection.topic)
        where += f" AND {sql}"
        params += more
    if selection.conditions:
        sql_list, more = ficha_condition(store, "ficha_id", selection.conditions)
        where += "".join(f" AND {c}" for c in sql_list)
        params += more
    sql = f"""
        SELECT program_id, ficha_id, evaluated_year, spending_kclp, spending_status,
               spending_pct, share_computed, beneficiaries, beneficiaries_status, price_year,
               breakdown, source_file, source_sha256, source_line, source_column
        FROM {_source(store, "region_presence", REGION_PRESENCE_SQL)}
        WHERE region = ? AND {where}
    """
    rows = _one_per_program(store.query(sql, [region, *params]))
    names = store.program_names(row[0] for row in rows)
    out = []
    for (pid, fid, year, s, ss, pct, computed, b, bs, price, broken, *source), name in zip(
        rows, names, strict=True
    ):
        out.append(
            RegionRow(pid, name or pid, fid, year, s, ss if s is None else None, pct, computed,
                      b, bs if b is None else None, price, broken, tuple(source))
        )  # fmt: skip
    return out
