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


def test_marks_of_the_sample_ficha_hand_checked(sample_dataset):
    from fichas_tui.data.queries import Store
    from tests.helpers import P2019, P2021, P2023

    store = Store.open(sample_dataset)
    try:
        # 003 (2023), alone in the dataset: its "HALLAZGOS NO SUPERADOS" section lists the
        # under-execution of its initial budget (line 39): it persists by the ficha's word.
        found = store.detail(P2023, None).finding_marks
        assert [(m.mark, m.dimension, m.topic, m.verdict, m.previous_year) for m in found] == [
            (PERSISTS, EFF, "ejecucion-inicial", "subejecución", None)
        ]
        assert found[0].finding.startswith("El programa presenta una subejecución presupuestaria")
        # 2021 and 2019 templates have no such section and no earlier ficha: no marks
        assert store.detail(P2021, None).finding_marks == ()
        assert store.detail(P2019, None).finding_marks == ()
    finally:
        store.close()


def test_marks_of_the_fixture_pair_hand_checked(tmp_path):
    # tests/fixtures/make_restated.py: 2024 keeps 2023's under-execution, drops its indicator
    # finding and adds a targeting one.
    from fichas_tui.data.queries import Store
    from tests.helpers import restated_dataset

    folder = restated_dataset(tmp_path / "pair")
    store = Store.open(folder)
    try:
        program = store.programs()[0]
        latest = store.detail(program.program_id, 2024).finding_marks
        assert [(m.mark, m.dimension, m.verdict, m.previous_year) for m in latest] == [
            (NEW, "Focalización", "inadecuado", 2023),
            (PERSISTS, EFF, "subejecución", 2023),
            (OVERCOME, "Eficacia", "insuficiente", 2023),
        ]
        # the superado finding is the 2023 ficha's sentence
        assert latest[2].finding.startswith("El resultado del indicador de propósito")
        # 2023 is the first ficha: its own "no superados" section, which in the fixture holds
        # the indicator finding too
        first = store.detail(program.program_id, 2023).finding_marks
        assert [(m.mark, m.verdict, m.previous_year) for m in first] == [
            (PERSISTS, "subejecución", None),
            (PERSISTS, "insuficiente", None),
        ]
    finally:
        store.close()
