"""The performance tables the 2021 and 2023 generations lay out alike."""

from __future__ import annotations

import re

from ..text import fold
from .document import Document
from .indicators import parse_indicator_table
from .markup import plain
from .numbers import ParsedNumber
from .parsed import FichaRecord, cell_columns
from .provenance import lines_text
from .tables import (
    check_total,
    parse_component_table,
    parse_region_table,
    parse_subtitles,
    parse_year_row_table,
    price_year_of,
)

_EXECUTED_YEAR_RE = re.compile(r"ejecutado\s+((?:19|20)\d\d)", re.IGNORECASE)
_PESOS_YEAR_RE = re.compile(r"pesos(?: del)? año (\d{4})")


def add_budget(
    record: FichaRecord,
    year: int,
    concept: str,
    cell: ParsedNumber,
    price_year: int | None,
    source: str,
    unit: str = "M$",
    scale: float = 1.0,
    where: dict | None = None,
) -> None:
    """One budget figure, unless the same year and concept is already there; `where` is its
    source columns (source_line, source_column, or source_rule for a computed one)."""
    for row in record.rows["budget"]:
        if row["year"] == year and row["concept"] == concept:
            return
    record.add(
        "budget",
        year=year,
        concept=concept,
        price_year=price_year,
        unit=unit,
        source=source,
        **cell_columns(cell, "amount_kclp", "amount_status", scale),
        **(where or {}),
    )


def parse_coverage(record: FichaRecord, doc: Document) -> None:
    """`COBERTURA POR AÑO` rows of years and percentages; basis from the footnote's formula."""
    start = doc.find(r"^COBERTURA POR ANO")
    if start is None:
        return
    rows, end = doc.next_table(start)
    note = " ".join(doc.paragraphs(end, min(end + 6, len(doc))))
    basis = (
        "potencial" if "potencial" in fold(note) and "objetivo" not in fold(note) else "objetivo"
    )
    for texts, values, where in parse_year_row_table(rows):
        label = fold(texts[0]) if texts else ""
        if label and not label.startswith("cobertura"):
            continue
        row_basis = "potencial" if "potencial" in label else basis
        for year, cell in values.items():
            record.add(
                "coverage",
                year=year,
                basis=row_basis,
                **cell_columns(cell, "coverage_pct", "coverage_status"),
                **where[year],
            )


def parse_spending_per_beneficiary(record: FichaRecord, doc: Document) -> None:
    """`EVOLUCIÓN GASTO POR BENEFICIARIO (M$ 2022)`: a row of years over a row of amounts."""
    for start in doc.find_all(r"^(EVOLUCION )?GASTO POR BENEFICIARIO"):
        rows, _ = doc.next_table(start, limit=1)
        price_year = price_year_of(doc.lines[start])
        found = parse_year_row_table(rows)
        for _texts, values, where in found:
            for year, cell in values.items():
                record.add(
                    "spending_per_beneficiary",
                    year=year,
                    price_year=price_year,
                    **cell_columns(cell, "amount_kclp", "amount_status"),
                    **where[year],
                )
        if found:
            return


_BUDGET_LABELS = (
    ("ejecucion presupuestaria inicial", "ratio", "ejecucion_inicial"),
    ("ejecucion presupuestaria final", "ratio", "ejecucion_final"),
    ("porcentaje gasto administrativo", "ratio", "gasto_administrativo"),
    ("presupuesto inicial", "budget", "inicial"),
    ("presupuesto final", "budget", "final"),
    ("presupuesto ejecutado", "budget", "ejecutado"),
    ("gasto ejecutado", "budget", "ejecutado"),
    ("gasto administrativo", "budget", "administrativo"),
)


def parse_budget_rows(
    record: FichaRecord,
    rows: list[list[str]],
    price_year: int | None,
    unit: str,
    scale: float,
    source: str = "presupuesto",
) -> None:
    """A budget table (`Presupuesto Inicial | 2.402 | 6.334 ...`) into budget and ratios."""
    for texts, values, where in parse_year_row_table(rows):
        # The label may follow another cell (002 puts the Propósito beside its first row).
        found = next(
            (
                (i, m)
                for i, key in enumerate(map(fold, texts))
                for m in _BUDGET_LABELS
                if key.startswith(m[0])
            ),
            None,
        )
        if found is None:
            continue
        at, (_, kind, name) = found
        result = texts[-1] if len(texts) > at + 1 else None
        for year, cell in sorted(values.items()):
            if kind == "ratio":
                record.add(
                    "ratios",
                    year=year,
                    ratio=name,
                    result=result,
                    **cell_columns(cell, "value_pct", "value_status"),
                    **where[year],
                )
            else:
                add_budget(record, year, name, cell, price_year, source, unit, scale, where[year])


def parse_subtitle_section(record: FichaRecord, doc: Document, year: int, price_year: int | None):
    start = doc.find(r"^GASTO POR SUBTITULOS")
    if start is None:
        return None
    first = next((i for i in range(start, min(start + 4, len(doc))) if "\t" in doc.lines[i]), None)
    if first is None:
        return None

    def is_row(row: list[str]) -> bool:
        return bool(row) and (
            plain(row[0])[:2].isdigit()
            or fold(plain(row[0])).startswith(("gasto", "total", "presupuesto"))
        )

    rows, _ = doc.table(first, gaps=2, keep=is_row)
    header = " ".join(plain(c) for r in rows[:2] for c in r)
    year = stated_year(header) or year
    price_year = price_year_of(doc.lines[start]) or price_year_of(header) or price_year
    total, where = parse_subtitles(record, rows, year, price_year)
    if total is not None:
        add_budget(record, year, "ejecutado", total, price_year, "subtitulos", where=where)


def stated_year(text: str) -> int | None:
    """The year of `Ejecutado 2023` in a text."""
    match = _EXECUTED_YEAR_RE.search(text)
    return int(match.group(1)) if match else None


def stated_price_year(doc: Document) -> int | None:
    """The year of the pesos a ficha states: `pesos del año 2024`, else a heading's `(M$2024)`."""
    match = _PESOS_YEAR_RE.search(doc.text)
    if match:
        return int(match.group(1))
    return price_year_of(doc.text)


def parse_components_section(record: FichaRecord, doc: Document, price_year: int | None) -> None:
    start = doc.find(r"^(COMPONENTES )?GASTO Y PRODUCCION DE COMPONENTES")
    if start is None:
        return
    rows, _ = doc.next_table(start)
    price_year = price_year_of(doc.lines[start]) or price_year
    specials, wheres = parse_component_table(record, rows, price_year)
    concepts = {
        "ejecutado": "ejecutado",
        "componentes": "componentes",
        "administrativo": "administrativo",
    }
    for kind, concept in concepts.items():
        for year, cell in sorted(specials.get(kind, {}).items()):
            where = wheres[kind][year]
            add_budget(record, year, concept, cell, price_year, "componentes", where=where)
    for kind, ratio in (("pct_admin", "gasto_administrativo"), ("pct_comp", "gasto_componentes")):
        for year, cell in sorted(specials.get(kind, {}).items()):
            record.add(
                "ratios",
                year=year,
                ratio=ratio,
                **cell_columns(cell, "value_pct", "value_status"),
                **wheres[kind][year],
            )
    if "componentes" not in specials:
        _derive_component_totals(record, price_year)
    _check_component_totals(record)


def _derive_component_totals(record: FichaRecord, price_year: int | None) -> None:
    """Component spending by year as the sum of the components, when the table gives no total."""
    by_year: dict[int, list[dict]] = {}
    for row in record.rows["components"]:
        by_year.setdefault(row["year"], []).append(row)
    for year, rows in sorted(by_year.items()):
        values = [r["spending_kclp"] for r in rows]
        if all(v is not None for v in values):
            cell = ParsedNumber(round(sum(values), 6), None)
        else:
            codes = {r["spending_status"] for r in rows if r["spending_kclp"] is None}
            if len(codes) != 1 or any(v is not None for v in values):
                continue
            cell = ParsedNumber(None, codes.pop())
        rule = f"suma del gasto de los componentes ({lines_text(r['source_line'] for r in rows)})"
        where = {"source_rule": rule, "source_column": rows[0].get("source_column")}
        add_budget(
            record, year, "componentes", cell, price_year, "suma de componentes", where=where
        )


def _check_component_totals(record: FichaRecord) -> None:
    budget = {(r["year"], r["concept"]): r for r in record.rows["budget"]}
    for (year, concept), row in budget.items():
        if concept != "ejecutado" or row["amount_kclp"] is None:
            continue
        parts = [budget.get((year, c)) for c in ("componentes", "administrativo")]
        amounts = [p["amount_kclp"] for p in parts if p is not None]
        if len(amounts) == len(parts) and None not in amounts:
            check_total(
                record,
                "componentes",
                ParsedNumber(row["amount_kclp"], None, text=_k(row["amount_kclp"])),
                [ParsedNumber(amount, None) for amount in amounts],
                f"Total ejecutado {year}",
            )
    for row in record.rows["components"]:
        spend, prod, cost = row["spending_kclp"], row["production"], row["unit_cost_kclp"]
        if spend is None or prod is None or cost is None:
            continue
        if prod == 0:
            if spend > 0:
                record.warn(
                    "componentes",
                    f"{row['component']} {row['year']}: gasto {_k(spend)} con producción 0",
                )
            continue
        expected = spend / prod
        if abs(expected - cost) > max(1.0, 0.02 * expected):
            record.warn(
                "componentes",
                f"{row['component']} {row['year']}: gasto unitario {_k(cost, 1)} lejos de "
                f"gasto / producción ({_k(expected, 1)})",
            )


def _k(value: float, decimals: int = 0) -> str:
    from .numbers import format_chilean

    return format_chilean(value, decimals)


def parse_regional_section(
    record: FichaRecord, doc: Document, year: int | None, price_year: int | None
) -> None:
    start = doc.find(r"DESAGREGACION REGIONAL")
    if start is None:
        return
    rows, _ = doc.next_table(start)
    header = " ".join(plain(c) for r in rows[:3] for c in r)
    heading = doc.lines[max(start - 1, 0)] + " " + doc.lines[start]
    price_year = price_year_of(header) or price_year_of(heading) or price_year
    parse_region_table(record, rows, year, price_year)


def parse_indicator_sections(record: FichaRecord, doc: Document) -> None:
    position = 0
    for pattern, level in (
        (r"^INDICADORES DE PROPOSITO", "proposito"),
        (r"^INDICADORES COMPLEMENTARIOS", "complementario"),
        (r"^INDICADORES DE COMPONENTES", "componente"),
    ):
        start = doc.find(pattern)
        if start is None:
            continue
        first = next(
            (i for i in range(start, min(start + 6, len(doc))) if "\t" in doc.lines[i]), None
        )
        if first is None:
            continue
        rows, _ = doc.table(first, gaps=2, keep=lambda r: len(r) > 2)
        position = parse_indicator_table(record, rows, level, start_position=position)
