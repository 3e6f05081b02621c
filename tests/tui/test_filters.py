"""The filters dialog (t) and the facets on the program list, on the fixture (see
tests/test_facets.py for which fichas hold which region, executor, warning and finding)."""

from __future__ import annotations

import pytest
from textual.widgets import Checkbox, Input, Select

from fichas_tui.tui.filter_state import LABEL_WIDTH, Filters
from fichas_tui.tui.screens.browser import BrowserScreen
from fichas_tui.tui.screens.facet_filter import FacetsRead
from fichas_tui.tui.screens.filters import FiltersScreen
from tests.helpers import list_names, press, screen_output, settle

PAE = "Programa de Alimentación Escolar"
RES = "Residencia Familiar para Adolescentes"
# In the region list: Todas, Arica y Parinacota, Tarapacá, Antofagasta, Atacama, Coquimbo.
TO_COQUIMBO = ("enter", *("down",) * 5, "enter")


def test_label_names_each_filter_on():
    assert Filters().label() == ""
    assert Filters(year=2023, region="Coquimbo", with_warnings=True).label() == (
        "año 2023 · Coquimbo · con avisos"
    )
    assert Filters(executor="Municipio", findings="subejecución").label() == (
        "ejecuta Municipio · hallazgos «subejecución»"
    )


def test_label_fits_and_counts_what_does_not():
    every = Filters(
        ministry="Ministerio de Desarrollo Social y Familia",
        service="Servicio Nacional de Protección Especializada a la Niñez y Adolescencia",
        year=2023,
        region="Aysén del General Carlos Ibáñez del Campo",
        executor="Organismo privado sin fines de lucro",
        with_warnings=True,
        findings="subejecución presupuestaria",
    )
    label = every.label()
    assert len(label) <= LABEL_WIDTH
    assert label == "Ministerio de Des… · Servicio Nacional… · +5"
    assert every.label(None).count(" · ") == 6  # the whole label, for the empty-list message


def test_facets_needed_only_for_what_memory_lacks():
    assert Filters(ministry="M", year=2023).facets() is None
    assert Filters(findings="  ").facets() is None
    assert Filters(year=2023, region="Maule").facets().year == 2023
    assert Filters(findings=" subejecución ").facets().findings == "subejecución"


@pytest.mark.asyncio
async def test_dialog_flow_at_60x20(app):
    async with app.run_test(size=(60, 20)) as pilot:
        await settle(pilot)
        await press(pilot, "t")
        dialog = app.screen
        assert isinstance(dialog, FiltersScreen)
        # the executors fill in from the dataset once read
        options = dialog.query_one("#executor", Select)._options
        assert [str(label) for label, _ in options][1:3] == [
            "Empresas concesionarias de alimentación",
            "Municipio",
        ]
        # region Coquimbo, fichas with warnings; every control reachable with Tab (executors,
        # verdict, findings' text, measure, operator, threshold, then the checkbox)
        await press(pilot, "tab", "tab", "tab", *TO_COQUIMBO, *("tab",) * 7, "space")
        assert dialog.query_one("#warnings", Checkbox).value
        await press(pilot, "tab", "enter")  # Aplicar
        assert isinstance(app.screen, BrowserScreen)
        assert list_names(app) == [PAE, RES]  # pae2019 and res2023: Coquimbo and a warning
        status = screen_output(app)[0].splitlines()[1]
        assert status.startswith(" 2 de 5 programas · filtros: Coquimbo · con avisos")

        # composed with the typed search
        await press(pilot, "slash", *"residencia")
        assert list_names(app) == [RES]
        app.screen.query_one("#filter", Input).value = ""
        await settle(pilot)
        assert list_names(app) == [PAE, RES]

        # the dialog shows the filters on; a findings text (no accent) narrows further
        await press(pilot, "escape", "t")
        dialog = app.screen
        assert dialog.query_one("#region", Select).value == "Coquimbo"
        dialog.query_one("#findings", Input).focus()
        await press(pilot, *"SUBEJECUCION", "enter")
        assert list_names(app) == [RES]
        status = screen_output(app)[0].splitlines()[1]
        assert status.startswith(" 1 de 5 programas · filtros: Coquimbo · con avisos · +1")

        # a finding no ficha holds: the empty list says why
        await press(pilot, "t")
        app.screen.query_one("#findings", Input).value = "' OR 1=1 --"
        app.screen.query_one("#findings", Input).focus()
        await press(pilot, "enter")
        assert list_names(app) == []
        assert "Ningún programa coincide con los filtros" in screen_output(app)[0]

        # Limpiar: every program again, no filter in the status line
        await press(pilot, "t")
        await pilot.click("#clear")
        await settle(pilot)
        assert len(list_names(app)) == 5
        assert "filtros" not in screen_output(app)[0].splitlines()[1]


@pytest.mark.asyncio
async def test_stale_facet_answer_is_dropped(app):
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        screen = app.screen
        screen.apply_filters(Filters(region="Ñuble"))
        # answered by a worker: the list stays as it was meanwhile, the status line says so
        assert screen.facets.reading and len(list_names(app)) == 5
        assert "(filtrando…)" in str(screen.query_one("#list-status").render())
        await settle(pilot)
        assert list_names(app) == ["Programa Vínculos"] and not screen.facets.reading
        # an answer for filters no longer chosen changes nothing
        screen.post_message(
            FacetsRead(Filters(region="Coquimbo"), frozenset({"alimentacion-escolar"}))
        )
        await settle(pilot)
        assert list_names(app) == ["Programa Vínculos"]
        # a year alone needs no query; the facet set is dropped with its filter
        screen.apply_filters(Filters(year=2019))
        await settle(pilot)
        assert list_names(app) == [PAE] and screen.facets.ids is None



def test_verdict_filter_label_and_query():
    chosen = Filters(verdict="subejecución:ejecucion-inicial")
    query = chosen.facets()
    assert (query.verdict, query.topic) == ("subejecución", "ejecucion-inicial")
    assert chosen.label() == "hallazgo subejecución resp…"
    assert Filters(verdict="sin hallazgos").facets().topic is None


@pytest.mark.asyncio
async def test_dialog_lists_the_datasets_verdicts(app):
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await press(pilot, "t")
        dialog = app.screen
        assert isinstance(dialog, FiltersScreen)
        options = [(str(label), value) for label, value in dialog.query_one("#verdict")._options]
        # the fixture's verdicts: res2023's sentences (sin clasificar is never offered)
        assert options[1:] == [
            ("subejecución respecto del inicial", "subejecución:ejecucion-inicial"),
            ("sin hallazgos en una dimensión", "sin hallazgos"),
        ]
        dialog.query_one("#verdict", Select).value = "subejecución:ejecucion-inicial"
        await pilot.click("#apply")
        await settle(pilot)
        assert list_names(app) == [RES]
        status = screen_output(app)[0].splitlines()[1]
        assert "hallazgo subejecución resp…" in status


def test_measure_filter_label_and_query():
    from fichas_tui.views.measure_filter import MeasureFilter

    chosen = Filters(measure=MeasureFilter("ejecucion-inicial", "<", 85.0))
    assert chosen.facets() is not None  # read from the dataset, by the worker
    assert chosen.label() == "ejec./inicial < 85 %"
    amount = Filters(measure=MeasureFilter("gasto-por-beneficiario", ">", 1000.0, 2024))
    assert amount.label() == "gasto/benef. > 1.000 ≈ M$ 2024"


@pytest.mark.asyncio
async def test_dialog_filters_on_a_measure_with_a_verdict(app):
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await press(pilot, "t")
        dialog = app.screen
        assert isinstance(dialog, FiltersScreen)
        dialog.query_one("#measure", Select).value = "ejecucion-inicial"
        await settle(pilot)
        assert str(dialog.query_one("#threshold-unit").render()) == "%"
        # a threshold that is not a number keeps the dialog open and says why
        dialog.query_one("#threshold", Input).value = "noventa"
        await pilot.click("#apply")
        await settle(pilot)
        assert app.screen is dialog
        dialog.query_one("#threshold", Input).value = "90"
        # a Button ignores clicks while it shows its press (0.2 s): a person is slower
        for _ in range(100):
            if not dialog.query_one("#apply").has_class("-active"):
                break
            await pilot.pause(0.02)
        await pilot.click("#apply")
        await settle(pilot)
        # latest fichas: residencia 83,1 and subsidio 88,96 are below 90 (pae 102,7, faa
        # 98,8, vínculos 99,6 are not)
        assert sorted(list_names(app)) == sorted([RES, "Subsidio al Empleo Joven"])
        status = screen_output(app)[0].splitlines()[1]
        assert "ejec./inicial < 90 %" in status
        # with a verdict: only residencia's findings state subejecución
        await press(pilot, "t")
        dialog = app.screen
        assert dialog.query_one("#threshold", Input).value == "90"
        dialog.query_one("#verdict", Select).value = "subejecución:ejecucion-inicial"
        await pilot.click("#apply")
        await settle(pilot)
        assert list_names(app) == [RES]
