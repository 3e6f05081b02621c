"""Chilean number formats and missing-value codes, parsed exactly."""

from __future__ import annotations

import re
from functools import lru_cache
from typing import NamedTuple

# Codes the fichas use for a value that is not there. They are kept, never turned into 0.
MISSING_CODES = ("N/C", "S/I", "N/A", "S/D", "N/D", "-", "--", "—", "–")

_CODE_RE = re.compile(r"^(N/C|S/I|N/A|S/D|N/D|NC|SI|NA)\**$", re.IGNORECASE)
_DASH_RE = re.compile(r"^[-–—]+\**$")
# 1.983.253 | 1983253 | 1.198,6 | 0,5 | -12,3 | 45% | 92,00 % ; optional trailing footnote stars.
_NUMBER_RE = re.compile(
    r"^(?P<sign>[-−]?)\s*(?P<int>\d{1,3}(?:\.\d{3})+|\d+)(?:,(?P<frac>\d+))?\s*(?P<pct>%?)\**$"
)
_CURRENCY_RE = re.compile(r"^(?:M{1,2}\s*\\?\$|\\?\$)\s*")
_TAG_RE = re.compile(r"</?[a-zA-Z][^<>]*>")
_AMOUNT_RE = re.compile(r"(\d{1,3}(?:\.\d{3})+(?:,\d+)?|\d+(?:,\d+)?)")
_YEAR_RE = re.compile(r"\b(19\d\d|20\d\d)\b")


class ParsedNumber(NamedTuple):
    """A parsed cell: a value, or the code that says why it is missing.

    Immutable, since parsed cells are cached and shared; a tuple, since every number of every
    ficha makes one and a tuple is the cheapest immutable object to make.
    """

    value: float | None
    status: str | None = None
    percent: bool = False
    text: str = ""

    @property
    def missing(self) -> bool:
        return self.value is None


EMPTY = ParsedNumber(None, None, False, "")


def clean_cell(text: str) -> str:
    """Strip the markup a cell may carry (<b>, **, stray spaces) down to its text."""
    text = _TAG_RE.sub("", text)
    text = text.replace("**", "").replace("\\*", "*").replace("\\$", "$")
    return " ".join(text.split())


# Most cells are a bare number; they skip the markup clean-up below.
_PLAIN_NUMBER_RE = re.compile(r"(\d{1,3}(?:\.\d{3})+|\d+)(?:,(\d+))?(%?)")


@lru_cache(maxsize=16384)
def parse_cell(raw: str | None) -> ParsedNumber:
    """Parse one table cell the way the fichas write numbers.

    Returns value None with status set to the missing code (`N/C`, `S/I`, `N/A`, `-`),
    or status `vacío` for an empty cell, or status `ilegible` for text that is no number.
    """
    if raw is None:
        return ParsedNumber(None, "vacío", False, "")
    fast = _PLAIN_NUMBER_RE.fullmatch(raw)
    if fast:
        digits, frac, pct = fast.groups()
        digits = digits.replace(".", "")
        value = float(f"{digits}.{frac}") if frac else float(int(digits))
        return ParsedNumber(value, None, bool(pct), raw)
    text = clean_cell(raw)
    if not text:
        return ParsedNumber(None, "vacío", False, "")
    match = _CODE_RE.match(text)
    if match:
        code = match.group(1).upper()
        code = {"NC": "N/C", "SI": "S/I", "NA": "N/A"}.get(code, code)
        return ParsedNumber(None, code, False, text)
    if _DASH_RE.match(text):
        return ParsedNumber(None, "-", False, text)
    number = _CURRENCY_RE.sub("", text)
    match = _NUMBER_RE.match(number)
    if not match:
        return ParsedNumber(None, "ilegible", False, text)
    digits = match.group("int").replace(".", "")
    frac = match.group("frac")
    value = float(f"{digits}.{frac}") if frac else float(int(digits))
    if match.group("sign"):
        value = -value
    return ParsedNumber(value, None, bool(match.group("pct")), text)


def parse_number(raw: str | None) -> float | None:
    """The value of a cell, or None when it is missing or unreadable."""
    return parse_cell(raw).value


def parse_amount(raw: str) -> float | None:
    """An amount written inline, like `M\\$ 2.155.493` or `M$8.621.968`."""
    match = _AMOUNT_RE.search(raw)
    return parse_number(match.group(1)) if match else None


def parse_year(raw: str) -> int | None:
    """A four-digit year in a cell (`2019`, `Efectivo 2019`), else None."""
    match = _YEAR_RE.search(raw)
    return int(match.group(1)) if match else None


def format_chilean(value: float, decimals: int = 0) -> str:
    """Format a number the Chilean way: 1.983.253 or 1.198,6."""
    negative = value < 0
    text = f"{abs(value):,.{decimals}f}"
    text = text.replace(",", "\0").replace(".", ",").replace("\0", ".")
    return f"-{text}" if negative else text
