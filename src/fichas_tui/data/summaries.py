"""Per-ficha summaries derived when a dataset is written, for the queries across programs.

`measures`: one row per ficha and measure (executed spending, execution %, spending per
beneficiary, administrative share, coverage, propósito indicator against its meta), each the
figure of the ficha's evaluated year, with the facets the rankings filter on. `region_presence`:
one row per ficha and region it breaks spending down for or lists among its regions. Both are
sorted by their first column, so a query for one measure or one region reads few row groups.
A dataset written before they existed gets the same rows computed in place (see data/across.py).
"""

from __future__ import annotations

from .finding_history import NOT_OVERCOME_KIND, PROBLEMS
from .verdict_terms import EXECUTION_FINAL, EXECUTION_INITIAL, PERSISTENCE, UNDER


def _quoted(values) -> str:
    return ", ".join("'" + v.replace("'", "''") + "'" for v in sorted(values))


# The years in a row, up to the ficha's evaluated year, the program's fichas in the dataset
# find under-execution (a `subejecución` verdict on the initial or final budget); a ficha that
# states the persistence of under-execution (its "tres años consecutivos") counts at least 3.
# A ficha with no verdict on its execution: no figure. `a`: the run of fichas alone.
# Its source: the rule, and the line of the ficha's own under-execution finding.
_RUN_RULE = "años seguidos con subejecución en los hallazgos de las fichas del programa"
_EXECUTION = _quoted([EXECUTION_INITIAL, EXECUTION_FINAL])
_UNDER_RUN = f"""
    WITH judged AS (
        SELECT v.ficha_id,
               bool_or(v.verdict = '{UNDER}' AND v.topic IN ({_EXECUTION})) AS under,
               bool_or(v.verdict = '{UNDER}' AND v.topic = '{PERSISTENCE}') AS persistent,
               min(f.source_line) FILTER (WHERE v.verdict = '{UNDER}') AS line
        FROM verdicts v
        LEFT JOIN findings f ON f.ficha_id = v.ficha_id AND f.position = v.position
        WHERE v.topic IN ({_quoted([EXECUTION_INITIAL, EXECUTION_FINAL, PERSISTENCE])})
        GROUP BY v.ficha_id
    ),
    years AS (
        SELECT f.program_id, f.evaluated_year AS year, bool_or(j.under) AS under
        FROM fichas f JOIN judged j USING (ficha_id)
        WHERE f.evaluated_year IS NOT NULL
        GROUP BY f.program_id, f.evaluated_year
    ),
    islands AS (
        SELECT program_id, year, under,
               year - row_number() OVER (PARTITION BY program_id, under ORDER BY year) AS island
        FROM years
    ),
    runs AS (
        SELECT program_id, year,
               CASE WHEN under THEN row_number() OVER (
                   PARTITION BY program_id, under, island ORDER BY year) ELSE 0 END AS run
        FROM islands
    )
    SELECT f.ficha_id, f.evaluated_year AS year,
           CASE WHEN j.ficha_id IS NOT NULL
                THEN greatest(r.run, CASE WHEN j.persistent THEN 3 ELSE 0 END) END::DOUBLE
           AS value,
           CASE WHEN j.ficha_id IS NULL THEN 'sin dato' END AS status,
           NULL::INTEGER AS price_year, r.run::DOUBLE AS a, NULL::DOUBLE AS b, NULL AS label,
           j.line AS source_line, NULL AS source_column,
           CASE WHEN j.ficha_id IS NOT NULL THEN '{_RUN_RULE}' END AS source_rule
    FROM fichas f LEFT JOIN judged j USING (ficha_id)
    LEFT JOIN runs r ON r.program_id = f.program_id AND r.year = f.evaluated_year
"""

# The problems a ficha finds that persist (data/finding_history.py marks, counted): those on a
# dimension and topic the program's previous ficha found a problem on too; without a previous
# ficha, those of the 2023 template's "no superados" section. No previous ficha and no such
# section: no figure. `a`: the ficha's problems, `b`: the previous ficha's.
# text.fold in SQL: lowercase, no accents, punctuation as single spaces.
_DIMENSION = (
    "trim(regexp_replace(strip_accents(lower(coalesce(v.dimension, f.dimension, ''))), "
    "'[^a-z0-9]+', ' ', 'g'))"
)
_PERSISTING = f"""
    WITH problems AS (
        SELECT DISTINCT v.ficha_id, {_DIMENSION} AS dimension, v.topic,
               bool_or(f.kind = '{NOT_OVERCOME_KIND}') OVER (
                   PARTITION BY v.ficha_id, {_DIMENSION}, v.topic) AS own
        FROM verdicts v
        LEFT JOIN findings f ON f.ficha_id = v.ficha_id AND f.position = v.position
        WHERE v.verdict IN ({_quoted(PROBLEMS)}) AND v.topic IS NOT NULL
    ),
    previous AS (
        SELECT ficha_id, program_id, evaluated_year,
               (SELECT p.ficha_id FROM fichas p
                WHERE p.program_id = f.program_id AND p.evaluated_year < f.evaluated_year
                ORDER BY p.evaluated_year DESC, p.ficha_id LIMIT 1) AS previous_id
        FROM fichas f
    ),
    section AS (
        SELECT DISTINCT ficha_id FROM findings WHERE kind = '{NOT_OVERCOME_KIND}'
    )
    SELECT p.ficha_id, p.evaluated_year AS year,
           CASE WHEN p.previous_id IS NOT NULL THEN
                    (SELECT count(*) FROM problems c JOIN problems b
                         ON b.ficha_id = p.previous_id AND b.dimension = c.dimension
                        AND b.topic = c.topic
                     WHERE c.ficha_id = p.ficha_id)
                WHEN p.ficha_id IN (SELECT ficha_id FROM section) THEN
                    (SELECT count(*) FROM problems c WHERE c.ficha_id = p.ficha_id AND c.own)
           END::DOUBLE AS value,
           CASE WHEN p.previous_id IS NULL AND p.ficha_id NOT IN (SELECT ficha_id FROM section)
                THEN 'sin ficha anterior' END AS status,
           NULL::INTEGER AS price_year,
           (SELECT count(*) FROM problems c WHERE c.ficha_id = p.ficha_id)::DOUBLE AS a,
           (SELECT count(*) FROM problems b WHERE b.ficha_id = p.previous_id)::DOUBLE AS b,
           NULL AS label, NULL::INTEGER AS source_line, NULL AS source_column,
           'problemas de la ficha que ya hallaba la ficha anterior (o su sección de hallazgos '
           || 'no superados)' AS source_rule
    FROM previous p
"""

# Measures that can rank programs: key -> SQL giving (ficha_id, year, value, status, price_year,
# a, b, label) for every ficha; the caller keeps the row of the ficha's evaluated year.
# `a`/`b` are the two figures a ratio comes from (ejecutado and inicial, efectivo and meta).
_SHARE = """
    -- The ficha's own ratio when it states one (even as a code), else part / whole of budget.
    SELECT coalesce(r.ficha_id, p.ficha_id) AS ficha_id, coalesce(r.year, p.year) AS year,
           CASE WHEN r.ficha_id IS NOT NULL THEN r.value_pct
                WHEN w.amount_kclp > 0 THEN p.amount_kclp / w.amount_kclp * 100 END AS value,
           CASE WHEN r.ficha_id IS NOT NULL THEN r.value_status
                WHEN p.amount_kclp IS NULL THEN p.amount_status
                WHEN w.amount_kclp IS NULL THEN coalesce(w.amount_status, 'sin dato')
                WHEN w.amount_kclp <= 0 THEN '-' END AS status,
           p.price_year, p.amount_kclp AS a, w.amount_kclp AS b, NULL AS label,
           coalesce(r.source_line, p.source_line) AS source_line,
           CASE WHEN r.ficha_id IS NOT NULL THEN r.source_column ELSE p.source_column END
           AS source_column,
           CASE WHEN r.ficha_id IS NULL THEN '{part} / {whole} x 100' END AS source_rule
    FROM (SELECT * FROM budget WHERE concept = '{part}') p
    LEFT JOIN (SELECT * FROM budget WHERE concept = '{whole}') w USING (ficha_id, year)
    FULL JOIN (SELECT * FROM ratios WHERE ratio = '{ratio}') r
           ON r.ficha_id = p.ficha_id AND r.year = p.year
"""

MEASURE_SQL = {
    "subejecucion-seguida": _UNDER_RUN,
    "hallazgos-persisten": _PERSISTING,
    "gasto": """
        SELECT ficha_id, year, amount_kclp AS value, amount_status AS status, price_year,
               NULL::DOUBLE AS a, NULL::DOUBLE AS b, NULL AS label, source_line, source_column,
               source_rule
        FROM budget WHERE concept = 'ejecutado'
    """,
    "ejecucion-inicial": _SHARE.format(
        part="ejecutado", whole="inicial", ratio="ejecucion_inicial"
    ),
    "ejecucion-final": _SHARE.format(part="ejecutado", whole="final", ratio="ejecucion_final"),
    "administrativo": _SHARE.format(
        part="administrativo", whole="ejecutado", ratio="gasto_administrativo"
    ),
    "gasto-por-beneficiario": """
        SELECT ficha_id, year, amount_kclp AS value, amount_status AS status, price_year,
               NULL::DOUBLE AS a, NULL::DOUBLE AS b, NULL AS label, source_line, source_column,
               NULL AS source_rule
        FROM spending_per_beneficiary
    """,
    "cobertura": """
        SELECT ficha_id, year, coverage_pct AS value, coverage_status AS status,
               NULL::INTEGER AS price_year, beneficiaries AS a, target_population AS b,
               NULL AS label, source_line, source_column, NULL AS source_rule
        FROM coverage WHERE basis = 'objetivo'
    """,
    "indicador": """
        -- The ficha's first propósito indicator: efectivo as % of its meta (meta / efectivo
        -- when the ficha says lower is better).
        WITH first AS (
            SELECT ficha_id, indicator FROM indicators WHERE level = 'proposito'
            QUALIFY row_number() OVER (
                PARTITION BY ficha_id ORDER BY position NULLS LAST, indicator) = 1
        ),
        points AS (
            SELECT i.ficha_id, i.year, any_value(i.indicator) AS label,
                   max(i.value) FILTER (WHERE i.kind = 'efectivo') AS e,
                   max(i.value_status) FILTER (WHERE i.kind = 'efectivo') AS es,
                   count(*) FILTER (WHERE i.kind = 'meta') AS has_meta,
                   max(i.value) FILTER (WHERE i.kind = 'meta') AS m,
                   max(i.value_status) FILTER (WHERE i.kind = 'meta') AS ms,
                   bool_or(lower(i.direction) LIKE 'desc%') AS lower_better,
                   min(i.source_line) FILTER (WHERE i.kind = 'efectivo') AS line,
                   min(i.source_column) FILTER (WHERE i.kind = 'efectivo') AS header
            FROM indicators i JOIN first f USING (ficha_id, indicator)
            WHERE i.level = 'proposito'
            GROUP BY i.ficha_id, i.year
        )
        SELECT ficha_id, year,
               CASE WHEN e IS NULL OR m IS NULL THEN NULL
                    WHEN lower_better AND e > 0 THEN m / e * 100
                    WHEN NOT coalesce(lower_better, false) AND m > 0 THEN e / m * 100 END
               AS value,
               CASE WHEN e IS NULL THEN coalesce(es, 'sin dato')
                    WHEN has_meta = 0 THEN 'sin meta'
                    WHEN m IS NULL THEN coalesce(ms, 'sin meta')
                    WHEN (lower_better AND e <= 0) OR (NOT coalesce(lower_better, false)
                          AND m <= 0) THEN '-' END AS status,
               NULL::INTEGER AS price_year, e AS a, m AS b, label, line AS source_line,
               header AS source_column,
               CASE WHEN lower_better THEN 'meta / efectivo x 100'
                    ELSE 'efectivo / meta x 100' END AS source_rule
        FROM points
    """,
}

# Facets of every ficha: `latest` is the program's latest ficha, ordered as derived.PROGRAMS_SQL.
_FICHA_FACETS = """
    SELECT ficha_id, program_id, coalesce(program_name, program_id) AS program_name, ministry,
           service, evaluated_year, layout,
           row_number() OVER (
               PARTITION BY program_id ORDER BY evaluated_year DESC NULLS LAST, ficha_id
           ) = 1 AS latest,
           ficha_id IN (SELECT ficha_id FROM warnings) AS has_warnings,
           source_file, source_sha256
    FROM fichas
"""

_ONE_MEASURE = """
    SELECT '{key}' AS measure, f.*, x.value, x.status, x.price_year, x.a, x.b, x.label,
           x.source_line, x.source_column, x.source_rule
    FROM facets f LEFT JOIN ({inner}) x
         ON x.ficha_id = f.ficha_id AND x.year = f.evaluated_year
    -- one row per ficha even if the ficha repeats a figure: the first present one
    QUALIFY row_number() OVER (PARTITION BY f.ficha_id ORDER BY x.value IS NULL, x.value) = 1
"""

MEASURES_SQL = (
    "WITH facets AS ("
    + _FICHA_FACETS
    + ")\n"
    + "\nUNION ALL\n".join(
        _ONE_MEASURE.format(key=key, inner=inner) for key, inner in MEASURE_SQL.items()
    )
    + "\nORDER BY measure, program_id, evaluated_year"
)


def measure_sql(key: str) -> str:
    """One measure's rows of the `measures` table, computed in place (a dataset written before
    the measure existed has a `measures` table without it)."""
    return "WITH facets AS (" + _FICHA_FACETS + ")\n" + _ONE_MEASURE.format(
        key=key, inner=MEASURE_SQL[key]
    )


def measure_parts() -> list[str]:
    """MEASURES_SQL as one query per measure, in the table's order: written one after the
    other they give the same rows in the same order, and DuckDB holds one measure at a time
    (all seven at once took ~310 MB at 50,000 fichas, one ~60-110 MB)."""
    return [
        "WITH facets AS ("
        + _FICHA_FACETS
        + ")\n"
        + _ONE_MEASURE.format(key=key, inner=MEASURE_SQL[key])
        + "\nORDER BY program_id, evaluated_year"
        for key in sorted(MEASURE_SQL)
    ]


_REGION_PRESENCE = (
    "WITH facets AS ("
    + _FICHA_FACETS
    + ")"
    + """,
    broken AS (
        SELECT ficha_id, region, spending_kclp, spending_status, spending_pct, beneficiaries,
               beneficiaries_status, price_year, source_line, source_column,
               sum(spending_kclp) OVER (PARTITION BY ficha_id) AS total
        FROM regions WHERE region IS NOT NULL
        QUALIFY row_number() OVER (PARTITION BY ficha_id, region) = 1
    ),
    listed AS (
        SELECT DISTINCT ficha_id, unnest(regions) AS region FROM fichas
    ),
    present AS (
        SELECT ficha_id, region, b.ficha_id IS NOT NULL AS breakdown
        FROM broken b FULL JOIN listed l USING (ficha_id, region)
    )
    SELECT p.region, f.ficha_id, f.program_id, f.program_name, f.evaluated_year, f.latest,
           b.spending_kclp, b.spending_status, b.spending_pct,
           CASE WHEN b.spending_kclp IS NOT NULL AND b.total > 0
                THEN b.spending_kclp / b.total * 100 END AS share_computed,
           b.beneficiaries, b.beneficiaries_status, b.price_year, p.breakdown,
           b.source_line, b.source_column, f.source_file, f.source_sha256
    FROM present p JOIN facets f USING (ficha_id)
    LEFT JOIN broken b USING (ficha_id, region)
    WHERE p.region IS NOT NULL {where}
    ORDER BY p.region, f.program_id, f.evaluated_year
"""
)
REGION_PRESENCE_SQL = _REGION_PRESENCE.format(where="")
# The rows of regions $lo to $hi (their order is the table's): the writer makes the table in a
# few such parts so DuckDB sorts a part at a time (the whole took ~310 MB at 50,000 fichas).
REGION_PRESENCE_PART_SQL = _REGION_PRESENCE.format(where="AND p.region BETWEEN $lo AND $hi")
# Every region with (at least) its number of rows in region_presence, in the table's order.
REGION_ROWS_SQL = """
    SELECT region, count(*) AS n FROM (
        SELECT region FROM regions WHERE region IS NOT NULL
        UNION ALL
        SELECT unnest(regions) AS region FROM fichas
    ) WHERE region IS NOT NULL GROUP BY region ORDER BY region
"""
