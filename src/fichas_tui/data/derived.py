"""Tables derived from the parsed ones when a dataset is written: programs, deflators."""

from __future__ import annotations

import math
from collections.abc import Iterable
from typing import TYPE_CHECKING

from .list_records import Factor

if TYPE_CHECKING:  # only the writer calls derive_*; the explorer imports the SQL
    import pyarrow as pa

# Two printed factors for the same pair are "the same" when they agree to this (the fichas
# print 4 decimals, so a real disagreement is at least 1e-4).
SAME_FACTOR = 1e-9

# One row per program, precomputed so the explorer's list needs one small table at start-up.
# `ficha_id` is the program's latest ficha, so this table joins to its ficha like every other.
PROGRAMS_SQL = """
WITH f AS (
    SELECT *, row_number() OVER (
        PARTITION BY program_id ORDER BY evaluated_year DESC NULLS LAST, ficha_id
    ) AS rank
    FROM fichas
),
latest AS (SELECT * FROM f WHERE rank = 1),
spent AS (
    -- The latest ficha's executed amount for its own evaluated year, else its latest year.
    SELECT b.ficha_id, b.year, b.amount_kclp, b.amount_status, b.price_year,
           row_number() OVER (
               PARTITION BY b.ficha_id
               ORDER BY (b.year = l.evaluated_year) DESC, b.amount_kclp IS NULL, b.year DESC
           ) AS rank
    FROM budget b JOIN latest l USING (ficha_id)
    WHERE b.concept = 'ejecutado'
),
years AS (
    SELECT program_id, list(DISTINCT evaluated_year ORDER BY evaluated_year)
               FILTER (WHERE evaluated_year IS NOT NULL) AS years,
           count(*) AS n_fichas
    FROM fichas GROUP BY program_id
)
SELECT l.program_id, l.program_name, l.ministry, l.service,
       coalesce(y.years, []) AS years, y.n_fichas::INTEGER AS n_fichas,
       l.evaluated_year AS latest_year, l.ficha_id,
       s.year AS executed_year, s.amount_kclp AS executed_kclp,
       s.amount_status AS executed_status, s.price_year AS executed_price_year,
       l.search_key, l.id_bips
FROM latest l
JOIN years y USING (program_id)
LEFT JOIN (SELECT * FROM spent WHERE rank = 1) s ON s.ficha_id = l.ficha_id
ORDER BY l.program_name
"""


def derive_programs(con, schema: pa.Schema) -> pa.Table:
    """The program list, from a DuckDB connection where `fichas` and `budget` are defined
    (the writer's, which reads the new files in place under a memory limit)."""
    return con.sql(PROGRAMS_SQL).to_arrow_table().select(schema.names).cast(schema)


def chain_deflators(rows: Iterable[tuple]) -> tuple[Factor, ...]:
    """The deflator series from every ficha's inflator table, chained across price years.

    `rows` are (ficha_id, evaluated_year, price_year, year, factor): the ficha's factor from
    pesos of `year` into pesos of its `price_year`. Each price year with a table is a target.
    A pair given by several fichas takes the most recent ficha's factor (evaluated year, then
    price year, then id, so the result never depends on row order); different factors are
    kept as conflicts. A year no table reaches directly is chained through a lower target
    (2019 -> 2022 from a 2022 ficha, times 2022 -> 2024 from a 2024 ficha), nearest first.
    Nothing is filled in: a year no chain reaches has no factor.
    """
    given: dict[tuple[int, int], list[tuple[tuple, str, float]]] = {}
    for ficha_id, evaluated, price_year, year, factor in rows:
        if price_year is None or year is None or factor is None:
            continue
        if not math.isfinite(factor) or factor <= 0:
            continue  # not a factor: a damaged or hostile dataset
        recency = (evaluated or 0, price_year, ficha_id)
        given.setdefault((price_year, year), []).append((recency, ficha_id, factor))

    series: dict[int, dict[int, Factor]] = {}
    for (target, year), candidates in given.items():
        candidates.sort(reverse=True)
        _, ficha_id, factor = candidates[0]
        conflicts = tuple((fid, f) for _, fid, f in candidates[1:] if abs(f - factor) > SAME_FACTOR)
        series.setdefault(target, {})[year] = Factor(
            target, year, factor, ficha_id, None, conflicts
        )

    for target in sorted(series):
        direct = series[target]
        for via in sorted((t for t in series if t < target), reverse=True):
            step = direct.get(via)
            if step is None:
                continue
            for year, first in series[via].items():
                if year not in direct and year != target:
                    direct[year] = Factor(
                        target, year, first.factor * step.factor, first.ficha_id, via
                    )
    return tuple(series[t][y] for t in sorted(series) for y in sorted(series[t]))


def derive_deflators(fichas: pa.Table, inflators: pa.Table, schema: pa.Schema) -> pa.Table:
    import pyarrow as pa

    ficha = dict(
        zip(
            fichas["ficha_id"].to_pylist(),
            zip(
                fichas["evaluated_year"].to_pylist(),
                fichas["price_year"].to_pylist(),
                strict=True,
            ),
            strict=True,
        )
    )
    rows = (
        (fid, *ficha[fid], year, factor)
        for fid, year, factor in zip(
            inflators["ficha_id"].to_pylist(),
            inflators["year"].to_pylist(),
            inflators["factor"].to_pylist(),
            strict=True,
        )
        if fid in ficha
    )
    factors = chain_deflators(rows)
    columns = {
        "target_year": [f.target_year for f in factors],
        "year": [f.year for f in factors],
        "factor": [f.factor for f in factors],
        "ficha_id": [f.ficha_id for f in factors],
        "via_year": [f.via_year for f in factors],
        "conflict_ficha_ids": [[fid for fid, _ in f.conflicts] for f in factors],
        "conflict_factors": [[x for _, x in f.conflicts] for f in factors],
    }
    return pa.table(columns, schema=schema)


def factor_from_row(target, year, factor, ficha_id, via, conflict_ids, conflict_factors) -> Factor:
    """A row of the `deflators` table (in its column order) as a Factor."""
    conflicts = tuple(zip(conflict_ids or (), conflict_factors or (), strict=False))
    return Factor(target, year, factor, ficha_id, via, conflicts)


def factors_from_table(table: pa.Table) -> tuple[Factor, ...]:
    """The `deflators` table written by derive_deflators, back as Factors."""
    columns = [table[name].to_pylist() for name in table.column_names]
    return tuple(factor_from_row(*row) for row in zip(*columns, strict=True))
