"""Findings as verdicts: each finding sentence -> (topic, verdict) pairs, by the template's fixed
phrasing, never by a bare substring ("no presenta problemas de persistencia de subejecución" is
not an under-execution)."""

from __future__ import annotations

import re

from ..data.verdict_terms import (
    ADEQUATE,
    ADMINISTRATIVE,
    COVERAGE_POTENTIAL,
    COVERAGE_TARGET,
    EXECUTION_FINAL,
    EXECUTION_INITIAL,
    INADEQUATE,
    INDICATOR,
    INSUFFICIENT,
    NO_FINDINGS,
    NO_PROBLEM,
    NOT_ASSESSABLE,
    OUT_OF_RANGE,
    OVER,
    PER_BENEFICIARY,
    PERSISTENCE,
    SUFFICIENT,
    TARGETING,
    UNCLASSIFIED,
    UNDER,
    WITHIN,
)
from ..text import fold

# The finding kinds that state a verdict (observations and comments are free prose).
JUDGED_KINDS = ("resultado", "hallazgo")

# Every pattern runs on the folded sentence (lowercase, no accents, single spaces).
_NO_FINDINGS = re.compile(r"^sin hallazgos\b")
_NOT_ASSESSABLE = re.compile(
    r"no es posible (de )?evaluar|no (es|son) evaluables?|no se puede evaluar|"
    r"no es comparable|no son comparables|no reporta(n)? (informacion|valor)"
)
# `sobrejexecución` (a 2021 ficha's typo), `sobre ejecución`, `sub-ejecución`
_UNDER = re.compile(r"\bsub ?-? ?[a-z]{0,3}ecucion")
_OVER = re.compile(r"\bsobre ?-? ?[a-z]{0,3}ecucion")
_WITHIN = re.compile(r"dentro (de(l)? )?(rango|umbral|(de )?los rangos?)")
_OUT = re.compile(r"fuera (de(l)? )?(rango|umbral)")
_INSUFFICIENT = re.compile(r"\binsuficiente|no (es |resulta )?suficiente")
_SUFFICIENT = re.compile(r"\bsuficiente")
_NEGATED_PROBLEM = re.compile(r"\bno (presenta|tiene|registra|muestra) (problemas?|persistencia)")
_INADEQUATE = re.compile(
    r"no contemplad|no (son |es )?pertinente|no (son |es )?adecuad|inadecuad|"
    r"incorrectamente|no se encuentra correctamente|no (esta|estan) correctamente"
)
_ADEQUATE = re.compile(r"pertinente|adecuad|correctamente")

_INITIAL = re.compile(
    r"presupuesto (inicial|ley|de ley)|ejecucion presupuestaria inicial|respecto (a|al|del) inicial"
)
_FINAL = re.compile(r"presupuesto (final|vigente)|ejecucion presupuestaria final")
_POTENTIAL = re.compile(r"poblacion potencial")
_TARGET = re.compile(r"poblacion objetivo")


def classify(sentence: str, dimension: str | None = None) -> list[tuple[str | None, str]]:
    """The (topic, verdict) pairs one finding sentence states, in a stable order; a sentence
    no pattern reads is [(None, "sin clasificar")]. `dimension` settles the topic of a sentence
    that does not name one (an Eficacia sentence is about the indicators)."""
    text = fold(sentence)
    dim = fold(dimension or "")
    if not text:
        return [(None, UNCLASSIFIED)]
    if _NO_FINDINGS.search(text):
        return [(None, NO_FINDINGS)]
    pairs: list[tuple[str | None, str]] = []
    for topic, verdict in _judged(text, dim):
        if (topic, verdict) not in pairs:
            pairs.append((topic, verdict))
    return pairs or [(None, UNCLASSIFIED)]


def _judged(text: str, dim: str):
    """Each topic the sentence is about, with its verdict (None: no verdict for it)."""
    if "persistencia" in text:
        if _NEGATED_PROBLEM.search(text):
            yield PERSISTENCE, NO_PROBLEM
        elif _UNDER.search(text):
            yield PERSISTENCE, UNDER
        return
    if "gasto por beneficiario" in text:
        verdict = _range_verdict(text)
        if verdict:
            yield PER_BENEFICIARY, verdict
        return
    if "gasto administrativo" in text:
        verdict = _range_verdict(text) or _quality_verdict(text)
        if verdict:
            yield ADMINISTRATIVE, verdict
        return
    if "ejecucion" in text or "ejecuto" in text:
        verdict = _execution_verdict(text)
        if verdict:
            topics = _execution_topics(text)
            yield from ((topic, verdict) for topic in topics)
            if topics:
                return
    if "cobertura" in text:
        verdict = _coverage_verdict(text)
        if verdict:
            if _POTENTIAL.search(text):
                yield COVERAGE_POTENTIAL, verdict
            if _TARGET.search(text):
                yield COVERAGE_TARGET, verdict
        return
    if "indicador" in text or "eficacia" in dim:
        if _NOT_ASSESSABLE.search(text):
            yield INDICATOR, NOT_ASSESSABLE
        elif _INSUFFICIENT.search(text):
            yield INDICATOR, INSUFFICIENT
        elif _SUFFICIENT.search(text):
            yield INDICATOR, SUFFICIENT
        return
    if "focalizacion" in text or "focalizacion" in dim:
        verdict = _quality_verdict(text)
        if verdict:
            yield TARGETING, verdict


def _range_verdict(text: str) -> str | None:
    if _NOT_ASSESSABLE.search(text):
        return NOT_ASSESSABLE
    if _OUT.search(text):
        return OUT_OF_RANGE
    if _WITHIN.search(text):
        return WITHIN
    return None


def _quality_verdict(text: str) -> str | None:
    if _INADEQUATE.search(text):
        return INADEQUATE
    if _ADEQUATE.search(text):
        return ADEQUATE
    return None


def _execution_verdict(text: str) -> str | None:
    if _NOT_ASSESSABLE.search(text):
        return NOT_ASSESSABLE
    if _UNDER.search(text):
        return UNDER
    if _OVER.search(text):
        return OVER
    return _range_verdict(text)


def _execution_topics(text: str) -> list[str]:
    topics = []
    if _INITIAL.search(text):
        topics.append(EXECUTION_INITIAL)
    if _FINAL.search(text):
        topics.append(EXECUTION_FINAL)
    return topics


def _coverage_verdict(text: str) -> str | None:
    if _NOT_ASSESSABLE.search(text):
        return NOT_ASSESSABLE
    if _INSUFFICIENT.search(text):
        return INSUFFICIENT
    if _SUFFICIENT.search(text):
        return SUFFICIENT
    return _range_verdict(text)


def verdict_rows(findings: list[dict]) -> list[dict]:
    """The `verdicts` rows of one ficha's `findings` rows (the judged kinds only): one per
    (finding, topic), with the finding's position, dimension and sentence."""
    rows = []
    for finding in findings:
        if finding.get("kind") not in JUDGED_KINDS:
            continue
        sentence = finding.get("finding") or ""
        for topic, verdict in classify(sentence, finding.get("dimension")):
            rows.append(
                {
                    "position": finding.get("position"),
                    "dimension": finding.get("dimension"),
                    "topic": topic,
                    "verdict": verdict,
                    "finding": sentence,
                }
            )
    return rows
