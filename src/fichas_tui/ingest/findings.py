"""Findings tables (`dimension | results | observations`), one row per bullet or paragraph."""

from __future__ import annotations

import re

from ..text import fold
from .document import Document
from .markup import list_items, plain
from .parsed import FichaRecord
from .provenance import at

# `... 2021. Ejecución presupuestaria final 2021: El programa ...`: a labelled result begins
# after a full stop with a short capitalized label and a colon.
_LABEL_SPLIT_RE = re.compile(r"(?<=[.;])\s+(?=[A-ZÁÉÍÓÚÑ][^.:;]{3,70}:\s)")
_LI_RE = re.compile(r"<li", re.IGNORECASE)
_LIST_RE = re.compile(r"<ul|<li|•", re.IGNORECASE)


def split_results(cell: str) -> list[str]:
    """The separate findings in one results cell: `<li>` items, `•` bullets or labelled runs."""
    if _LI_RE.search(cell):
        items = list_items(cell)
        if items:
            return items
    text = plain(cell)
    if "•" in text:
        return [p.strip(" -") for p in text.split("•") if p.strip(" -")]
    if not text:
        return []
    return [p.strip() for p in _LABEL_SPLIT_RE.split(text) if p.strip()]


def _is_results_cell(cell: str) -> bool:
    return bool(_LIST_RE.search(cell))


def parse_findings_table(record: FichaRecord, doc: Document, start: int) -> None:
    """Rows of `dimension <tab> results [<tab> observations]` after a heading."""
    first = next((i for i in range(start, min(start + 6, len(doc))) if "\t" in doc.lines[i]), None)
    if first is None:
        return
    # A blank line may separate two findings rows; the table that follows (002: the budget)
    # has no list in its second cell, which is where the findings table ends.
    rows, _ = doc.table(first, gaps=2, keep=lambda r: len(r) >= 2 and _is_results_cell(r[1]))
    position = sum(1 for _ in record.rows["findings"])
    for row in rows:
        dimension = plain(row[0])
        if not dimension or fold(dimension) in ("dimension", "dimensiones"):
            continue
        for finding in split_results(row[1]) if len(row) > 1 else []:
            record.add(
                "findings",
                dimension=dimension,
                finding=finding,
                kind="resultado",
                position=position,
                **at(row, 1),
            )
            position += 1
        for cell in row[2:]:
            text = plain(cell)
            if text:
                record.add(
                    "findings",
                    dimension=dimension,
                    finding=text,
                    kind="observacion",
                    position=position,
                    **at(row),
                )
                position += 1
