"""Indicator tables: name, formula, attributes, Efectivo/Meta by year, assessments."""

from __future__ import annotations

import re
from functools import lru_cache

from ..text import fold
from .markup import latex_to_text, merge_continuation_rows, plain
from .numbers import parse_cell, parse_year
from .parsed import FichaRecord, cell_columns
from .provenance import Row, at

_ATTRIBUTE_RE = re.compile(r"<b>\s*([^<:]+):?\s*</b>:?")
_INDICATOR_HEAD_RE = re.compile(r"\s*(Efectivo|Meta)\s+\d{4}")
_TAG_RE = re.compile(r"<[^<>]+>")


def indicator_attributes(text: str) -> dict[str, str | None]:
    """`<b>Unidad de medida:</b> Porcentual <b>Dimensión:</b> Eficacia ...` as a dict."""
    out = {}
    names = {
        "unidad de medida": "unit",
        "dimension": "dimension",
        "periodicidad": "periodicity",
        "sentido de medicion": "direction",
    }
    parts = _ATTRIBUTE_RE.split(text)
    for label, value in zip(parts[1::2], parts[2::2], strict=False):
        key = names.get(fold(label))
        if key:
            out[key] = plain(value) or None
    return out


def parse_indicator_table(
    record: FichaRecord,
    rows: list[list[str]],
    level: str,
    formulas: dict[str, str] | None = None,
    start_position: int = 0,
) -> int:
    """An indicator table: name, formula, attributes, Efectivo/Meta by year, assessments.

    Returns the next free position, so several tables of one ficha keep their order.
    """
    header_i = next(
        (i for i, r in enumerate(rows) if any(_INDICATOR_HEAD_RE.match(c) for c in r)),
        None,
    )
    if header_i is None:
        return start_position
    columns: dict[int, tuple[str, object]] = {}
    for i, head in enumerate(rows[header_i]):
        text = plain(head)
        key = fold(text)
        year = parse_year(text)
        if key.startswith("efectivo") and year:
            columns[i] = ("efectivo", year)
        elif key.startswith("meta") and year:
            columns[i] = ("meta", year)
        elif key.startswith("indicador"):
            columns[i] = ("name", None)
        elif key.startswith("formula"):
            columns[i] = ("formula", None)
        elif key.startswith("otros atributos"):
            columns[i] = ("attributes", None)
        elif "pertinencia" in key:
            columns[i] = ("relevance", None)
        elif "calidad" in key:
            columns[i] = ("quality", None)
        elif key.startswith("resultado"):
            columns[i] = ("result", text)
    name_col = next((i for i, (k, _) in columns.items() if k == "name"), 0)
    body = merge_continuation_rows(
        [r for r in rows[header_i + 1 :] if any(c.strip() for c in r)], key_columns=name_col + 1
    )
    width = len(rows[header_i])
    heads = {i: plain(h) for i, h in enumerate(rows[header_i])}
    # Value columns apart from the others: each becomes a row of its own.
    value_columns = [(i, k, y) for i, (k, y) in columns.items() if k in ("efectivo", "meta")]
    text_columns = [(i, k, x) for i, (k, x) in columns.items() if k not in ("efectivo", "meta")]
    position = start_position
    for row in body:
        # 003's broken last row puts its Resultado one cell past the header: pull it back.
        if len(row) > width:
            extra = " ".join(plain(c) for c in row[width:] if plain(c))
            if extra and not plain(row[width - 1]):
                cut = Row([*row[: width - 1], extra], getattr(row, "line", None))
                cut.cell_lines = getattr(row, "cell_lines", None)
                row = cut
        name = plain(row[name_col]) if name_col < len(row) else ""
        if not name:
            continue
        facts: dict[str, object] = {"formula": None}
        results = []
        for i, kind, heading in text_columns:
            cell = row[i] if i < len(row) else ""
            if kind == "formula":
                facts["formula"] = _formula_text(cell)
            elif kind == "attributes":
                facts.update(_attribute_items(cell))
            elif kind == "relevance":
                facts["evaluation_relevance"] = plain(cell) or None
            elif kind == "quality":
                facts["evaluation_quality"] = plain(cell) or None
            elif kind == "result" and plain(cell):
                label = str(heading)
                generic = fold(label) == "resultado"
                results.append(plain(cell) if generic else f"{label}: {plain(cell)}")
        if facts["formula"] is None and formulas:
            facts["formula"] = match_formula(name, formulas)
        facts["result"] = " / ".join(results) or None
        for i, kind, column_year in value_columns:
            parsed = parse_cell(row[i] if i < len(row) else "")
            record.add(
                "indicators",
                level=level,
                indicator=name,
                year=column_year,
                kind=kind,
                position=position,
                value_text=parsed.text or None,
                **facts,
                **cell_columns(parsed, "value", "value_status"),
                **at(row, i, heads.get(i)),
            )
        position += 1
    return position


@lru_cache(maxsize=1024)  # indicator cells repeat across a program's fichas
def _formula_text(cell: str) -> str | None:
    return latex_to_text(plain_keep_latex(cell)) or None


@lru_cache(maxsize=1024)
def _attribute_items(cell: str) -> tuple[tuple[str, str | None], ...]:
    """`indicator_attributes` as immutable pairs, so a cached answer cannot be changed."""
    return tuple(indicator_attributes(cell).items())


def plain_keep_latex(text: str) -> str:
    """Cell text without HTML tags but with LaTeX backslashes intact."""
    text = _TAG_RE.sub(" ", text)
    return " ".join(text.split())


def match_formula(name: str, formulas: dict[str, str]) -> str | None:
    """The formula given elsewhere in the ficha for an indicator of this name."""
    key = fold(name)
    if key in formulas:
        return formulas[key]
    for other, formula in formulas.items():
        if key.startswith(other) or other.startswith(key):
            return formula
    return None
