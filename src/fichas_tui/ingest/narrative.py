"""Prose parts every generation shares: labelled fields, bullets, ODS, history, free text."""

from __future__ import annotations

import re

from ..text import fold
from .document import Document
from .markup import latex_to_text, plain
from .numbers import parse_year
from .parsed import FichaRecord
from .provenance import source

_BULLET_LINE_RE = re.compile(r"^\s*[-•·*]\s+(?!\*)|^\s*[-•·]\s*\*\*")
_ODS_RE = re.compile(r"^\s*(\d{1,2})\.\s*([^:]+?)\s*:\s*(.*)$")
# `$(\text{Gasto ...} / ...) \times 100$` inside prose; a lone `M$` is no formula.
_INLINE_LATEX_RE = re.compile(r"\$([^$]*\\[a-zA-Z]+[^$]*)\$")
_YEAR_ITEM_RE = re.compile(r"^\s*((?:19|20)\d\d)\s*:\s*(.*)$")
_BULLET_PREFIX_RE = re.compile(r"^\s*[-•·*]\s*")
# A bullet mark and the spaces after it, at the start of a line's plain text.
BULLET_MARK_RE = re.compile(r"^[-•]\s*")
_BULLET_SPACE_RE = re.compile(r"^[-•]\s+")
_ROMAN_HEADING_RE = re.compile(r"^[IVX]+\.\s+\S")
_YEAR_RE = re.compile(r"\b(?:19|20)\d\d\b")
_FOUR_DIGITS_RE = re.compile(r"^\d{4}$")
_BOLD_LABEL_RE = re.compile(r"^\s*[-•]?\s*\*\*([^*]{2,160}?):?\*\*:?\s*(.*)$")


def field_value(doc: Document, label: str, start: int = 0, end: int | None = None) -> str | None:
    """The text after `Label:` on its line (`**Año de inicio:** 2018`, `Año de inicio: 2005`)."""
    want = fold(label)
    stop = len(doc) if end is None else end
    for i in range(start, stop):
        if ":" not in doc.lines[i]:
            continue
        text = doc.plain(i)
        if ":" not in text:
            continue
        head, _, rest = text.partition(":")
        if fold(head) == want:
            return rest.strip() or None
    return None


def field_year(doc: Document, label: str, start: int = 0, end: int | None = None) -> int | None:
    value = field_value(doc, label, start, end)
    return parse_year(value) if value else None


def bullets(doc: Document, start: int, end: int) -> list[tuple[int, str]]:
    """`- item` lines between two indexes, as (line index, plain text)."""
    items: list[tuple[int, str]] = []
    for i in range(start, end):
        line = doc.lines[i]
        if _BULLET_LINE_RE.match(line):
            text = plain(_BULLET_PREFIX_RE.sub("", line))
            if text:
                items.append((i, text))
    return items


def is_heading(doc: Document, i: int) -> bool:
    """A section heading: Markdown `#`, a whole bold line, a roman-numbered or ALL-CAPS line."""
    line = doc.lines[i].strip()
    if not line or "\t" in line:
        return False
    if line.startswith("#"):
        return True
    if line.startswith("**") and line.rstrip().endswith("**") and len(line) < 120:
        return True
    text = doc.plain(i)
    if len(text) >= 110:
        return False
    if _ROMAN_HEADING_RE.match(text):
        return True
    return text == text.upper() and sum(1 for c in text if c.isalpha()) >= 4


def parse_ods(record: FichaRecord, doc: Document) -> None:
    start = doc.find(r"OBJETIVOS DE DESARROLLO SOSTENIBLE")
    if start is None:
        return
    end = doc.section_end(start, lambda i: is_heading(doc, i))
    for i in range(start + 1, end):
        match = _ODS_RE.match(doc.plain(i))
        if match:
            record.add(
                "ods",
                goal=int(match.group(1)),
                name=match.group(2).strip(),
                description=match.group(3).strip() or None,
                **source(i),
            )
    capture_text(record, doc, start, "ODS")


_EVALUATION_KINDS = tuple(
    (re.compile(pattern), kind)
    for pattern, kind in (
        (r"^ex ?ante|^evaluaciones ex ?ante", "ex_ante"),
        (r"^evaluacion(es)? ex ?post", "ex_post"),
        (r"^ex dure|monitoreo", "monitoreo"),
        (r"^otr[oa]s? (tipo de )?evaluaciones", "otras"),
    )
)


def parse_evaluations(record: FichaRecord, doc: Document, start: int, end: int) -> None:
    """Evaluation history: `Evaluaciones Ex-Ante:` over `- 2020: Recomendado` items,
    or `...: No`, or `...: Sí` over `2020, 2021`."""
    i = start
    while i < end:
        text = doc.plain(i)
        head, sep, rest = text.partition(":")
        kind = None
        if sep:
            key = fold(head)
            kind = next((k for pattern, k in _EVALUATION_KINDS if pattern.search(key)), None)
        if not kind:
            i += 1
            continue
        rest = rest.strip()
        j = i + 1
        items: list[tuple[int, str]] = []
        while j < end and not _is_field_line(doc.lines[j]):
            line = doc.plain(j)
            if line:
                items.append((j, BULLET_MARK_RE.sub("", line)))
            j += 1
        added = False
        for at_line, item in items:
            match = _YEAR_ITEM_RE.match(item)
            where = source(at_line)
            if match:
                record.add(
                    "evaluations",
                    kind=kind,
                    year=int(match.group(1)),
                    detail=match.group(2),
                    **where,
                )
                added = True
            else:
                for year in _YEAR_RE.findall(item):
                    record.add(
                        "evaluations", kind=kind, year=int(year), detail=rest or None, **where
                    )
                    added = True
        if not added and rest:
            record.add("evaluations", kind=kind, year=None, detail=rest, **source(i))
        i = j


def _is_field_line(line: str) -> bool:
    text = plain(line)
    if not text or line.strip()[:1] in ("-", "•"):
        return False
    head, sep, _ = text.partition(":")
    return bool(sep) and len(head) < 60 and not _FOUR_DIGITS_RE.match(head.strip())


def capture_text(
    record: FichaRecord, doc: Document, start: int, section: str, end: int | None = None
) -> int:
    """Keep the prose of a section in `texts`, one row per paragraph, labelled when it has one.

    Returns the index where the section ends.
    """
    stop = end if end is not None else doc.section_end(start, lambda i: is_heading(doc, i))
    position = len([t for t in record.rows["texts"] if t["section"] == section])
    label = None
    for i in range(start + 1, stop):
        line = doc.lines[i]
        if "\t" in line:
            continue
        text = plain(line)
        if not text:
            continue
        if is_heading(doc, i) and len(text) < 80:
            label = text.lstrip("#").rstrip(":").strip()
            continue
        item_label = label
        bold = _BOLD_LABEL_RE.match(line)
        if bold:
            item_label, text = bold.group(1).strip().rstrip(":"), plain(bold.group(2))
            if not text:
                label = item_label
                continue
        if "\\" in text:  # a formula has a command; most paragraphs have none
            text = _INLINE_LATEX_RE.sub(lambda m: latex_to_text(m.group(1)), text)
        text = _BULLET_SPACE_RE.sub("", text)
        record.add(
            "texts",
            section=section,
            label=item_label,
            text=text,
            position=position,
            **source(i),
        )
        position += 1
    return stop


POVERTY_SECTIONS = (
    (r"^POBREZA MULTIDIMENSIONAL", "Pobreza multidimensional"),
    (r"^POBREZA POR INGRESOS", "Pobreza por ingresos"),
)


def capture_sections(
    record: FichaRecord, doc: Document, sections: tuple[tuple[str, str], ...]
) -> None:
    """`capture_text` for each (heading pattern, section name) the ficha has."""
    for pattern, section in sections:
        start = doc.find(pattern)
        if start is not None:
            capture_text(record, doc, start, section)


def paragraph_after(doc: Document, start: int, end: int | None = None) -> str | None:
    """The first paragraph of text after a heading line (blank lines skipped)."""
    stop = len(doc) if end is None else end
    parts: list[str] = []
    for i in range(start + 1, stop):
        text = doc.plain(i)
        if not text:
            if parts:
                break
            continue
        if is_heading(doc, i):
            break
        parts.append(text)
    return " ".join(parts) or None
