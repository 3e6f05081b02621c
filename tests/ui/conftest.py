"""UI test setup: one autouse fixture pins theme, size and cursor blink for every test."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from rich.console import Console
from textual.widgets import Input

from fichas_tui.app import FichasApp, make_app

FIXTURE = Path(__file__).resolve().parents[1] / "data" / "fixture"
SIZES = {"80x24": (80, 24), "120x40": (120, 40)}


@pytest.fixture(autouse=True)
def deterministic_ui(monkeypatch):
    """No blinking cursor (its phase depends on timing), no animations; the app pins its theme."""
    monkeypatch.setattr(Input, "_toggle_cursor", lambda self: None)
    monkeypatch.setenv("TEXTUAL_ANIMATIONS", "none")


@pytest.fixture
def app() -> FichasApp:
    return make_app(FIXTURE)


async def settle(pilot) -> None:
    """Let queued messages and every query worker finish."""
    await pilot.pause()
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


async def press(pilot, *keys: str) -> None:
    for key in keys:
        await pilot.press(key)
        await settle(pilot)


HOSTILE = Path(__file__).resolve().parents[1] / "data" / "hostile"


def screen_output(app) -> tuple[str, str, str]:
    """The current screen as (plain text, the bytes a terminal would get, SVG screenshot).

    The same render `App.export_screenshot` uses, printed to a true-colour terminal console:
    links would be OSC 8 sequences in the second value, styles SGR sequences.
    """
    width, height = app.size
    console = Console(
        width=width,
        height=height,
        file=io.StringIO(),
        force_terminal=True,
        color_system="truecolor",
        record=True,
        legacy_windows=False,
        safe_box=False,
    )
    console.print(
        app.screen._compositor.render_update(full=True, screen_stack=app._background_screens)
    )
    return console.export_text(styles=False), console.file.getvalue(), app.export_screenshot()
