"""Findings across fichas: nuevo / persiste / superado against the previous ficha, and the
2023 template's "no superados" section when there is none (hand-checked)."""

from __future__ import annotations

from fichas_tui.data.finding_history import NEW, OVERCOME, PERSISTS, Judged, marks

UNDER = "El programa presenta una subejecución presupuestaria respecto de su presupuesto inicial."
INDICATOR = "El resultado del indicador de propósito es insuficiente."
TARGETING = "La estrategia de focalización del programa no es adecuada."
EFF = "Eficiencia y ejecución presupuestaria"


def judged(fid, position, dimension, topic, verdict, text, kind="hallazgo"):
    return Judged(fid, position, dimension, topic, verdict, text, kind)


EARLIER = [
    judged("a", 0, "Focalización", None, "sin hallazgos", "Sin hallazgos."),
    judged("a", 1, EFF, "ejecucion-inicial", "subejecución", UNDER),
    judged("a", 2, "Eficacia", "indicador", "insuficiente", INDICATOR),
]
LATER = [
    judged("b", 0, "Focalización", "focalizacion", "inadecuado", TARGETING),
    judged("b", 1, EFF, "ejecucion-inicial", "subejecución", UNDER),
    judged("b", 2, "Eficacia", None, "sin hallazgos", "Sin hallazgos."),
]


def test_against_the_previous_ficha():
    found = marks(LATER, EARLIER, 2023)
    assert [(m.mark, m.dimension, m.verdict, m.previous_year, m.position) for m in found] == [
        (NEW, "Focalización", "inadecuado", 2023, 0),
        (PERSISTS, EFF, "subejecución", 2023, 1),
        (OVERCOME, "Eficacia", "insuficiente", 2023, None),
    ]
    assert found[2].finding == INDICATOR  # the earlier ficha's sentence


def test_within_range_is_not_followed():
    within = [judged("b", 1, EFF, "ejecucion-inicial", "dentro de rango", "Dentro de rango.")]
    assert [(m.mark, m.verdict) for m in marks(within, EARLIER, 2023)] == [
        (OVERCOME, "subejecución"),
        (OVERCOME, "insuficiente"),
    ]


def test_without_a_previous_ficha_the_no_superados_section_says_it_persists():
    found = marks(EARLIER, None, None)
    assert [(m.mark, m.verdict, m.previous_year) for m in found] == [
        (PERSISTS, "subejecución", None),
        (PERSISTS, "insuficiente", None),
    ]
    # a 2019/2021 result finding (kind `resultado`) without a previous ficha: no mark
    result = [judged("a", 1, EFF, "ejecucion-inicial", "subejecución", UNDER, "resultado")]
    assert marks(result, None, None) == ()


def test_dimension_compared_without_case_or_accents():
    later = [judged("b", 1, "EFICIENCIA Y EJECUCION PRESUPUESTARIA", "ejecucion-inicial",
                    "subejecución", UNDER)]  # fmt: skip
    assert [m.mark for m in marks(later, EARLIER[1:2], 2023)] == [PERSISTS]
