"""How figures read: Chilean numbers (1.983.253; 45,0 %), missing codes, units and years."""

from __future__ import annotations

from ..data.list_records import NON_FINITE
from ..text import clean

# Units the fichas use for a percentage (folded).
PERCENT_UNITS = frozenset({"%", "porcentual", "porcentaje"})
# Shown for a value that is null and carries no status code: still never blank nor 0.
UNKNOWN = "s/d"
# Shown for a number the dataset holds but that is not one (NaN, infinity).
INVALID = NON_FINITE  # a number NaN or infinite in the dataset (data.records)


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
    UNKNOWN: "sin dato",
    INVALID: "el dataset trae un número no válido (NaN o infinito)",
}


def code_notes(codes) -> tuple[str, ...]:
    """One line per code present ('N/C: valor no comparable ...'), in the order above."""
    present = set(codes)
    return tuple(f"{code}: {text}." for code, text in CODE_MEANINGS.items() if code in present)


def decimals_of(values) -> int:
    """As many decimals (0-2) as the ficha wrote: 97,85 stays 97,85 and 75 stays 75."""
    most = 0
    for value in values:
        if value is None or value == round(value):
            continue
        most = max(most, 1 if abs(value - round(value, 1)) < 1e-9 else 2)
    return most
