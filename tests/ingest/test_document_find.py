"""Heading search: the fast paths (a required literal absent, lines starting with a literal)
find exactly what a plain regex search over the heading keys finds."""

from __future__ import annotations

import re

import pytest

from fichas_tui.ingest import layout_2019, layout_2021, layout_2023
from fichas_tui.ingest.document import Document, line_prefixes, required_text
from tests.helpers import SAMPLE_DIR

# The layouts' own markers, and patterns built to trip a literal scanner: optional and
# repeated characters, groups, alternations, classes, counts, anchors.
PATTERNS = (
    *layout_2019.MARKERS,
    *layout_2021.MARKERS,
    *layout_2023.MARKERS,
    r"^EFICACIA COMPLEMENTARIOS?",
    r"^(EVOLUCION )?GASTO POR BENEFICIARIO",
    r"^RESULTADOS EVALUACION|^RESULTADOS REPORTADOS",
    r"^INFLATORES|^INFLADORES",
    r"PRESUPUESTO M+\$",
    r"^III DESEMPENO (19|20)\d\d",
    r"^COBERTURA$",
    r"^EFICIENCIA$",
    r"^[IVX]+ ",
    r"^II ",
    r"DESAGREGACION REGIONAL",
    r"^PROGRAMAX{0,3}",
    r"^PROG[A-Z]{2,}MA",
    r"CION$",
    r"^PRESUPUESTO (INICIAL|FINAL)",
    r"NOMBRE DEL PROGRAMA|ZZZZ",
    r"(?i)nombre del programa",
)
FAKE = (
    """# NOMBRE DEL PROGRAMA: X
## I. ANTECEDENTES
DESEMPEÑO DEL PROGRAMA: FOCALIZACIÓN
** EFICACIA COMPLEMENTARIO **
EFICACIA COMPLEMENTARIOS
GASTO POR BENEFICIARIO
EVOLUCIÓN GASTO POR BENEFICIARIO (M$ 2022)
PRESUPUESTO MMM$ 2020
III. DESEMPEÑO 2021 DEL PROGRAMA
PROGRAMAXX
COBERTURA
Resultados reportados por el programa
INFLADORES
COBERTURAS POR AÑO
COB
COBERTURA
INFL
"""
    + "NOMBRE DEL PROGRAMA\n" * 3
)


def _reference(doc: Document, pattern: str, start: int, end: int | None) -> int | None:
    """The first line from `start` to before `end` whose key the pattern matches."""
    regex = re.compile(pattern, re.MULTILINE)
    stop = len(doc.keys) if end is None else min(end, len(doc.keys))
    return next((i for i in range(max(start, 0), stop) if regex.search(doc.keys[i])), None)


def _documents() -> list[Document]:
    texts = [p.read_text(encoding="utf-8") for p in sorted(SAMPLE_DIR.glob("*.txt"))]
    return [Document(t) for t in [*texts, FAKE]]


@pytest.mark.parametrize("pattern", PATTERNS)
def test_find_matches_a_plain_search_line_by_line(pattern):
    for doc in _documents():
        n = len(doc)
        ranges = [(0, None), (1, None), (n // 3, 2 * n // 3), (n - 5, None), (5, 5), (n, None)]
        for start, end in ranges:
            assert doc.find(pattern, start, end) == _reference(doc, pattern, start, end), (
                pattern,
                start,
                end,
            )
        assert doc.find_all(pattern) == [
            i for i in range(n) if re.search(pattern, doc.keys[i], re.MULTILINE)
        ]


def test_the_fake_ficha_has_what_the_patterns_look_for():
    """The hand-made lines do match, so the test above compares hits, not only misses."""
    doc = Document(FAKE)
    assert doc.find(r"^EFICACIA COMPLEMENTARIOS?") == 3
    assert doc.find(r"^(EVOLUCION )?GASTO POR BENEFICIARIO", 6) == 6
    assert doc.find(r"PRESUPUESTO M+\$") == 7
    assert doc.find(r"^III DESEMPENO (19|20)\d\d") == 8
    assert doc.find(r"^PROGRAMAX{0,3}") == 9
    assert doc.find(r"^COBERTURA$") == 10
    assert doc.find(r"^RESULTADOS EVALUACION|^RESULTADOS REPORTADOS") == 11
    assert doc.find(r"^INFLATORES|^INFLADORES") == 12


def test_required_text_keeps_only_what_every_match_contains():
    assert required_text(r"^EFICACIA COMPLEMENTARIOS?") == ("EFICACIA COMPLEMENTARIO",)
    assert required_text(r"^(EVOLUCION )?GASTO POR BENEFICIARIO") == ("GASTO POR BENEFICIARIO",)
    assert required_text(r"^INFLATORES|^INFLADORES") == ("INFLATORES", "INFLADORES")
    assert required_text(r"PRESUPUESTO M+\$") == ("PRESUPUESTO ",)
    assert required_text(r"^PROGRAMAX{0,3}") == ("PROGRAMA",)
    assert required_text(r"^PROG[A-Z]{2,}MA") == ("PROG",)
    # No literal to require: every line is searched.
    assert required_text(r"^[IVX]+ ") is None
    assert required_text(r"NOMBRE DEL PROGRAMA|X") is None
    assert required_text(r"(?i)nombre del programa") is None


def test_line_prefixes_only_when_every_branch_starts_with_a_literal():
    assert line_prefixes(r"^NOMBRE DEL PROGRAMA") == ("NOMBRE DEL PROGRAMA",)
    assert line_prefixes(r"^EFICACIA COMPLEMENTARIOS?") == ("EFICACIA COMPLEMENTARIO",)
    assert line_prefixes(r"^INFLATORES|^INFLADORES") == ("INFLATORES", "INFLADORES")
    assert line_prefixes(r"^III DESEMPENO (19|20)\d\d") == ("III DESEMPENO ",)
    assert line_prefixes(r"^COBERTURA$") == ("COBERTURA",)
    assert line_prefixes(r"^(EVOLUCION )?GASTO POR BENEFICIARIO") is None
    assert line_prefixes(r"^INFLATORES|INFLADORES") is None
    assert line_prefixes(r"DESAGREGACION REGIONAL") is None
    assert line_prefixes(r"^II ") is None  # too short to be worth it
