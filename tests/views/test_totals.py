"""Totales: hand-computed sums of the fixture with a missing figure and two peso bases."""

from __future__ import annotations

import json

import duckdb
import pytest
from click.testing import CliRunner

from fichas_tui.cli.commands import main
from fichas_tui.data.across import Selection
from fichas_tui.data.queries import Store
from fichas_tui.data.totals import totals_inputs
from fichas_tui.views.pesos import resolve
from fichas_tui.views.totals import totals_view
from tests.helpers import COMMITTED_DATASET, FIXTURE, dataset_copy

EDU = "Ministerio de Educación"
DSF = "Ministerio de Desarrollo Social y Familia"
WORK = "Ministerio del Trabajo y Previsión Social"
ARTS = "Ministerio de las Culturas, las Artes y el Patrimonio"


@pytest.fixture(scope="module")
def missing_one(tmp_path_factory):
    """The fixture with the 2023 executed figure of subsidio-empleo-joven given as N/C."""
    folder = dataset_copy(FIXTURE, tmp_path_factory.mktemp("totals"))
    budget = folder / "budget.parquet"
    staged = folder / "budget.new.parquet"
    duckdb.sql(
        f"""COPY (SELECT * REPLACE (
                CASE WHEN ficha_id = 'sej2023' AND concept = 'ejecutado' THEN NULL
                     ELSE amount_kclp END AS amount_kclp,
                CASE WHEN ficha_id = 'sej2023' AND concept = 'ejecutado' THEN 'N/C'
                     ELSE amount_status END AS amount_status)
            FROM '{budget}') TO '{staged}' (FORMAT parquet)"""
    )
    staged.replace(budget)
    return folder


def _view(folder, by="ministerio", selection=None, ids=None, pesos=None):
    selection = selection or Selection()
    with Store.open(folder) as store:
        basis = resolve(store.deflators(), pesos)
        return totals_view(by, *totals_inputs(store, by, selection, ids), pesos=basis)


def test_by_ministry_sums_one_basis_and_counts_the_rest_apart(missing_one):
    view = _view(missing_one)
    assert view.basis.label == "M$ 2024"  # the newest pesos among the executed figures
    rows = {r["group"]: r for r in view.records}
    assert [r["group"] for r in view.records] == [EDU, DSF, ARTS, WORK]
    # Educación: its 2023 ficha (M$ 2024); its 2019 and 2022 fichas are counted, not summed
    assert (rows[EDU]["programs"], rows[EDU]["fichas"]) == (1, 3)
    assert (rows[EDU]["inicial"], rows[EDU]["final"], rows[EDU]["ejecutado"]) == (
        1_250_000_000,
        1_300_000_000,
        1_283_987_654,
    )
    # Desarrollo Social: residencia (M$ 2024) summed; vínculos (M$ 2023) apart, never added
    assert rows[DSF]["ejecutado"] == 8_146_335
    assert rows[DSF]["inicial"] == 9_800_000
    assert (rows[DSF]["programs"], rows[DSF]["other_basis"], rows[DSF]["missing"]) == (2, 1, 0)
    # Trabajo: N/C is missing, not 0; its budget is still summed
    assert rows[WORK]["ejecutado"] is None and rows[WORK]["missing"] == 1
    assert rows[WORK]["inicial"] == 170_000_000
    # Culturas: only M$ 2023 figures: nothing summed, one apart
    assert rows[ARTS]["ejecutado"] is None and rows[ARTS]["other_basis"] == 1
    assert rows[ARTS]["missing"] == 0
    whole = 1_283_987_654 + 8_146_335
    assert rows[EDU]["share_pct"] == pytest.approx(1_283_987_654 / whole * 100)
    total = view.total
    assert (total["programs"], total["fichas"]) == (5, 8)
    assert total["inicial"] == 1_250_000_000 + 9_800_000 + 170_000_000
    assert total["final"] == 1_300_000_000 + 9_900_000 + 168_000_000
    assert total["ejecutado"] == whole
    assert (total["missing"], total["other_basis"], total["share_pct"]) == (1, 2, 100.0)


def test_a_year_sums_that_years_fichas_in_their_pesos(missing_one):
    view = _view(missing_one, selection=Selection(year=2022))
    assert view.basis.label == "M$ 2023"
    assert view.total["ejecutado"] == 1_120_456_789 + 9_876_543 + 12_950_000
    assert view.total["programs"] == 3 and view.total["other_basis"] == 0


def test_the_lists_programs_only_and_shares_of_the_whole_dataset(missing_one):
    view = _view(missing_one, by="servicio", ids=["residencia-familiar-adolescentes"])
    (row,) = view.records
    assert row["ejecutado"] == 8_146_335
    assert row["share_pct"] == pytest.approx(8_146_335 / (1_283_987_654 + 8_146_335) * 100)


def test_by_region_counts_a_program_in_each_region(missing_one):
    rows = {r["group"]: r for r in _view(missing_one, by="region").records}
    # Biobío: alimentación and residencia (M$ 2024), and subsidio (lists it; its N/C missing)
    biobio = rows["Biobío"]
    assert (biobio["programs"], biobio["missing"]) == (3, 1)
    assert biobio["ejecutado"] == 1_283_987_654 + 8_146_335
    assert biobio["inicial"] == 1_250_000_000 + 9_800_000 + 170_000_000
    # Maule: vínculos only, in M$ 2023: apart, nothing summed
    assert (rows["Maule"]["ejecutado"], rows["Maule"]["other_basis"]) == (None, 1)


def test_converted_sums_keep_figures_without_a_factor_apart():
    view = _view(COMMITTED_DATASET, pesos=2024)
    with Store.open(COMMITTED_DATASET) as store:
        step = store.deflators().factor(2022, 2024).factor
    # 2023 ficha: M$ 2024 as printed; 2021 ficha: M$ 2022 x 1,1002; 2019: nominal, no factor
    assert view.total["ejecutado"] == pytest.approx(8_146_335 + 2_608_643 * step)
    assert view.total["no_factor"] == 1 and "other_basis" not in view.total


def test_cli_json(missing_one):
    result = CliRunner().invoke(
        main, ["totales", "--por", "ministerio", "--data", str(missing_one), "--json"]
    )
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert (data["basis"], data["price_year"]) == ("M$ 2024", 2024)
    first = data["rows"][0]
    assert {"group", "programs", "fichas", "inicial", "final", "ejecutado", "share_pct",
            "missing"} <= set(first)  # fmt: skip
    assert first["group"] == EDU and data["total"]["missing"] == 1
    narrowed = CliRunner().invoke(
        main,
        ["totales", "--ministerio", "trabajo", "--data", str(missing_one), "--csv"],
    )
    assert narrowed.exit_code == 0
    lines = narrowed.output.splitlines()
    assert lines[0].startswith("group,programs,fichas,inicial,final,ejecutado,share_pct,missing")
    assert len(lines) == 3  # the ministry and the total


def test_by_verdict_counts_a_program_in_each_verdict_its_ficha_states(missing_one):
    view = _view(missing_one, by="hallazgo")
    rows = {r["group"]: r for r in view.records}
    # the latest fichas' verdicts: pae2023 and sej2023 "sin clasificar"; res2023 "sin
    # hallazgos" and subejecución on the initial budget; faa2022 and vin2022 state none
    unclassified = rows["sin clasificar"]
    assert (unclassified["verdict"], unclassified["topic"]) == ("sin clasificar", None)
    # alimentación 1.283.987.654 summed; subsidio's ejecutado is N/C: missing, not 0
    assert unclassified["ejecutado"] == 1_283_987_654
    assert (unclassified["programs"], unclassified["missing"]) == (2, 1)
    assert unclassified["inicial"] == 1_250_000_000 + 170_000_000
    under = rows["subejecución respecto del inicial"]
    assert (under["verdict"], under["topic"]) == ("subejecución", "ejecucion-inicial")
    assert (under["ejecutado"], under["inicial"], under["programs"]) == (8_146_335, 9_800_000, 1)
    assert rows["sin hallazgos en una dimensión"]["ejecutado"] == 8_146_335
    # faa and vínculos state no verdict: their own group, their M$ 2023 figures apart
    none = rows["(ficha sin veredictos)"]
    assert (none["programs"], none["ejecutado"], none["other_basis"]) == (2, None, 2)
    # by executed amount; equal amounts by name; no figure last
    assert [r["group"] for r in view.records] == [
        "sin clasificar",
        "sin hallazgos en una dimensión",
        "subejecución respecto del inicial",
        "(ficha sin veredictos)",
    ]
    # the whole selection once: five programs, as by ministry
    assert view.total["ejecutado"] == 1_283_987_654 + 8_146_335
    assert view.total["programs"] == 5
    assert "Un programa con varios veredictos cuenta en cada uno." in view.table.notes


def test_totals_with_a_numeric_filter_and_a_verdict(missing_one):
    from fichas_tui.data.measure_filter import MeasureCondition

    under = (MeasureCondition("ejecucion-inicial", "<", 90),)
    # residencia 83,1 and subsidio 88,96 (its ejecutado N/C, but its printed ratio stays)
    rows = {
        r["group"]: r for r in _view(missing_one, selection=Selection(conditions=under)).records
    }
    assert set(rows) == {DSF, WORK}
    assert rows[DSF]["ejecutado"] == 8_146_335 and rows[WORK]["missing"] == 1
    both = Selection(verdict="subejecución", conditions=under)
    grouped = _view(missing_one, by="hallazgo", selection=both).records
    assert {r["group"]: r["programs"] for r in grouped} == {
        "sin hallazgos en una dimensión": 1,
        "subejecución respecto del inicial": 1,
    }


def test_cli_totales_por_hallazgo_with_filters(missing_one):
    result = CliRunner().invoke(
        main,
        ["totales", "--por", "hallazgo", "--filtro", "ejecución respecto del inicial < 90",
         "--data", str(missing_one), "--json"],
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    groups = {r["group"]: r for r in data["rows"]}
    assert groups["subejecución respecto del inicial"]["ejecutado"] == 8_146_335
    assert groups["sin clasificar"]["missing"] == 1  # subsidio: ratio 88,96, ejecutado N/C
    assert data["measure_filters"] == [
        {"measure": "ejecucion-inicial", "op": "<", "value": 90.0, "unit": "%", "basis": None,
         "price_year": None}
    ]  # fmt: skip
    assert any(n.startswith("Filtro: Ejecución / inicial < 90 %") for n in data["notes"])
