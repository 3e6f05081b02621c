"""Numeric filters as the user writes them ("ejecución respecto del inicial < 85", "gasto por
beneficiario > 1.000"): parsed, labelled with their basis, and turned into data conditions.

A measure is named by its key, its title or a wording of them (accents, case, "respecto del",
"presupuesto" optional); a number in the Chilean format (1.000 is a thousand, 85,5 a decimal).
An amount's threshold is in the peso basis in force (M$ of its year, converted as the rankings
convert, or each ficha's own pesos), and says which.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..data.measure_filter import OPERATORS, MeasureCondition
from ..text import fold
from .across import MEASURES, peso_groups
from .figures import figure
from .model import AMOUNT, PERCENT
from .pesos import EACH_FICHA, Pesos

# Words a wording of a measure may add or leave out ("ejecución respecto del presupuesto
# inicial" is "ejecución / inicial").
_FILLERS = frozenset({"respecto", "del", "de", "la", "el", "al", "los", "las", "presupuesto",
                      "sobre", "como", "en"})  # fmt: skip
# In the status line, where a filter has ~20 characters.
SHORT_TITLES = {
    "gasto": "gasto",
    "ejecucion-inicial": "ejec./inicial",
    "ejecucion-final": "ejec./final",
    "gasto-por-beneficiario": "gasto/benef.",
    "administrativo": "g. admin.",
    "cobertura": "cobertura",
    "indicador": "meta indicador",
    "subejecucion-seguida": "años subejec.",
    "hallazgos-persisten": "persisten",
}
OPERATOR_CHOICES = ("<", "<=", ">", ">=", "=")  # in the filter dialog
_CONDITION = re.compile(r"^\s*(?P<measure>.*?)\s*(?P<op><=|>=|≤|≥|<|>|=)\s*(?P<value>.*?)\s*$")
_CHILEAN = re.compile(r"^[+-]?(\d{1,3}(\.\d{3})+|\d+)(,\d+)?$")  # 1.000 / 1.000,5 / 85,5
_POINT = re.compile(r"^[+-]?\d+\.\d+$")  # 85.5: a point not grouping thousands


class BadFilter(ValueError):
    """A filter that cannot be read; the message says why, in Spanish."""


def _words(text: str) -> tuple[str, ...]:
    return tuple(w for w in fold(text).split() if w not in _FILLERS)


def _names() -> dict[tuple[str, ...], str]:
    names: dict[tuple[str, ...], str] = {}
    for m in MEASURES.values():
        for text in (m.key.replace("-", " "), m.title):
            names.setdefault(_words(text), m.key)
    return names


def measure_key(text: str) -> str:
    """The measure `text` names (key, title or a wording of them), or BadFilter."""
    words = _words(text)
    names = _names()
    if words in names:
        return names[words]
    found = {key for name, key in names.items() if words and name[: len(words)] == words}
    if len(found) == 1:
        return found.pop()
    valid = ", ".join(MEASURES)
    raise BadFilter(f"Medida desconocida: «{text.strip()}». Medidas: {valid}.")


def parse_number(text: str) -> float:
    """'1.000' -> 1000; '85,5' -> 85.5; '1.000,25' -> 1000.25; '85.5' -> 85.5; a trailing % is
    allowed. Anything else: BadFilter."""
    raw = text.strip().removesuffix("%").strip().replace(" ", "")
    if _CHILEAN.match(raw):
        return float(raw.replace(".", "").replace(",", "."))
    if _POINT.match(raw):
        return float(raw)
    raise BadFilter(f"«{text.strip()}» no es un número (formato chileno: 1.000 o 85,5).")


@dataclass(frozen=True, slots=True)
class MeasureFilter:
    """One numeric filter: `measure` `op` `value`, an amount's value in M$ of `target`
    (None: in each ficha's own pesos)."""

    measure: str  # a views.across.MEASURES key
    op: str  # one of OPERATOR_CHOICES
    value: float
    target: int | None = None

    @property
    def amount(self) -> bool:
        return MEASURES[self.measure].kind == AMOUNT

    def basis_label(self) -> str:
        """The threshold's basis in words ('' for a percentage or count)."""
        if not self.amount:
            return ""
        return "pesos de cada ficha" if self.target is None else f"≈ M$ {self.target}"

    def _value_text(self) -> str:
        text = figure(self.value)
        return f"{text} %" if MEASURES[self.measure].kind == PERCENT else text

    def label(self) -> str:
        """'Ejecución / inicial < 85 %'; 'Gasto por beneficiario > 1.000 M$ (≈ M$ 2025)'."""
        m = MEASURES[self.measure]
        text = f"{m.title} {self.op} {self._value_text()}"
        if self.amount:
            text += f" M$ ({self.basis_label()})"
        return text

    def short(self) -> str:
        """'ejec./inicial < 85 %' (the status line; the basis is the list's, shown beside)."""
        return f"{SHORT_TITLES.get(self.measure, self.measure)} {self.op} {self._value_text()}"

    def record(self) -> dict:
        """For JSON: what was compared, with its basis."""
        return {
            "measure": self.measure,
            "op": self.op,
            "value": self.value,
            "unit": MEASURES[self.measure].unit,
            "basis": self.basis_label() or None,
            "price_year": self.target if self.amount else None,
        }

    def condition(self, pesos: Pesos) -> MeasureCondition:
        """The data layer's condition; `pesos` carries the deflators (its target is ours)."""
        if not self.amount or self.target is None:
            return MeasureCondition(self.measure, self.op, self.value)
        convert = peso_groups(Pesos(self.target, pesos.deflators))
        factors = []
        for year in pesos.deflators.years:
            factor, group = convert(1.0, year, year)
            if group == self.target and factor is not None:
                factors.append((year, factor))
        return MeasureCondition(self.measure, self.op, self.value, tuple(factors))


def parse_filter(text: str, pesos: Pesos = EACH_FICHA) -> MeasureFilter:
    """'ejecucion-inicial < 85' -> MeasureFilter, amounts in the basis of `pesos`; BadFilter."""
    match = _CONDITION.match(text or "")
    if match is None or not match["measure"] or not match["value"]:
        raise BadFilter(
            f"Filtro ilegible: «{(text or '').strip()}». Forma: MEDIDA < VALOR, p. ej. "
            "«ejecucion-inicial < 85» o «gasto-por-beneficiario > 1.000»."
        )
    op = {"≤": "<=", "≥": ">="}.get(match["op"], match["op"])
    assert op in OPERATORS
    return MeasureFilter(measure_key(match["measure"]), op, parse_number(match["value"]),
                         pesos.target)  # fmt: skip


def filters_note(filters: tuple[MeasureFilter, ...]) -> str | None:
    """The note a table filtered so carries: what was compared, and what was left out."""
    if not filters:
        return None
    text = "Filtro: " + " y ".join(f.label() for f in filters) + "."
    text += " Programas sin la cifra quedan fuera (no cuentan como 0)"
    if any(f.amount and f.target is not None for f in filters):
        text += ", y los montos sin factor hacia ese año no se comparan"
    return text + "."
