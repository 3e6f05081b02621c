"""Spending per inhabitant and population shares (hand-computed from the 2024 census)."""

from __future__ import annotations

import pytest

from fichas_tui.views import regiones
from fichas_tui.views.model import Basis, Cell
from fichas_tui.views.population import census_note, per_inhabitant, population_share
from fichas_tui.views.region_programs import region_view
from tests.helpers import P2023


def test_per_inhabitant_for_two_regions_of_the_2023_ficha(sample):
    table = regiones.build(sample.detail(P2023)).table("regions_population")
    rows = {r.key: r for r in table.rows}
    per, share = table.column("per_inhabitant"), table.column("population_pct")
    # Coquimbo: M$ 1.745.448 (2024) = $1.745.448.000 over 832.864 people = $2.095,7
    coquimbo = rows["Coquimbo"].cells
    assert coquimbo[per].value == pytest.approx(2095.718, abs=0.001)
    assert coquimbo[per].basis == Basis(unit="$", price_year=2024)
    assert coquimbo[table.column("spending_pct")].value == 22.6  # beside its 4,5 %
    assert coquimbo[share].value == pytest.approx(4.5067, abs=0.0001)  # 832.864 / 18.480.432
    # Metropolitana: M$ 1.600.140 over 7.400.741 people = $216,2
    metropolitana = rows["Metropolitana de Santiago"].cells
    assert metropolitana[per].value == pytest.approx(216.213, abs=0.001)
    assert metropolitana[share].value == pytest.approx(40.0464, abs=0.0001)
    # O'Higgins gives "-" for its spending: no figure per inhabitant either, the code kept
    ohiggins = rows["Libertador General Bernardo O'Higgins"].cells
    assert ohiggins[per].value is None and ohiggins[per].status == "-"
    # the ficha's total over the whole country: 7.735.432.000 / 18.480.432
    assert rows["total"].cells[per].value == pytest.approx(418.574, abs=0.001)
    assert any("Censo de Población y Vivienda 2024" in n for n in table.notes)
    assert any("Gasto de 2023 dividido por la población de 2024" in n for n in table.notes)


def test_other_years_say_they_use_the_2024_census():
    assert "Gasto de 2019, 2021 dividido por la población de 2024" in census_note(
        (2019, 2024, 2021, None)
    )


def test_nivel_central_has_no_inhabitants_and_missing_stays_missing():
    assert per_inhabitant(Cell(1000.0), "Nivel central").status == "-"
    assert population_share("Nivel central").value is None
    kept = per_inhabitant(Cell(None, "N/C"), "Coquimbo")
    assert kept.value is None and kept.status == "N/C"


def test_region_view_beside_the_share_of_population(sample):
    from fichas_tui.data.across import Selection, region_rows

    view = region_view(region_rows(sample, "Coquimbo", Selection()), "Coquimbo")
    (record,) = [r for r in view.records if r["breakdown"]]
    assert record["per_inhabitant_clp"] == pytest.approx(2095.718, abs=0.001)
    assert record["share_pct"] == 22.6
    assert record["population_pct"] == pytest.approx(4.5067, abs=0.0001)
