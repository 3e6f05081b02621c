"""Tables the original ficha printed as an image: where the text conversion left a gap."""

from __future__ import annotations

import re

from .document import Document
from .parsed import FichaRecord

# What a converter may leave where a picture stood (docling's comment, markdown, HTML); the
# sample fichas leave only blank lines, so two blank lines in a row count as a gap too.
_PLACEHOLDER_RE = re.compile(
    r"^\s*(?:<!--\s*image\s*-->|!\[[^\]]*\]\([^)]*\)|<img\b[^>]*>|\[(?:image|imagen)[^\]]*\])\s*$",
    re.IGNORECASE,
)
MIN_BLANKS = 2

# table key -> heading keys (folded, uppercase) that name a table printed right after them ...
_BEFORE = {
    "admin_share": ("PORCENTAJE GASTO ADMINISTRATIVO",),
    "spending_per_beneficiary": ("GASTO POR BENEFICIARIO", "EVOLUCION GASTO POR BENEFICIARIO"),
    "budget": ("PRESUPUESTO Y EJECUCION",),
}
# ... or footnotes that explain a table printed right before them (the 2021/2023 templates
# define the budget's columns and the spending per beneficiary under their tables).
_AFTER = {
    "budget": ("LA EJECUCION PRESUPUESTARIA INICIAL",),
    "spending_per_beneficiary": ("GASTO POR BENEFICIARIO",),
}
_FOOTNOTE_MARK_RE = re.compile(r"^(?:\d+\s+)?")


def _blank(doc: Document, i: int) -> bool:
    line = doc.lines[i]
    return not line.strip() or bool(_PLACEHOLDER_RE.match(line))


# Text every placeholder contains: a ficha without any has no placeholder line to look for.
_PLACEHOLDER_HINT_RE = re.compile(r"<!--|!\[|<img|\[imag", re.IGNORECASE)


def _gaps(doc: Document) -> list[tuple[int, int]]:
    """(first, last) line index of every run of blank lines that could hold a picture: two
    blank lines or more, or any run with a converter's image placeholder."""
    if not _PLACEHOLDER_HINT_RE.search(doc.text):
        return _blank_runs(doc.lines)
    out = []
    n = len(doc.lines)
    i = 0
    while i < n:
        if not _blank(doc, i):
            i += 1
            continue
        j = i
        while j + 1 < n and _blank(doc, j + 1):
            j += 1
        placeholder = any(doc.lines[k].strip() for k in range(i, j + 1))
        if j - i + 1 >= MIN_BLANKS or placeholder:
            out.append((i, j))
        i = j + 1
    return out


def _blank_runs(lines: list[str]) -> list[tuple[int, int]]:
    """`_gaps` of a text without placeholders: runs of MIN_BLANKS empty lines or more, found
    with one comprehension instead of a call per line (most of this module's cost)."""
    blank = [i for i, line in enumerate(lines) if not line.strip()]
    out = []
    k = 0
    while k < len(blank):
        j = k
        while j + 1 < len(blank) and blank[j + 1] == blank[j] + 1:
            j += 1
        if j - k + 1 >= MIN_BLANKS:
            out.append((blank[k], blank[j]))
        k = j + 1
    return out


def _starts(key: str, names: tuple[str, ...]) -> bool:
    return any(key.startswith(name) for name in names)


def image_gaps(doc: Document, units: dict[str, str] | None = None) -> list[tuple[str, int]]:
    """(table key, 1-based line of the gap) for each table whose place in the text is empty.

    A gap names its table by the heading right before it (`PRESUPUESTO Y EJECUCIÓN`, a
    component's production unit in `units`: unit -> `components:<component>`) or by the
    footnote right after it (`* La ejecución presupuestaria inicial corresponde a ...`). A
    gap after a table row is spacing, not a picture.
    """
    folded_units = {_unit_key(u): key for u, key in (units or {}).items()}
    found: list[tuple[str, int]] = []
    for first, last in _gaps(doc):
        before = first - 1
        after = last + 1
        table = None
        if before >= 0 and "\t" in doc.lines[before]:
            continue  # spacing after a printed table
        if before >= 0:
            key = doc.keys[before]
            table = next((t for t, names in _BEFORE.items() if _starts(key, names)), None)
            table = table or folded_units.get(_unit_key(doc.plain(before)))
        if table is None and after < len(doc.lines) and doc.is_footnote(after):
            key = _FOOTNOTE_MARK_RE.sub("", doc.keys[after])
            table = next((t for t, names in _AFTER.items() if _starts(key, names)), None)
        if table is not None and all(t != table for t, _line in found):
            found.append((table, first + 1))
    return found


def _unit_key(text: str) -> str:
    return " ".join(text.strip().rstrip(".").split()).casefold()


def _read(record: FichaRecord) -> set[str]:
    """The tables (image keys) the parser did find in the text: no gap stands for them."""
    rows = record.rows
    found = set()
    if any(r.get("concept") in ("inicial", "final") for r in rows["budget"]):
        found.add("budget")
    if rows["spending_per_beneficiary"]:
        found.add("spending_per_beneficiary")
    for r in rows["components"]:
        if r.get("production") is not None:
            found.add(f"components:{r.get('component')}")
    return found


def mark_images(record: FichaRecord, doc: Document) -> None:
    """The ficha's tables printed as images, as two parallel lists in its facts."""
    units: dict[str, str] = {}
    for row in record.rows["components"]:
        if row.get("production_unit") and row.get("component"):
            units.setdefault(row["production_unit"], f"components:{row['component']}")
    read = _read(record)
    gaps = [(t, line) for t, line in image_gaps(doc, units) if t not in read]
    record.facts["image_tables"] = [t for t, _line in gaps]
    record.facts["image_lines"] = [line for _t, line in gaps]
