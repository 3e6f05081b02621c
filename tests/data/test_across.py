"""Views across programs on tests/fixtures/make_across.py: every expectation computed by hand."""

from __future__ import annotations

import shutil

import pytest

from fichas_tui.data.across import Selection, measure_rows, region_rows
from fichas_tui.data.queries import Store
from fichas_tui.views.across import MEASURES, ranking_view
from fichas_tui.views.region_programs import region_view
from tests.fixtures import make_across


@pytest.fixture(scope="module")
def folder(tmp_path_factory):
    return make_across.write(tmp_path_factory.mktemp("across"))


@pytest.fixture(scope="module")
def store(folder):
    store = Store.open(folder)
    yield store
    store.close()


def ranked(store, measure, selection=None, **kw):
    selection = selection or Selection()
    view = ranking_view(measure_rows(store, measure, selection), measure, **kw)
    return [(r["program_id"], r["rank"], r["value"], r["status"]) for r in view.records]


def test_gasto_ties_by_name_other_pesos_after_missing_last(store):
    assert ranked(store, "gasto") == [
        ("beta", 1, 1800.0, None),
        ("alfa", 2, 900.0, None),  # tie with Épsilon: same rank, by name (Alfa < Épsilon)
        ("epsilon", 2, 900.0, None),
        ("delta", None, 5000.0, None),  # M$ 2022: listed after the M$ 2024 ones, not ranked
        ("gamma", None, None, "N/C"),  # the ficha's code, never 0
    ]


def test_gasto_view_states_its_basis_and_counts(store):
    view = ranking_view(measure_rows(store, "gasto", Selection()), "gasto")
    assert view.basis.label == "M$ 2024"
    assert view.table.columns[view.table.column("value")].header == "Gasto ejecutado (M$ 2024)"
    assert view.counts == {"programs": 5, "missing": 1, "other_basis": 1}
    delta = next(r for r in view.records if r["program_id"] == "delta")
    assert (delta["price_year"], delta["basis"]) == (2022, "M$ 2022")
    # Delta (row 4) apart under its own heading, ranked among its pesos; Gamma under "Sin dato"
    assert [(s.start, s.size, s.title) for s in view.sections] == [
        (3, 1, "En pesos de 2022 (1): otra base, ordenados aparte"),
        (4, 1, "Sin dato (1): no cuentan como 0"),
    ]
    assert (delta["rank"], delta["group"], delta["group_rank"]) == (None, "otra_base", 1)
    assert view.table.rows[3].cells[0].value == 1  # first of its own section


def test_execution_from_inicial_and_final(store):
    # 5.000 / 4.000 = 125 %; 900 / 1.000 = 1.800 / 2.000 = 90 % (three-way tie)
    assert ranked(store, "ejecucion-inicial") == [
        ("delta", 1, 125.0, None),
        ("alfa", 2, 90.0, None),
        ("beta", 2, 90.0, None),
        ("epsilon", 2, 90.0, None),
        ("gamma", None, None, "N/C"),
    ]
    # final: 5.000 / 5.000 = 100; 1.800 / 2.000 = 900 / 1.000 = 90; 900 / 1.200 = 75
    assert ranked(store, "ejecucion-final") == [
        ("delta", 1, 100.0, None),
        ("beta", 2, 90.0, None),
        ("epsilon", 2, 90.0, None),
        ("alfa", 4, 75.0, None),
        ("gamma", None, None, "N/C"),
    ]
    alfa = next(
        r
        for r in ranking_view(
            measure_rows(store, "ejecucion-final", Selection()), "ejecucion-final"
        ).records
        if r["program_id"] == "alfa"
    )
    assert (alfa["ejecutado"], alfa["final"], alfa["amounts_basis"]) == (900.0, 1200.0, "M$ 2024")


def test_ascending_keeps_missing_last(store):
    assert [r[0] for r in ranked(store, "ejecucion-final", descending=False)] == [
        "alfa",
        "beta",
        "epsilon",
        "delta",
        "gamma",
    ]


def test_administrative_share_stated_or_computed(store):
    # Alfa 90 / 900 = 10 %; Beta states 5,0 %; Delta 250 / 5.000 = 5 %
    assert ranked(store, "administrativo") == [
        ("alfa", 1, 10.0, None),
        ("beta", 2, 5.0, None),
        ("delta", 2, 5.0, None),
        ("epsilon", None, None, "sin dato"),
        ("gamma", None, None, "sin dato"),
    ]


def test_coverage_and_spending_per_beneficiary(store):
    assert ranked(store, "cobertura") == [
        ("gamma", 1, 95.5, None),
        ("alfa", 2, 80.0, None),
        ("delta", 2, 80.0, None),
        ("beta", None, None, "S/I"),
        ("epsilon", None, None, "sin dato"),
    ]
    assert ranked(store, "gasto-por-beneficiario") == [
        ("alfa", 1, 15.0, None),
        ("delta", None, 20.0, None),  # M$ 2022
        ("beta", None, None, "sin dato"),
        ("epsilon", None, None, "sin dato"),
        ("gamma", None, None, "sin dato"),
    ]


def test_indicator_against_its_meta(store):
    rows = ranked(store, "indicador")
    assert rows[0] == ("alfa", 1, 90.0, None)  # 45 / 50
    assert rows[1][:2] == ("gamma", 2) and rows[1][2] == pytest.approx(200 / 3)  # 20 / 30
    assert rows[2:] == [
        ("beta", None, None, "N/C"),
        ("delta", None, None, "sin meta"),
        ("epsilon", None, None, "sin dato"),
    ]


def test_filters(store):
    mina = Selection(ministries=("Ministerio de Alfabeto",))
    assert [r[0] for r in ranked(store, "gasto", mina)] == ["beta", "alfa", "epsilon"]
    assert [r[0] for r in ranked(store, "gasto", Selection(with_warnings=True))] == ["delta"]
    assert [r[0] for r in ranked(store, "gasto", Selection(layout="2021"))] == ["delta"]
    assert [r[0] for r in ranked(store, "gasto", Selection(services=("Servicio Tres",)))] == [
        "delta",
        "gamma",
    ]
    # a region either in the breakdown or among the regions listed
    assert {r[0] for r in ranked(store, "gasto", Selection(region="Biobío"))} == {"alfa", "epsilon"}
    # Alfa's 2022 ficha: 800 in M$ 2023, the only program evaluated in 2022
    assert ranked(store, "gasto", Selection(year=2022)) == [("alfa", 1, 800.0, None)]


def test_limit_keeps_counts(store):
    view = ranking_view(measure_rows(store, "gasto", Selection()), "gasto", limit=2)
    assert [r["program_id"] for r in view.records] == ["beta", "alfa"]
    assert view.counts["programs"] == 5


def test_region_view_membership_shares_and_apart(store):
    view = region_view(region_rows(store, "Coquimbo", Selection()), "Coquimbo")
    rows = {r["program_id"]: r for r in view.records}
    assert [r["program_id"] for r in view.records] == ["alfa", "delta", "beta", "gamma"]
    alfa = rows["alfa"]
    assert (alfa["rank"], alfa["value"], alfa["share_pct"], alfa["beneficiaries"]) == (
        1,
        300.0,
        33.3,
        30.0,
    )
    assert alfa["per_beneficiary_kclp"] == 10.0  # 300 / 30
    delta = rows["delta"]  # M$ 2022: after, unranked; % computed 1.000 / 5.000
    assert (delta["rank"], delta["share_pct"], delta["share_computed"]) == (None, 20.0, True)
    beta = rows["beta"]  # spending '-' in the ficha: missing, never 0
    assert (beta["value"], beta["status"], beta["breakdown"]) == (None, "-", True)
    assert (rows["gamma"]["breakdown"], rows["gamma"]["status"]) == (False, "sin desglose regional")
    assert "epsilon" not in rows  # neither breakdown nor listed
    assert [r.key for r in view.apart.rows] == ["gamma"]
    assert view.counts["breakdown"] == 3 and view.counts["without_breakdown"] == 1


def test_region_view_of_a_year(store):
    view = region_view(region_rows(store, "Coquimbo", Selection(year=2022)), "Coquimbo")
    assert [(r["program_id"], r["ficha_id"], r["value"]) for r in view.records] == [
        ("alfa", "alfa22", 800.0)
    ]


def test_every_measure_has_sql():
    from fichas_tui.data.across import MEASURE_SQL, MEASURE_TABLES

    assert set(MEASURES) == set(MEASURE_SQL) == set(MEASURE_TABLES)


def test_older_dataset_without_summaries_gives_the_same_rows(folder, store, tmp_path):
    """A dataset written before `measures` / `region_presence` existed: computed in place."""
    old = tmp_path / "old"
    shutil.copytree(folder, old)
    (old / "measures.parquet").unlink()
    (old / "region_presence.parquet").unlink()
    with Store.open(old) as older:
        assert not older.has_derived("measures")
        for measure in MEASURES:
            for selection in (Selection(), Selection(region="Coquimbo"), Selection(year=2022)):
                assert set(measure_rows(older, measure, selection)) == set(
                    measure_rows(store, measure, selection)
                ), (measure, selection)
        assert set(region_rows(older, "Coquimbo", Selection())) == set(
            region_rows(store, "Coquimbo", Selection())
        )
    assert store.has_derived("measures") and store.has_derived("region_presence")
