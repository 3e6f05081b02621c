"""Tables derived from the parsed ones when a dataset is written: the program list."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:  # only the writer calls derive_programs; the explorer imports the SQL
    import pyarrow as pa

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
       l.search_key
FROM latest l
JOIN years y USING (program_id)
LEFT JOIN (SELECT * FROM spent WHERE rank = 1) s ON s.ficha_id = l.ficha_id
ORDER BY l.program_name
"""


def derive_programs(fichas: pa.Table, budget: pa.Table, schema: pa.Schema) -> pa.Table:
    import duckdb

    con = duckdb.connect()
    try:
        con.register("fichas", fichas)
        con.register("budget", budget)
        result = con.sql(PROGRAMS_SQL).to_arrow_table()
    finally:
        con.close()
    return result.select(schema.names).cast(schema)
