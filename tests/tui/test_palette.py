"""The palette (ctrl+p) and Textual's other texts the user reads, in Spanish."""

from __future__ import annotations

import pytest
from textual.command import CommandInput, CommandList

from fichas_tui.tui.app import make_app
from fichas_tui.tui.screens.browser import BrowserScreen
from fichas_tui.tui.screens.palette import Palette
from fichas_tui.tui.widgets.detail import Detail
from tests.helpers import COMMITTED_DATASET, GSL, press, screen_output, settle

pytestmark = pytest.mark.asyncio


async def test_palette_placeholder_and_no_match_in_spanish(app):
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await press(pilot, "ctrl+p")
        assert isinstance(app.screen, Palette)
        placeholder = app.screen.query_one(CommandInput).placeholder
        assert placeholder == "Buscar un programa por nombre, servicio o ministerio (o «Tema»)…"
        await press(pilot, *"zzzz")
        await pilot.pause(0.8)  # Textual waits half a second before saying there is none
        text, _, _ = screen_output(app)
        assert "Ningún programa coincide" in text
        assert "No matches" not in text


async def test_theme_picker_in_spanish(app):
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        app.search_themes()
        await settle(pilot)
        assert isinstance(app.screen, Palette)
        assert app.screen.query_one(CommandInput).placeholder == "Buscar un tema de colores…"


async def test_ctrl_c_says_how_to_quit_in_spanish(app):
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await press(pilot, "ctrl+c")
        [notice] = app._notifications
        assert (notice.title, notice.message) == ("¿Quiere salir?", "Pulse q para salir.")
        assert app.is_running


async def test_palette_finds_the_sample_name_typed_with_its_punctuation():
    # tests/test_search_punctuation.py checks the list's filter and `show`; this, the palette.
    app = make_app(COMMITTED_DATASET)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        for typed in ("(ex apoyo", "social local - gsl"):
            await press(pilot, "ctrl+p")
            await press(pilot, *typed)  # typed key by key, as a user does
            await pilot.pause(0.5)
            await settle(pilot)
            assert app.screen.query_one(CommandInput).value == typed
            hits = app.screen.query_one(CommandList)
            assert hits.option_count == 1, typed
            assert GSL in str(hits.get_option_at_index(0).prompt), typed
            if typed == "(ex apoyo":
                await press(pilot, "escape")
        await press(pilot, "enter")  # opens it
        assert isinstance(app.screen, BrowserScreen)
        assert app.screen.query_one(Detail).detail.ficha.name == GSL
