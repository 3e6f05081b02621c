"""Totales (s) and Regiones (R) from the list: pilot flows and snapshots on the fixture."""

from __future__ import annotations

import pytest
from textual.widgets import DataTable

from fichas_tui.tui.app import make_app
from fichas_tui.tui.screens.browser import BrowserScreen
from fichas_tui.tui.screens.summary import SummaryScreen, Summed
from tests.helpers import FIXTURE, SMALLEST, explore, keys_then, press, rendered


def cells(app, key: str) -> list[str]:
    table = app.screen.query_one(DataTable)
    return [str(c) for c in table.get_row(key)]


def row_keys(app) -> list[str]:
    table = app.screen.query_one(DataTable)
    return [table.coordinate_to_cell_key((i, 0)).row_key.value for i in range(table.row_count)]


@pytest.mark.asyncio
async def test_totals_of_the_filtered_list_and_groupings():
    async with explore(FIXTURE, (100, 30)) as pilot:
        app = pilot.app
        await press(pilot, "slash", *"residencia", "escape")
        await press(pilot, "s")
        assert isinstance(app.screen, SummaryScreen)
        assert app.screen.state.ids == ("residencia-familiar-adolescentes",)
        assert row_keys(app) == ["Ministerio de Desarrollo Social y Familia", "Total"]
        assert "8.146.335" in cells(app, "Total")
        assert "1 programas («residencia»)" in rendered(app, "#summary-title")
        await press(pilot, "right_square_bracket")  # by service
        assert app.screen.state.by == "servicio"
        assert row_keys(app)[0].startswith("Servicio Nacional de Protección Especializada")
        await press(pilot, "escape")
        assert isinstance(app.screen, BrowserScreen)


@pytest.mark.asyncio
async def test_totals_by_verdict():
    async with explore(FIXTURE, (100, 30)) as pilot:
        app = pilot.app
        await press(pilot, "s", "left_square_bracket")  # from ministerio back to hallazgo
        assert app.screen.state.by == "hallazgo"
        keys = row_keys(app)
        # sin clasificar: alimentación 1.283.987.654 + subsidio 151.234.567 (both M$ 2024)
        assert keys[0] == "sin clasificar"
        assert "1.435.222.221" in cells(app, "sin clasificar")
        assert "8.146.335" in cells(app, "subejecución respecto del inicial")
        assert keys[-2:] == ["(ficha sin veredictos)", "Total"]


@pytest.mark.asyncio
async def test_regions_summary_of_every_program_north_to_south():
    async with explore(FIXTURE, (100, 30)) as pilot:
        app = pilot.app
        await press(pilot, "R")
        assert app.screen.state.ids is None  # nothing filtered: every program
        keys = row_keys(app)
        assert keys[:2] == ["Arica y Parinacota", "Tarapacá"]
        assert keys[-2:] == ["Nivel central", "Total regiones"]
        assert "93.614" in cells(app, "Biobío")  # $ per inhabitant: 151.005.643.000 / 1.613.059
        screen = app.screen
        shown = screen.table
        screen.on_summed(Summed(screen._token - 1, None, screen.pesos, "viejo"))
        assert screen.table is shown and "viejo" not in rendered(app, "#summary-status")


SCENES = {
    "totales": ("s",),
    "regiones_resumen": ("R",),
    # ministerio -> servicio -> región -> hallazgo
    "totales_hallazgo": ("s", *("right_square_bracket",) * 3),
}
SIZES = {"80x24": (80, 24), "60x20": SMALLEST}


@pytest.mark.parametrize("size", SIZES)
@pytest.mark.parametrize("scene", SCENES)
def test_scene(snap_compare, scene, size):
    app = make_app(FIXTURE)
    assert snap_compare(app, terminal_size=SIZES[size], run_before=keys_then(*SCENES[scene]))


@pytest.mark.asyncio
async def test_the_palette_opens_the_regions_summary():
    async with explore(FIXTURE, (100, 30)) as pilot:
        app = pilot.app
        await press(pilot, "ctrl+p", *"regiones por habitante")
        await pilot.pause(0.3)
        await press(pilot, "enter")
        assert isinstance(app.screen, SummaryScreen) and app.screen.state.kind == "regiones"
