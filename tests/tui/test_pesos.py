"""Pilot tests of `p`: the list (figures, marks, order, header, status) in constant pesos."""

from __future__ import annotations

import pytest

from fichas_tui.tui.app import make_app
from fichas_tui.tui.widgets.program_list import ProgramList
from tests.helpers import (
    COMMITTED_DATASET,
    GSL,
    explore,
    keys_then,
    list_names,
    open_keys,
    press,
    rendered,
    screen_output,
    settle,
)

RLP = "PROTECCIÓN - RESIDENCIA DE PROTECCIÓN PARA PRIMERA INFANCIA (RLP)"
RF = "Residencia Familiar de Administración Directa (RF)"


@pytest.mark.asyncio
async def test_the_list_opens_in_m_2024_and_p_reaches_every_year_then_each_fichas():
    async with explore(COMMITTED_DATASET, (80, 24)) as pilot:
        app = pilot.app
        await press(pilot, "o")
        # Nothing chosen: the latest year the sample's factors reach (003's table into 2024).
        assert "≈ M$ 2024" in rendered(app, "#list-status")
        assert list_names(app) == [RF, GSL, RLP]  # 8.146.335 > ≈2.870.029; † after
        text = screen_output(app)[0]
        assert "≈2.870.029" in text  # 2.608.643 M$ 2022 x 1,1002
        assert "10.174.000† nom.19" in text  # nominal 2019: no factor, as printed
        assert "Ejec. ≈ M$ 2024" in text
        assert "8.146.335" in text and "≈8.146.335" not in text  # printed in M$ 2024

        await press(pilot, "p")  # an earlier year: divided by the factor into 2024
        assert "≈ M$ 2023" in rendered(app, "#list-status")
        text = screen_output(app)[0]
        assert "≈7.870.855" in text  # 8.146.335 / 1,0350
        assert "≈2.772.975" in text  # 2.608.643 x 1,1002 / 1,0350 = 2.772.974,9

        await press(pilot, "p", "p", "p", "p")  # 2022, 2021, 2020, then each ficha's pesos
        assert "pesos de cada ficha" in rendered(app, "#list-status")
        text = screen_output(app)[0]
        assert "≈" not in text
        assert "2.608.643 M$22" in text and "10.174.000 nom.19" in text
        assert "Ejecutado M$ 2024" in text


@pytest.mark.asyncio
async def test_p_on_a_dataset_without_factors_says_so_and_changes_nothing(app):
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        before = list_names(app), screen_output(app)[0]
        await press(pilot, "p")
        notices = [str(n.message) for n in app._notifications]
        assert any("no tiene factores" in n for n in notices)
        assert "pesos de cada ficha" in rendered(app, "#list-status")
        assert app.screen.query_one(ProgramList).pesos.target is None
        assert list_names(app) == before[0]


# Constant-pesos scenes on the sample (the fixture has no inflators), at 80x24.
PESOS_SCENES = {
    "lista_m2024": ("o",),  # the basis it opens in
    "presupuesto_m2024": (*open_keys("primera infancia"), "2"),
    "regiones_m2024": (*open_keys("administracion directa"), "4"),
}


@pytest.mark.parametrize("scene", PESOS_SCENES)
def test_constant_pesos_snapshot(snap_compare, scene):
    app = make_app(COMMITTED_DATASET)
    keys = keys_then(*PESOS_SCENES[scene])

    async def run_before(pilot) -> None:
        await keys(pilot)
        # `p`'s 3-second toast is on screen or gone depending on how fast the keys ran
        pilot.app.clear_notifications()
        await settle(pilot)

    assert snap_compare(app, terminal_size=(80, 24), run_before=run_before)


@pytest.mark.asyncio
async def test_one_basis_on_the_app_every_screen_follows():
    from fichas_tui.tui.screens.across import AcrossScreen
    from fichas_tui.tui.widgets.detail import Detail
    from fichas_tui.views.pesos import Pesos

    async with explore(COMMITTED_DATASET, (100, 30)) as pilot:
        app = pilot.app
        browser = app.screen
        await press(pilot, "K")  # Ranking, over the list
        ranking = app.screen
        assert isinstance(ranking, AcrossScreen)
        each = Pesos(None, app.pesos.deflators)
        app.pesos = each  # set once, on the app: no screen is told by hand
        await settle(pilot)
        assert ranking.pesos is each and "pesos de cada ficha" in rendered(app, "#across-title")
        assert browser.query_one(ProgramList).pesos is each
        assert all(p.pesos is each for p in browser.query_one(Detail).panes() if p.pesos)
        await press(pilot, "p")  # p on Ranking: the next basis, the list's too
        assert ranking.pesos.target is not None and ranking.pesos is app.pesos
        assert browser.query_one(ProgramList).pesos is app.pesos


@pytest.mark.asyncio
async def test_sorted_by_amount_the_rows_without_a_factor_are_under_their_own_heading():
    async with explore(COMMITTED_DATASET, (80, 24)) as pilot:
        app = pilot.app
        await press(pilot, "o")
        # RF 8.146.335 M$ 2024, GSL ≈2.870.029; RLP's 10.174.000 nominal 2019 has no factor:
        # below a heading, not ranked above them (two lines per row at 80 columns)
        assert list_names(app) == [RF, GSL, RLP]
        plist = app.screen.query_one(ProgramList)
        assert plist.heading == (2, "Sin convertir (sin factor para su año): ordenados aparte")
        text = screen_output(app)[0].splitlines()
        heading = next(
            i for i, line in enumerate(text) if line.startswith(" ── Sin convertir (sin factor")
        )
        assert RLP[:40] in text[heading + 1] and GSL[:30] in text[heading - 2]
        assert "3 de 3 programas · 1 sin convertir" in rendered(app, "#list-status")
        await press(pilot, "down", "down")
        assert plist.current.name == RLP
        await press(pilot, "p")  # M$ 2023: 2019 has no factor into it either
        assert app.screen.pesos.target == 2023
        assert plist.heading == (2, "Sin convertir (sin factor para su año): ordenados aparte")
        await press(pilot, "o")  # by name: no heading
        assert plist.heading is None
