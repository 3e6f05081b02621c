"""NaN and infinities in a dataset's numbers read as missing values with a warning."""

from __future__ import annotations

import json
import math

import pytest
from click.testing import CliRunner

from fichas_tui.cli.commands import main
from fichas_tui.data.parquet_views import NON_FINITE
from fichas_tui.data.queries import Store, Value
from fichas_tui.views.read_limits import notes as warnings
from tests.helpers import FIXTURE, count_non_finite, non_finite_dataset

PROGRAMS = ("alimentacion-escolar", "residencia-familiar-adolescentes")


@pytest.fixture(scope="module")
def folder(tmp_path_factory):
    return non_finite_dataset(tmp_path_factory.mktemp("nf") / "ds")


def values(item):
    """Every Value inside a record, depth first."""
    if isinstance(item, Value):
        yield item
    elif isinstance(item, tuple):
        for i in item:
            yield from values(i)
    elif hasattr(item, "__dataclass_fields__"):
        for name in item.__dataclass_fields__:
            yield from values(getattr(item, name))


def test_the_dataset_really_holds_non_finite_numbers(folder):
    for table in ("budget", "indicators", "coverage", "regions", "components", "programs"):
        assert count_non_finite(folder, table) > 0, table


@pytest.mark.parametrize("program", PROGRAMS)
def test_every_number_reads_as_missing_with_its_code(folder, program):
    with Store.open(folder) as store, Store.open(FIXTURE) as fixture:
        row = store.program_row(program)
        assert row.executed == Value(None, NON_FINITE)
        detail = store.detail(program)
        clean = fixture.detail(program)
        got = list(values(detail))
        assert got and all(v.value is None or math.isfinite(v.value) for v in got)
        # Every coverage figure was a number (helpers._add_coverage): now missing, with the code.
        assert detail.coverage and all(c.pct == Value(None, NON_FINITE) for c in detail.coverage)
        # A figure the fixture has is missing with the code; a missing one keeps its own code.
        for mine, theirs in zip(values(detail.budget), values(clean.budget), strict=True):
            assert mine == (Value(None, NON_FINITE) if theirs.value is not None else theirs)
        budget = detail.budget[-1]
        assert budget.ejecutado.status == NON_FINITE and budget.ejecutado.value is None
        topics = {w.topic for w in warnings(detail) if "NaN o infinito" in w.text}
        assert {"presupuesto", "indicadores", "cobertura"} <= topics
        assert len(warnings(detail)) > len(warnings(clean))


def test_warning_survives_a_partial_read_and_merge(folder):
    with Store.open(folder) as store:
        first = store.detail(PROGRAMS[1], tables={"warnings", "findings", "coverage"})
        second = store.detail(PROGRAMS[1], tables={"indicators"})
        merged = first.merged(second)
        topics = [w.topic for w in warnings(merged) if "NaN o infinito" in w.text]
        assert sorted(topics) == ["cobertura", "indicadores"]


def strict(text: str):
    def refuse(name):
        raise ValueError(f"not JSON: {name}")

    return json.loads(text, parse_constant=refuse)


@pytest.mark.parametrize("program", PROGRAMS)
def test_show_json_is_strict(folder, program):
    result = CliRunner().invoke(main, ["show", program, "--json", "--data", str(folder)])
    assert result.exit_code == 0, result.output
    data = strict(result.output)
    assert NON_FINITE in json.dumps(data, ensure_ascii=False)


@pytest.mark.parametrize("program", PROGRAMS)
def test_show_tables(folder, program):
    result = CliRunner().invoke(main, ["show", program, "--data", str(folder)])
    assert result.exit_code == 0, result.output
    words = set(result.output.replace("%", " ").split())
    assert NON_FINITE in result.output and not words & {"nan", "inf", "-inf", "Infinity"}
