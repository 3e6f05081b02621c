"""Queries across programs: a region's programs, rankings by measure, one ficha's key figures.

Each query reads the whole dataset in place through the Store's DuckDB views (nothing copied),
one row per program from its selected ficha: the ficha of the evaluated year asked for, else the
program's latest. Every value the user supplies is a query parameter; names of tables, columns
and measures come from the constants below, never from input.
"""

from __future__ import annotations

from dataclasses import dataclass

from .queries import Store

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
           p.price_year, p.amount_kclp AS a, w.amount_kclp AS b, NULL AS label
    FROM (SELECT * FROM budget WHERE concept = '{part}') p
    LEFT JOIN (SELECT * FROM budget WHERE concept = '{whole}') w USING (ficha_id, year)
    FULL JOIN (SELECT * FROM ratios WHERE ratio = '{ratio}') r
           ON r.ficha_id = p.ficha_id AND r.year = p.year
"""

MEASURE_SQL = {
    "gasto": """
        SELECT ficha_id, year, amount_kclp AS value, amount_status AS status, price_year,
               NULL::DOUBLE AS a, NULL::DOUBLE AS b, NULL AS label
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
               NULL::DOUBLE AS a, NULL::DOUBLE AS b, NULL AS label
        FROM spending_per_beneficiary
    """,
    "cobertura": """
        SELECT ficha_id, year, coverage_pct AS value, coverage_status AS status,
               NULL::INTEGER AS price_year, beneficiaries AS a, target_population AS b,
               NULL AS label
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
                   bool_or(lower(i.direction) LIKE 'desc%') AS lower_better
            FROM indicators i JOIN first f USING (ficha_id, indicator)
            WHERE i.level = 'proposito'
            GROUP BY i.ficha_id, i.year
        )
        SELECT ficha_id, year,
               CASE WHEN e IS NULL OR m IS NULL THEN NULL
                    WHEN lower_better AND e > 0 THEN m / e * 100
                    WHEN NOT coalesce(lower_better, false) AND m > 0 THEN e / m * 100 END,
               CASE WHEN e IS NULL THEN coalesce(es, 'sin dato')
                    WHEN has_meta = 0 THEN 'sin meta'
                    WHEN m IS NULL THEN coalesce(ms, 'sin meta')
                    WHEN (lower_better AND e <= 0) OR (NOT coalesce(lower_better, false)
                          AND m <= 0) THEN '-' END,
               NULL::INTEGER, e, m, label
        FROM points
    """,
}

# The tables each measure reads beyond fichas (for a missing-table message).
MEASURE_TABLES = {
    "gasto": ("budget",),
    "ejecucion-inicial": ("budget", "ratios"),
    "ejecucion-final": ("budget", "ratios"),
    "administrativo": ("budget", "ratios"),
    "gasto-por-beneficiario": ("spending_per_beneficiary",),
    "cobertura": ("coverage",),
    "indicador": ("indicators",),
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


@dataclass(frozen=True, slots=True)
class MeasureRow:
    """One program's value of a measure, from its selected ficha's evaluated year."""

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


@dataclass(frozen=True, slots=True)
class RegionRow:
    """One program's figures for one region (None values keep their code in *_status)."""

    program_id: str
    program_name: str
    ficha_id: str
    year: int | None
    spending: float | None
    spending_status: str | None
    share: float | None  # % of the program's regional spending, as the ficha states it
    share_computed: bool  # True: the ficha gives no %, computed from its regional amounts
    beneficiaries: float | None
    beneficiaries_status: str | None
    price_year: int | None
    has_breakdown: bool  # False: the ficha lists the region but gives no figures for it


def _selected(selection: Selection) -> tuple[str, list]:
    """SQL of the selected fichas (one per program) and its parameters."""
    where, params = ["TRUE"], []
    if selection.year is not None:
        where.append("evaluated_year = ?")
        params.append(selection.year)
    for column, values in (("ministry", selection.ministries), ("service", selection.services)):
        if values is not None:
            where.append(f"{column} IN ({', '.join('?' * len(values)) or 'NULL'})")
            params.extend(values)
    if selection.layout is not None:
        where.append("layout = ?")
        params.append(selection.layout)
    if selection.region is not None:
        where.append(
            "(list_contains(regions, ?) OR ficha_id IN (SELECT ficha_id FROM regions "
            "WHERE region = ?))"
        )
        params += [selection.region, selection.region]
    if selection.with_warnings:
        where.append("ficha_id IN (SELECT ficha_id FROM warnings)")
    # The latest ficha, ordered as the programs table orders it (derived.PROGRAMS_SQL).
    sql = f"""
        SELECT ficha_id, program_id, program_name, evaluated_year AS year, regions
        FROM fichas WHERE {" AND ".join(where)}
        QUALIFY row_number() OVER (
            PARTITION BY program_id ORDER BY evaluated_year DESC NULLS LAST, ficha_id) = 1
    """
    return sql, params


def measure_rows(store: Store, measure: str, selection: Selection) -> list[MeasureRow]:
    """Every selected program with its value of `measure` (unordered; see views.across)."""
    inner = MEASURE_SQL[measure]  # KeyError for an unknown measure: callers check first
    sel, params = _selected(selection)
    sql = f"""
        WITH sel AS ({sel}), m AS ({inner})
        SELECT sel.program_id, sel.program_name, sel.ficha_id, sel.year,
               m.* EXCLUDE (ficha_id, year)
        FROM sel LEFT JOIN m ON m.ficha_id = sel.ficha_id AND m.year = sel.year
    """
    return [
        MeasureRow(
            pid,
            name or pid,
            fid,
            year,
            value,
            None if value is not None else status,
            price,
            a,
            b,
            label,
        )
        for pid, name, fid, year, value, status, price, a, b, label in store.query(sql, params)
    ]


def region_rows(store: Store, region: str, selection: Selection) -> list[RegionRow]:
    """Programs whose selected ficha breaks down spending for `region`, or only lists it."""
    sel, params = _selected(selection)
    sql = f"""
        WITH sel AS ({sel}),
        r AS (
            SELECT ficha_id, region, spending_kclp, spending_status, spending_pct,
                   beneficiaries, beneficiaries_status, price_year,
                   sum(spending_kclp) OVER (PARTITION BY ficha_id) AS total
            FROM regions WHERE ficha_id IN (SELECT ficha_id FROM sel)
        )
        SELECT sel.program_id, sel.program_name, sel.ficha_id, sel.year,
               r.spending_kclp, r.spending_status, r.spending_pct,
               CASE WHEN r.spending_kclp IS NOT NULL AND r.total > 0
                    THEN r.spending_kclp / r.total * 100 END,
               r.beneficiaries, r.beneficiaries_status, r.price_year, r.ficha_id IS NOT NULL
        FROM sel LEFT JOIN r ON r.ficha_id = sel.ficha_id AND r.region = ?
        WHERE r.ficha_id IS NOT NULL OR list_contains(sel.regions, ?)
    """
    out = []
    for pid, name, fid, year, s, ss, pct, computed, b, bs, price, broken in store.query(
        sql, [*params, region, region]
    ):
        share = pct if pct is not None else computed
        out.append(
            RegionRow(
                pid,
                name or pid,
                fid,
                year,
                s,
                ss if s is None else None,
                share,
                pct is None and computed is not None,
                b,
                bs if b is None else None,
                price,
                broken,
            )
        )
    return out
