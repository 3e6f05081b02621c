"""Verdicts as the user reads and types them: filter options, short labels, `--hallazgo`."""

from __future__ import annotations

from ..data.verdict_terms import (
    ADMINISTRATIVE,
    COVERAGE_POTENTIAL,
    COVERAGE_TARGET,
    EXECUTION_FINAL,
    EXECUTION_INITIAL,
    INDICATOR,
    NO_FINDINGS,
    PER_BENEFICIARY,
    PERSISTENCE,
    TARGETING,
    TOPICS,
    UNCLASSIFIED,
    VERDICTS,
)
from ..text import fold

# How an option names its topic after the verdict ("subejecución respecto del inicial").
TOPIC_PHRASES = {
    EXECUTION_INITIAL: "respecto del inicial",
    EXECUTION_FINAL: "respecto del final",
    PERSISTENCE: "persistente",
    PER_BENEFICIARY: "en gasto por beneficiario",
    ADMINISTRATIVE: "en gasto administrativo",
    COVERAGE_POTENTIAL: "en cobertura de la población potencial",
    COVERAGE_TARGET: "en cobertura de la población objetivo",
    INDICATOR: "en resultado de indicadores",
    TARGETING: "en criterios de focalización",
}
# The topic alone, short, before its verdict in the Resumen ("Ejec. inicial: subejecución").
TOPIC_SHORT = {
    EXECUTION_INITIAL: "Ejec. inicial",
    EXECUTION_FINAL: "Ejec. final",
    PERSISTENCE: "Persistencia",
    PER_BENEFICIARY: "Gasto/benef.",
    ADMINISTRATIVE: "Gasto adm.",
    COVERAGE_POTENTIAL: "Cob. potencial",
    COVERAGE_TARGET: "Cob. objetivo",
    INDICATOR: "Indicadores",
    TARGETING: "Focalización",
}


def option_label(verdict: str, topic: str | None) -> str:
    """`subejecución respecto del inicial`; a verdict with no topic stands alone."""
    if topic is None:
        return "sin hallazgos en una dimensión" if verdict == NO_FINDINGS else verdict
    return f"{verdict} {TOPIC_PHRASES.get(topic, topic)}"


def short_label(verdict: str, topic: str | None) -> str:
    """`Ejec. inicial: subejecución`, for a dimension's verdicts before its sentences."""
    if topic is None:
        return verdict
    return f"{TOPIC_SHORT.get(topic, topic)}: {verdict}"


def options(found) -> list[tuple[str, str]]:
    """(label, value) of each verdict the dataset states, any topic first then each topic:
    `found` is data.facets.verdicts' (verdict, topic, n) rows. Value: `verdict` or
    `verdict:topic` (as `--hallazgo` takes it)."""
    out: list[tuple[str, str]] = []
    seen: set[str] = set()
    by_verdict: dict[str, list[str]] = {}
    for verdict, topic, _n in found:
        if verdict == UNCLASSIFIED:
            continue
        by_verdict.setdefault(verdict, [])
        if topic is not None:
            by_verdict[verdict].append(topic)
    order = {v: i for i, v in enumerate(VERDICTS)}
    for verdict in sorted(by_verdict, key=lambda v: (order.get(v, len(order)), v)):
        topics = sorted(by_verdict[verdict], key=lambda t: (*TOPICS, t).index(t))
        if len(topics) != 1 and verdict not in seen:
            out.append((f"{option_label(verdict, None)} (cualquier tema)"
                        if topics else option_label(verdict, None), verdict))  # fmt: skip
            seen.add(verdict)
        for topic in topics:
            out.append((option_label(verdict, topic), f"{verdict}:{topic}"))
    return out


class UnknownVerdict(ValueError):
    """`--hallazgo` names no verdict or topic; the message lists the valid ones."""


def parse_verdict(text: str) -> tuple[str, str | None]:
    """`subejecucion` -> ("subejecución", None); `subejecucion:ejecucion-inicial` -> with its
    topic. Case and accents optional; an unknown name raises UnknownVerdict."""
    verdict_text, _, topic_text = text.partition(":")
    verdicts = {fold(v): v for v in VERDICTS}
    verdict = verdicts.get(fold(verdict_text))
    if verdict is None:
        raise UnknownVerdict(
            f"hallazgo desconocido «{verdict_text.strip()}»; use uno de: "
            + ", ".join(VERDICTS)
            + " (opcionalmente :tema)"
        )
    if not topic_text.strip():
        return verdict, None
    topics = {fold(t): t for t in TOPICS}
    topic = topics.get(fold(topic_text))
    if topic is None:
        raise UnknownVerdict(
            f"tema desconocido «{topic_text.strip()}»; use uno de: " + ", ".join(TOPICS)
        )
    return verdict, topic
