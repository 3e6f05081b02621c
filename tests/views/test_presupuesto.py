"""Presupuesto view: each amount's basis comes from its rows (values hand-checked in the fichas)."""

from __future__ import annotations

from fichas_tui.views import presupuesto
from fichas_tui.views.cells import display
from fichas_tui.views.model import Basis
from tests.helpers import P2019, P2021, P2023


def test_2019_budget_is_nominal_and_its_components_are_m_2020(sample):
    view = presupuesto.build(sample.detail(P2019))
    budget = view.table("budget")
    # 002: "PRESUPUESTO (MM$ de cada año)": nominal pesos, never labelled with a price year.
    assert budget.title == "Presupuesto por año (M$ nominales)"
    assert budget.columns[budget.column("ejecutado")].basis == Basis(price_year=None)
    assert "M$ 2020" not in budget.title
    # Presupuesto Ejecutado 2019: 10.174 MM$ -> 10.174.000 M$.
    row = next(r for r in budget.rows if r.key == "2019")
    cell = row.cells[budget.column("ejecutado")]
    assert cell.value == 10_174_000 and cell.basis.label == "M$ nominales"
    # Ejecutado 2020 is written "-": missing with its code, not 0.
    row2020 = next(r for r in budget.rows if r.key == "2020")
    assert row2020.cells[budget.column("ejecutado")].value is None
    assert row2020.cells[budget.column("ejecutado")].status == "-"
    # "COSTO Y PRODUCCIÓN DE COMPONENTES (M$ 2020)".
    components = [t for t in view.tables() if t.key.startswith("component:")]
    assert components
    assert {t.columns[t.column("spending")].basis.label for t in components} == {"M$ 2020"}
    heading = next(b for b in view.blocks if b.key == "components")
    assert heading.title.endswith("(M$ 2020)")


def test_2023_amounts_are_m_2024(sample):
    view = presupuesto.build(sample.detail(P2023))
    budget = view.table("budget")
    assert budget.title == "Presupuesto por año (M$ 2024)"
    ejecutado = budget.columns[budget.column("ejecutado")]
    assert display(ejecutado, budget.rows[-1].cells[budget.column("ejecutado")]) == "8.146.335"
    assert view.table("subtitles").title == "Gasto por subtítulo (M$ 2024)"


def test_spending_per_beneficiary_2021(sample):
    table = presupuesto.build(sample.detail(P2021)).table("spending_per_beneficiary")
    # 000: "EVOLUCIÓN GASTO POR BENEFICIARIO", M$ 2022: 24.571,0 / 9.560,4 / 8.724,6.
    assert table.title == "Gasto por beneficiario (M$ 2022)"
    assert table.values("amount") == [24571.0, 9560.4, 8724.6]
    assert [r.key for r in table.rows] == ["2019", "2020", "2021"]


def test_mixed_price_years_give_no_column_basis():
    basis, label = presupuesto.basis_of([2022, 2024])
    assert basis is None and "distintos años" in label
    assert presupuesto.basis_of([None, None]) == (Basis(price_year=None), "M$ nominales")
