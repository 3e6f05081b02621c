"""Constant pesos: the sample fichas' amounts converted by hand-checked factors, or not at all."""

from __future__ import annotations

from pathlib import Path

import pytest

from fichas_tui.data.queries import Store
from fichas_tui.data.records import Deflators
from fichas_tui.views.figures import number
from fichas_tui.views.model import NOMINAL, Basis, Cell
from fichas_tui.views.pesos import (
    NO_FACTOR,
    choice_label,
    choices,
    convert,
    describe,
    next_choice,
)

REPO = Path(__file__).resolve().parents[2]
GSL = "gestion-social-local-gsl-ex-apoyo-monitoreo-y-supervision-a-la-gestion-territorial"
RLP = "proteccion-residencia-de-proteccion-para-primera-infancia-rlp"  # 2019 layout, nominal
RF = "residencia-familiar-de-administracion-directa-rf"  # 2023 layout, M$ 2024


@pytest.fixture(scope="module")
def sample():
    store = Store.open(REPO / "data" / "parquet")
    yield store
    store.close()


def _budget(store: Store, program_id: str, year: int):
    detail = store.detail(program_id)
    (row,) = [b for b in detail.budget if b.year == year]
    return detail.ficha, row


def test_000_executed_2021_from_m_2022_to_m_2024(sample):
    ficha, row = _budget(sample, GSL, 2021)
    source = Basis(price_year=ficha.price_year)
    assert (row.ejecutado.value, source.label) == (2608643, "M$ 2022")
    cell = convert(Cell(row.ejecutado.value, basis=source), 2024, sample.deflators(), year=2021)
    assert number(cell.value) == "2.870.029"  # 2.608.643 x 1,1002 = 2.870.028,99
    assert (cell.factor, cell.source, cell.basis.label) == (1.1002, source, "M$ 2024 (convertidos)")
    assert cell.value == pytest.approx(2870028.9286)  # rounded only when shown


def test_002_nominal_inicial_2020_to_m_2024(sample):
    ficha, row = _budget(sample, RLP, 2020)
    assert ficha.price_year == 2020  # its components; the budget is nominal of each year
    assert row.inicial.value == 10174000
    cell = convert(Cell(row.inicial.value), 2024, sample.deflators(), year=2020, basis=NOMINAL)
    assert number(cell.value) == "12.465.185"  # 10.174.000 x 1,2252 = 12.465.184,8
    assert (cell.factor, cell.source, cell.basis.price_year) == (1.2252, NOMINAL, 2024)


def test_002_figures_of_2019_have_no_factor_and_stay_as_printed(sample):
    _, row = _budget(sample, RLP, 2019)
    cell = convert(Cell(row.inicial.value), 2024, sample.deflators(), year=2019, basis=NOMINAL)
    assert (cell.value, cell.note, cell.factor) == (9686000, NO_FACTOR, None)
    assert cell.basis == NOMINAL  # still labelled with its own basis, never M$ 2024
    # Its components are in M$ 2020, which the series does reach.
    m2020 = convert(Cell(1000.0, basis=Basis(price_year=2020)), 2024, sample.deflators())
    assert (m2020.value, m2020.factor) == (pytest.approx(1225.2), 1.2252)


def test_003_m_2024_unchanged_at_2024(sample):
    ficha, row = _budget(sample, RF, 2023)
    source = Basis(price_year=ficha.price_year)
    original = Cell(row.ejecutado.value, basis=source)
    cell = convert(original, 2024, sample.deflators(), year=2023)
    assert cell is original
    assert (cell.value, cell.basis.label, cell.factor) == (8146335, "M$ 2024", None)


def test_each_fichas_own_pesos_and_missing_values_are_left_alone(sample):
    deflators = sample.deflators()
    printed = Cell(2608643.0, basis=Basis(price_year=2022))
    assert convert(printed, None, deflators) is printed
    missing = Cell(None, "N/C", basis=Basis(price_year=2022))
    assert convert(missing, 2024, deflators) is missing
    text = Cell("Nivel central")
    assert convert(text, 2024, deflators, basis=NOMINAL) is text


def test_nominal_pesos_of_the_target_year_are_relabelled_not_scaled():
    cell = convert(Cell(500.0), 2024, Deflators(), year=2024, basis=NOMINAL)
    assert (cell.value, cell.factor, cell.basis.label) == (500.0, 1.0, "M$ 2024 (convertidos)")


def test_without_a_series_nothing_converts_and_p_has_nothing_to_cycle():
    empty = Deflators()
    cell = convert(Cell(10.0, basis=Basis(price_year=2022)), 2024, empty)
    assert (cell.value, cell.note) == (10.0, NO_FACTOR)
    assert choices(empty) == (None,)
    assert next_choice(None, empty) is None


def test_p_cycles_each_fichas_pesos_then_each_target_latest_first(sample):
    deflators = sample.deflators()
    assert choices(deflators) == (None, 2024)
    assert next_choice(None, deflators) == 2024
    assert next_choice(2024, deflators) is None
    assert [choice_label(c) for c in choices(deflators)] == ["pesos de cada ficha", "M$ de 2024"]
    assert describe(deflators.factor(2022, 2024)) == "1,1002 (2022 → 2024, ficha ab86556523989ed3)"
