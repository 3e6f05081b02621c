"""Numeric filters as typed: measure names, Chilean numbers, their basis, their factors."""

from __future__ import annotations

import pytest

from fichas_tui.data.queries import Store
from fichas_tui.views.measure_filter import (
    BadFilter,
    MeasureFilter,
    filters_note,
    parse_filter,
    parse_number,
)
from fichas_tui.views.pesos import EACH_FICHA, resolve
from tests.helpers import COMMITTED_DATASET


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("ejecución respecto del inicial < 85", ("ejecucion-inicial", "<", 85.0)),
        ("Ejecución respecto del presupuesto final >= 90,5", ("ejecucion-final", ">=", 90.5)),
        ("gasto por beneficiario > 1.000", ("gasto-por-beneficiario", ">", 1000.0)),
        ("gasto-por-beneficiario>1.000,25", ("gasto-por-beneficiario", ">", 1000.25)),
        ("Gasto ejecutado ≥ 2.000.000", ("gasto", ">=", 2_000_000.0)),
        ("cobertura <= 50.5 %", ("cobertura", "<=", 50.5)),
        ("cumplimiento de meta = 100", ("indicador", "=", 100.0)),
        ("años seguidos con subejecución >= 3", ("subejecucion-seguida", ">=", 3.0)),
    ],
)
def test_a_filter_reads_as_the_user_writes_it(text, expected):
    f = parse_filter(text)
    assert (f.measure, f.op, f.value) == expected
    assert f.target is None


@pytest.mark.parametrize(
    ("text", "value"),
    [("1.000", 1000.0), ("85,5", 85.5), ("1.000.000,5", 1_000_000.5), ("85.5", 85.5),
     ("-3", -3.0), ("85 %", 85.0)],
)  # fmt: skip
def test_numbers_in_the_chilean_format(text, value):
    assert parse_number(text) == value


@pytest.mark.parametrize(
    "text", ["gasto < 1,000.5", "gasto < mil", "gasto ~ 3", "gasto <", "< 85", "gastos raros < 3"]
)
def test_what_cannot_be_read_is_refused_in_spanish(text):
    with pytest.raises(BadFilter) as caught:
        parse_filter(text)
    assert any(w in str(caught.value) for w in ("no es un número", "Filtro ilegible", "Medida"))


def test_an_amount_states_its_basis_and_a_percentage_its_unit():
    with Store.open(COMMITTED_DATASET) as store:
        pesos = resolve(store.deflators(), 2024)
    amount = parse_filter("gasto por beneficiario > 1.000", pesos)
    assert amount.target == 2024
    assert amount.label() == "Gasto por beneficiario > 1.000 M$ (≈ M$ 2024)"
    assert (
        parse_filter("gasto > 1.000").label() == "Gasto ejecutado > 1.000 M$ (pesos de cada ficha)"
    )
    share = parse_filter("ejecucion-inicial < 85,5", pesos)
    assert share.label() == "Ejecución / inicial < 85,5 %" and share.record()["basis"] is None
    assert share.short() == "ejec./inicial < 85,5 %"
    note = filters_note((amount, share))
    assert note is not None and "no cuentan como 0" in note and "sin factor" in note
    assert filters_note(()) is None


def test_an_amounts_condition_carries_the_rankings_factors():
    with Store.open(COMMITTED_DATASET) as store:
        deflators = store.deflators()
    pesos = resolve(deflators, 2024)
    factors = dict(parse_filter("gasto > 1", pesos).condition(pesos).factors or ())
    assert factors[2024] == 1.0
    assert factors[2022] == deflators.factor(2022, 2024).factor
    assert 2019 not in factors  # no factor for 2019: its figures are not compared
    # a percentage, or an amount in each ficha's pesos: compared as the ficha gives it
    assert parse_filter("ejecucion-inicial < 85", pesos).condition(pesos).factors is None
    assert MeasureFilter("gasto", ">", 1.0).condition(EACH_FICHA).factors is None
