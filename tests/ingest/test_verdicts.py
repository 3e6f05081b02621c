"""Findings as verdicts: the sample fichas' sentences, hand-read, and one fixture per pattern."""

from __future__ import annotations

import pytest

from fichas_tui.ingest.verdicts import classify, verdict_rows
from tests.helpers import F2019, F2021, F2023

EFI = "Eficiencia y ejecución presupuestaria"


def _verdicts(ds, source_file):
    return ds.rows(
        "SELECT position, topic, verdict FROM verdicts WHERE ficha_id = ? ORDER BY position, topic",
        source_file,
    )


def test_2019_sample_findings(ds):
    # 002: read in the ficha's RESULTADOS table, one row per bullet; the comment is not judged.
    assert _verdicts(ds, F2019) == [
        (0, "focalizacion", "adecuado"),
        (1, "cobertura-potencial", "suficiente"),
        (2, "cobertura-objetivo", "suficiente"),
        (3, "gasto-por-beneficiario", "fuera de rango"),
        (4, "administrativo", "dentro de rango"),
        (5, "ejecucion-inicial", "dentro de rango"),
        (6, "ejecucion-final", "dentro de rango"),
        (7, "indicador", "no evaluable"),
        (8, "indicador", "no evaluable"),
        (9, "indicador", "no evaluable"),
    ]


def test_2021_sample_findings(ds):
    # 000: observations (positions 1, 7, 9) state no verdict; `sobrejexecución` is the ficha's
    # own typo; persistence "no presenta problemas" is not an under-execution.
    assert _verdicts(ds, F2021) == [
        (0, "focalizacion", "inadecuado"),
        (2, "ejecucion-inicial", "sobreejecución"),
        (3, "ejecucion-final", "dentro de rango"),
        (4, "persistencia-subejecucion", "sin problemas"),
        (5, "gasto-por-beneficiario", "dentro de rango"),
        (6, "administrativo", "adecuado"),
        (8, "indicador", "no evaluable"),
    ]


def test_2023_hallazgos_no_superados(ds):
    rows = ds.rows(
        "SELECT dimension, topic, verdict, finding FROM verdicts WHERE ficha_id = ? "
        "ORDER BY position",
        F2023,
    )
    assert [r[:3] for r in rows] == [
        ("Focalización", None, "sin hallazgos"),
        (EFI, "ejecucion-inicial", "subejecución"),
        ("Eficacia", None, "sin hallazgos"),
    ]
    assert rows[1][3] == (
        "El programa presenta una subejecución presupuestaria (inferior al 85%) respecto de su "
        "presupuesto inicial durante el 2023."
    )


@pytest.mark.parametrize("source_file", [F2019, F2021, F2023])
def test_no_sample_finding_is_unclassified(ds, source_file):
    sql = "SELECT count(*) FROM verdicts WHERE ficha_id = ? AND verdict = 'sin clasificar'"
    assert ds.one(sql, source_file) == 0


@pytest.mark.parametrize(
    ("sentence", "dimension", "expected"),
    [
        (
            "El programa presenta una subejecución presupuestaria (inferior al 85%) respecto "
            "de su presupuesto inicial durante el 2022.",
            EFI,
            [("ejecucion-inicial", "subejecución")],
        ),
        (
            "El programa presenta una sub-ejecución presupuestaria respecto de su presupuesto "
            "inicial y de su presupuesto final 2022.",
            EFI,
            [("ejecucion-inicial", "subejecución"), ("ejecucion-final", "subejecución")],
        ),
        (
            "El programa presenta una sobre ejecución presupuestaria respecto al presupuesto "
            "final 2020 (superior al 110%).",
            EFI,
            [("ejecucion-final", "sobreejecución")],
        ),
        (
            "El programa presenta una ejecución presupuestaria fuera de rango respecto al "
            "presupuesto final 2020.",
            EFI,
            [("ejecucion-final", "fuera de rango")],
        ),
        (
            "Persistencia subejecución presupuestaria: El programa presenta persistencia de "
            "subejecución presupuestaria en relación a su presupuesto inicial.",
            EFI,
            [("persistencia-subejecucion", "subejecución")],
        ),
        (
            "El programa no presenta problemas de persistencia de subejecución en relación a "
            "su presupuesto inicial anual (tres años consecutivos).",
            EFI,
            [("persistencia-subejecucion", "sin problemas")],
        ),
        (
            "El gasto por beneficiario 2020 no es posible evaluar, dado que no reporta "
            "beneficiarios.",
            EFI,
            [("gasto-por-beneficiario", "no evaluable")],
        ),
        (
            "El gasto administrativo representa un 31% del presupuesto ejecutado, el que se "
            "encuentra fuera del umbral esperado.",
            EFI,
            [("administrativo", "fuera de rango")],
        ),
        (
            "Gasto administrativo: El gasto administrativo del programa no se encuentra "
            "correctamente estimado.",
            EFI,
            [("administrativo", "inadecuado")],
        ),
        (
            "El programa presenta una cobertura insuficiente 2020 (menor al 10%) respecto a "
            "la población objetivo.",
            "Focalización y Cobertura",
            [("cobertura-objetivo", "insuficiente")],
        ),
        (
            "La cobertura respecto a la población potencial no es posible evaluar.",
            "Focalización",
            [("cobertura-potencial", "no evaluable")],
        ),
        (
            "El resultado del indicador de propósito es suficiente respecto a su meta.",
            "Eficacia",
            [("indicador", "suficiente")],
        ),
        (
            "El resultado no es posible evaluar por falta de información.",
            "Eficacia",
            [("indicador", "no evaluable")],
        ),
        ("Sin hallazgos en la dimensión de eficiencia.", EFI, [(None, "sin hallazgos")]),
        ("SIN HALLAZGOS", "Focalización", [(None, "sin hallazgos")]),
        ("El programa amplió su oferta a nuevas comunas.", EFI, [(None, "sin clasificar")]),
        ("", EFI, [(None, "sin clasificar")]),
    ],
)
def test_pattern(sentence, dimension, expected):
    assert classify(sentence, dimension) == expected


def test_rows_keep_sentence_and_skip_observations():
    findings = [
        {
            "dimension": EFI,
            "finding": "Sin hallazgos en la dimensión.",
            "kind": "hallazgo",
            "position": 0,
        },
        {
            "dimension": EFI,
            "finding": "Observación sobre subejecución.",
            "kind": "observacion",
            "position": 1,
        },
        {"dimension": EFI, "finding": "Texto libre.", "kind": "resultado", "position": 2},
    ]
    assert verdict_rows(findings) == [
        {
            "position": 0,
            "dimension": EFI,
            "topic": None,
            "verdict": "sin hallazgos",
            "finding": "Sin hallazgos en la dimensión.",
        },
        {
            "position": 2,
            "dimension": EFI,
            "topic": None,
            "verdict": "sin clasificar",
            "finding": "Texto libre.",
        },
    ]
