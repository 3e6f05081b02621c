"""Resumen: who runs the program, what it does, coverage by year, findings and warnings."""

from __future__ import annotations

from ..data.detail_records import ProgramDetail
from ..data.verdict_terms import UNCLASSIFIED
from .across_years import findings_block
from .cells import of
from .figures import code_notes, decimals_of, years_label
from .model import EMPTY, PERCENT, TEXT, Cell, Column, Facts, PaneView, Paragraphs, Row, Table
from .read_limits import notes
from .revisions import index, mark, with_notes
from .verdicts import short_label

BASIS_LABELS = {"objetivo": "Población objetivo", "potencial": "Población potencial"}


def facts(detail: ProgramDetail) -> Facts:
    ficha = detail.ficha
    shown = f"{years_label(detail.years)}  (mostrando {ficha.evaluated_year})"
    items = (
        ("Programa", ficha.name),
        ("Ministerio", ficha.ministry),
        ("Servicio", ficha.service),
        ("Fichas", shown),
        ("Año de inicio", str(ficha.start_year) if ficha.start_year else None),
        ("Descripción", ficha.description),
        ("Propósito", ficha.purpose),
        ("Regiones", ", ".join(ficha.regions) if ficha.regions else None),
        ("Ejecutores", ficha.executors),
    )
    return Facts("ficha", tuple((label, value or None) for label, value in items))


def coverage(detail: ProgramDetail) -> Table | None:
    """Coverage by year (% of the population), one row per basis; None when not given."""
    if not detail.coverage:
        return None
    years = sorted({c.year for c in detail.coverage})
    decimals = decimals_of(c.pct.value for c in detail.coverage)
    columns = (
        Column("basis", "Cobertura", TEXT),
        *(Column(str(y), str(y), PERCENT, unit="%", decimals=decimals) for y in years),
    )
    rows = []
    found = index(detail.revisions, detail.year)
    for basis in dict.fromkeys(c.basis for c in detail.coverage):
        by_year = {c.year: c.pct for c in detail.coverage if c.basis == basis}
        cells = [Cell(BASIS_LABELS.get(basis, basis))]
        cells += [
            mark(of(by_year[y]), found, "cobertura", basis, y, detail.year)
            if y in by_year
            else EMPTY
            for y in years
        ]
        rows.append(Row(tuple(cells), key=basis))
    codes = [c.pct.status for c in detail.coverage if c.pct.value is None]
    table = Table(
        "coverage",
        f"Cobertura por año (% de la población), ficha {detail.ficha.evaluated_year}",
        columns,
        tuple(rows),
        notes=code_notes(codes),
    )
    return with_notes(table)


def findings(detail: ProgramDetail) -> Paragraphs:
    """The findings by dimension, each dimension's verdicts first as short labels."""
    tags: dict[str, list[str]] = {}
    for n in detail.findings:
        labels = tags.setdefault(n.topic or "Sin dimensión", [])
        for topic, verdict in n.verdicts:
            label = short_label(verdict, topic)
            if verdict != UNCLASSIFIED and label not in labels:
                labels.append(label)
    return Paragraphs(
        "findings",
        f"Hallazgos de la ficha {detail.ficha.evaluated_year}",
        tuple((n.topic or "Sin dimensión", n.text) for n in detail.findings),
        empty="La ficha no informa hallazgos.",
        bullets=True,
        tags=tuple((h, tuple(labels)) for h, labels in tags.items() if labels),
    )


def warnings(detail: ProgramDetail) -> Paragraphs:
    return Paragraphs(
        "warnings",
        "Advertencias de calidad de datos",
        tuple((f"{w.year} · {w.topic}", w.text) for w in notes(detail)),
        empty="Sin advertencias en las fichas de este programa.",
        bullets=True,
    )


def build(detail: ProgramDetail) -> PaneView:
    table = coverage(detail)
    marks = findings_block(detail)
    blocks: tuple[Table | Facts | Paragraphs, ...] = (
        facts(detail),
        *([table] if table else []),
        findings(detail),
        *([marks] if marks else []),
        warnings(detail),
    )
    return PaneView("resumen", "Resumen", blocks)
