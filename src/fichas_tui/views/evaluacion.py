"""Evaluación: evaluation history, the 2019 assessment by criterion, ODS, complementary
programs and the ficha's prose sections (observations, technical notes, poverty, gender...)."""

from __future__ import annotations

from ..data.detail_records import ProgramDetail
from .model import TEXT, YEAR, Cell, Column, PaneView, Paragraphs, Row, Table

KINDS = {
    "ex_ante": "Ex ante",
    "ex_post": "Ex post",
    "monitoreo": "Monitoreo",
    "otras": "Otras evaluaciones",
}

# Prose sections in the order shown; any other section follows in the ficha's order.
SECTIONS = (
    "Observaciones de la institución",
    "Notas técnicas",
    "Pobreza multidimensional",
    "Pobreza por ingresos",
    "Enfoque de género",
    "Contingencia sanitaria",
    "Gasto por beneficiario",
    "Eficiencia",
    "Antecedentes",
)


def evaluations(detail: ProgramDetail) -> Table:
    return Table(
        "evaluations",
        "Historial de evaluaciones",
        (
            Column("kind", "Tipo", TEXT),
            Column("year", "Año", YEAR),
            Column("detail", "Resultado", TEXT),
        ),
        tuple(
            Row(
                (
                    Cell(KINDS.get(e.kind, e.kind), origin=e.origin),
                    Cell(e.year, None if e.year is not None else "-", origin=e.origin),
                    Cell(e.detail or None, None if e.detail else "-", origin=e.origin),
                ),
                key=e.kind,
            )
            for e in detail.evaluations
        ),
        empty="La ficha no informa evaluaciones anteriores.",
    )


def assessments(detail: ProgramDetail) -> Paragraphs | None:
    if not detail.assessments:
        return None
    return Paragraphs(
        "assessments",
        f"Evaluación {detail.ficha.evaluated_year} por criterio",
        tuple(
            (f"{a.section.capitalize()} · {a.criterion}: {a.result or '-'}", a.comment)
            for a in detail.assessments
        ),
    )


def goals(detail: ProgramDetail) -> Paragraphs:
    items = tuple(
        ("", f"{g.goal}. {g.name}: {g.description}" if g.goal else f"{g.name}: {g.description}")
        for g in detail.ods
    )
    if not items:  # the ficha's own sentence ("no identifica la contribución ...")
        items = tuple(("", t.text) for t in detail.texts if t.section == "ODS")
    return Paragraphs(
        "ods",
        "Objetivos de Desarrollo Sostenible",
        items,
        empty="La ficha no identifica ODS a los que contribuya.",
        bullets=True,
    )


def complementarities(detail: ProgramDetail) -> Paragraphs:
    return Paragraphs(
        "complementarities",
        "Complementariedades informadas",
        tuple(("", p) for p in detail.complementarities),
        empty="La ficha no informa complementariedades.",
        bullets=True,
    )


def prose(detail: ProgramDetail) -> list[Paragraphs]:
    by_section: dict[str, list] = {}
    for t in detail.texts:
        if t.section == "ODS":
            continue  # shown under the goals (the same goals, or the ficha's sentence)
        by_section.setdefault(t.section, []).append((t.label or "", t.text))
    order = [s for s in SECTIONS if s in by_section]
    order += [s for s in by_section if s not in SECTIONS]
    return [Paragraphs(f"text:{section}", section, tuple(by_section[section])) for section in order]


def build(detail: ProgramDetail) -> PaneView:
    blocks: list = [evaluations(detail)]
    assessed = assessments(detail)
    if assessed is not None:
        blocks.append(assessed)
    blocks += [goals(detail), complementarities(detail), *prose(detail)]
    return PaneView("evaluacion", "Evaluación", tuple(blocks))
