"""2019 component blocks: name, Gasto total, Gasto unitario and a production table each."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .document import Document
from .markup import cells, html_tables, plain
from .numbers import ParsedNumber, parse_cell
from .parsed import FichaRecord, cell_columns
from .provenance import source

_PREFIX_RE = re.compile(r"^Nombre Bien o Servicio \(componente\)\s*", re.IGNORECASE)
_UNIT_COST_RE = re.compile(r"(M{0,2}\s*\$?\s*[\d.,]+)\s*(?:por cada\s*(.*))?$", re.IGNORECASE)
_YEAR_RE = re.compile(r"^\s*(?:19|20)\d\d\s*$")
# What `plain` may strip (tags, entities, emphasis, escapes), and a word from each branch of
# the block scan: the component prefix, `Gasto total`/`Gasto unitario`, a production `Año`.
_MARKUP_RE = re.compile(r"[<&*\\_]")
_BLOCK_WORDS = ("nombre", "gasto", "año")


@dataclass
class Block:
    """One component as the ficha lays it out, before it becomes rows."""

    name: str
    spending: ParsedNumber = field(default_factory=lambda: parse_cell(None))
    unit_cost: ParsedNumber = field(default_factory=lambda: parse_cell(None))
    unit: str | None = None
    category: str | None = None
    production: dict[int, ParsedNumber] = field(default_factory=dict)
    # 0-based lines each figure was read from (None: the block does not print it)
    spending_line: int | None = None
    unit_cost_line: int | None = None
    production_lines: dict[int, int | None] = field(default_factory=dict)


def _labelled(text: str, label: str) -> str | None:
    """The text after a leading label (`Gasto total M$ 2.155.493` -> `M$ 2.155.493`)."""
    if text.lower().startswith(label.lower()):
        return text[len(label) :].strip()
    return None


def _set_unit_cost(block: Block, text: str) -> None:
    match = _UNIT_COST_RE.match(text.strip())
    if match:
        block.unit_cost = parse_cell(match.group(1))
        if match.group(2):
            block.unit = match.group(2).strip().rstrip(".").strip() or None


def _set_production(block: Block, caption: str, rows: list[list[str]], line: int | None) -> None:
    """Production by year from a table; `line` is where an HTML table (one line) stands."""
    if rows and not _YEAR_RE.match(rows[0][0]):
        header = rows[0]
        block.category = header[1] if len(header) > 1 and header[1] else None
        rows = rows[1:]
    for row in rows:
        if row and _YEAR_RE.match(row[0]):
            block.production[int(row[0])] = parse_cell(row[1] if len(row) > 1 else "")
            block.production_lines[int(row[0])] = getattr(row, "line", line)
    if caption and not block.unit:
        block.unit = caption.rstrip(".")


def _next_text(doc: Document, i: int, end: int) -> tuple[str, int]:
    """The next non-empty line's plain text (a bold label's value sits on the line below)."""
    for j in range(i + 1, end):
        text = doc.plain(j)
        if text:
            return text, j
    return "", i


def parse_component_blocks(
    record: FichaRecord, doc: Document, start: int, year: int, price_year: int | None
) -> None:
    end = doc.find(r"^RESULTADOS REPORTADOS|^RESULTADOS EVALUACION", start) or len(doc)
    blocks: list[Block] = []
    group: list[Block] = []
    i = start + 1
    lines = doc.lines
    while i < end:
        line = lines[i]
        # Most lines (production rows, prose) can match no branch below: a line without
        # markup is its plain text up to spacing, so lacking every branch's word it is skipped.
        if not _MARKUP_RE.search(line) and not any(w in line.lower() for w in _BLOCK_WORDS):
            i += 1
            continue
        raw = cells(line) if "\t" in line else [line]
        # Only the first cell decides the branch; the others are read by three branches.
        first = plain(raw[0]) if raw else ""
        if _PREFIX_RE.match(first):
            texts = [plain(c) for c in raw]
            names = [_PREFIX_RE.sub("", t) for t in texts if _PREFIX_RE.match(t)]
            if not any(names):  # Markdown: the name is on the next line
                name, i = _next_text(doc, i, end)
                names = [name]
            group = [Block(name=n) for n in names]
            blocks.extend(group)
        elif group and "<table" in line.lower():
            for block, (caption, rows) in zip(group, html_tables(line), strict=False):
                _set_production(block, caption, rows, i)
        elif group and (value := _labelled(first, "Gasto total")) is not None:
            texts = [plain(c) for c in raw]
            if not value:
                value, i = _next_text(doc, i, end)
                texts = [f"Gasto total {value}"]
            for block, text in zip(group, texts, strict=False):
                block.spending = parse_cell(_labelled(text, "Gasto total") or "")
                block.spending_line = i
        elif group and (value := _labelled(first, "Gasto unitario")) is not None:
            texts = [plain(c) for c in raw]
            if not value:
                value, i = _next_text(doc, i, end)
                texts = [f"Gasto unitario {value}"]
            for block, text in zip(group, texts, strict=False):
                _set_unit_cost(block, _labelled(text, "Gasto unitario") or "")
                block.unit_cost_line = i
        elif (
            len(group) == 1 and not group[0].production and first.lower() == "año" and "\t" in line
        ):
            rows, after = doc.table(i)
            _set_production(group[0], "", rows, None)
            i = after
            continue
        i += 1
    _emit(record, blocks, year, price_year)


def _emit(record: FichaRecord, blocks: list[Block], year: int, price_year: int | None) -> None:
    for position, block in enumerate(blocks):
        years = sorted(set(block.production) | {year})
        for y in years:
            production = block.production.get(y)
            row = {
                "component": block.name,
                "production_unit": block.unit,
                "production_category": block.category,
                "year": y,
                "price_year": price_year,
                "position": position,
            }
            if y == year:
                row |= cell_columns(block.spending, "spending_kclp", "spending_status")
                row |= cell_columns(block.unit_cost, "unit_cost_kclp", "unit_cost_status")
                if block.spending_line is not None:
                    row |= source(block.spending_line, "Gasto total")
                if block.unit_cost_line is not None:
                    row |= source(block.unit_cost_line, "Gasto unitario", "unit_cost_source")
            if production is not None:
                row |= cell_columns(production, "production", "production_status")
                line = block.production_lines.get(y)
                row |= source(line, block.category, "production_source")
            record.add("components", **row)
        _check_unit_cost(record, block, year)


def _check_unit_cost(record: FichaRecord, block: Block, year: int) -> None:
    from .numbers import format_chilean

    production = block.production.get(year)
    if block.spending.value is None or block.unit_cost.value is None or production is None:
        return
    if not production.value:
        return
    expected = block.spending.value / production.value
    if abs(expected - block.unit_cost.value) > max(1.0, 0.02 * expected):
        record.warn(
            "componentes",
            f"{block.name} {year}: gasto unitario {format_chilean(block.unit_cost.value)} lejos "
            f"de gasto / producción ({format_chilean(expected, 1)})",
        )
