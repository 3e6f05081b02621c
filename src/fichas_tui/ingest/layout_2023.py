"""The 2023 generation: Markdown headings, HALLAZGOS NO SUPERADOS, regional beneficiaries."""

from __future__ import annotations

import re

from ..geography import NIVEL_CENTRAL
from .document import Document
from .header import parse_header_fields
from .layout_shared import (
    parse_components_section,
    parse_coverage,
    parse_indicator_sections,
    parse_regional_section,
    parse_spending_per_beneficiary,
    parse_subtitle_section,
    stated_price_year,
    stated_year,
)
from .narrative import (
    BULLET_MARK_RE,
    POVERTY_SECTIONS,
    bullets,
    capture_sections,
    capture_text,
    field_value,
    field_year,
    is_heading,
    paragraph_after,
    parse_evaluations,
    parse_ods,
)
from .numbers import parse_cell
from .parsed import FichaRecord
from .provenance import at, header_text, source
from .tables import YEAR_CELL_RE, year_columns

NAME = "2023"
DESCRIPTION = "I. ANTECEDENTES / HALLAZGOS NO SUPERADOS / DESEMPEÑO DEL PROGRAMA: FOCALIZACIÓN"
# Heading keys that only this generation has; detection needs most of them.
MARKERS = (
    r"HALLAZGOS NO SUPERADOS",
    r"DESEMPENO DEL PROGRAMA FOCALIZACION",
    r"DESEMPENO DEL PROGRAMA EFICIENCIA",
    r"DESEMPENO DEL PROGRAMA EFICACIA",
    r"^I ANTECEDENTES$",
)
_NUMBERED_RE = re.compile(r"^\d+\.\s*(.+)$")


def evaluated_year(doc: Document) -> int | None:
    """The year the ficha reports: its components table's last year, else coverage's."""
    for pattern in (r"GASTO Y PRODUCCION DE COMPONENTES", r"COBERTURA POR ANO"):
        start = doc.find(pattern)
        if start is None:
            continue
        rows, _ = doc.next_table(start)
        years = [y for r in rows for y in year_columns(r).values()]
        if years:
            return max(years)
    return stated_year(doc.text)


def parse(record: FichaRecord, doc: Document) -> None:
    year = evaluated_year(doc)
    price_year = stated_price_year(doc)
    facts = record.facts
    facts["evaluated_year"] = year
    facts["price_year"] = price_year
    antecedentes = doc.find(r"^I ANTECEDENTES") or 0
    parse_header_fields(record, doc, antecedentes)
    proposito = doc.find(r"^PROPOSITO$", antecedentes)
    facts["description"] = field_value(doc, "Descripción", antecedentes, proposito)
    facts["start_year"] = field_year(doc, "Año de inicio", antecedentes, proposito)
    end_text = field_value(doc, "Año de término", antecedentes, proposito)
    facts["end_text"] = end_text
    facts["end_year"] = parse_cell(end_text).value if end_text and end_text[:1].isdigit() else None
    facts["executors"] = field_value(doc, "Ejecutores", antecedentes, proposito)
    comp = doc.find(r"^COMPLEMENTARIEDADES", antecedentes, proposito)
    if comp is not None:
        for line, item in bullets(doc, comp + 1, proposito or len(doc)):
            record.add("complementarities", program=item, **source(line))
    if proposito is not None:
        facts["purpose"] = paragraph_after(doc, proposito)
    _parse_findings(record, doc)
    history = doc.find(r"^HISTORIAL EVALUATIVO")
    if history is not None:
        end = doc.section_end(history, lambda i: doc.lines[i].startswith("## "))
        parse_evaluations(record, doc, history + 1, end)
    objetivo = doc.find(r"^POBLACION OBJETIVO$")
    if objetivo is not None:
        facts["target_population"] = paragraph_after(doc, objetivo)
    beneficiada = doc.find(r"^POBLACION BENEFICIADA$")
    if beneficiada is not None:
        facts["beneficiary_population"] = paragraph_after(doc, beneficiada)

    parse_coverage(record, doc)
    parse_spending_per_beneficiary(record, doc)
    if year is not None:
        parse_subtitle_section(record, doc, year, price_year)
    parse_components_section(record, doc, price_year)
    parse_regional_section(record, doc, year, price_year)
    parse_indicator_sections(record, doc)
    facts["regions"] = [r["region"] for r in record.rows["regions"] if r["region"] != NIVEL_CENTRAL]
    parse_ods(record, doc)
    _parse_texts(record, doc)
    _parse_inflators(record, doc)
    published = field_value(doc, "Fecha de publicación del reporte")
    facts["published"] = published


def _parse_findings(record: FichaRecord, doc: Document) -> None:
    start = doc.find(r"^HALLAZGOS")
    if start is None:
        return
    end = doc.section_end(start, lambda i: doc.lines[i].startswith("#"))
    dimension = None
    position = 0
    for i in range(start + 1, end):
        text = doc.plain(i)
        if not text:
            continue
        match = _NUMBERED_RE.match(text)
        if match and is_heading(doc, i):
            dimension = match.group(1).strip()
            continue
        text = BULLET_MARK_RE.sub("", text)
        record.add(
            "findings",
            dimension=dimension,
            finding=text,
            kind="hallazgo",
            position=position,
            **source(i),
        )
        position += 1


def _parse_texts(record: FichaRecord, doc: Document) -> None:
    capture_sections(
        record,
        doc,
        (
            *POVERTY_SECTIONS,
            (r"^ENFOQUE DE GENERO", "Enfoque de género"),
            (r"^GASTO POR BENEFICIARIO$", "Gasto por beneficiario"),
        ),
    )
    obs = doc.find(r"^VI OBSERVACIONES DE LA INSTITUCION")
    notes = doc.find(r"^VII NOTAS TECNICAS")
    if obs is not None:
        capture_text(record, doc, obs, "Observaciones de la institución", notes)
    if notes is not None:
        end = doc.find(r"^INFLATORES|^INFLADORES", notes) or len(doc)
        capture_text(record, doc, notes, "Notas técnicas", end)


def _parse_inflators(record: FichaRecord, doc: Document) -> None:
    start = doc.find(r"^INFLATORES|^INFLADORES")
    if start is None:
        return
    rows, _ = doc.next_table(start)
    head = header_text(rows[0], 1) if rows else None
    for row in rows:
        if len(row) >= 2 and YEAR_CELL_RE.fullmatch(row[0]):
            factor = parse_cell(row[1])
            record.add("inflators", year=int(row[0]), factor=factor.value, **at(row, 1, head))
