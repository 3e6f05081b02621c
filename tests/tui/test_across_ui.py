"""Región (r) and Ranking (K) in the explorer: pilot flows and snapshots on the fixture."""

from __future__ import annotations

import pytest
from textual.widgets import DataTable

from fichas_tui.tui.app import make_app
from fichas_tui.tui.screens.across import AcrossScreen, Computed, distribution
from fichas_tui.tui.screens.browser import BrowserScreen
from fichas_tui.tui.widgets.detail import Detail
from tests.helpers import (
    COMMITTED_DATASET,
    FIXTURE,
    RESIDENCIA,
    SIZES,
    SMALLEST,
    explore,
    keys_then,
    press,
    rendered,
)


def row_keys(app) -> list[str]:
    table = app.screen.query_one(DataTable)
    return [table.coordinate_to_cell_key((i, 0)).row_key.value for i in range(table.row_count)]


@pytest.mark.asyncio
async def test_ranking_orders_and_steps_measures():
    async with explore(FIXTURE, (100, 30)) as pilot:
        app = pilot.app
        await press(pilot, "K")
        assert isinstance(app.screen, AcrossScreen)
        # M$ 2024 ranked first; the two M$ 2023 fichas after, under their own heading row
        # (fixture budgets)
        assert row_keys(app) == [
            "alimentacion-escolar",
            "subsidio-empleo-joven",
            "residencia-familiar-adolescentes",
            "§3",
            "programa-vinculos",
            "fondo-fomento-audiovisual",
        ]
        assert "5 programas · 2 en otra base · 0 sin dato" in rendered(app, "#across-status")
        assert "posición 1 de 3" in rendered(app, "#across-status")
        await press(pilot, "right_square_bracket")  # next measure: execution against inicial
        assert app.screen.state.measure == "ejecucion-inicial"
        # 1.283.987.654 / 1.250.000.000 = 102,7 %; 12.950.000 / 13.000.000 = 99,6 %;
        # 9.876.543 / 10.000.000 = 98,8 %; 151.234.567 / 170.000.000 = 89,0 %; stated 83,1 %
        assert row_keys(app) == [
            "alimentacion-escolar",
            "programa-vinculos",
            "fondo-fomento-audiovisual",
            "subsidio-empleo-joven",
            "residencia-familiar-adolescentes",
        ]
        await press(pilot, "s")  # ascending
        assert row_keys(app)[0] == "residencia-familiar-adolescentes"
        await press(pilot, "left_square_bracket", "down", "down", "down")  # the heading row
        status = rendered(app, "#across-status")
        assert "En pesos de 2023 (2): otra base, ordenados aparte" in status
        await press(pilot, "enter")  # a heading opens nothing
        assert isinstance(app.screen, AcrossScreen)
        await press(pilot, "down")
        assert "Fondo de Fomento Audiovisual: 1 de 2 aparte, otra base (2023)" in rendered(
            app, "#across-status"
        )


@pytest.mark.asyncio
async def test_enter_opens_regiones_and_escape_comes_back_to_the_row():
    async with explore(FIXTURE, (100, 30)) as pilot:
        app = pilot.app
        await press(pilot, "K", "down", "enter")
        assert isinstance(app.screen, BrowserScreen)
        detail = app.screen.query_one(Detail)
        assert detail.active_tab == "regiones"
        assert detail.detail.program.program_id == "subsidio-empleo-joven"
        await press(pilot, "escape")
        assert isinstance(app.screen, AcrossScreen)
        table = app.screen.query_one(DataTable)
        assert row_keys(app)[table.cursor_row] == "subsidio-empleo-joven"
        await press(pilot, "escape")
        assert isinstance(app.screen, BrowserScreen)


@pytest.mark.asyncio
async def test_region_view_and_programs_without_breakdown():
    async with explore(FIXTURE, (100, 30), *RESIDENCIA) as pilot:
        app = pilot.app
        await press(pilot, "r")
        # the open program's largest region: Coquimbo 1.745.448 > Metropolitana 1.600.140
        # (Nivel central's 2.676.892 is no region)
        assert app.screen.state.region == "Coquimbo"
        assert row_keys(app) == ["residencia-familiar-adolescentes"]  # 1.745.448 there
        notes = rendered(app, "#across-notes")
        assert "Sin desglose regional (1): Subsidio al Empleo Joven." in notes
        await press(pilot, "right_square_bracket")  # Valparaíso, north to south
        assert app.screen.state.region == "Valparaíso"
        # Fondo's ficha is in M$ 2023: under its own heading, not ranked with Residencia's
        assert row_keys(app) == [
            "residencia-familiar-adolescentes",
            "§1",
            "fondo-fomento-audiovisual",
        ]


@pytest.mark.asyncio
async def test_region_opens_on_the_open_programs_largest_region():
    async with explore(FIXTURE, (100, 30)) as pilot:
        app = pilot.app
        assert app.screen.query_one(Detail).detail.program.program_id == (
            "fondo-fomento-audiovisual"
        )
        await press(pilot, "r")
        # its 2022 ficha: Metropolitana 7.000.000 > Valparaíso 2.876.543
        assert app.screen.state.region == "Metropolitana de Santiago"
        await press(pilot, "escape", "down")  # Alimentación Escolar, read in a worker
        await press(pilot, "r")
        # Metropolitana 500.000.000 > Biobío 150.000.000 > Arica 20.000.000 (Nivel central's
        # 613.987.654 is no region)
        assert app.screen.state.program[0] == "alimentacion-escolar"
        assert app.screen.state.region == "Metropolitana de Santiago"


@pytest.mark.asyncio
async def test_a_stale_result_is_dropped():
    async with explore(FIXTURE, (100, 30)) as pilot:
        app = pilot.app
        await press(pilot, "K")
        screen = app.screen
        shown = screen.view
        screen.on_computed(Computed(screen._token - 1, None, "viejo"))
        assert screen.view is shown and "viejo" not in rendered(app, "#across-status")


def test_distribution_bins():
    assert distribution([]) == []
    assert distribution([5.0, 5.0]) == [2.0]
    # width 2: [0, 2) holds 0 and 1, [2, 4) holds 2, the last bin holds 10
    assert distribution([0.0, 1.0, 2.0, 10.0], bins=5) == [2.0, 1.0, 0.0, 0.0, 1.0]


# (dataset, keys): the fixture (each ficha's pesos: no inflators) and the sample fichas (their
# inflators reach M$ 2024; the 2019 ficha's nominal pesos have no factor: "sin convertir")
SCENES = {
    "ranking": (FIXTURE, "K"),
    "region": (FIXTURE, "r"),
    "ranking_ejecucion": (FIXTURE, "K", "right_square_bracket"),
    "ranking_muestra": (COMMITTED_DATASET, "K"),
    "region_muestra": (COMMITTED_DATASET, "r"),
}
ACROSS_SIZES = {**SIZES, "60x20": SMALLEST}


@pytest.mark.parametrize("size", ACROSS_SIZES)
@pytest.mark.parametrize("scene", SCENES)
def test_scene(snap_compare, scene, size):
    data, *keys = SCENES[scene]
    app = make_app(data)
    assert snap_compare(app, terminal_size=ACROSS_SIZES[size], run_before=keys_then(*keys))
