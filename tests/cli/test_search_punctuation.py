"""Search as typed: punctuation, accents, case and word order ignored (list, palette and show)."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from fichas_tui.cli.commands import main
from fichas_tui.data.queries import Store
from tests.helpers import COMMITTED_DATASET, GSL


@pytest.mark.parametrize(
    "typed", ["social local - gsl", "(ex apoyo", "GESTION territorial, gsl", "supervisión a la"]
)
def test_store_filter_finds_a_name_typed_with_its_punctuation(typed):
    with Store.open(COMMITTED_DATASET) as store:
        assert [p.name for p in store.filter(typed)] == [GSL]


@pytest.mark.parametrize("typed", ["social local - gsl", "(ex apoyo"])
def test_show_finds_a_name_typed_with_its_punctuation(typed):
    result = CliRunner().invoke(main, ["show", typed, "--data", str(COMMITTED_DATASET), "--json"])
    assert result.exit_code == 0, result.output
    assert json.loads(result.output)["name"] == GSL
