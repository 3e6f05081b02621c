"""Rows that cannot be converted, ranked apart under their own heading (views/across.py), on
the three sample fichas: every figure checked by hand against the fichas' text."""

from __future__ import annotations

import pytest

from fichas_tui.data.across import Selection, measure_rows, region_rows
from fichas_tui.data.queries import Store
from fichas_tui.views.across import ranking_view
from fichas_tui.views.across_order import MISSING, UNCONVERTED
from fichas_tui.views.model import Basis
from fichas_tui.views.pesos import EACH_FICHA, Pesos
from fichas_tui.views.region_programs import region_view
from tests.helpers import COMMITTED_DATASET, GSL

RF = "Residencia Familiar de Administración Directa (RF)"
RLP = "PROTECCIÓN - RESIDENCIA DE PROTECCIÓN PARA PRIMERA INFANCIA (RLP)"


@pytest.fixture(scope="module")
def store():
    store = Store.open(COMMITTED_DATASET)
    yield store
    store.close()


@pytest.fixture(scope="module")
def m2024(store):
    return Pesos(2024, store.deflators())


def test_the_ranking_in_m2024_keeps_the_2019_ficha_apart(store, m2024):
    view = ranking_view(measure_rows(store, "gasto", Selection()), "gasto", pesos=m2024)
    rows = [(r.cells[0].value, r.cells[1].value, r.cells[3].value) for r in view.table.rows]
    # RF prints M$ 2024 (8.146.335); GSL prints 2.608.643 M$ 2022 x 1,1002 (the RF ficha's
    # inflator 2022 -> 2024) = 2.608.643 + 261.386,03 = 2.870.029,03; RLP prints 10.174.000
    # nominal pesos of 2019, a year no ficha's inflators reach: apart, never ranked with them
    assert rows[0] == (1, RF, 8146335.0)
    assert rows[1][:2] == (2, GSL) and rows[1][2] == pytest.approx(2870029.03, abs=0.01)
    assert rows[2] == (1, RLP, 10174000.0)  # first of its own section
    assert [(s.start, s.size, s.kind, s.title) for s in view.sections] == [
        (2, 1, UNCONVERTED, "Sin convertir (1): sin factor para pesos de 2019; cifras como en "
         "la ficha"),
    ]  # fmt: skip
    assert view.counts["unconverted"] == 1
    rlp = view.records[2]
    assert (rlp["rank"], rlp["group"], rlp["group_rank"], rlp["status"]) == (
        None, UNCONVERTED, 1, "sin factor")  # fmt: skip
    # one ranked figure printed in M$ 2024, one converted: the column is M$ 2024, not
    # "(convertidos)" (each converted figure carries its ≈)
    assert view.basis == Basis(price_year=2024)


def test_each_fichas_pesos_puts_other_pesos_apart(store):
    view = ranking_view(measure_rows(store, "gasto", Selection()), "gasto", pesos=EACH_FICHA)
    # the newest pesos rank (RF, M$ 2024); GSL's M$ 2022 and RLP's nominal 2019 each apart
    assert [r.cells[1].value for r in view.table.rows] == [RF, GSL, RLP]
    assert [s.title for s in view.sections] == [
        "En pesos de 2022 (1): otra base, ordenados aparte",
        "En pesos de 2019 (1): otra base, ordenados aparte",
    ]
    assert "unconverted" not in view.counts and view.counts["other_basis"] == 2


def test_a_missing_value_has_its_section_after_the_figures(store, m2024):
    rows = measure_rows(store, "gasto", Selection())
    gone = rows[0]._replace(value=None, status="N/C")
    view = ranking_view([gone, *rows[1:]], "gasto", pesos=m2024)
    assert [(s.start, s.kind) for s in view.sections] == [(1, UNCONVERTED), (2, MISSING)]
    assert view.table.rows[2].cells[0].value is None and view.records[2]["status"] == "N/C"


def test_the_region_in_m2024(store, m2024):
    view = region_view(region_rows(store, "Coquimbo", Selection()), "Coquimbo", pesos=m2024)
    # RF: 1.745.448 M$ 2024 in Coquimbo, printed in the target's pesos: not converted
    assert [(r.cells[0].value, r.cells[3].value) for r in view.table.rows] == [(1, 1745448.0)]
    assert view.sections == () and view.basis == Basis(price_year=2024)
