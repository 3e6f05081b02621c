"""How figures read: Chilean numbers (1.983.253; 45,0 %), missing codes, units and years.

The one place that rounds: half-up from the figure's shortest decimal text (the ficha's own
digits for a parsed figure: 15,25 -> 15,3 where binary floats gave 15,2), never `round()`.
"""

from __future__ import annotations

import math
from decimal import ROUND_HALF_UP, Context, Decimal

from ..data.list_records import NON_FINITE
from ..text import clean

# Units the fichas use for a percentage (folded).
PERCENT_UNITS = frozenset({"%", "porcentual", "porcentaje"})
# Shown for a value that is null and carries no status code: still never blank nor 0.
UNKNOWN = "s/d"
# Shown for a number the dataset holds but that is not one (NaN, infinity).
INVALID = NON_FINITE  # a number NaN or infinite in the dataset (data.records)
# A figure the ficha does not print, computed from its figures: the cell's note, and the mark
# after it (explained in the table's legend).
COMPUTED_NOTE = "calculado"
COMPUTED_MARK = "*"
# Enough digits for any double's integer part and its decimals: quantize never gives up.
_EXACT = Context(prec=400, rounding=ROUND_HALF_UP)


def decimal(value: float | int, decimals: int = 0) -> Decimal:
    """`value` rounded half-up to `decimals` from its shortest decimal text (repr of a float
    parsed from '15,25' is '15.25', so the ficha's digits decide: 15.25 -> 15.3)."""
    exact = Decimal(repr(value)) if isinstance(value, float) else Decimal(value)
    return exact.quantize(Decimal(1).scaleb(-decimals), context=_EXACT)


def rounded(value: float | None, decimals: int = 0) -> float | None:
    """`value` as a float rounded half-up (see decimal): a converted amount kept to the
    precision of the figure it came from, for exports."""
    if value is None or not math.isfinite(value):
        return value
    return float(decimal(value, decimals))


def number(value: float | None, decimals: int = 0, status: str | None = None) -> str:
    """1983253 -> '1.983.253'; 1198.6 with 1 decimal -> '1.198,6'; 15.25 -> '15,3' (half-up);
    None -> its code."""
    if value is None:
        return missing(status)
    if isinstance(value, float) and not math.isfinite(value):
        return INVALID
    exact = decimal(value, decimals)
    text = f"{abs(exact):,.{decimals}f}"
    text = text.replace(",", "\x00").replace(".", ",").replace("\x00", ".")
    if exact < 0 and text.strip("0.,"):
        text = "-" + text
    return text


def figure(value: float | None, status: str | None = None) -> str:
    """A figure with as many decimals as it needs, up to 2 (92 -> '92'; 61.25 -> '61,25')."""
    if value is None:
        return missing(status)
    return number(value, decimals_of((value,)))


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


def level_label(level: str) -> str:
    return {
        "proposito": "Indicadores de propósito",
        "complementario": "Indicadores complementarios",
        "componente": "Indicadores de componentes",
    }.get(level, "Indicadores: " + clean(level))


# What the fichas' own footnotes say each missing-value code means (000's indicator notes).
CODE_MEANINGS = {
    "N/C": "valor no comparable dado que se realizaron ajustes o cambios en el indicador",
    "S/I": "valor no informado",
    "N/A": "no aplica reportar valor en el presente periodo",
    "-": "la ficha no informa el valor",
    "vacío": "celda vacía en la ficha",
    UNKNOWN: "sin dato (la ficha no trae cifra ni código para ese valor)",
    INVALID: "el dataset trae un número no válido (NaN o infinito)",
}


def code_notes(codes) -> tuple[str, ...]:
    """One line per code present ('N/C: valor no comparable ...'), in the order above."""
    present = set(codes)
    return tuple(f"{code}: {text}." for code, text in CODE_MEANINGS.items() if code in present)


def decimals_of(values) -> int:
    """As many decimals (0-2) as the ficha wrote, the most of any value: one column shows one
    number of decimals (97,85 stays 97,85, 75 stays 75; 78,4 and 81,15 read 78,40 and 81,15)."""
    most = 0
    for value in values:
        if value is None or isinstance(value, bool) or not isinstance(value, int | float):
            continue
        if isinstance(value, float) and not math.isfinite(value):
            continue
        exact = Decimal(repr(value) if isinstance(value, float) else value).normalize()
        most = max(most, min(2, -int(exact.as_tuple().exponent)))
    return most
