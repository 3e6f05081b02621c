"""Themes from the palette, remembered across runs; the status line names the dataset."""

from __future__ import annotations

import pytest
from textual.widgets import Static

from fichas_tui.settings import Settings
from fichas_tui.tui.app import make_app
from tests.helpers import FIXTURE, press, settle


@pytest.mark.asyncio
async def test_theme_chosen_in_palette_is_remembered(tmp_path):
    settings = Settings(tmp_path / "settings.json")
    app = make_app(FIXTURE, settings=settings)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        assert app.theme == "textual-dark"  # default unchanged
        await press(pilot, "ctrl+p", *"tema")
        await pilot.pause(0.3)
        await press(pilot, "enter")  # «Tema: cambiar los colores» -> Textual's theme picker
        await pilot.pause(0.3)
        await press(pilot, *"nord")
        await pilot.pause(0.3)
        await press(pilot, "enter")
        assert app.theme == "nord"
    assert Settings(tmp_path / "settings.json").get("theme") == "nord"
    assert Settings(tmp_path / "settings.json").get("last_dataset") == str(FIXTURE.resolve())

    again = make_app(FIXTURE, settings=Settings(tmp_path / "settings.json"))
    assert again.theme == "nord"


def test_unknown_saved_theme_falls_back_to_default(tmp_path):
    settings = Settings(tmp_path / "settings.json")
    settings.set("theme", "no-such-theme")
    assert make_app(FIXTURE, settings=settings).theme == "textual-dark"


@pytest.mark.asyncio
async def test_status_line_names_the_dataset():
    app = make_app(FIXTURE, source_label="muestra incluida")
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        status = str(app.screen.query_one("#list-status", Static).render())
        assert status.endswith("· muestra incluida"), status


@pytest.mark.asyncio
async def test_peso_basis_is_remembered_and_restored(tmp_path):
    from fichas_tui.locations import sample_dir

    path = tmp_path / "settings.json"
    app = make_app(sample_dir(), settings=Settings(path))
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        # default: the latest year the sample's factors reach, not remembered as a choice
        assert app.screen.pesos.target == 2024
        assert Settings(path).get("basis") is None
        await press(pilot, "p")  # -> the year before
        target = app.screen.pesos.target
        assert target == 2023
    assert Settings(path).get("basis") == str(target)

    again = make_app(sample_dir(), settings=Settings(path))
    async with again.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        assert again.screen.pesos.target == target


@pytest.mark.asyncio
async def test_a_basis_the_dataset_cannot_reach_falls_back(tmp_path):
    from fichas_tui.locations import sample_dir

    settings = Settings(tmp_path / "settings.json")
    settings.set("basis", "1990")
    app = make_app(sample_dir(), settings=settings)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        assert app.screen.pesos.target is None


@pytest.mark.asyncio
async def test_a_hostile_settings_file_never_stops_the_explorer(tmp_path):
    from fichas_tui.locations import sample_dir

    path = tmp_path / "settings.json"
    # "²" passes isdigit() and fails int(): it crashed every start (exit 70).
    path.write_text('{"basis": "²", "theme": "nord"}', encoding="utf-8")
    app = make_app(sample_dir(), settings=Settings(path))
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        # the hostile basis is dropped: the default across programs, M$ 2024
        assert app.screen.pesos.target == 2024 and app.theme == "nord"
    assert app.return_code in (None, 0)


@pytest.mark.asyncio
async def test_each_fichas_pesos_chosen_once_is_kept(tmp_path):
    from fichas_tui.locations import sample_dir

    settings = Settings(tmp_path / "settings.json")
    settings.set("basis", "ficha")
    app = make_app(sample_dir(), settings=settings)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        assert app.screen.pesos.target is None
