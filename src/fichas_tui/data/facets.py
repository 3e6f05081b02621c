"""Facets of the program list read across the dataset: region, executors, warnings, findings.

A facet filter resolves to the set of programs with at least one ficha (of the evaluated year,
when one is chosen) that meets every facet at once; the program list intersects that set with
the typed search. Each query reads the dataset in place through the Store's DuckDB views; every
value the user supplies is a query parameter, never part of the SQL text.
"""

from __future__ import annotations

import weakref
from dataclasses import dataclass

from ..text import FOLD_TABLE, fold, fold_many
from .across import _source, verdict_condition
from .measure_filter import MeasureCondition, program_condition
from .queries import Store
from .summaries import REGION_PRESENCE_SQL

# A finding with a character beyond ASCII and the fold's accent table is folded in Python
# whatever the SQL narrowing says (DuckDB's strip_accents and text.fold agree on these only).
_BEYOND_TABLE = "[^\\x00-\\x7f" + FOLD_TABLE + "]"


@dataclass(frozen=True, slots=True)
class FacetQuery:
    """The facets read from the dataset (None / False: any)."""

    year: int | None = None  # evaluated year: the other facets look at that year's ficha
    region: str | None = None  # canonical name: in the ficha's breakdown or listed by it
    executor: str | None = None  # one item of fichas.executors (see executor_items)
    with_warnings: bool = False
    findings: str | None = None  # text in one finding, as typed (folded here)
    verdict: str | None = None  # a verdict one of its findings states (the verdicts table)
    topic: str | None = None  # ... about this topic (None: any)
    # numeric filters on the measure of each program's ficha of `year` (else its latest, as
    # the rankings take it): a program-level condition, whatever ficha meets the facets above
    conditions: tuple[MeasureCondition, ...] = ()


_VERDICTS_SQL = """
    SELECT verdict, topic, count(DISTINCT ficha_id) AS n FROM verdicts
    GROUP BY verdict, topic ORDER BY verdict, topic NULLS FIRST
"""


def verdicts(store: Store) -> tuple[tuple[str, str | None, int], ...]:
    """Every (verdict, topic) the dataset's findings state, with how many fichas state it."""
    return tuple((v, t, n) for v, t, n in store.query(_VERDICTS_SQL, []) if v)


def executor_items(executors: str | None) -> list[str]:
    """`Organismo privado (Fundación, corporación), Municipio.` -> its two executors: split at
    commas and semicolons outside brackets, each without its closing period."""
    items, depth, start = [], 0, 0
    text = executors or ""
    for i, char in enumerate(text):
        if char in "([":
            depth += 1
        elif char in ")]":
            depth = max(0, depth - 1)
        elif char in ",;" and depth == 0:
            items.append(text[start:i])
            start = i + 1
    items.append(text[start:])
    return [item.strip().rstrip(".").strip() for item in items if fold(item)]


_EXECUTORS_SQL = """
    SELECT executors, count(*) AS n FROM fichas WHERE executors IS NOT NULL
    GROUP BY executors ORDER BY n DESC, executors
"""


def _executors(store: Store) -> dict[str, tuple[str, list[str]]]:
    """fold(item) -> (its most written spelling, the fichas.executors values that hold it)."""
    out: dict[str, tuple[str, list[str]]] = {}
    for raw, _n in store.query(_EXECUTORS_SQL, []):
        for item in executor_items(raw):
            out.setdefault(fold(item), (item, []))[1].append(raw)
    return out


def executors(store: Store) -> tuple[str, ...]:
    """Every executor the dataset's fichas name, once (by folded spelling), in folded order."""
    return tuple(sorted((shown for shown, _ in _executors(store).values()), key=fold))


def program_ids(store: Store, query: FacetQuery) -> frozenset[str]:
    """The programs with a ficha meeting every facet of `query`."""
    where: list[str] = ["TRUE"]
    params: list[object] = []
    if query.year is not None:
        where.append("f.evaluated_year = ?")
        params.append(query.year)
    if query.executor is not None:
        _shown, values = _executors(store).get(fold(query.executor), ("", []))
        where.append("list_contains(?::VARCHAR[], f.executors)")
        params.append(values)
    if query.with_warnings:
        where.append("f.ficha_id IN (SELECT ficha_id FROM warnings)")
    if query.verdict is not None:
        sql, more = verdict_condition("f.ficha_id", query.verdict, query.topic)
        where.append(sql)
        params.extend(more)
    if query.region is not None:
        presence = _source(store, "region_presence", REGION_PRESENCE_SQL)
        where.append(f"f.ficha_id IN (SELECT ficha_id FROM {presence} WHERE region = ?)")
        params.append(query.region)
    if query.conditions:
        more_where, more = program_condition(store, "f.program_id", query.conditions, query.year)
        where += more_where
        params.extend(more)
    text = (query.findings or "").strip()
    if not text:
        sql = f"SELECT DISTINCT f.program_id FROM fichas f WHERE {' AND '.join(where)}"
        return frozenset(row[0] for row in store.query(sql, params))
    return _in_findings(store, text, where, params)


def _in_findings(store: Store, text: str, where: list[str], params: list) -> frozenset[str]:
    """Programs whose ficha (meeting `where`) has a finding holding `text`, both folded with
    text.fold. DuckDB only narrows the findings (each folded word in the finding with accents
    stripped and lowercased, which is what fold does to the letters of its table); text.fold
    decides on what is left, and on the findings with any other character (_beyond_table)."""
    key = fold(text)
    if not key:  # punctuation alone (`%`, `[`): looked for as written
        where = [*where, "contains(x.finding, ?)"]
        sql = f"""
            SELECT DISTINCT f.program_id FROM fichas f JOIN findings x USING (ficha_id)
            WHERE {" AND ".join(where)}
        """
        return frozenset(row[0] for row in store.query(sql, [*params, text]))
    words = key.split()
    # The distinct findings first (no join), so a common word does not carry every ficha's
    # row through the grouping; then the fichas holding the findings that fold confirms.
    narrow = " AND ".join("contains(strip_accents(lower(finding)), ?)" for _ in words)
    sql = f"SELECT DISTINCT finding FROM findings WHERE {narrow}"
    texts = [row[0] for row in store.query(sql, words)]
    texts += _beyond_table(store)
    held = [t for t, k in zip(texts, fold_many(texts), strict=True) if key in k]
    if not held:
        return frozenset()
    sql = f"""
        SELECT DISTINCT f.program_id FROM fichas f
        WHERE {" AND ".join(where)} AND f.ficha_id IN (
            SELECT ficha_id FROM findings WHERE finding IN (SELECT unnest(?::VARCHAR[])))
    """
    return frozenset(row[0] for row in store.query(sql, [*params, held]))


# Store -> its findings with a character beyond ASCII and the fold's table (rare: read once per
# dataset, as the regular expression costs more than the rest of a query).
_BEYOND: weakref.WeakKeyDictionary[Store, list[str]] = weakref.WeakKeyDictionary()


def _beyond_table(store: Store) -> list[str]:
    """The distinct findings DuckDB cannot narrow the way text.fold would."""
    rows = _BEYOND.get(store)
    if rows is None:
        sql = "SELECT DISTINCT finding FROM findings WHERE regexp_matches(finding, ?)"
        rows = _BEYOND[store] = [row[0] for row in store.query(sql, [_BEYOND_TABLE])]
    return rows
