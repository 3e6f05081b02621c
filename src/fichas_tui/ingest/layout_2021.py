"""The 2021 generation: roman-numbered parts, ANÁLISIS DE DESEMPEÑO table, M$ of next year."""

from __future__ import annotations

import re

from .document import Document
from .findings import parse_findings_table
from .header import parse_header_fields
from .layout_shared import (
    parse_budget_rows,
    parse_components_section,
    parse_coverage,
    parse_indicator_sections,
    parse_regional_section,
    parse_spending_per_beneficiary,
    parse_subtitle_section,
    stated_price_year,
)
from .narrative import (
    POVERTY_SECTIONS,
    capture_sections,
    capture_text,
    field_value,
    field_year,
    is_heading,
    paragraph_after,
    parse_evaluations,
    parse_ods,
)
from .numbers import parse_year
from .parsed import FichaRecord
from .regions import parse_region_list

NAME = "2021"
DESCRIPTION = "I. ANTECEDENTES DEL PROGRAMA / II. ANÁLISIS DE DESEMPEÑO / III. DESEMPEÑO AAAA"
MARKERS = (
    r"^I ANTECEDENTES DEL PROGRAMA",
    r"^II ANALISIS DE DESEMPENO",
    r"^III DESEMPENO (19|20)\d\d DEL PROGRAMA",
    r"^RESULTADOS ANALISIS DEL DESEMPENO",
    r"^HISTORIAL EVALUATIVO DEL PROGRAMA",
)
_EXECUTED_BY_RE = re.compile(r"^(y )?se ejecuta")
_EXECUTORS_RE = re.compile(r"ejecuta (?:por|a través de)\s+(.*)$", re.IGNORECASE)
_ROMAN_KEY_RE = re.compile(r"^[IVX]+ ")


def parse(record: FichaRecord, doc: Document) -> None:
    facts = record.facts
    parse_header_fields(record, doc, doc.find(r"^I ANTECEDENTES"))
    desempeno = doc.find(r"^III DESEMPENO (19|20)\d\d")
    year = parse_year(doc.keys[desempeno]) if desempeno is not None else None
    price_year = stated_price_year(doc)
    facts["evaluated_year"] = year
    facts["price_year"] = price_year

    descripcion = doc.find(r"^DESCRIPCION$")
    proposito = doc.find(r"^PROPOSITO$")
    if descripcion is not None:
        parse_description(record, doc, descripcion, proposito or len(doc))
    if proposito is not None:
        facts["purpose"] = paragraph_after(doc, proposito)
    history = doc.find(r"^HISTORIAL EVALUATIVO")
    if history is not None:
        end = doc.find(r"^II ", history) or len(doc)
        facts["start_year"] = field_year(doc, "Año de inicio", history, end)
        end_text = field_value(doc, "Año de término", history, end)
        facts["end_text"] = end_text
        facts["end_year"] = parse_year(end_text) if end_text else None
        parse_evaluations(record, doc, history + 1, end)
    analysis = doc.find(r"^RESULTADOS ANALISIS DEL DESEMPENO")
    if analysis is not None:
        parse_findings_table(record, doc, analysis)

    budget = doc.find(r"^PRESUPUESTO Y EJECUCION")
    if budget is not None:
        rows, _ = doc.next_table(budget, limit=4)
        parse_budget_rows(record, rows, price_year, "M$", 1.0)
    parse_coverage(record, doc)
    parse_spending_per_beneficiary(record, doc)
    if year is not None:
        parse_subtitle_section(record, doc, year, price_year)
    parse_components_section(record, doc, price_year)
    parse_regional_section(record, doc, year, price_year)
    parse_indicator_sections(record, doc)
    parse_ods(record, doc)
    _parse_texts(record, doc)


def parse_description(record: FichaRecord, doc: Document, start: int, end: int) -> None:
    facts = record.facts
    description: list[str] = []
    for i in range(start + 1, end):
        text = doc.plain(i)
        if not text or is_heading(doc, i):
            continue
        key = text.lower()
        if "regiones" in key and ":" in text and not facts.get("regions"):
            facts["regions"] = parse_region_list(text)
        elif _EXECUTED_BY_RE.match(key):
            facts["executors"] = executors_of(text)
        else:
            description.append(text)
    facts["description"] = " ".join(description) or None


def executors_of(sentence: str) -> str:
    """`Y se ejecuta por terceros: Organismo privado ...` -> who executes it."""
    head, sep, rest = sentence.partition(":")
    if sep and rest.strip():
        return rest.strip().rstrip(".")
    match = _EXECUTORS_RE.search(head)
    return (match.group(1) if match else head).strip().rstrip(".")


def _parse_texts(record: FichaRecord, doc: Document) -> None:
    capture_sections(record, doc, POVERTY_SECTIONS)
    parts = (
        (r"^V CONTINGENCIA SANITARIA", "Contingencia sanitaria"),
        (r"^VI OBSERVACIONES DE LA INSTITUCION", "Observaciones de la institución"),
        (r"^VII NOTAS TECNICAS", "Notas técnicas"),
    )
    for pattern, section in parts:
        start = doc.find(pattern)
        if start is None:
            continue
        end = doc.section_end(start, lambda i: bool(_ROMAN_KEY_RE.match(doc.keys[i])))
        capture_text(record, doc, start, section, end)
