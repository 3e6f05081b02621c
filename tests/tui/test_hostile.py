"""Text is data: the explorer on a dataset whose every text holds markup and escape sequences.

The hostile dataset (tests/fixtures/make_hostile.py) puts Rich/Textual markup, OSC 8 links, screen
clears, BEL, NUL, CR, a 500-character word, a right-to-left override and wide characters in
every text field. Each screen must show that text literally, with control characters made
visible, and send nothing to the terminal but the app's own styling.
"""

from __future__ import annotations

import re

import pytest
from textual import events
from textual.command import CommandList, CommandPalette
from textual.widgets import Input, Select

from fichas_tui.tui.app import make_app
from fichas_tui.tui.screens.browser import BrowserScreen
from fichas_tui.tui.screens.filters import FiltersScreen
from fichas_tui.tui.screens.help import HelpScreen
from fichas_tui.tui.widgets.detail import Detail
from fichas_tui.tui.widgets.program_list import ProgramList
from tests.fixtures.make_hostile import (
    ACTION,
    HOSTILE_NAME,
    LINK,
    MARKUP,
    PLAIN_NAME,
)
from tests.helpers import HOSTILE, literal_queries, press, screen_output, settle

pytestmark = pytest.mark.asyncio

# What the app itself sends: SGR styles and cursor moves. Anything else came from ficha text.
_OWN_SEQUENCES = re.compile(r"\x1b\[[0-9;]*[mHABCDJK]")
_RAW = ("\x07", "\x00", "\r", "\x9b", "\u202e", "\x1b]", "\x1b[2J")


def assert_safe(app) -> str:
    """The screen sends no link, no raw control character, no foreign escape; returns its text."""
    text, ansi, svg = screen_output(app)
    for raw in _RAW:
        assert raw not in ansi, f"{raw!r} reached the terminal"
        assert raw not in text, f"{raw!r} is on the screen"
    assert "\x1b" not in _OWN_SEQUENCES.sub("", ansi), "an escape sequence from the data"
    assert "\x1b" not in text
    assert "<a " not in svg and 'href="file' not in svg
    return text


def assert_plain_segments(widget_or_lines) -> None:
    """No segment of the widget's render (or of these lines) carries a link or a click action
    (markup parsed)."""
    lines = widget_or_lines
    if not isinstance(lines, list):
        lines = lines.render_lines(lines.region.reset_offset)
    for strip in lines:
        for segment in strip:
            style = segment.style
            if style is None:
                continue
            assert not style.link, f"link in {segment.text!r}"
            assert "@click" not in (style.meta or {}), f"action in {segment.text!r}"


def pane_text(app, pane: str) -> str:
    """The whole pane body (not only what is scrolled into view) as plain text."""
    widget = app.screen.query_one(f"#pane-{pane}")
    lines = widget.content_lines()
    assert_plain_segments(lines)
    return "\n".join(strip.text for strip in lines)


def joined(text: str) -> str:
    """Text without line breaks or padding, so wrapped phrases can be searched."""
    return re.sub(r"\s+", "", text)


def names(app) -> list[str]:
    return [p.name for p in app.screen.query_one(ProgramList).programs]


async def open_hostile(pilot) -> None:
    await settle(pilot)
    await press(pilot, "slash", *"100%")
    assert names(pilot.app) == [HOSTILE_NAME]
    await press(pilot, "enter")
    assert pilot.app.screen.query_one(Detail).detail.program.program_id == "hostil"


@pytest.mark.parametrize("size", [(80, 24), (120, 40)])
async def test_list_and_every_pane_show_text_literally(size):
    app = make_app(HOSTILE)
    async with app.run_test(size=size) as pilot:
        await settle(pilot)
        text = assert_safe(app)
        assert "[bold red]x[/]" in text  # the list: name and service as written
        await open_hostile(pilot)
        checks = {
            "1": ("resumen", ("Hallazgo", "Advertencia", "Ejecutores", "Propósito")),
            "2": ("presupuesto", ("Subtítulo", "Componente", "Unidad")),
            "3": ("indicadores", ("Indicador", "Indicadorconnivelraro")),
            "4": ("regiones", ("Nivelcentral",)),
        }
        for key, (pane, labels) in checks.items():
            await press(pilot, key)
            assert_safe(app)
            body = pane_text(app, pane)
            flat = joined(body)
            for label in labels:
                assert joined(label) + joined(MARKUP) in flat or joined(label) in flat, label
            assert joined(MARKUP) in flat, pane
            assert "\x1b" not in body and "\x07" not in body and "\u202e" not in body
            if pane != "regiones":  # there a long region name is cut to its column with '…'
                assert "␛[2J" in flat and "␛]8;;file:///etc/passwd␇" in flat
                assert joined(LINK) in flat and joined(ACTION) in flat
        await press(pilot, "3", "f")
        flat = joined(pane_text(app, "indicadores"))
        assert "Fórmula:Fórmula" + joined(MARKUP) in flat
        assert_safe(app)
        # Status codes are text too: the missing efectivo's code is the OSC 8 sequence.
        await press(pilot, "2")
        assert joined(LINK) in joined(pane_text(app, "presupuesto"))
    assert app.return_code in (None, 0)


async def test_year_selector_on_hostile_program():
    app = make_app(HOSTILE)
    async with app.run_test(size=(120, 40)) as pilot:
        await open_hostile(pilot)
        await press(pilot, "2", "left_square_bracket")
        assert app.screen.query_one(Detail).detail.year == 2022
        assert app.screen.query_one("#year", Select).value == 2022
        assert joined(MARKUP) in joined(pane_text(app, "presupuesto"))
        assert_safe(app)
        await press(pilot, "right_square_bracket")
        assert app.screen.query_one(Detail).detail.year == 2023
        assert_safe(app)


async def test_palette_shows_names_literally_and_opens_them():
    app = make_app(HOSTILE)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await press(pilot, "ctrl+p")
        await pilot.pause(0.3)
        assert isinstance(app.screen, CommandPalette)
        text = assert_safe(app)  # discovery: the first programs, unfiltered
        assert "[bold red]x[/]" in text
        await press(pilot, *"100%")
        await pilot.pause(0.5)
        await settle(pilot)
        text = assert_safe(app)
        assert "Programa [bold red]x[/] 100% tasa_base" in text
        assert_plain_segments(app.screen.query_one(CommandList))
        await press(pilot, "enter")
        assert isinstance(app.screen, BrowserScreen)
        assert app.screen.query_one(Detail).detail.program.program_id == "hostil"
        assert_safe(app)
    assert app.return_code in (None, 0)  # the [@click=app.quit] in the name did nothing


@pytest.mark.parametrize("query, expected", literal_queries())
async def test_filter_is_a_literal_search(query, expected):
    app = make_app(HOSTILE)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await press(pilot, "slash")
        app.screen.query_one("#filter", Input).value = query
        await settle(pilot)
        assert names(app) == expected
        status = str(app.screen.query_one("#list-status").render())
        assert f"{len(expected)} de 4 programas" in status
        assert_safe(app)


async def test_filter_typed_key_by_key():
    app = make_app(HOSTILE)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await press(pilot, "slash", *"' OR 1=1 --")
        assert names(app) == []
        assert "' OR 1=1 --" in assert_safe(app)
        app.screen.query_one("#filter", Input).value = ""
        await press(pilot, *"normal")
        assert names(app) == [PLAIN_NAME]
        # A pasted escape sequence arrives as symbols, and is searched as such.
        app.screen.query_one("#filter", Input).value = ""
        app.post_message(events.Paste("\x1b[2J\x07"))
        await settle(pilot)
        assert app.screen.query_one("#filter", Input).value == "␛[2J␇"
        # searched as the word "2j" (symbols are punctuation): the name holding ESC [2J
        assert names(app) == [HOSTILE_NAME]
        assert "␛[2J␇" in assert_safe(app)


async def test_paste_into_palette_is_shown_as_symbols():
    app = make_app(HOSTILE)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await press(pilot, "ctrl+p")
        app.post_message(events.Paste("\x1b]8;;file:///etc/passwd\x07x"))
        await pilot.pause(0.3)
        await settle(pilot)
        assert "␛]8;;file:///etc/passwd␇x" in assert_safe(app)


@pytest.mark.parametrize("query", ["%", "' OR 1=1 --", '"; DROP TABLE fichas; --', "[bold]", "\\"])
async def test_palette_query_is_literal(query):
    app = make_app(HOSTILE)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await press(pilot, "ctrl+p")
        app.screen.query_one(Input).value = query
        await pilot.pause(0.5)
        await settle(pilot)
        # the disabled "no matches" line may come in after its countdown: not a hit
        options = app.screen.query_one(CommandList).options
        hits = [o for o in options if not o.disabled]
        assert len(hits) == (0 if query == "' OR 1=1 --" else 1)
        assert_safe(app)
        await press(pilot, "escape")
        assert isinstance(app.screen, BrowserScreen)


async def test_filters_dialog_lists_ministries_literally():
    app = make_app(HOSTILE)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await press(pilot, "t")
        assert isinstance(app.screen, FiltersScreen)
        app.screen.query_one("#ministry", Select).focus()
        await press(pilot, "enter")  # open the ministry list
        text = assert_safe(app)
        assert "Ministerio [bold red]x[/]" in text
        assert "Ministerio de Prueba" in text and "WWWWWWWW" in text
        await press(pilot, "down", "enter")
        assert "Ministerio [bold red]x[/]" in assert_safe(app)  # the chosen one, shown
        await pilot.click("#apply")
        await settle(pilot)
        assert isinstance(app.screen, BrowserScreen)
        assert names(app) == [HOSTILE_NAME]
        text = assert_safe(app)
        assert "[bold red]x[/]" in text


async def test_help_screen_over_hostile_program():
    app = make_app(HOSTILE)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_hostile(pilot)
        await press(pilot, "question_mark")
        assert isinstance(app.screen, HelpScreen)
        assert "Ayuda" in assert_safe(app)
        await press(pilot, "escape")
        assert isinstance(app.screen, BrowserScreen)
        assert_safe(app)
