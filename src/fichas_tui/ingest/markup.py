"""Reading the converted PDF text: HTML fragments, Markdown, LaTeX formulas and tab tables."""

from __future__ import annotations

import codecs
import html
import re
import unicodedata
from functools import lru_cache

from .provenance import continued, copy_row

# `[^<>]`, not `[^>]`: a line of unclosed `<` must not make the scan quadratic.
_TAG_RE = re.compile(r"<[^<>]+>")
_LI_RE = re.compile(r"<li[^>]*>(.*?)</li>", re.IGNORECASE | re.DOTALL)
_ROW_RE = re.compile(r"<tr[^>]*>(.*?)</tr>", re.IGNORECASE | re.DOTALL)
_CELL_RE = re.compile(r"<t[dh][^>]*>(.*?)</t[dh]>", re.IGNORECASE | re.DOTALL)
_CAPTION_RE = re.compile(r"<caption[^>]*>(.*?)</caption>", re.IGNORECASE | re.DOTALL)
_TABLE_RE = re.compile(r"<table[^>]*>(.*?)</table>", re.IGNORECASE | re.DOTALL)
_BULLET_RE = re.compile(r"^[\s•·\-–*]+")
# Control characters other than tab and newline never belong in ficha text, and an escape
# sequence must never reach a terminal: they become visible symbols (ESC -> ␛, BEL -> ␇).
_CONTROL_RE = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def _visible(match: re.Match) -> str:
    code = ord(match.group())
    if code < 0x20:
        return chr(0x2400 + code)
    return "\u2421" if code == 0x7F else "\ufffd"


def normalize_text(text: str) -> str:
    """Unify line endings, drop a BOM and stray control characters; NFC so accents compare."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").lstrip("\ufeff")
    if _CONTROL_RE.search(text):
        text = _CONTROL_RE.sub(_visible, text)
    if unicodedata.is_normalized("NFC", text):  # the usual case; checking is cheap
        return text
    return unicodedata.normalize("NFC", text)


_MARKUP_CHARS = re.compile(r"[<&*\\_]")
_EMPHASIS_RE = re.compile(r"\*\*|__")
_DEGREE_RE = re.compile(r"\^\s*\{?\\circ\}?")
_TEXT_COMMAND_RE = re.compile(r"\\(?:text|mathrm|textbf|mathit)\{([^{}]*)\}")
_COMMAND_RE = re.compile(r"\\([a-zA-Z]+)")


@lru_cache(maxsize=16384)  # table cells repeat (years, codes, labels) across fichas
def plain(text: str) -> str:
    """Text without HTML tags, Markdown emphasis or escapes, whitespace collapsed."""
    if not _MARKUP_CHARS.search(text):  # most lines: nothing to strip
        return " ".join(text.split())
    text = _TAG_RE.sub(" ", text)
    text = html.unescape(text)
    text = text.replace("\\*", "*").replace("\\$", "$").replace("\\_", "_").replace("\\%", "%")
    text = _EMPHASIS_RE.sub("", text)
    return " ".join(text.split())


_KEY_DROP_RE = re.compile(r"[^0-9A-Za-z$%/]+")
# Headings are short; keying only a line's start keeps long paragraphs cheap.
KEY_CHARS = 160


_KEY_TAG_RE = re.compile(r"<[^<>\n]+>")
# Bytes a heading key keeps; every other byte becomes a space (one C pass with translate,
# ~40% faster than a regex substitution over the whole text).
_KEY_BYTES = set(b"0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ$%/\n")
_KEY_TABLE = bytes(c if c in _KEY_BYTES else 0x20 for c in range(256))


def _ascii_fold(text: str) -> str:
    return unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()


def _fold_beyond_latin1(exc: UnicodeError) -> tuple[str, int]:
    if not isinstance(exc, UnicodeEncodeError):
        raise exc
    return _ascii_fold(exc.object[exc.start : exc.end]), exc.end


_KEY_ERRORS = "fichas-heading-key"
codecs.register_error(_KEY_ERRORS, _fold_beyond_latin1)
_LATIN1_FOLDS = [_ascii_fold(chr(c)) for c in range(256)]
# Latin-1 characters NFKD makes several ASCII characters (`½` -> `12`): replaced first.
_KEY_WIDE = tuple((chr(c), f) for c, f in enumerate(_LATIN1_FOLDS) if len(f) > 1)
# Each other Latin-1 byte -> its key byte (uppercased, or a space), or dropped.
_KEY_LATIN1 = bytes(_KEY_TABLE[ord(f.upper())] if len(f) == 1 else 0x20 for f in _LATIN1_FOLDS)
_KEY_DROPPED = bytes(c for c, f in enumerate(_LATIN1_FOLDS) if not f)


def heading_keys(lines: list[str]) -> list[str]:
    """`heading_key` of every line, computed in a few passes over the whole text.

    Only a line's first KEY_CHARS characters are keyed: headings start a line.
    """
    text = "\n".join(line[:KEY_CHARS] for line in lines)
    text = _KEY_TAG_RE.sub(" ", text).replace("\\$", "$")
    # Keys keep only ASCII: what NFKD leaves in ASCII of each character (`Ñ` -> `N`, `ﬁ` -> `fi`,
    # `•` -> nothing), uppercased, other bytes made spaces. Latin-1 characters go through one
    # byte table (NFKD of a whole text costs more than the rest of this function); the others
    # go through NFKD in the error handler. NFKD works per character, so the bytes are the same.
    for char, folded in _KEY_WIDE:
        if char in text:
            text = text.replace(char, folded)
    data = text.encode("latin-1", _KEY_ERRORS).translate(_KEY_LATIN1, _KEY_DROPPED)
    # `" ".join(key.split())` for every line, with no Python-level loop (a third faster).
    return list(map(" ".join, map(str.split, data.decode().split("\n"))))


def heading_key(line: str) -> str:
    """A line reduced to its words, for matching section headings: `## III. GASTO (M\\$2024)`."""
    from ..text import strip_accents

    text = plain(line[:KEY_CHARS]).lstrip("#").strip()
    return _KEY_DROP_RE.sub(" ", strip_accents(text)).upper().strip()


def cells(line: str) -> list[str]:
    """The tab-separated cells of a table row, trailing empty cells dropped."""
    # rstrip first: 002's rows end in ~40 empty cells, dropped here in one C call.
    return line.rstrip().split("\t") if line.strip() else []


def list_items(fragment: str) -> list[str]:
    """The items of an HTML list (`<ul><li>• a</li>...`), bullets stripped."""
    items = [_BULLET_RE.sub("", plain(m)) for m in _LI_RE.findall(fragment)]
    return [item for item in items if item]


def html_tables(fragment: str) -> list[tuple[str, list[list[str]]]]:
    """Every `<table>` in a fragment as (caption, rows of cell texts)."""
    tables = []
    for body in _TABLE_RE.findall(fragment):
        caption_match = _CAPTION_RE.search(body)
        caption = plain(caption_match.group(1)) if caption_match else ""
        rows = [[plain(c) for c in _CELL_RE.findall(row)] for row in _ROW_RE.findall(body)]
        tables.append((caption, [r for r in rows if r]))
    return tables


@lru_cache(maxsize=1024)  # indicator formulas repeat across a program's fichas
def latex_to_text(formula: str) -> str:
    """A LaTeX formula as people read it.

    `$(\\text{N}^\\circ \\text{ de x} / y) * 100$` -> `(N° de x / y) * 100`.
    """
    text = formula.strip()
    if text.startswith("$") and text.endswith("$") and len(text) > 1:
        text = text[1:-1]
    text = _DEGREE_RE.sub("°", text)
    text = _TEXT_COMMAND_RE.sub(r"\1", text)
    text = text.replace("\\times", "×").replace("\\cdot", "·").replace("\\%", "%")
    text = text.replace("\\$", "$").replace("\\,", " ").replace("\\ ", " ")
    text = _COMMAND_RE.sub(r"\1", text)
    text = text.replace("{", "").replace("}", "")
    return " ".join(text.split())


def merge_continuation_rows(rows: list[list[str]], key_columns: int = 1) -> list[list[str]]:
    """Join rows a PDF conversion broke over several lines.

    A row whose first `key_columns` cells are empty continues the row above it: each of its
    non-empty cells is appended to the same column of that row.
    """
    merged: list[list[str]] = []
    for row in rows:
        is_continuation = (
            merged
            and len(row) > key_columns
            and all(not c.strip() for c in row[:key_columns])
            and any(c.strip() for c in row[key_columns:])
        )
        if is_continuation:
            target = merged[-1]
            if len(target) < len(row):
                target.extend([""] * (len(row) - len(target)))
            for i, cell in enumerate(row):
                if cell.strip():
                    if target[i].strip():
                        target[i] = f"{target[i]} {cell}".strip()
                    else:
                        target[i] = cell
                        continued(target, row, i)
        else:
            merged.append(copy_row(row))
    return merged
