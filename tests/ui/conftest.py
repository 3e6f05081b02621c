"""UI test setup: one autouse fixture pins theme, size and cursor blink for every test."""

from __future__ import annotations

from pathlib import Path

import pytest
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
