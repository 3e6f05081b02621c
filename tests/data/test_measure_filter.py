"""Numeric filters in the queries across programs, against the fixture's figures by hand."""

from __future__ import annotations

import pytest

from fichas_tui.data.across import Selection, measure_rows, region_rows
from fichas_tui.data.facets import FacetQuery, program_ids
from fichas_tui.data.measure_filter import MeasureCondition
from fichas_tui.data.queries import Store
from tests.helpers import COMMITTED_DATASET, FIXTURE

DSF = "Ministerio de Desarrollo Social y Familia"


@pytest.fixture(scope="module")
def store():
    with Store.open(FIXTURE) as opened:
        yield opened


def _ids(store, measure, selection):
    return sorted(r.program_id for r in measure_rows(store, measure, selection))


def test_a_percentage_below_a_threshold(store):
    # executed / initial of each program's latest ficha: pae 102,7, faa 98,8, vin 99,6,
    # residencia 83,1 (printed), subsidio 151.234.567 / 170.000.000 = 88,96
    under = (MeasureCondition("ejecucion-inicial", "<", 90),)
    assert _ids(store, "gasto", Selection(conditions=under)) == [
        "residencia-familiar-adolescentes",
        "subsidio-empleo-joven",
    ]
    at_most = (MeasureCondition("ejecucion-inicial", "<=", 83.1),)
    assert _ids(store, "gasto", Selection(conditions=at_most)) == [
        "residencia-familiar-adolescentes"
    ]


def test_combined_with_verdicts_ministry_and_year(store):
    under = (MeasureCondition("ejecucion-inicial", "<", 90),)
    verdict = Selection(verdict="subejecución", conditions=under)
    assert _ids(store, "gasto", verdict) == ["residencia-familiar-adolescentes"]
    # two conditions at once, one an amount in each ficha's pesos: vínculos spent 12.950.000
    both = (
        MeasureCondition("gasto", ">", 10_000_000),
        MeasureCondition("ejecucion-inicial", ">", 99),
    )
    assert _ids(store, "gasto", Selection(ministries=(DSF,), conditions=both)) == [
        "programa-vinculos"
    ]
    # 2022 fichas: pae 101,86, faa 98,77, vínculos 99,62
    over = (MeasureCondition("ejecucion-inicial", ">", 99),)
    assert _ids(store, "gasto", Selection(year=2022, conditions=over)) == [
        "alimentacion-escolar",
        "programa-vinculos",
    ]


def test_a_missing_figure_never_passes(store):
    # only residencia's ficha gives spending per beneficiary (12.609,8): the other four are
    # missing, neither above 0 nor below 100.000
    for op, value in ((">", 0), ("<", 100_000)):
        condition = (MeasureCondition("gasto-por-beneficiario", op, value),)
        assert _ids(store, "gasto", Selection(conditions=condition)) == [
            "residencia-familiar-adolescentes"
        ]


def test_region_rows_and_facets_take_the_conditions(store):
    under = (MeasureCondition("ejecucion-inicial", "<", 90),)
    rows = region_rows(store, "Biobío", Selection(conditions=under))
    assert sorted(r.program_id for r in rows) == [
        "residencia-familiar-adolescentes",
        "subsidio-empleo-joven",
    ]
    assert program_ids(store, FacetQuery(conditions=under)) == {
        "residencia-familiar-adolescentes",
        "subsidio-empleo-joven",
    }
    # with a year, the ficha of that year: pae2022 (101,86) passes, its 2023 ficha would too
    over = (MeasureCondition("ejecucion-inicial", ">", 101),)
    assert program_ids(store, FacetQuery(year=2022, conditions=over)) == {"alimentacion-escolar"}
    # with the findings' text too: residencia's sentences say subejecución
    text = FacetQuery(findings="subejecución", conditions=under)
    assert program_ids(store, text) == {"residencia-familiar-adolescentes"}


def test_an_amount_compares_in_the_converted_basis():
    # GSL's 2021 ficha spent M$ 2022 2.608.643; x 1,1002 = 2.870.029 M$ 2024. Residencia:
    # 8.146.335 M$ 2024; PROTECCIÓN: nominal 2019, no factor (not compared)
    with Store.open(COMMITTED_DATASET) as store:
        step = store.deflators().factor(2022, 2024)
        assert step is not None and step.factor == 1.1002
        factors = ((2024, 1.0), (2023, 1.035), (2022, step.factor))
        converted = (MeasureCondition("gasto", ">", 2_870_000, factors),)
        names = [
            r.program_name for r in measure_rows(store, "gasto", Selection(conditions=converted))
        ]
        assert sorted(n[:22] for n in names) == ["Gestión Social Local -", "Residencia Familiar de"]
        as_printed = (MeasureCondition("gasto", "<", 2_870_000),)
        names = [
            r.program_name for r in measure_rows(store, "gasto", Selection(conditions=as_printed))
        ]
        assert [n[:22] for n in names] == ["Gestión Social Local -"]
        no_year = (MeasureCondition("gasto", ">", 0, ()),)  # nothing converts
        assert measure_rows(store, "gasto", Selection(conditions=no_year)) == []
