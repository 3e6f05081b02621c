"""Chilean display formatting for the explorer and `fichas show` (1.983.253; 45,0 %)."""

from __future__ import annotations

import re
import unicodedata

# Shown for a value that is null and carries no status code: still never blank nor 0.
UNKNOWN = "s/d"

# C0/C1 control characters (ESC included) would let ficha text drive the terminal, and the
# bidirectional overrides and isolates would reorder what is shown around them.
_CONTROL_RE = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
# Tab and newline too, for text that must stay on one line (the program list).
_LINE_RE = re.compile(r"[\t\n]")


def number(value: float | None, decimals: int = 0, status: str | None = None) -> str:
    """1983253 -> '1.983.253'; 1198.6 with 1 decimal -> '1.198,6'; None -> its code."""
    if value is None:
        return missing(status)
    text = f"{abs(value):,.{decimals}f}"
    text = text.replace(",", "\x00").replace(".", ",").replace("\x00", ".")
    if value < 0 and text.strip("0.,"):
        text = "-" + text
    return text


def figure(value: float | None, status: str | None = None) -> str:
    """A figure with as many decimals as it needs, up to 2 (92 -> '92'; 61.25 -> '61,25')."""
    if value is None:
        return missing(status)
    for decimals in (0, 1):
        if abs(value - round(value, decimals)) < 1e-9:
            return number(value, decimals)
    return number(value, 2)


def percent(value: float | None, decimals: int = 1, status: str | None = None) -> str:
    """45.0 -> '45,0 %'; None -> its code."""
    if value is None:
        return missing(status)
    return f"{number(value, decimals)} %"


def missing(status: str | None) -> str:
    """The code a ficha gave for a missing value (N/C, S/I, N/A, -), never a blank."""
    if not status or status == "vacío":
        return "vacío" if status else UNKNOWN
    return clean(status)  # a code comes from the dataset like any other text


def money_unit(price_year: int | None, unit: str = "M$") -> str:
    """'M$ 2024' for pesos of one year, 'M$ nominales' when each year is in its own pesos."""
    return f"{unit} {price_year}" if price_year else f"{unit} nominales"


def years_label(years: tuple[int, ...] | list[int]) -> str:
    """(2019, 2021, 2022, 2023) -> '2019, 2021–2023'."""
    years = sorted(set(years))
    if not years:
        return "—"
    runs: list[list[int]] = [[years[0], years[0]]]
    for year in years[1:]:
        if year == runs[-1][1] + 1:
            runs[-1][1] = year
        else:
            runs.append([year, year])
    return ", ".join(str(a) if a == b else f"{a}–{b}" for a, b in runs)


def fold(text: str | None) -> str:
    """Lowercase without accents, for matching what users type ('Niñez' -> 'ninez')."""
    if not text:
        return ""
    decomposed = unicodedata.normalize("NFKD", text)
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return " ".join(stripped.casefold().split())


def _visible(match: re.Match) -> str:
    code = ord(match.group())
    if code < 0x20:
        return chr(0x2400 + code)  # the control pictures: ESC -> ␛, BEL -> ␇, NUL -> ␀
    if code == 0x7F:
        return "\u2421"  # ␡
    return "\N{REPLACEMENT CHARACTER}"


def clean(text: str | None) -> str:
    """Ficha text made safe to print: control characters shown as symbols (␛, ␇, �).

    Only Rich Text objects (or Content without markup) may carry the result: ficha text is
    never parsed as markup.
    """
    if not text:
        return ""
    return _CONTROL_RE.sub(_visible, text)


def one_line(text: str | None) -> str:
    """`clean`, with tabs and line breaks as spaces, for text drawn on a single line."""
    return _LINE_RE.sub(" ", clean(text))


def level_label(level: str) -> str:
    return {
        "proposito": "Indicadores de propósito",
        "complementario": "Indicadores complementarios",
        "componente": "Indicadores de componentes",
    }.get(level, "Indicadores: " + clean(level))
