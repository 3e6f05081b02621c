"""Regiones view: the ficha's total row, orders, Nivel central apart."""

from __future__ import annotations

from fichas_tui.views import regiones
from fichas_tui.views.model import APART, TOTAL
from tests.helpers import P2023


def test_total_row_and_missing_spending(sample):
    table = regiones.table(sample.detail(P2023))
    total = table.rows[-1]
    assert total.role == TOTAL
    # 003: "Total | 7.735.432 | 100% | 646 | 100%".
    assert total.cells[table.column("spending")].value == 7_735_432
    assert total.cells[table.column("beneficiaries")].value == 646
    ohiggins = next(r for r in table.rows if r.key == "Libertador General Bernardo O'Higgins")
    spending = ohiggins.cells[table.column("spending")]
    assert spending.value is None and spending.status == "-"
    # Its regions add up to the total: no note saying otherwise.
    assert not any("suman" in n for n in table.notes)
    assert table.title.endswith("(M$ 2024)")


def test_default_order_is_spending_with_missing_last(sample):
    table = regiones.table(sample.detail(P2023))
    keys = [r.key for r in table.rows]
    assert keys[:3] == ["Coquimbo", "Metropolitana de Santiago", "Biobío"]
    assert keys[-2:] == ["Libertador General Bernardo O'Higgins", "total"]


def test_region_order_is_north_to_south(sample):
    table = regiones.table(sample.detail(P2023), order="región")
    assert [r.key for r in table.rows] == [
        "Arica y Parinacota",
        "Antofagasta",
        "Atacama",
        "Coquimbo",
        "Valparaíso",
        "Metropolitana de Santiago",
        "Libertador General Bernardo O'Higgins",
        "Ñuble",
        "Biobío",
        "Los Ríos",
        "Magallanes y Antártica Chilena",
        "total",
    ]
    assert table.order == "región, de norte a sur"


def test_nuble_after_maule(fixture_store):
    table = regiones.table(fixture_store.detail("programa-vinculos"), order="región")
    assert [r.key for r in table.rows] == ["Maule", "Ñuble"]


def test_nivel_central_apart_and_parts_that_do_not_add_up(fixture_store):
    detail = fixture_store.detail("residencia-familiar-adolescentes")
    table = regiones.table(detail)
    roles = [(r.key, r.role) for r in table.rows]
    assert roles[-2:] == [("Nivel central", APART), ("total", TOTAL)]
    # faa2022 states 9.976.543 but its regions add up to 7.000.000 + 2.876.543 = 9.876.543.
    faa = regiones.table(fixture_store.detail("fondo-fomento-audiovisual"))
    assert any(
        "suman 9.876.543" in n and "dice 9.976.543" in n and "100.000" in n for n in faa.notes
    )
