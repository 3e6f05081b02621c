"""The labelled lines at the top of a ficha: `NOMBRE DEL PROGRAMA:`, `MINISTERIO:`, `SERVICIO:`."""

from __future__ import annotations

import html
import re

from ..text import fold
from .document import Document
from .parsed import FichaRecord

# Label (as folded) -> fact. Any template may print them, bold or not, as Markdown or HTML.
LABELS = {
    "nombre del programa": "program_name",
    "ministerio": "ministry",
    "servicio": "service",
}
_KEYS = tuple(label.upper() for label in LABELS)
# Only the formatting tags a PDF conversion writes: a name may contain `<` and `>` as text.
_FORMAT_TAG_RE = re.compile(
    r"</?(?:b|strong|i|em|u|span|p|br|div|font|sup|sub|small|mark|h[1-6])\b[^<>]*>",
    re.IGNORECASE,
)
# Markdown escapes a punctuation character with a backslash: `\[Piloto\]`, `\&`, `\-`.
_MD_ESCAPE_RE = re.compile(r"\\([!-/:-@\[-`{-~])")
# How far down a ficha its header may go: the first section starts well before this.
HEADER_LINES = 40


def header_text(raw: str) -> str:
    """A header value as written: tags, bold marks and escapes gone; `&`, brackets and
    accents kept."""
    text = _FORMAT_TAG_RE.sub(" ", raw)
    text = text.replace("**", "").replace("__", "")
    text = _MD_ESCAPE_RE.sub(r"\1", html.unescape(text))
    return " ".join(text.split()).strip(" #")


def labelled(doc: Document, i: int) -> tuple[str, str] | None:
    """(fact, value) when line `i` is `LABEL: value`; a value on the next line counts too."""
    if not doc.keys[i].startswith(_KEYS):
        return None
    line = _FORMAT_TAG_RE.sub(" ", doc.lines[i])
    head, colon, rest = line.partition(":")
    fact = LABELS.get(fold(head))
    if not colon or fact is None:
        return None
    value = header_text(rest)
    if not value:  # `**NOMBRE DEL PROGRAMA:**` with the name on the line below
        for j in range(i + 1, min(i + 3, len(doc))):
            if doc.lines[j].strip():
                if labelled(doc, j) is None:
                    value = header_text(doc.lines[j])
                break
    return (fact, value) if value else None


def parse_header_fields(record: FichaRecord, doc: Document, end: int | None = None) -> None:
    """Name, ministry and service from labelled lines before `end` (the first section)."""
    stop = min(end or HEADER_LINES, len(doc))
    for i in range(stop):
        found = labelled(doc, i)
        if found is not None and not record.facts.get(found[0]):
            record.facts[found[0]] = found[1]
