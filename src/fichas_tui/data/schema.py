"""The data contract: every table of a dataset and its columns.

Columns are plain (name, DuckDB type) pairs so the explorer can check a dataset without
importing pyarrow; `TABLES` builds the Arrow schemas the writer needs on first use.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping

# A restated figure as one ficha prints it (restatements.Printed's fields, in order).
PRINTED_COLUMNS = (
    ("ficha_id", "VARCHAR"), ("evaluated_year", "INTEGER"), ("source_file", "VARCHAR"),
    ("value", "DOUBLE"), ("text", "VARCHAR"), ("price_year", "INTEGER"),
    ("factor", "DOUBLE"), ("compared", "DOUBLE"), ("error", "DOUBLE"),
)  # fmt: skip

COLUMNS: dict[str, tuple[tuple[str, str], ...]] = {
    "fichas": (
        ("ficha_id", "VARCHAR"),
        ("program_id", "VARCHAR"),
        ("program_name", "VARCHAR"),
        ("ministry", "VARCHAR"),
        ("service", "VARCHAR"),
        ("evaluated_year", "INTEGER"),
        ("price_year", "INTEGER"),
        ("start_year", "INTEGER"),
        ("description", "VARCHAR"),
        ("purpose", "VARCHAR"),
        ("regions", "VARCHAR[]"),
        ("source_file", "VARCHAR"),
        # additions
        ("layout", "VARCHAR"),
        ("end_year", "INTEGER"),
        ("end_text", "VARCHAR"),
        ("executors", "VARCHAR"),
        ("target_population", "VARCHAR"),
        ("beneficiary_population", "VARCHAR"),
        ("published", "VARCHAR"),
        ("name_source", "VARCHAR"),
        ("search_key", "VARCHAR"),
        ("id_bips", "INTEGER"),
        ("source_sha256", "VARCHAR"),
        # tables the original printed as an image (ingest/images.py) and the 1-based line of
        # the gap the text has in their place, as parallel lists
        ("image_tables", "VARCHAR[]"),
        ("image_lines", "INTEGER[]"),
    ),
    "budget": (
        ("ficha_id", "VARCHAR"),
        ("year", "INTEGER"),
        ("concept", "VARCHAR"),
        ("amount_kclp", "DOUBLE"),
        ("price_year", "INTEGER"),
        ("amount_status", "VARCHAR"),
        ("unit", "VARCHAR"),
        ("source", "VARCHAR"),
        ("source_line", "INTEGER"),
        ("source_column", "VARCHAR"),
        ("source_rule", "VARCHAR"),
    ),
    "subtitles": (
        ("ficha_id", "VARCHAR"),
        ("year", "INTEGER"),
        ("subtitle", "INTEGER"),
        ("subtitle_name", "VARCHAR"),
        ("amount_kclp", "DOUBLE"),
        ("price_year", "INTEGER"),
        ("amount_status", "VARCHAR"),
        ("source_line", "INTEGER"),
        ("source_column", "VARCHAR"),
    ),
    "components": (
        ("ficha_id", "VARCHAR"),
        ("component", "VARCHAR"),
        ("production_unit", "VARCHAR"),
        ("year", "INTEGER"),
        ("spending_kclp", "DOUBLE"),
        ("production", "DOUBLE"),
        ("unit_cost_kclp", "DOUBLE"),
        ("price_year", "INTEGER"),
        ("spending_status", "VARCHAR"),
        ("production_status", "VARCHAR"),
        ("unit_cost_status", "VARCHAR"),
        ("production_category", "VARCHAR"),
        ("position", "INTEGER"),
        ("source_line", "INTEGER"),
        ("source_column", "VARCHAR"),
        ("production_source_line", "INTEGER"),
        ("production_source_column", "VARCHAR"),
        ("unit_cost_source_line", "INTEGER"),
        ("unit_cost_source_column", "VARCHAR"),
    ),
    "indicators": (
        ("ficha_id", "VARCHAR"),
        ("level", "VARCHAR"),
        ("indicator", "VARCHAR"),
        ("formula", "VARCHAR"),
        ("year", "INTEGER"),
        ("kind", "VARCHAR"),
        ("value", "DOUBLE"),
        ("value_status", "VARCHAR"),
        ("value_text", "VARCHAR"),
        ("unit", "VARCHAR"),
        ("dimension", "VARCHAR"),
        ("periodicity", "VARCHAR"),
        ("direction", "VARCHAR"),
        ("evaluation_quality", "VARCHAR"),
        ("evaluation_relevance", "VARCHAR"),
        ("result", "VARCHAR"),
        ("position", "INTEGER"),
        ("source_line", "INTEGER"),
        ("source_column", "VARCHAR"),
    ),
    "coverage": (
        ("ficha_id", "VARCHAR"),
        ("year", "INTEGER"),
        ("basis", "VARCHAR"),
        ("coverage_pct", "DOUBLE"),
        ("coverage_status", "VARCHAR"),
        ("beneficiaries", "DOUBLE"),
        ("target_population", "DOUBLE"),
        ("result", "VARCHAR"),
        ("source_line", "INTEGER"),
        ("source_column", "VARCHAR"),
    ),
    "regions": (
        ("ficha_id", "VARCHAR"),
        ("region", "VARCHAR"),
        ("spending_kclp", "DOUBLE"),
        ("spending_pct", "DOUBLE"),
        ("beneficiaries", "DOUBLE"),
        ("beneficiaries_pct", "DOUBLE"),
        ("price_year", "INTEGER"),
        ("region_as_written", "VARCHAR"),
        ("spending_status", "VARCHAR"),
        ("beneficiaries_status", "VARCHAR"),
        ("year", "INTEGER"),
        ("source_line", "INTEGER"),
        ("source_column", "VARCHAR"),
        ("spending_pct_source_column", "VARCHAR"),
        ("beneficiaries_source_column", "VARCHAR"),
        ("beneficiaries_pct_source_column", "VARCHAR"),
    ),
    # The regional breakdown's own TOTAL row (one per ficha that has one), as written.
    "region_totals": (
        ("ficha_id", "VARCHAR"),
        ("spending_kclp", "DOUBLE"),
        ("spending_status", "VARCHAR"),
        ("spending_pct", "DOUBLE"),
        ("beneficiaries", "DOUBLE"),
        ("beneficiaries_status", "VARCHAR"),
        ("beneficiaries_pct", "DOUBLE"),
        ("price_year", "INTEGER"),
        ("year", "INTEGER"),
        ("source_line", "INTEGER"),
        ("source_column", "VARCHAR"),
        ("spending_pct_source_column", "VARCHAR"),
        ("beneficiaries_source_column", "VARCHAR"),
        ("beneficiaries_pct_source_column", "VARCHAR"),
    ),
    "findings": (
        ("ficha_id", "VARCHAR"),
        ("dimension", "VARCHAR"),
        ("finding", "VARCHAR"),
        ("kind", "VARCHAR"),
        ("position", "INTEGER"),
        ("source_line", "INTEGER"),
        ("source_column", "VARCHAR"),
    ),
    # Each judged finding as (topic, verdict) pairs, its sentence kept (ingest/verdicts.py).
    "verdicts": (
        ("ficha_id", "VARCHAR"),
        ("position", "INTEGER"),
        ("dimension", "VARCHAR"),
        ("topic", "VARCHAR"),
        ("verdict", "VARCHAR"),
        ("finding", "VARCHAR"),
    ),
    "warnings": (
        ("ficha_id", "VARCHAR"),
        ("section", "VARCHAR"),
        ("message", "VARCHAR"),
    ),
    # Figures the contract has no place for, kept rather than dropped.
    "ratios": (
        ("ficha_id", "VARCHAR"),
        ("year", "INTEGER"),
        ("ratio", "VARCHAR"),
        ("value_pct", "DOUBLE"),
        ("value_status", "VARCHAR"),
        ("result", "VARCHAR"),
        ("source_line", "INTEGER"),
        ("source_column", "VARCHAR"),
    ),
    "spending_per_beneficiary": (
        ("ficha_id", "VARCHAR"),
        ("year", "INTEGER"),
        ("amount_kclp", "DOUBLE"),
        ("amount_status", "VARCHAR"),
        ("price_year", "INTEGER"),
        ("source_line", "INTEGER"),
        ("source_column", "VARCHAR"),
    ),
    "assessments": (
        ("ficha_id", "VARCHAR"),
        ("section", "VARCHAR"),
        ("criterion", "VARCHAR"),
        ("result", "VARCHAR"),
        ("comment", "VARCHAR"),
        ("source_line", "INTEGER"),
    ),
    "evaluations": (
        ("ficha_id", "VARCHAR"),
        ("kind", "VARCHAR"),
        ("year", "INTEGER"),
        ("detail", "VARCHAR"),
        ("source_line", "INTEGER"),
    ),
    "ods": (
        ("ficha_id", "VARCHAR"),
        ("goal", "INTEGER"),
        ("name", "VARCHAR"),
        ("description", "VARCHAR"),
        ("source_line", "INTEGER"),
    ),
    "complementarities": (
        ("ficha_id", "VARCHAR"),
        ("program", "VARCHAR"),
        ("source_line", "INTEGER"),
    ),
    "inflators": (
        ("ficha_id", "VARCHAR"),
        ("year", "INTEGER"),
        ("factor", "DOUBLE"),
        ("source_line", "INTEGER"),
        ("source_column", "VARCHAR"),
    ),
    # Derived when a dataset is written (see derived.py); never parsed, never merged.
    "programs": (
        ("program_id", "VARCHAR"),
        ("program_name", "VARCHAR"),
        ("ministry", "VARCHAR"),
        ("service", "VARCHAR"),
        ("years", "INTEGER[]"),
        ("n_fichas", "INTEGER"),
        ("latest_year", "INTEGER"),
        ("ficha_id", "VARCHAR"),
        ("executed_year", "INTEGER"),
        ("executed_kclp", "DOUBLE"),
        ("executed_status", "VARCHAR"),
        ("executed_price_year", "INTEGER"),
        ("search_key", "VARCHAR"),
        ("id_bips", "INTEGER"),
    ),
    # Derived too: the deflator series chained from every ficha's inflators (see derived.py).
    "deflators": (
        ("target_year", "INTEGER"),
        ("year", "INTEGER"),
        ("factor", "DOUBLE"),
        ("ficha_id", "VARCHAR"),
        ("via_year", "INTEGER"),
        ("conflict_ficha_ids", "VARCHAR[]"),
        ("conflict_factors", "DOUBLE[]"),
    ),
    # Derived too: per-ficha summaries for the queries across programs (see summaries.py).
    "measures": (
        ("measure", "VARCHAR"),
        ("ficha_id", "VARCHAR"),
        ("program_id", "VARCHAR"),
        ("program_name", "VARCHAR"),
        ("ministry", "VARCHAR"),
        ("service", "VARCHAR"),
        ("evaluated_year", "INTEGER"),
        ("layout", "VARCHAR"),
        ("latest", "BOOLEAN"),
        ("has_warnings", "BOOLEAN"),
        ("value", "DOUBLE"),
        ("status", "VARCHAR"),
        ("price_year", "INTEGER"),
        ("a", "DOUBLE"),
        ("b", "DOUBLE"),
        ("label", "VARCHAR"),
        # where the figure is printed (or the rule it is computed by), and the ficha's file
        ("source_line", "INTEGER"),
        ("source_column", "VARCHAR"),
        ("source_rule", "VARCHAR"),
        ("source_file", "VARCHAR"),
        ("source_sha256", "VARCHAR"),
    ),
    "region_presence": (
        ("region", "VARCHAR"),
        ("ficha_id", "VARCHAR"),
        ("program_id", "VARCHAR"),
        ("program_name", "VARCHAR"),
        ("evaluated_year", "INTEGER"),
        ("latest", "BOOLEAN"),
        ("spending_kclp", "DOUBLE"),
        ("spending_status", "VARCHAR"),
        ("spending_pct", "DOUBLE"),
        ("share_computed", "DOUBLE"),
        ("beneficiaries", "DOUBLE"),
        ("beneficiaries_status", "VARCHAR"),
        ("price_year", "INTEGER"),
        ("breakdown", "BOOLEAN"),
        # the regional row's line and spending header, and the ficha's file
        ("source_line", "INTEGER"),
        ("source_column", "VARCHAR"),
        ("source_file", "VARCHAR"),
        ("source_sha256", "VARCHAR"),
    ),
    # Derived too: every restated figure (a year two consecutive fichas of a program print
    # differently), computed once per write by data/restatements.py's rule (restatement_table):
    # the restatement, then the earlier ficha's figure and the later one's (Printed).
    "restatements": (
        ("position", "INTEGER"),  # its place in the dataset's listing, largest first
        *((name, "VARCHAR") for name in ("program_id", "program_name", "measure", "key")),
        *((name, "VARCHAR") for name in ("label", "unit")),
        ("year", "INTEGER"),
        *((f"before_{name}", kind) for name, kind in PRINTED_COLUMNS),
        *((f"after_{name}", kind) for name, kind in PRINTED_COLUMNS),
    ),
    "texts": (
        ("ficha_id", "VARCHAR"),
        ("section", "VARCHAR"),
        ("label", "VARCHAR"),
        ("text", "VARCHAR"),
        ("position", "INTEGER"),
        ("source_line", "INTEGER"),
    ),
}

# Each ficha's text as ingested (line endings unified, as its source lines count them), so a
# figure's source can be shown when the file is gone; Parquet compresses it (zstd).
COLUMNS["ficha_texts"] = (
    ("ficha_id", "VARCHAR"),
    ("source_file", "VARCHAR"),
    ("source_sha256", "VARCHAR"),
    ("text", "VARCHAR"),
)

TABLE_NAMES = tuple(COLUMNS)
DERIVED_TABLES = ("programs", "deflators", "measures", "region_presence", "restatements")
PARSED_TABLES = tuple(name for name in COLUMNS if name not in DERIVED_TABLES)


class _ArrowSchemas(Mapping):
    """Table name -> pyarrow Schema, built from COLUMNS the first time it is asked for."""

    def __init__(self) -> None:
        self._built: dict = {}

    def __getitem__(self, table: str):
        if table not in self._built:
            import pyarrow as pa

            types = {
                "VARCHAR": pa.string(),
                "INTEGER": pa.int32(),
                "DOUBLE": pa.float64(),
                "VARCHAR[]": pa.list_(pa.string()),
                "INTEGER[]": pa.list_(pa.int32()),
                "BOOLEAN": pa.bool_(),
                "DOUBLE[]": pa.list_(pa.float64()),
            }
            self._built[table] = pa.schema([(n, types[t]) for n, t in COLUMNS[table]])
        return self._built[table]

    def __iter__(self) -> Iterator[str]:
        return iter(COLUMNS)

    def __len__(self) -> int:
        return len(COLUMNS)


TABLES: Mapping = _ArrowSchemas()


# Each table's name as the user reads it (ingest's per-file line "presupuesto 9, subtítulos 3",
# the warnings about a table read in part): one list for every output.
TABLE_LABELS = {
    "budget": "presupuesto",
    "subtitles": "subtítulos",
    "components": "componentes",
    "indicators": "indicadores",
    "coverage": "cobertura",
    "regions": "regiones",
    "findings": "hallazgos",
    "region_totals": "total regional",
    "verdicts": "veredictos",
    "ratios": "porcentajes de gasto",
    "spending_per_beneficiary": "gasto por beneficiario",
    "assessments": "ámbitos evaluados",
    "evaluations": "evaluaciones",
    "ods": "ODS",
    "complementarities": "complementariedades",
    "inflators": "inflactores",
    "texts": "textos",
    "warnings": "avisos",
}
