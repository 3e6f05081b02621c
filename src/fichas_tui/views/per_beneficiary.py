"""Gasto por beneficiario as each template defines it: the ficha's printed figure, else the
figure computed with that template's own rule from the ficha's figures, marked computed.

The rules are the templates' footnotes: 2019 (002 line 146) and 2021 (000 line 91) "Presupuesto
ejecutado año t / número beneficiarios efectivos año t"; 2023 (003 line 101) "(gasto
componentes + gasto administrativo ejecutado año t) / número beneficiarios efectivos año t".
The beneficiaries of the evaluated year are the regional breakdown's TOTAL row (Población
beneficiada), the only count the templates print as a number.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..data.detail_records import ProgramDetail
from ..data.list_records import Value
from ..data.origin import Origin, computed
from .figures import number

EXECUTED_RULE = "presupuesto ejecutado / beneficiarios efectivos"
COMPONENTS_RULE = "(gasto componentes + gasto administrativo) / beneficiarios efectivos"
# Template generation -> its definition. A template not listed has no rule: nothing computed.
RULES = {"2019": EXECUTED_RULE, "2021": EXECUTED_RULE, "2023": COMPONENTS_RULE}


@dataclass(frozen=True, slots=True)
class Computed:
    """The evaluated year's figure computed by the template's rule, and its inputs in words."""

    year: int
    amount: Value
    price_year: int | None
    rule: str
    inputs: str  # '(7.735.432 + 410.903) / 646'


def rule_of(layout: str | None) -> str | None:
    return RULES.get(layout or "")


def compute(detail: ProgramDetail) -> Computed | None:
    """The evaluated year's gasto por beneficiario by the ficha's own template rule, when the
    ficha does not print it and prints every figure the rule needs (else None)."""
    year, rule = detail.ficha.evaluated_year, rule_of(detail.ficha.layout)
    if year is None or rule is None:
        return None
    if any(a.year == year and a.amount.value is not None for a in detail.spending_per_beneficiary):
        return None  # printed: the ficha's figure is shown
    budget = next((b for b in detail.budget if b.year == year), None)
    total = detail.region_totals[0] if detail.region_totals else None
    people = total.beneficiaries if total is not None else None
    if budget is None or people is None or not people.value or people.value <= 0:
        return None
    if rule == COMPONENTS_RULE:
        parts = (budget.componentes, budget.administrativo)
        if any(p.value is None for p in parts):
            return None
        spent = sum(p.value for p in parts if p.value is not None)
        inputs = f"({number(parts[0].value)} + {number(parts[1].value)}) / {number(people.value)}"
        origins: tuple[Origin | None, ...] = (parts[0].origin, parts[1].origin, people.origin)
    else:
        if budget.ejecutado.value is None:
            return None
        spent = budget.ejecutado.value
        inputs = f"{number(spent)} / {number(people.value)}"
        origins = (budget.ejecutado.origin, people.origin)
    origin = computed(rule, *origins)
    return Computed(
        year, Value(spent / people.value, origin=origin), budget.price_year, rule, inputs
    )


def definition_note(layout: str | None) -> str | None:
    """The ficha's definition, for the table's legend."""
    rule = rule_of(layout)
    return f"Definición de la ficha {layout}: {rule}." if rule else None
