"""The key bar: `? Ayuda` always on it, keys offered where they apply, none cut mid-word."""

from __future__ import annotations

import re

import pytest

from fichas_tui.tui.app import make_app
from tests.helpers import FIXTURE, RESIDENCIA, SMALLEST, press, screen_output, settle

# Every label the explorer's footer can show; a cut one ("q Sali") matches none of them.
LABELS = {
    "? Ayuda",
    "F1 Ayuda",
    "⏎ Abrir",
    "/ Buscar",
    "t Filtros",
    "o Ordenar",
    "p Pesos",
    "s Totales",
    "esc Volver",
    "q Salir",
    "^p Ir a programa",
}


def footer(app) -> list[str]:
    """The key bar's entries as shown, left to right ('p Pesos', '? Ayuda')."""
    last = screen_output(app)[0].splitlines()[-1]
    return [entry.strip() for entry in re.split(r"\s{2,}", last.strip())]


@pytest.mark.asyncio
@pytest.mark.parametrize("size", [(80, 24), SMALLEST])
async def test_key_bar_keeps_help_and_offers_what_applies(size):
    app = make_app(FIXTURE)
    async with app.run_test(size=size) as pilot:
        await settle(pilot)
        seen = {}
        seen["lista"] = footer(app)
        await press(pilot, "slash")  # typing: ? is a character in the filter, F1 the help
        typing = footer(app)
        await press(pilot, "escape")
        await press(pilot, *RESIDENCIA)  # the program opens on Resumen
        seen["resumen"] = footer(app)
        await press(pilot, "4")
        seen["regiones"] = footer(app)
        await press(pilot, "escape")
        seen["filtrada"] = footer(app)  # back on the list, "residencia" still typed
        clears = app.screen.check_action("back", ())  # Esc would clear it
        await press(pilot, "escape")
        seen["vuelta"] = footer(app)
    assert typing[-1] == "F1 Ayuda" and set(typing) <= LABELS, typing
    for where, keys in seen.items():
        assert keys[-1] == "? Ayuda", (where, keys)  # at the right, whatever the width
        assert set(keys) <= LABELS, (where, keys)  # no label cut in half
    # On the list with nothing typed, Esc has nothing to go back from; in a program it has.
    assert "esc Volver" not in seen["lista"] and "esc Volver" in seen["resumen"]
    # Ordenar sorts the list, and in a program only Regiones: not offered on Resumen.
    assert "o Ordenar" not in seen["resumen"] and "o Ordenar" in seen["regiones"]
    # Filtros filters the list, which a narrow screen hides while a program is open.
    assert "t Filtros" in seen["lista"] and "t Filtros" not in seen["resumen"]
    assert "s Totales" not in seen["resumen"]  # the list's too: hidden with it
    assert clears is True
    assert seen["vuelta"] == seen["lista"]
    if size == (80, 24):  # everything that applies fits at 80 columns
        assert seen["lista"] == [
            "⏎ Abrir", "/ Buscar", "t Filtros", "o Ordenar", "p Pesos", "s Totales", "q Salir",
            "? Ayuda",
        ]  # fmt: skip
        assert seen["regiones"] == [
            "/ Buscar", "o Ordenar", "p Pesos", "esc Volver", "q Salir", "^p Ir a programa",
            "? Ayuda",
        ]  # fmt: skip


@pytest.mark.asyncio
async def test_a_disabled_key_is_drawn_dim():
    """A binding shown but disabled (check_action None) is drawn dim, not a crash (it added a
    str to a Style)."""
    from rich.text import Text

    from fichas_tui.tui.widgets.key_bar import Entry, KeyBar

    app = make_app(FIXTURE)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        text = Text()
        app.screen.query_one(KeyBar)._append(text, Entry("p", "Pesos", "p", False, "pesos"))
        assert text.plain.strip() == "p Pesos"
        assert text.spans and all(span.style.dim for span in text.spans)
