"""Text from fichas and from the user: one fold for matching, control characters made visible."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

# Spanish accents by table: ~10x faster than NFKD per character, and fold() runs on every cell
# of every ficha at ingest. Anything the table misses goes through NFKD.
_ACCENTS = str.maketrans(
    "ÁÀÂÄÃÉÈÊËÍÌÎÏÓÒÔÖÕÚÙÛÜÑÇáàâäãéèêëíìîïóòôöõúùûüñç",
    "AAAAAEEEEIIIIOOOOOUUUUNCaaaaaeeeeiiiiooooouuuunc",
)
_NON_ALNUM_RE = re.compile(r"[^0-9a-z]+")
# The letters the table folds (a query narrowing text in SQL lets anything else through).
FOLD_TABLE = "".join(chr(c) for c in _ACCENTS)

# C0/C1 control characters (ESC included) would let ficha text drive the terminal, the
# bidirectional overrides, isolates and marks would reorder what is shown around them, and the
# invisible ones (zero-width space, word joiner, BOM) would hide text inside a name. The
# joiners (U+200C, U+200D) stay: emoji sequences and some scripts need them.
_CONTROL_RE = re.compile(
    r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200b\u200e\u200f\u202a-\u202e\u2060-\u2064"
    r"\u2066-\u2069\ufeff]"
)
# For a file: only what a terminal or a spreadsheet would run (C0/C1 but tab and newline).
_FILE_CONTROL_RE = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
# Tab and newline too, for text that must stay on one line (the program list, file names).
_LINE_RE = re.compile(r"[\t\n]")


def strip_accents(text: str) -> str:
    """`Bío-bío Ñuble` -> `Bio-bio Nuble`."""
    if text.isascii():
        return text
    text = text.translate(_ACCENTS)
    if text.isascii():
        return text
    text = unicodedata.normalize("NFKD", text)
    return "".join(c for c in text if not unicodedata.combining(c))


@lru_cache(maxsize=8192)
def _fold(text: str) -> str:
    return _NON_ALNUM_RE.sub(" ", strip_accents(text).lower()).strip()


_SEPARATOR = "\x00"
_NON_ALNUM_BUT_SEPARATOR_RE = re.compile(r"[^0-9a-z\x00]+")
# Characters neither ASCII nor in the accent table: a text with one is folded on its own.
_BEYOND_TABLE_RE = re.compile("[^\x00-\x7f" + FOLD_TABLE + "]")
# What NFKD leaves of the table's accents (acute, grave, circumflex, diaeresis, tilde, cedilla).
_TABLE_MARKS_RE = re.compile("[\u0300-\u036f]")


def fold_many(texts: list[str | None]) -> list[str]:
    """`[fold(t) for t in texts]`, for a hundred thousand names at once: lowercasing, accents
    and punctuation are done once over all the texts joined, in C, not once per text."""
    if not texts or any(_SEPARATOR in t for t in texts if t):
        return [fold(t) for t in texts]
    blob = _SEPARATOR.join(t or "" for t in texts).lower()
    if not blob.isascii():
        # for the table's letters, NFKD then dropping the marks is what the table does
        blob = _TABLE_MARKS_RE.sub("", unicodedata.normalize("NFKD", blob))
    parts = _NON_ALNUM_BUT_SEPARATOR_RE.sub(" ", blob).split(_SEPARATOR)
    return [
        p.strip() if not t or t.isascii() or not _BEYOND_TABLE_RE.search(t) else fold(t)
        for p, t in zip(parts, texts, strict=True)
    ]


def fold(text: str | None) -> str:
    """Lowercase, no accents, punctuation as spaces, single spaces: the one key for matching.

    Search keys written at ingest and what the user types both go through here, so
    `social local - gsl` and `(ex apoyo` match the names they were typed from.
    """
    if not text:
        return ""
    return _fold(text)


def _visible(match: re.Match) -> str:
    code = ord(match.group())
    if code < 0x20:
        return chr(0x2400 + code)  # the control pictures: ESC -> ␛, BEL -> ␇, NUL -> ␀
    if code == 0x7F:
        return "\u2421"  # ␡
    return "\N{REPLACEMENT CHARACTER}"


def clean(text: str | None) -> str:
    """Text made safe to print: control characters shown as symbols (␛, ␇, �).

    Only Rich Text objects (or Content without markup) may carry the result: ficha text is
    never parsed as markup.
    """
    if not text:
        return ""
    return _CONTROL_RE.sub(_visible, text)


def no_controls(text: str | None) -> str:
    """Text for a file: the data as it is (bidirectional and invisible characters too), but the
    control characters other than tab and newline shown as symbols, as `clean` does."""
    if not text:
        return ""
    return _FILE_CONTROL_RE.sub(_visible, text)


def one_line(text: str | None) -> str:
    """`clean`, with tabs and line breaks as spaces, for text drawn on a single line."""
    return _LINE_RE.sub(" ", clean(text))
