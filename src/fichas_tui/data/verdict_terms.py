"""The words of the `verdicts` table: its topics and verdicts, shared by ingest (which writes
them), the queries and the views (which label them)."""

from __future__ import annotations

# Topics (stored as written here; the measure keys where a ranking measure is the same figure).
EXECUTION_INITIAL = "ejecucion-inicial"
EXECUTION_FINAL = "ejecucion-final"
PERSISTENCE = "persistencia-subejecucion"
PER_BENEFICIARY = "gasto-por-beneficiario"
ADMINISTRATIVE = "administrativo"
COVERAGE_POTENTIAL = "cobertura-potencial"
COVERAGE_TARGET = "cobertura-objetivo"
INDICATOR = "indicador"
TARGETING = "focalizacion"

TOPICS = (
    EXECUTION_INITIAL,
    EXECUTION_FINAL,
    PERSISTENCE,
    PER_BENEFICIARY,
    ADMINISTRATIVE,
    COVERAGE_POTENTIAL,
    COVERAGE_TARGET,
    INDICATOR,
    TARGETING,
)

# Verdicts, as the user reads and types them (accents optional when typed).
WITHIN = "dentro de rango"
UNDER = "subejecución"
OVER = "sobreejecución"
SUFFICIENT = "suficiente"
INSUFFICIENT = "insuficiente"
OUT_OF_RANGE = "fuera de rango"
NOT_ASSESSABLE = "no evaluable"
NO_FINDINGS = "sin hallazgos"
NO_PROBLEM = "sin problemas"  # a topic that only flags a problem says there is none
ADEQUATE = "adecuado"
INADEQUATE = "inadecuado"
UNCLASSIFIED = "sin clasificar"

VERDICTS = (
    WITHIN,
    UNDER,
    OVER,
    SUFFICIENT,
    INSUFFICIENT,
    OUT_OF_RANGE,
    NOT_ASSESSABLE,
    NO_FINDINGS,
    NO_PROBLEM,
    ADEQUATE,
    INADEQUATE,
    UNCLASSIFIED,
)
