"""The measures programs can be ranked by: key as typed, title, kind, unit and help."""

from __future__ import annotations

from dataclasses import dataclass

from .model import AMOUNT, COUNT, PERCENT


@dataclass(frozen=True, slots=True)
class Measure:
    key: str  # as typed on the command line
    title: str  # column header
    kind: str  # AMOUNT, PERCENT or COUNT
    unit: str  # in words, for --help and JSON
    help: str
    decimals: int = 1
    a: str | None = None  # the figures it is computed from, as JSON/CSV columns
    b: str | None = None


MEASURES: dict[str, Measure] = {
    m.key: m
    for m in (
        Measure(
            "gasto", "Gasto ejecutado", AMOUNT, "M$", "gasto ejecutado del año evaluado", decimals=0
        ),
        Measure(
            "ejecucion-inicial",
            "Ejecución / inicial",
            PERCENT,
            "%",
            "gasto ejecutado como % del presupuesto inicial",
            a="ejecutado",
            b="inicial",
        ),
        Measure(
            "ejecucion-final",
            "Ejecución / final",
            PERCENT,
            "%",
            "gasto ejecutado como % del presupuesto final (vigente)",
            a="ejecutado",
            b="final",
        ),
        Measure(
            "gasto-por-beneficiario",
            "Gasto por beneficiario",
            AMOUNT,
            "M$ por beneficiario",
            "gasto por beneficiario que informa la ficha",
        ),
        Measure(
            "administrativo",
            "Gasto administrativo",
            PERCENT,
            "%",
            "gasto administrativo como % del gasto ejecutado",
            a="administrativo",
            b="ejecutado",
        ),
        Measure(
            "cobertura",
            "Cobertura",
            PERCENT,
            "%",
            "beneficiarios como % de la población objetivo",
            a="beneficiarios",
            b="poblacion_objetivo",
        ),
        Measure(
            "indicador",
            "Cumplimiento de meta",
            PERCENT,
            "% de la meta",
            "primer indicador de propósito: efectivo como % de su meta",
            a="efectivo",
            b="meta",
        ),
        Measure(
            "subejecucion-seguida",
            "Años seguidos con subejecución",
            COUNT,
            "años",
            "años seguidos con subejecución hasta el evaluado (si la ficha dice que persiste, 3)",
            decimals=0,
        ),
        Measure(
            "hallazgos-persisten",
            "Hallazgos que persisten",
            COUNT,
            "hallazgos",
            "problemas que ya hallaba la ficha anterior (o su sección «no superados»)",
            decimals=0,
        ),
    )
}
