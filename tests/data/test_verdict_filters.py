"""Filtering by a finding's verdict (the verdicts table), not by a word in its sentence: on the
dataset of the three sample fichas, hand-read."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from fichas_tui.cli.commands import main
from fichas_tui.data.across import Selection, measure_rows, region_rows
from fichas_tui.data.facets import FacetQuery, program_ids, verdicts
from fichas_tui.data.queries import Store
from tests.helpers import P2019, P2021, P2023

MDS = "Ministerio de Desarrollo Social y Familia"


@pytest.fixture(scope="module")
def store(sample_dataset):
    s = Store.open(sample_dataset)
    yield s
    s.close()


def test_under_execution_is_the_verdict_not_the_word(store):
    # 000 (GSL, 2021) reads "no presenta problemas de persistencia de subejecución": the text
    # filter finds the word, the verdict filter does not.
    assert program_ids(store, FacetQuery(findings="subejecución")) == {P2021, P2023}
    assert program_ids(store, FacetQuery(verdict="subejecución")) == {P2023}
    assert program_ids(store, FacetQuery(verdict="sin problemas")) == {P2021}


def test_verdict_with_topic(store):
    within = FacetQuery(verdict="dentro de rango", topic="ejecucion-final")
    assert program_ids(store, within) == {P2019, P2021}
    initial = FacetQuery(verdict="dentro de rango", topic="ejecucion-inicial")
    assert program_ids(store, initial) == {P2019}
    assert program_ids(store, FacetQuery(verdict="subejecución", topic="ejecucion-final")) == set()


def test_verdict_combines_with_year_and_text(store):
    assert program_ids(store, FacetQuery(verdict="subejecución", year=2021)) == set()
    both = FacetQuery(verdict="no evaluable", findings="indicador")
    assert program_ids(store, both) == {P2019, P2021}


def test_ministry_under_execution_ranking(store):
    selection = Selection(ministries=(MDS,), verdict="subejecución")
    assert [r.program_id for r in measure_rows(store, "gasto", selection)] == [P2023]
    everyone = Selection(ministries=(MDS,))
    assert {r.program_id for r in measure_rows(store, "gasto", everyone)} == {P2021, P2023}


def test_region_rows_by_verdict(store):
    # All three list Coquimbo; only GSL (2021) states an over-execution.
    every = {r.program_id for r in region_rows(store, "Coquimbo", Selection())}
    assert every == {P2019, P2021, P2023}
    over = Selection(verdict="sobreejecución")
    assert [r.program_id for r in region_rows(store, "Coquimbo", over)] == [P2021]


def test_verdicts_listed_with_their_fichas(store):
    found = {(v, t): n for v, t, n in verdicts(store)}
    assert found[("subejecución", "ejecucion-inicial")] == 1
    assert found[("sin hallazgos", None)] == 1
    assert found[("no evaluable", "indicador")] == 2


@pytest.mark.parametrize(
    "typed", ["subejecucion", "SUBEJECUCIÓN", "subejecucion:ejecucion-inicial"]
)
def test_cli_hallazgo(sample_dataset, typed):
    args = ["ranking", "--by", "gasto", "--ministerio", "desarrollo social", "--hallazgo", typed]
    result = CliRunner().invoke(main, [*args, "--data", str(sample_dataset), "--json"])
    assert result.exit_code == 0, result.output
    out = json.loads(result.output)
    assert [r["program_id"] for r in out["rows"]] == [P2023]
    assert out["filters"]["hallazgo"]["verdict"] == "subejecución"


def test_cli_unknown_hallazgo(sample_dataset):
    args = ["region", "coquimbo", "--hallazgo", "malo", "--data", str(sample_dataset)]
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 2
    assert "subejecución" in result.output and "malo" in result.output
