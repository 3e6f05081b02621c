"""Regiones summary: the fixture's regional spending per inhabitant, north to south."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from fichas_tui.cli.commands import main
from fichas_tui.data.across import Selection
from fichas_tui.data.totals import region_totals
from fichas_tui.geography import CANONICAL_REGIONS, NIVEL_CENTRAL
from fichas_tui.views.regions_summary import regions_view
from tests.helpers import FIXTURE


def test_two_regions_per_inhabitant_and_shares(fixture_store):
    view = regions_view(region_totals(fixture_store, Selection()), years=(2022, 2023))
    assert [r["region"] for r in view.records] == [*CANONICAL_REGIONS, NIVEL_CENTRAL]
    rows = {r["region"]: r for r in view.records}
    # Biobío: alimentación 150.000.000 + residencia 1.005.643 (M$ 2024) over 1.613.059 people
    biobio = rows["Biobío"]
    assert biobio["spending"] == 151_005_643
    assert biobio["per_inhabitant_clp"] == pytest.approx(151_005_643_000 / 1_613_059)
    # Arica y Parinacota: M$ 20.000.000 over 244.569 people = $81.776,5
    assert rows["Arica y Parinacota"]["per_inhabitant_clp"] == pytest.approx(81_776.513, 1e-6)
    regional = 675_058_540  # every canonical region's M$ 2024, Nivel central not included
    assert view.total["spending"] == regional
    assert biobio["share_pct"] == pytest.approx(151_005_643 / regional * 100)
    assert biobio["population_pct"] == pytest.approx(1_613_059 / 18_480_432 * 100)
    # Maule: vínculos in M$ 2023 only: apart, not summed, not 0
    assert (rows["Maule"]["spending"], rows["Maule"]["other_basis"]) == (None, 1)
    # O'Higgins: residencia breaks it down with "-": missing
    assert rows["Libertador General Bernardo O'Higgins"]["missing"] == 1
    assert rows[NIVEL_CENTRAL]["share_pct"] is None  # no inhabitants, not in the shares
    assert any("Gasto de 2022, 2023 dividido por la población de 2024" in n
               for n in view.table.notes)  # fmt: skip


def test_cli_json():
    result = CliRunner().invoke(main, ["regiones", "--data", str(FIXTURE), "--json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert data["basis"] == "M$ 2024" and data["census"]["licence"] == "CC BY 4.0"
    assert data["rows"][0]["region"] == "Arica y Parinacota"
    narrowed = CliRunner().invoke(
        main, ["regiones", "--servicio", "junta", "--data", str(FIXTURE), "--json"]
    )
    rows = {r["region"]: r for r in json.loads(narrowed.output)["rows"]}
    assert rows["Biobío"]["spending"] == 150_000_000
