"""Gasto por beneficiario by each template's definition (values hand-checked in the fichas)."""

from __future__ import annotations

from fichas_tui.views import per_beneficiary as spb
from fichas_tui.views import presupuesto
from fichas_tui.views.cells import display
from fichas_tui.views.figures import COMPUTED_NOTE
from fichas_tui.views.program import pane_view
from tests.helpers import P2019, P2021, P2023


def _cells(table):
    i = table.column("amount")
    return {row.key: row.cells[i] for row in table.rows}, table.columns[i]


def test_2021_prints_it_and_it_is_shown_as_printed(sample):
    # 000 lines 85-87: EVOLUCIÓN GASTO POR BENEFICIARIO (M$ 2022) 24.571,0 9.560,4 8.724,6.
    table = pane_view("presupuesto", sample.detail(P2021)).table("spending_per_beneficiary")
    cells, column = _cells(table)
    assert {k: display(column, c) for k, c in cells.items()} == {
        "2019": "24.571,0",
        "2020": "9.560,4",
        "2021": "8.724,6",
    }
    assert all(c.note is None for c in cells.values())
    # 000 line 91: "(Presupuesto ejecutado año t / número beneficiarios efectivos año t)".
    assert table.notes[0] == f"Definición de la ficha 2021: {spb.EXECUTED_RULE}."


def test_2023_is_computed_with_its_own_definition_and_marked(sample):
    # 003 prints the figure as an image. Its definition (line 101): (gasto componentes + gasto
    # administrativo) / beneficiarios; line 120 Total Gastos Componentes 2023 7.735.432, line
    # 122 Total Gasto Administrativo 410.903, line 141 TOTAL población beneficiada 646:
    # 8.146.335 / 646 = 12.610,43 -> 12.610,4 (not the regional table's 7.735.432 / 646).
    detail = sample.detail(P2023)
    extra = spb.compute(detail)
    assert extra is not None and extra.year == 2023
    assert round(extra.amount.value, 4) == round(8_146_335 / 646, 4)
    assert extra.inputs == "(7.735.432 + 410.903) / 646"
    assert extra.amount.origin.rule == spb.COMPONENTS_RULE
    table = pane_view("presupuesto", detail).table("spending_per_beneficiary")
    cells, column = _cells(table)
    assert list(cells) == ["2023"]
    assert cells["2023"].note == COMPUTED_NOTE
    assert display(column, cells["2023"]) == "12.610,4*"
    assert any(n.startswith("* 2023: la ficha no lo imprime") for n in table.notes)
    assert table.title == "Gasto por beneficiario (M$ 2024)"


def test_2019_without_beneficiaries_computes_nothing(sample):
    # 002 prints neither the figure (an image) nor a count of beneficiaries (only coverage %):
    # nothing can be computed by its rule, and nothing is made up.
    detail = sample.detail(P2019)
    assert spb.compute(detail) is None
    assert presupuesto.per_beneficiary(detail) is None


def test_rules_per_template():
    assert spb.rule_of("2019") == spb.rule_of("2021") == spb.EXECUTED_RULE
    assert spb.rule_of("2023") == spb.COMPONENTS_RULE
    assert spb.rule_of(None) is None and spb.rule_of("2030") is None
