"""The data contract: every table of a dataset and its columns, as Arrow schemas."""

from __future__ import annotations

import pyarrow as pa

S = pa.string()
INT = pa.int32()
D = pa.float64()

# Columns named in docs/SCHEMA.md come first in each table; the rest are additions
# (documented in docs/DATA.md). Never rename or drop a contract column.
TABLES: dict[str, pa.Schema] = {
    "fichas": pa.schema(
        [
            ("ficha_id", S),
            ("program_id", S),
            ("program_name", S),
            ("ministry", S),
            ("service", S),
            ("evaluated_year", INT),
            ("price_year", INT),
            ("start_year", INT),
            ("description", S),
            ("purpose", S),
            ("regions", pa.list_(S)),
            ("source_file", S),
            # additions
            ("layout", S),
            ("end_year", INT),
            ("end_text", S),
            ("executors", S),
            ("target_population", S),
            ("beneficiary_population", S),
            ("published", S),
            ("name_source", S),
            ("search_key", S),
        ]
    ),
    "budget": pa.schema(
        [
            ("ficha_id", S),
            ("year", INT),
            ("concept", S),
            ("amount_kclp", D),
            ("price_year", INT),
            ("amount_status", S),
            ("unit", S),
            ("source", S),
        ]
    ),
    "subtitles": pa.schema(
        [
            ("ficha_id", S),
            ("year", INT),
            ("subtitle", INT),
            ("subtitle_name", S),
            ("amount_kclp", D),
            ("price_year", INT),
            ("amount_status", S),
        ]
    ),
    "components": pa.schema(
        [
            ("ficha_id", S),
            ("component", S),
            ("production_unit", S),
            ("year", INT),
            ("spending_kclp", D),
            ("production", D),
            ("unit_cost_kclp", D),
            ("price_year", INT),
            ("spending_status", S),
            ("production_status", S),
            ("unit_cost_status", S),
            ("production_category", S),
            ("position", INT),
        ]
    ),
    "indicators": pa.schema(
        [
            ("ficha_id", S),
            ("level", S),
            ("indicator", S),
            ("formula", S),
            ("year", INT),
            ("kind", S),
            ("value", D),
            ("value_status", S),
            ("unit", S),
            ("dimension", S),
            ("periodicity", S),
            ("direction", S),
            ("evaluation_quality", S),
            ("evaluation_relevance", S),
            ("result", S),
            ("position", INT),
        ]
    ),
    "coverage": pa.schema(
        [
            ("ficha_id", S),
            ("year", INT),
            ("basis", S),
            ("coverage_pct", D),
            ("coverage_status", S),
            ("beneficiaries", D),
            ("target_population", D),
            ("result", S),
        ]
    ),
    "regions": pa.schema(
        [
            ("ficha_id", S),
            ("region", S),
            ("spending_kclp", D),
            ("spending_pct", D),
            ("beneficiaries", D),
            ("beneficiaries_pct", D),
            ("price_year", INT),
            ("region_as_written", S),
            ("spending_status", S),
            ("beneficiaries_status", S),
            ("year", INT),
        ]
    ),
    "findings": pa.schema(
        [
            ("ficha_id", S),
            ("dimension", S),
            ("finding", S),
            ("kind", S),
            ("position", INT),
        ]
    ),
    "warnings": pa.schema(
        [
            ("ficha_id", S),
            ("section", S),
            ("message", S),
        ]
    ),
    # Figures the contract has no place for, kept rather than dropped.
    "ratios": pa.schema(
        [
            ("ficha_id", S),
            ("year", INT),
            ("ratio", S),
            ("value_pct", D),
            ("value_status", S),
            ("result", S),
        ]
    ),
    "spending_per_beneficiary": pa.schema(
        [
            ("ficha_id", S),
            ("year", INT),
            ("amount_kclp", D),
            ("amount_status", S),
            ("price_year", INT),
        ]
    ),
    "assessments": pa.schema(
        [
            ("ficha_id", S),
            ("section", S),
            ("criterion", S),
            ("result", S),
            ("comment", S),
        ]
    ),
    "evaluations": pa.schema(
        [
            ("ficha_id", S),
            ("kind", S),
            ("year", INT),
            ("detail", S),
        ]
    ),
    "ods": pa.schema(
        [
            ("ficha_id", S),
            ("goal", INT),
            ("name", S),
            ("description", S),
        ]
    ),
    "complementarities": pa.schema(
        [
            ("ficha_id", S),
            ("program", S),
        ]
    ),
    "inflators": pa.schema(
        [
            ("ficha_id", S),
            ("year", INT),
            ("factor", D),
        ]
    ),
    # Derived when a dataset is written (see derived.py); never parsed, never merged.
    "programs": pa.schema(
        [
            ("program_id", S),
            ("program_name", S),
            ("ministry", S),
            ("service", S),
            ("years", pa.list_(INT)),
            ("n_fichas", INT),
            ("latest_year", INT),
            ("ficha_id", S),
            ("executed_year", INT),
            ("executed_kclp", D),
            ("executed_status", S),
            ("executed_price_year", INT),
            ("search_key", S),
        ]
    ),
    "texts": pa.schema(
        [
            ("ficha_id", S),
            ("section", S),
            ("label", S),
            ("text", S),
            ("position", INT),
        ]
    ),
}

TABLE_NAMES = tuple(TABLES)
DERIVED_TABLES = ("programs",)
PARSED_TABLES = tuple(name for name in TABLES if name not in DERIVED_TABLES)
BUDGET_CONCEPTS = ("inicial", "final", "ejecutado", "componentes", "administrativo")
INDICATOR_LEVELS = ("proposito", "complementario", "componente")
