"""JSON of the views: amounts carry unit and price year, strict JSON, no twin of PANE_TABLES."""

from __future__ import annotations

import dataclasses
import json
import subprocess
import sys

from fichas_tui.data import detail_records, diagnosis, list_records
from fichas_tui.data.schema import COLUMNS
from fichas_tui.views import panes
from fichas_tui.views.program import program_view
from fichas_tui.views.serialize import dumps, program
from tests.helpers import P2019, P2023, without_provenance


def test_amounts_carry_unit_and_price_year(sample):
    data = json.loads(dumps(program(program_view(sample.detail(P2019)))))
    budget = next(b for p in data["panes"] for b in p["blocks"] if b["key"] == "budget")
    row = next(r for r in budget["rows"] if r["key"] == "2019")
    assert without_provenance(row["cells"]["ejecutado"]) == {
        "value": 10_174_000.0,
        "unit": "M$",
        "price_year": None,
    }
    assert budget["columns"][3]["basis"] == {
        "unit": "M$",
        "price_year": None,
        "label": "M$ nominales",
    }


def test_non_finite_numbers_are_null_and_json_is_strict(sample):
    detail = sample.detail(P2023)
    region = detail.regions[0]
    bad = dataclasses.replace(
        region,
        spending=list_records.Value(float("nan")),
        beneficiaries=list_records.Value(float("inf")),
    )
    detail = dataclasses.replace(detail, regions=(bad, *detail.regions[1:]))
    text = dumps(program(program_view(detail)))  # allow_nan=False would raise on NaN
    regions = next(
        b for p in json.loads(text)["panes"] for b in p["blocks"] if b["key"] == "regions"
    )
    row = next(r for r in regions["rows"] if r["key"] == region.region)
    assert row["cells"]["spending"]["value"] is None
    assert row["cells"]["spending"]["status"] == "inválido"
    assert row["cells"]["beneficiaries"]["value"] is None


def test_one_declaration_of_the_tables_each_pane_reads():
    assert not hasattr(diagnosis, "PANE_TABLES")
    for spec in panes.PANES:
        assert set(spec.tables) <= set(COLUMNS), spec.key
        assert set(spec.optional) <= set(spec.tables), spec.key
    # Every detail table but the ratios (read with the budget) fills its own record field.
    assert set(panes.DETAIL_TABLES) - {"ratios"} == detail_records.DETAIL_FIELDS


def test_views_import_neither_textual_nor_rich():
    code = (
        "import sys\n"
        "import fichas_tui.views.program, fichas_tui.views.serialize, fichas_tui.views.cells\n"
        "bad = sorted(m for m in sys.modules if m.split('.')[0] in ('textual', 'rich'))\n"
        "print(','.join(bad))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == ""
