"""Snapshots of every screen and pane on the fixture, at 80x24 and 120x40 (the list, the panes,
the filters dialog and the list with facets also 60x20)."""

from __future__ import annotations

from pathlib import Path

import pytest

from fichas_tui.tui.app import make_app
from tests.helpers import FIXTURE, RESIDENCIA, SIZES, SMALLEST, press, settle

# name -> keys pressed before the screenshot
SCENES = {
    "lista": (),
    "lista_filtrada": ("slash", *"programa"),
    "resumen": RESIDENCIA,
    "presupuesto": (*RESIDENCIA, "2"),
    "indicadores": (*RESIDENCIA, "3"),
    "indicadores_formulas": (*RESIDENCIA, "3", "f"),
    "regiones": (*RESIDENCIA, "4"),
    "regiones_orden_beneficiarios": (*RESIDENCIA, "4", "o"),
    "sin_regiones": ("slash", *"subsidio", "enter", "4"),
    "evaluacion": (*RESIDENCIA, "5"),
    "anio_anterior": (*RESIDENCIA, "2", "left_square_bracket"),
    "ayuda": ("question_mark",),
    "paleta": ("ctrl+p", *"alim"),
    "filtros": ("t",),
}


def _run_before(keys):
    async def run_before(pilot) -> None:
        await settle(pilot)
        await press(pilot, *keys)
        if "ctrl+p" in keys:
            await pilot.pause(0.5)  # the palette searches in the background
            await settle(pilot)

    return run_before


@pytest.mark.parametrize("size", SIZES)
@pytest.mark.parametrize("scene", SCENES)
def test_scene(snap_compare, scene, size):
    app = make_app(FIXTURE)
    assert snap_compare(app, terminal_size=SIZES[size], run_before=_run_before(SCENES[scene]))


# The panes at the smallest size: year columns whole, a wide table scrolled, not cut.
SMALL_SCENES = {
    "lista": (),
    "resumen": RESIDENCIA,
    "presupuesto": (*RESIDENCIA, "2"),
    "indicadores": (*RESIDENCIA, "3"),
    "regiones": (*RESIDENCIA, "4"),
    "regiones_desplazada": (*RESIDENCIA, "4", *("right",) * 40),
    "evaluacion": (*RESIDENCIA, "5"),
    "filtros": ("t",),
    # Coquimbo and fichas with warnings (the dialog's Tab order), applied
    "lista_facetas": (
        "t",
        "tab",
        "tab",
        "tab",
        "enter",
        *("down",) * 5,
        "enter",
        # executors, verdict, findings' text, measure, operator, threshold, the checkbox
        *("tab",) * 7,
        "space",
        "tab",
        "enter",
    ),
    # a measure against a number: the threshold's unit and basis beside it
    "filtros_cifra": (
        "t",
        *("tab",) * 7,
        "enter",
        "down",
        "down",
        "down",
        "down",
        "enter",
        "tab",
        "tab",
        *"1.000",
    ),
}


@pytest.mark.parametrize("scene", SMALL_SCENES)
def test_small_pane(snap_compare, scene):
    app = make_app(FIXTURE)
    assert snap_compare(app, terminal_size=SMALLEST, run_before=_run_before(SMALL_SCENES[scene]))


@pytest.mark.parametrize("size", SIZES)
def test_empty_dataset(snap_compare, size):
    app = make_app(Path("no-existe/parquet"))
    assert snap_compare(app, terminal_size=SIZES[size], run_before=settle)


def test_pane_cursor_on_the_second_row(snap_compare):
    """Presupuesto with the row cursor moved to its second row (2022), drawn highlighted."""
    app = make_app(FIXTURE)
    keys = (*RESIDENCIA, "2", "down")
    assert snap_compare(app, terminal_size=SIZES["80x24"], run_before=_run_before(keys))
