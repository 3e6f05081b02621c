"""The data contract: every table of a dataset and its columns, as Arrow schemas."""

from __future__ import annotations

import pyarrow as pa

S = pa.string()
I = pa.int32()
D = pa.float64()
B = pa.bool_()

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
            ("evaluated_year", I),
            ("price_year", I),
            ("start_year", I),
            ("description", S),
            ("purpose", S),
            ("regions", pa.list_(S)),
            ("source_file", S),
            # additions
            ("layout", S),
            ("end_year", I),
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
            ("year", I),
            ("concept", S),
            ("amount_kclp", D),
            ("price_year", I),
            ("amount_status", S),
            ("unit", S),
            ("source", S),
        ]
    ),
    "subtitles": pa.schema(
        [
            ("ficha_id", S),
            ("year", I),
            ("subtitle", I),
            ("subtitle_name", S),
            ("amount_kclp", D),
            ("price_year", I),
            ("amount_status", S),
        ]
    ),
    "components": pa.schema(
        [
            ("ficha_id", S),
            ("component", S),
            ("production_unit", S),
            ("year", I),
            ("spending_kclp", D),
            ("production", D),
            ("unit_cost_kclp", D),
            ("price_year", I),
            ("spending_status", S),
            ("production_status", S),
            ("unit_cost_status", S),
            ("production_category", S),
            ("position", I),
        ]
    ),
    "indicators": pa.schema(
        [
            ("ficha_id", S),
            ("level", S),
            ("indicator", S),
            ("formula", S),
            ("year", I),
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
            ("position", I),
        ]
    ),
    "coverage": pa.schema(
        [
            ("ficha_id", S),
            ("year", I),
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
            ("price_year", I),
            ("region_as_written", S),
            ("spending_status", S),
            ("beneficiaries_status", S),
            ("year", I),
        ]
    ),
    "findings": pa.schema(
        [
            ("ficha_id", S),
            ("dimension", S),
            ("finding", S),
            ("kind", S),
            ("position", I),
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
            ("year", I),
            ("ratio", S),
            ("value_pct", D),
            ("value_status", S),
            ("result", S),
        ]
    ),
    "spending_per_beneficiary": pa.schema(
        [
            ("ficha_id", S),
            ("year", I),
            ("amount_kclp", D),
            ("amount_status", S),
            ("price_year", I),
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
            ("year", I),
            ("detail", S),
        ]
    ),
    "ods": pa.schema(
        [
            ("ficha_id", S),
            ("goal", I),
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
            ("year", I),
            ("factor", D),
        ]
    ),
    "texts": pa.schema(
        [
            ("ficha_id", S),
            ("section", S),
            ("label", S),
            ("text", S),
            ("position", I),
        ]
    ),
}

TABLE_NAMES = tuple(TABLES)
BUDGET_CONCEPTS = ("inicial", "final", "ejecutado", "componentes", "administrativo")
INDICATOR_LEVELS = ("proposito", "complementario", "componente")
