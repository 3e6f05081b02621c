"""The 2019 generation: NOMBRE DEL PROGRAMA, budget in MM$ of each year, component blocks."""

from __future__ import annotations

import re

from ..text import fold
from .components_2019 import parse_component_blocks
from .document import Document
from .findings import parse_findings_table
from .header import labelled
from .indicators import parse_indicator_table
from .layout_2021 import parse_description
from .layout_shared import parse_budget_rows
from .markup import plain
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
from .numbers import parse_cell, parse_year
from .parsed import FichaRecord, cell_columns
from .provenance import at, source
from .tables import (
    YEAR_CELL_RE,
    parse_year_row_table,
    price_year_of,
)

NAME = "2019"
DESCRIPTION = "NOMBRE DEL PROGRAMA / RESULTADOS DE EVALUACIÓN DE DESEMPEÑO / PRESUPUESTO (MM$)"
MARKERS = (
    r"^NOMBRE DEL PROGRAMA",
    r"^DESCRIPCION DEL PROGRAMA",
    r"^RESULTADOS DE EVALUACION DE DESEMPENO",
    r"PRESUPUESTO M+\$",
    r"^COSTO Y PRODUCCION DE COMPONENTES",
    r"^EFICACIA PROPOSITO",
)
_INDICATOR_TABLES = (
    (r"^EFICACIA PROPOSITO", "proposito"),
    (r"^EFICACIA COMPLEMENTARIOS?", "complementario"),
    (r"^EFICACIA COMPONENTES?", "componente"),
)
_EFECTIVO_YEAR_RE = re.compile(r"Efectivo\s+((?:19|20)\d\d)")
_BUDGET_LABEL_RE = re.compile(r"presupuesto (inicial|final|ejecutado)")
_ADMIN_SHARE_RE = re.compile(r"gasto administrativo representa un ([\d.,]+\s*%)")


def parse(record: FichaRecord, doc: Document) -> None:
    facts = record.facts
    _parse_header(record, doc)
    year = _evaluated_year(doc)
    facts["evaluated_year"] = year
    components = doc.find(r"^COSTO Y PRODUCCION DE COMPONENTES")
    facts["price_year"] = price_year_of(doc.lines[components]) if components is not None else None

    description = doc.find(r"^DESCRIPCION DEL PROGRAMA")
    results = doc.find(r"^RESULTADOS DE EVALUACION DE DESEMPENO")
    if description is not None:
        parse_description(record, doc, description, results or len(doc))
    if results is not None:
        parse_findings_table(record, doc, results)
    _parse_budget(record, doc)
    history = doc.find(r"^HISTORIA DEL PROGRAMA")
    if history is not None:
        end = doc.section_end(history, lambda i: doc.lines[i].startswith("#"))
        facts["start_year"] = field_year(doc, "Año de inicio", history, end)
        end_text = field_value(doc, "Año de término", history, end)
        facts["end_text"] = end_text
        facts["end_year"] = parse_year(end_text) if end_text else None
        parse_evaluations(record, doc, history + 1, end)
    target = doc.find(r"^POBLACION OBJETIVO")
    if target is not None:
        facts["target_population"] = paragraph_after(doc, target)
    parse_ods(record, doc)
    if components is not None and year is not None:
        parse_component_blocks(record, doc, components, year, facts["price_year"])
    formulas = _formulas(doc)
    position = 0
    for pattern, level in _INDICATOR_TABLES:
        start = doc.find(pattern)
        if start is not None:
            rows, _ = doc.table(start)
            position = parse_indicator_table(record, rows, level, formulas, position)
    _parse_assessments(record, doc)
    _parse_coverage(record, doc)
    _parse_efficiency(record, doc, year)
    _parse_texts(record, doc)


def _parse_header(record: FichaRecord, doc: Document) -> None:
    """Name, then the bold block with the service and its ministry."""
    facts = record.facts
    name_at = doc.find(r"^NOMBRE DEL PROGRAMA")
    if name_at is None:
        return
    named = labelled(doc, name_at)
    facts["program_name"] = named[1] if named else None
    stop = doc.find(r"^DESCRIPCION", name_at) or min(name_at + 8, len(doc))
    service: list[str] = []
    for i in range(name_at + 1, stop):
        text = doc.plain(i)
        if not text:
            continue
        if fold(text).startswith("ministerio"):
            facts["ministry"] = text
        else:
            service.append(text)
    facts["service"] = " ".join(service) or None


def _evaluated_year(doc: Document) -> int | None:
    """The latest `Efectivo AAAA` of the indicator tables, else the coverage table's last year."""
    years = [int(y) for y in _EFECTIVO_YEAR_RE.findall(doc.text)]
    if years:
        return max(years)
    start = doc.find(r"^COBERTURA$")
    if start is not None:
        rows, _ = doc.next_table(start)
        found = [y for r in rows for y in _row_years(r)]
        if found:
            return max(found)
    return None


def _row_years(row: list[str]) -> list[int]:
    return [int(c) for c in row if YEAR_CELL_RE.fullmatch(c)]


def _parse_budget(record: FichaRecord, doc: Document) -> None:
    """`PRESUPUESTO (MM$ de cada año)`: inicial, final, ejecutado by year; MM$ x 1000."""
    start = doc.find(r"PRESUPUESTO M+\$")
    if start is None:
        return
    heading = plain(doc.lines[start])
    rows, _ = doc.table(start)
    if "MM$" in heading.replace(" ", ""):
        unit, scale = "MM$", 1000.0
    else:
        unit, scale = "M$", 1.0
    nominal = "cada año" in heading.lower()
    price_year = None if nominal else price_year_of(heading)
    if nominal:
        unit = f"{unit} nominales"
    parse_budget_rows(record, rows, price_year, unit, scale)
    for row in rows:
        texts = [plain(c) for c in row]
        if len(texts) > 1 and _BUDGET_LABEL_RE.match(fold(texts[1])) and texts[0]:
            record.facts["purpose"] = texts[0]
            break


def _formulas(doc: Document) -> dict[str, str]:
    """`RESULTADOS REPORTADOS ... A NIVEL DE ...`: bold indicator names, each over its formula."""
    formulas: dict[str, str] = {}
    for start in doc.find_all(r"^RESULTADOS REPORTADOS POR EL PROGRAMA"):
        end = doc.find(r"^RESULTADOS EVALUACION|^RESULTADOS REPORTADOS", start + 1) or len(doc)
        name = None
        for i in range(start + 1, end):
            line = doc.lines[i].strip()
            if not line:
                continue
            if line.startswith("**") and line.endswith("**"):
                name = plain(line)
            elif name:
                formulas[fold(name)] = plain(line)
                name = None
    return formulas


def _parse_assessments(record: FichaRecord, doc: Document) -> None:
    """`Ámbitos de Evaluación | Resultados | Comentarios` tables, under their section heading."""
    for start in doc.find_all(r"^AMBITOS DE EVALUACION"):
        section = next(
            (doc.plain(j) for j in range(start - 1, max(start - 6, 0), -1) if is_heading(doc, j)),
            None,
        )
        rows, _ = doc.table(start)
        for row in rows[1:]:
            texts = [plain(c) for c in row] + ["", "", ""]
            if texts[0]:
                record.add(
                    "assessments",
                    section=section,
                    criterion=texts[0],
                    result=texts[1] or None,
                    comment=texts[2] or None,
                    **at(row),
                )


def _parse_coverage(record: FichaRecord, doc: Document) -> None:
    start = doc.find(r"^COBERTURA$")
    if start is None:
        return
    rows, _ = doc.next_table(start)
    for texts, values, where in parse_year_row_table(rows):
        label = fold(texts[0]) if texts else ""
        if "cobertura" not in label:
            continue
        basis = (
            "potencial" if "potencial" in label or "presenta el problema" in label else "objetivo"
        )
        result = texts[-1] if len(texts) > 1 else None
        for year, cell in sorted(values.items()):
            record.add(
                "coverage",
                year=year,
                basis=basis,
                result=result,
                **cell_columns(cell, "coverage_pct", "coverage_status"),
                **where[year],
            )


def _parse_efficiency(record: FichaRecord, doc: Document, year: int | None) -> None:
    """Administrative share stated in prose, and the budget execution table."""
    start = doc.find(r"^EFICIENCIA$")
    if start is not None and year is not None:
        end = doc.find(r"^EJECUCION PRESUPUESTARIA$", start) or len(doc)
        for i in range(start, end):
            match = _ADMIN_SHARE_RE.search(doc.lines[i])
            if match:
                cell = parse_cell(match.group(1))
                record.add(
                    "ratios",
                    year=year,
                    ratio="gasto_administrativo",
                    result=doc.plain(i),
                    **cell_columns(cell, "value_pct", "value_status"),
                    **source(i),
                )
                break
        capture_text(record, doc, start, "Eficiencia", end)
    execution = doc.find(r"^EJECUCION PRESUPUESTARIA$")
    if execution is not None:
        rows, _ = doc.next_table(execution)
        parse_budget_rows(record, rows, None, "%", 1.0)


def _parse_texts(record: FichaRecord, doc: Document) -> None:
    capture_sections(record, doc, POVERTY_SECTIONS)
    comments = doc.find(r"^COMENTARIOS EVALUADORES")
    if comments is None:
        return
    rows, end = doc.table(comments)
    for row in rows[1:]:
        text = " ".join(plain(c) for c in row if plain(c))
        if text:
            record.add(
                "findings",
                dimension="Comentarios evaluadores",
                finding=text,
                kind="comentario",
                position=len(record.rows["findings"]),
                **at(row),
            )
    capture_text(record, doc, end - 1, "Antecedentes", len(doc))
