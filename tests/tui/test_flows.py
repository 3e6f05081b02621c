"""Pilot tests of the main flows: filter, open a program, palette, year selector."""

from __future__ import annotations

import pytest
from textual.widgets import Input, Select

from fichas_tui.tui.app import make_app
from fichas_tui.tui.screens.browser import BrowserScreen
from fichas_tui.tui.screens.empty import EmptyScreen
from fichas_tui.tui.screens.help import HelpScreen
from fichas_tui.tui.widgets.detail import Detail
from fichas_tui.tui.widgets.program_list import ProgramList
from tests.helpers import FIXTURE, list_names, pane_text, press, settle

pytestmark = pytest.mark.asyncio


async def test_typing_narrows_the_list(app):
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        assert len(list_names(app)) == 5
        await press(pilot, "slash", *"residencia adolesc")
        assert list_names(app) == ["Residencia Familiar para Adolescentes"]
        app.screen.query_one("#filter", Input).value = ""
        await press(pilot, *"ESCOLAR alimentación")
        assert list_names(app) == ["Programa de Alimentación Escolar"]
        app.screen.query_one("#filter", Input).value = ""
        await press(pilot, *"100%_'\\")
        assert list_names(app) == []
        assert "0 de 5 programas" in str(app.screen.query_one("#list-status").render())


async def test_selecting_fills_every_pane(app):
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await press(pilot, "slash", *"residencia", "enter")
        detail = app.screen.query_one(Detail).detail
        assert detail.program.program_id == "residencia-familiar-adolescentes"
        assert detail.year == 2023
        resumen = pane_text(app, "resumen")
        assert "Servicio Nacional de Protección Especializada" in resumen
        assert "subejecución presupuestaria" in resumen
        await press(pilot, "2")
        presupuesto = pane_text(app, "presupuesto")
        assert "Presupuesto por año (M$ 2024)" in presupuesto
        assert "8.146.335" in presupuesto and "83,1 %" in presupuesto
        assert "297.978" in presupuesto and "4.789,7" in presupuesto
        assert "N/C" in presupuesto  # production of 2022, kept as its code
        await press(pilot, "3")
        indicadores = pane_text(app, "indicadores")
        assert "Indicadores de propósito" in indicadores
        assert "72,5" in indicadores and "N/C" in indicadores and "61,25" in indicadores
        await press(pilot, "f")
        assert "Fórmula:" in pane_text(app, "indicadores")
        await press(pilot, "4")
        regiones = pane_text(app, "regiones")
        assert "1.745.448" in regiones and "22,6 %" in regiones and "15.310,9" in regiones
        lines = regiones.splitlines()
        central = next(
            i
            for i, line in enumerate(lines)
            if line.strip().startswith("Nivel central") and "2.676.892" in line
        )
        coquimbo = next(i for i, line in enumerate(lines) if line.strip().startswith("Coquimbo"))
        assert central > coquimbo  # kept apart, after the regions


async def test_year_selector_changes_figures(app):
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await press(pilot, "slash", *"residencia", "enter", "2")
        assert "8.146.335" in pane_text(app, "presupuesto")
        await press(pilot, "left_square_bracket")
        detail = app.screen.query_one(Detail).detail
        assert detail.year == 2021
        assert app.screen.query_one("#year", Select).value == 2021
        presupuesto = pane_text(app, "presupuesto")
        # The 2021 ficha's own table; the table of every ficha's budget after it keeps 2023's.
        own, every = presupuesto.split("Presupuesto en todas las fichas", 1)
        assert "M$ 2022" in own and "2.000.000" in own
        assert "8.146.335" not in own and "8.146.335" in every
        # The Select works too.
        app.screen.query_one("#year", Select).value = 2023
        await settle(pilot)
        assert app.screen.query_one(Detail).detail.year == 2023


async def test_palette_jumps_to_program(app):
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await press(pilot, "ctrl+p", *"vinculos")
        await pilot.pause(0.3)
        await press(pilot, "enter")
        assert isinstance(app.screen, BrowserScreen)
        detail = app.screen.query_one(Detail).detail
        assert detail.program.name == "Programa Vínculos"
        assert app.screen.has_class("-detail")


async def test_narrow_detail_and_back(app):
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        assert not app.screen.query_one(Detail).display
        await press(pilot, "enter")
        assert app.screen.query_one(Detail).display
        assert not app.screen.query_one("#list-pane").display
        await press(pilot, "escape")
        assert app.screen.query_one("#list-pane").display
        assert app.screen.focused is app.screen.query_one(ProgramList)


async def test_sort_by_budget_and_filters(app):
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await press(pilot, "o")
        # M$ 2024 (three programs) largest first, then the two in M$ 2023: never one ranking.
        assert list_names(app) == [
            "Programa de Alimentación Escolar",
            "Subsidio al Empleo Joven",
            "Residencia Familiar para Adolescentes",
            "Programa Vínculos",
            "Fondo de Fomento Audiovisual",
        ]
        screen = app.screen
        ministry = "Ministerio de Desarrollo Social y Familia"
        screen.facets.filters = type(screen.filters)(ministry=ministry)
        screen.refilter()
        await settle(pilot)
        assert sorted(list_names(app)) == [
            "Programa Vínculos",
            "Residencia Familiar para Adolescentes",
        ]
        screen.facets.filters = type(screen.filters)(year=2019)
        screen.refilter()
        await settle(pilot)
        assert list_names(app) == ["Programa de Alimentación Escolar"]


async def test_help_and_quit(app):
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await press(pilot, "question_mark")
        assert isinstance(app.screen, HelpScreen)
        await press(pilot, "escape")
        await press(pilot, "f1")
        assert isinstance(app.screen, HelpScreen)
        await press(pilot, "escape", "q")
    assert app.return_code == 0


async def test_no_region_breakdown_says_so(app):
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await press(pilot, "slash", *"subsidio", "enter", "4")
        assert "no trae desglose regional" in pane_text(app, "regiones")


async def test_missing_and_damaged_dataset(tmp_path):
    app = make_app(tmp_path / "nada")
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        assert isinstance(app.screen, EmptyScreen)
    damaged = tmp_path / "damaged"
    damaged.mkdir()
    for source in FIXTURE.glob("*.parquet"):
        (damaged / source.name).write_bytes(source.read_bytes())
    (damaged / "budget.parquet").write_bytes((FIXTURE / "budget.parquet").read_bytes()[:100])
    app = make_app(damaged)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        assert isinstance(app.screen, EmptyScreen) and app.screen.damaged
        assert "budget.parquet" in app.screen.problem


async def test_resumen_shows_coverage_on_both_bases():
    """002 reports coverage 2015-2019 on the potential and the target population."""
    from fichas_tui.locations import sample_dir

    app = make_app(sample_dir())
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await press(pilot, "slash", *"primera infancia", "enter")
        resumen = pane_text(app, "resumen")
        assert "Cobertura por año (% de la población), ficha 2019" in resumen
        objetivo = next(line for line in resumen.splitlines() if "Población objetivo" in line)
        potencial = next(line for line in resumen.splitlines() if "Población potencial" in line)
        # Exactly as the ficha writes them (2 decimals), never rounded away.
        assert " ".join(objetivo.split()[2:]) == "100,00 % 145,92 % 71,61 % 80,13 % 97,85 %"
        assert " ".join(potencial.split()[2:]) == "97,64 % 143,96 % 84,15 % 83,82 % 71,85 %"
