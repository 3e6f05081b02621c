"""Constant pesos: the sample fichas' amounts converted by hand-checked factors, or not at all."""

from __future__ import annotations

from pathlib import Path

import pytest

from fichas_tui.data.list_records import Deflators
from fichas_tui.data.queries import Store
from fichas_tui.views.figures import number
from fichas_tui.views.model import AMOUNT, NOMINAL, YEAR, Basis, Cell, Column, Row, Table
from fichas_tui.views.pesos import (
    EACH_FICHA,
    NO_FACTOR,
    Pesos,
    annotate,
    by_executed,
    choice_label,
    choices,
    convert,
    default_across,
    describe,
    executed,
    mark,
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
    # pesos of 2024 are M$ 2024 / 1.000: not "(convertidos)", no factor, no ≈
    assert (cell.value, cell.factor, cell.basis.label) == (500.0, None, "M$ 2024")
    assert cell.source == NOMINAL


def test_without_a_series_nothing_converts_and_p_has_nothing_to_cycle():
    empty = Deflators()
    cell = convert(Cell(10.0, basis=Basis(price_year=2022)), 2024, empty)
    assert (cell.value, cell.note) == (10.0, NO_FACTOR)
    assert choices(empty) == (None,)
    assert next_choice(None, empty) is None


def test_p_cycles_each_fichas_pesos_then_every_year_the_series_spans(sample):
    # 003's inflators: 2020-2024 -> 2024; every year from 2020 to 2024 can be a basis.
    deflators = sample.deflators()
    assert choices(deflators) == (None, 2024, 2023, 2022, 2021, 2020)
    assert next_choice(None, deflators) == 2024
    assert next_choice(2024, deflators) == 2023
    assert next_choice(2020, deflators) is None
    labels = [choice_label(c) for c in choices(deflators)[:2]]
    assert labels == ["pesos de cada ficha", "≈ M$ 2024"]
    assert describe(deflators.factor(2022, 2024)) == "1,1002 (2022 → 2024, ficha ab86556523989ed3)"


def test_an_earlier_year_divides_by_the_factor_into_the_later_target(sample):
    deflators = sample.deflators()
    # pesos of 2024 in pesos of 2022: 1 / 1,1002; of 2020 in 2022: 1,2252 / 1,1002
    down = deflators.factor(2024, 2022)
    assert down.factor == pytest.approx(1 / 1.1002) and down.divided and down.via_year == 2024
    assert deflators.factor(2020, 2022).factor == pytest.approx(1.2252 / 1.1002)
    assert describe(deflators.factor(2020, 2022)) == (
        "1,1136 (2020 → 2022, ficha ab86556523989ed3, 2020 → 2024 dividido por 2022 → 2024)"
    )
    assert deflators.factor(2019, 2022) is None  # no table reaches 2019
    # RF's 8.146.335 M$ 2024 in M$ 2022: 8.146.335 / 1,1002 = 7.404.412,8
    cell = convert(Cell(8_146_335.0, basis=Basis(price_year=2024)), 2022, deflators)
    assert round(cell.value, 1) == 7_404_412.8 and cell.basis.price_year == 2022


def test_default_across_is_the_latest_year_the_series_reaches(sample):
    assert default_across(sample.deflators()).target == 2024
    assert default_across(Deflators()) is EACH_FICHA


def test_the_list_in_m_2024_sorts_converted_figures_and_leaves_sin_factor_after(sample):
    pesos = Pesos(2024, sample.deflators())
    ordered = [
        (p.program_id, number(c.value), c.factor, c.note)
        for p, c in by_executed(sample.programs(), pesos)
    ]
    assert ordered == [
        (RF, "8.146.335", None, None),  # printed in M$ 2024
        (GSL, "2.870.029", 1.1002, None),  # 2.608.643 M$ 2022 x 1,1002
        (RLP, "10.174.000", None, NO_FACTOR),  # nominal 2019: larger, but not comparable
    ]


def test_the_list_in_each_fichas_pesos_never_compares_two_bases(sample):
    ordered = [(p.program_id, c.basis.label) for p, c in by_executed(sample.programs(), EACH_FICHA)]
    # Three programs, three bases: no basis is shared, so each is its own group; the largest
    # group (a tie of one) is the first found, and the amounts are never compared across groups.
    assert sorted(label for _, label in ordered) == ["M$ 2022", "M$ 2024", "M$ nominales"]
    fixture = Store.open(REPO / "tests" / "fixtures" / "fixture")
    try:
        rows = by_executed(fixture.programs(), EACH_FICHA)
    finally:
        fixture.close()
    bases = [c.basis.price_year for _, c in rows if c.value is not None]
    main = max(set(bases), key=bases.count)
    leading = [c.value for _, c in rows[: bases.count(main)]]
    assert all(c.basis.price_year == main for _, c in rows[: bases.count(main)])
    assert leading == sorted(leading, reverse=True)


def test_marks_and_notes_say_what_was_converted_and_what_was_not(sample):
    pesos = Pesos(2024, sample.deflators())
    rlp = sample.program_row(RLP)
    left = executed(rlp, pesos)
    assert mark(number(left.value), left) == "10.174.000†"
    gsl = executed(sample.program_row(GSL), pesos)
    assert mark(number(gsl.value), gsl) == "≈2.870.029"
    assert mark("N/C", Cell(None, "N/C", factor=1.1)) == "N/C"
    basis, label = pesos.column(None, "M$ de distintos años, ver cada fila")
    table = Table(
        "t",
        f"Ejecutado ({label})",
        (Column("year", "Año", YEAR), Column("spent", "Ejecutado", AMOUNT, basis=basis)),
        (Row((Cell(2019), left)), Row((Cell(2021), gsl))),
    )
    assert annotate(table, pesos).notes == (
        "≈ convertido a M$ de 2024 con los inflactores de las fichas del dataset.",
        "† sin factor para ese año en el dataset: la cifra queda como en la ficha, "
        "en M$ nominales.",
    )
    assert annotate(table, EACH_FICHA) is table
    assert label == "M$ 2024, convertidos"
    assert basis == Basis(price_year=2024, converted=True)
    assert EACH_FICHA.column(None, "M$ 2022") == (None, "M$ 2022")
    assert pesos.following().target == 2023 and EACH_FICHA.following().target is None


@pytest.fixture(scope="module")
def two_fichas(tmp_path_factory):
    """The fixture dataset plus the 2023 sample ficha's inflators on its 2023 residencia ficha
    (M$ 2024), so the program's 2021 ficha (M$ 2022) converts with 1,1002."""
    from fichas_tui.data.dataset import read_dataset, rows_to_table, write_dataset
    from tests.helpers import FIXTURE

    tables = read_dataset(FIXTURE)
    factors = {2020: 1.2252, 2021: 1.1722, 2022: 1.1002, 2023: 1.035, 2024: 1.0}
    tables["inflators"] = rows_to_table(
        "inflators", [{"ficha_id": "res2023", "year": y, "factor": f} for y, f in factors.items()]
    )
    folder = tmp_path_factory.mktemp("two_fichas")
    write_dataset(folder, tables)
    store = Store.open(folder)
    yield store
    store.close()


def test_budget_across_fichas_in_one_basis(two_fichas):
    from fichas_tui.views.presupuesto import history

    detail = two_fichas.detail("residencia-familiar-adolescentes")
    own = history(detail)
    assert own.title == "Presupuesto en todas las fichas (M$ de distintos años, ver cada fila)"
    assert [r.key for r in own.rows] == [
        "2019:2021",
        "2020:2021",
        "2021:2021",
        "2021:2023",
        "2022:2023",
        "2023:2023",
    ]  # 2021 is in both fichas: both rows, each with its ficha
    assert own.values("source") == ["M$ 2022"] * 3 + ["M$ 2024"] * 3
    pesos = Pesos(2024, two_fichas.deflators())
    one = history(detail, pesos)
    assert one.title == "Presupuesto en todas las fichas (M$ 2024, convertidos)"
    inicial = one.values("inicial")
    # The 2021 ficha's rows are in M$ 2022 whatever their year: x 1,1002 (hand-checked).
    assert [number(v) for v in inicial] == [
        "1.320.240",
        "1.650.300",
        "2.200.400",
        "2.100.000",
        "5.000.000",
        "9.800.000",
    ]
    factors = [r.cells[one.column("inicial")].factor for r in one.rows]
    assert factors == [1.1002] * 3 + [None] * 3
    assert history(two_fichas.detail("subsidio-empleo-joven")) is None  # a single ficha


def test_conversion_text_names_the_factor_and_its_ficha():
    from fichas_tui.data.list_records import Factor
    from fichas_tui.views.pesos import Pesos, conversion_text

    deflators = Deflators((Factor(2024, 2022, 1.1002, "ab86"),))
    pesos = Pesos(2024, deflators)
    cell = pesos.cell(Cell(100.0, basis=Basis(price_year=2022)))
    # 100 M$ 2022 x 1,1002 = 110,02 M$ 2024
    assert cell.value == pytest.approx(110.02)
    assert conversion_text(cell, pesos) == "≈ ×1,1002 (2022 → 2024, ficha ab86)"
    left = pesos.cell(Cell(100.0, basis=Basis()), year=2019)  # no factor for 2019
    assert conversion_text(left, pesos) == (
        "† sin factor para su año: queda en M$ nominales, como en la ficha"
    )
    printed = pesos.cell(Cell(100.0, basis=Basis(price_year=2024)))
    assert conversion_text(printed, pesos) is None


def test_a_factor_names_the_ficha_that_prints_it_by_program_and_year():
    from fichas_tui.views.pesos import ficha_label

    names = {"ab86556523989ed3": ("Residencia Familiar (RF)", 2023)}
    label = ficha_label("ab86556523989ed3", names)
    assert label == "Residencia Familiar (RF), ficha 2023 (ab8655652398)"
    assert ficha_label("0123456789abcdef", names) == "0123456789abcdef"  # unnamed: its id
