"""UI test setup: one autouse fixture pins the cursor and animations; `app` on the fixture."""

from __future__ import annotations

import pytest
from textual.widgets import Input

from fichas_tui.tui.app import FichasApp, make_app
from tests.helpers import FIXTURE, quick_idle


@pytest.fixture(autouse=True)
def deterministic_ui(monkeypatch):
    """No blinking cursor (its phase depends on timing), no animations, a quicker idle check;
    the app pins its theme."""
    monkeypatch.setattr(Input, "_toggle_cursor", lambda self: None)
    monkeypatch.setenv("TEXTUAL_ANIMATIONS", "none")
    quick_idle(monkeypatch)


@pytest.fixture
def app() -> FichasApp:
    return make_app(FIXTURE)
