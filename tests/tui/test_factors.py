"""Factores (P and the palette): the factors into M$ of a year on the sample fichas."""

from __future__ import annotations

import pytest
from textual.command import CommandList

from fichas_tui.tui.app import make_app
from fichas_tui.tui.screens.factors import FactorsScreen
from tests.helpers import (
    COMMITTED_DATASET,
    explore,
    keys_then,
    press,
    rendered,
    screen_output,
    settle,
)


@pytest.mark.asyncio
async def test_p_then_capital_p_shows_each_years_factor_and_its_ficha():
    async with explore(COMMITTED_DATASET, (100, 30)) as pilot:
        app = pilot.app
        await press(pilot, "P")
        assert isinstance(app.screen, FactorsScreen)
        body = screen_output(app)[0]
        # the RF ficha (ab86...) prints its inflators into M$ 2024: 2022 -> 1,1002
        assert "Factores a M$ de 2024" in body
        assert "2022  1,1002" in body and "impreso" in body
        # the ficha by program and year, with the id's first 12 hex to cite it
        assert "Residencia Familiar de" in body and "(ab8655652398)" in body
        assert "ab86556523989ed3" not in body
        assert "2024  1,0000        el mismo año" in body
        await press(pilot, "left_square_bracket")  # M$ 2023: divided by 2023 -> 2024
        body = screen_output(app)[0]
        # 2022 -> 2023 = 1,1002 / 1,0350 = 1,06300...; 2024 -> 2023 = 1 / 1,0350 = 0,96618...
        assert "Factores a M$ de 2023" in body
        assert "2022  1,0630" in body and "2024  0,9662" in body
        await press(pilot, "escape")
        assert not isinstance(app.screen, FactorsScreen)


@pytest.mark.asyncio
async def test_the_palette_opens_the_factors():
    app = make_app(COMMITTED_DATASET)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await press(pilot, "ctrl+p")
        await press(pilot, *"factores")
        await pilot.pause(0.5)
        await settle(pilot)
        hits = app.screen.query_one(CommandList)
        assert "Factores" in str(hits.get_option_at_index(0).prompt)
        await press(pilot, "enter")
        assert isinstance(app.screen, FactorsScreen)


def test_factors_snapshot(snap_compare):
    app = make_app(COMMITTED_DATASET)
    assert snap_compare(app, terminal_size=(80, 24), run_before=keys_then("P"))


@pytest.mark.asyncio
async def test_the_source_line_names_the_factor_that_converted_the_row():
    async with explore(COMMITTED_DATASET, (100, 30)) as pilot:
        app = pilot.app
        await press(pilot, "enter")  # GSL, its 2021 ficha in M$ 2022, opened in ≈ M$ 2024
        await press(pilot, "2")
        await press(pilot, "down", "down")  # Presupuesto por año, 2021: ≈2.870.029
        line = rendered(app, "#source-line")
        # 2.608.643 M$ 2022 x 1,1002, the factor the RF ficha (ab86...) prints for 2022
        assert line.startswith("≈ ×1,1002 (2022 → 2024, ficha ab86556523989ed3) · Fuente:")
