"""A cell's source in words, the citation and the export columns (hand-checked on 003)."""

from __future__ import annotations

import pytest

from fichas_tui.data.queries import Store
from fichas_tui.views.citation import find, row_citation, table_citation
from fichas_tui.views.program import program_view
from fichas_tui.views.sources import describe, primary, with_sources
from tests.helpers import COMMITTED_DATASET, P2019, P2023


@pytest.fixture(scope="module")
def views():
    store = Store.open(COMMITTED_DATASET)
    try:
        yield {p: program_view(store.detail(p, None)) for p in (P2019, P2023)}
    finally:
        store.close()


def test_a_printed_figure_names_file_line_and_column(views):
    regions = views[P2023].pane("regiones").table("regions")
    coquimbo = next(i for i, r in enumerate(regions.rows) if r.key == "Coquimbo")
    i, cell = primary(regions, coquimbo)
    assert regions.columns[i].key == "spending" and cell.value == 1_745_448
    assert describe(cell) == (
        "ficha 2023, archivo 003_177960693a00c8d4.txt, línea 133, columna Total ejecutado (M$2024)"
    )


def test_a_computed_figure_names_its_rule_and_inputs(views):
    regions = views[P2023].pane("regiones").table("regions")
    row = next(r for r in regions.rows if r.key == "Coquimbo")
    per = row.cells[regions.column("per_beneficiary")]
    assert per.value == pytest.approx(1_745_448 / 114)
    assert describe(per) == (
        "calculado: gasto / beneficiarios (ficha 2023, archivo 003_177960693a00c8d4.txt, línea 133)"
    )


def test_missing_figures_say_why(views):
    # The 2019 template prints a component's spending for the evaluated year only.
    component = views[P2019].pane("presupuesto").table("component:0")
    row = next(r for r in component.rows if r.key == "2017")
    spending = row.cells[component.column("spending")]
    assert spending.value is None
    assert describe(spending).startswith("no se imprime en esta plantilla: ficha 2019")
    # N/C printed on its line: 003's first indicator, 2021
    found = find(views[P2023], "indicador", 2021)
    assert found.cell.status == "N/C"
    assert describe(found.cell) == (
        "ficha 2023, archivo 003_177960693a00c8d4.txt, línea 154, columna Efectivo 2021 "
        "(la ficha dice N/C (valor no comparable dado que se realizaron ajustes o cambios en el "
        "indicador))"
    )


def test_a_table_printed_as_an_image_says_so(views):
    # 003's budget table was an image: the text leaves lines 81-83 blank under its heading
    budget = views[P2023].pane("presupuesto").table("budget")
    cell = budget.rows[-1].cells[budget.column("inicial")]
    assert cell.value is None and cell.origin.line == 81
    assert describe(cell) == (
        "impreso como imagen en la ficha original (el texto no trae la tabla): ficha 2023, "
        "archivo 003_177960693a00c8d4.txt, línea 81"
    )
    # its executed total is printed elsewhere (the subtitles' total row, line 110)
    assert budget.rows[-1].cells[budget.column("ejecutado")].origin.line == 110
    # 002's last component: its production chart was an image, its spending is printed
    component = views[P2019].pane("presupuesto").table("component:3")
    row = component.rows[0]
    assert row.cells[component.column("production")].origin.line == 95
    assert row.cells[component.column("spending")].origin.missing is None


def test_citations_carry_the_hash_prefix(views):
    regions = views[P2023].pane("regiones").table("regions")
    assert row_citation(regions, 0, "Programa X").endswith("— SHA-256 ab8655652398")
    lines = table_citation(regions, "Programa X").split("\n")
    assert lines[0].endswith("\tFuente")
    assert all("SHA-256 ab8655652398" in line for line in lines[1:-1])


def test_export_columns_add_each_figures_source(views):
    regions = with_sources(views[P2023].pane("regiones").table("regions"))
    keys = [c.key for c in regions.columns]
    assert keys[:3] == ["region", "spending", "spending_fuente"]
    assert keys[-2:] == ["archivo", "sha256"]
    row = next(r for r in regions.rows if r.key == "Coquimbo")
    assert "línea 133" in row.cells[keys.index("spending_fuente")].value
    assert row.cells[keys.index("archivo")].value == "003_177960693a00c8d4.txt"
