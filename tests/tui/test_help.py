"""The help is built from the bindings: every key bound is listed, in groups, and it fits."""

from __future__ import annotations

import pytest
from textual.containers import VerticalScroll

from fichas_tui.tui.app import FichasApp, make_app
from fichas_tui.tui.keys import key_label, key_rows, unlisted
from fichas_tui.tui.screens.help import HelpScreen, owners
from fichas_tui.tui.widgets.detail import TABS
from tests.helpers import FIXTURE, SMALLEST, press, screen_output, settle


def test_every_binding_of_the_explorer_has_a_help_id():
    assert unlisted(owners(FichasApp)) == []


def test_key_labels():
    assert key_label("ctrl+r") == "Ctrl+R"
    assert key_label("question_mark") == "?"
    assert key_label("left_square_bracket") == "["
    assert key_label("pageup") == "RePág"
    assert key_label("shift+tab") == "Mayús+Tab"
    assert key_label("f1") == "F1"
    assert key_label("Y") == "Y"


def test_rows_come_from_the_bindings_in_groups():
    rows = {(r.group, r.keys): r.text for r in key_rows(owners(FichasApp))}
    # j/k and Home/End are bound in the program list: listed with the arrows.
    assert rows[("Lista de programas", "↑ k ↓ j")] == "Moverse por la lista"
    assert rows[("Lista de programas", "Inicio Fin")] == "Primer / último programa"
    numbers = " ".join(str(n) for n in range(1, len(TABS) + 1))  # one key per pane
    assert rows[("Programa", numbers)] == " · ".join(label for _tab, label in TABS)
    assert "Resumen · Presupuesto · Indicadores · Regiones" in rows[("Programa", numbers)]
    assert rows[("Programa", "[ ]")] == "Ficha del año anterior / siguiente"
    # Textual's keys: ←/→ change tab on the tab row, and scroll sideways inside a pane.
    arrows = rows[("Programa", "← →")]
    assert arrows.startswith("Pestaña anterior / siguiente en la fila de pestañas")
    assert "dentro de un panel, desplazar a los lados" in arrows
    assert rows[("General", "? F1")] == "Esta ayuda"
    assert rows[("General", "y Y")].startswith("Copiar la fila / la tabla")
    groups = list(dict.fromkeys(group for group, _keys in rows))
    assert groups == [
        "Lista de programas",
        "Programa",
        "Entre programas (Región, Ranking, Comparar)",
        "Comparar dos fichas (c)",
        "General",
    ]
    across = "Entre programas (Región, Ranking, Comparar)"
    assert rows[(across, "r")].startswith("Región: los programas")
    assert rows[(across, "[ ]")].startswith("Medida (Ranking)")
    assert rows[(across, "c")].startswith("Comparar el")
    assert rows[("Comparar dos fichas (c)", "x")].startswith("Intercambiar A y B")
    # A binding added without an id would be missing from the help: the first test fails.


@pytest.mark.asyncio
@pytest.mark.parametrize("size", [SMALLEST, (80, 24)])
async def test_help_lists_every_key_and_code_and_scrolls_to_the_end(size):
    app = make_app(FIXTURE)
    async with app.run_test(size=size) as pilot:
        await settle(pilot)
        await press(pilot, "question_mark")
        assert isinstance(app.screen, HelpScreen)
        top, _, _ = screen_output(app)
        lines = top.splitlines()
        assert lines[0].startswith("╭─ Ayuda · fichas")  # the box fits: top and bottom borders
        assert "Esc para cerrar" in lines[size[1] - 1]
        assert "Lista de programas" in top and "↑ k ↓ j" in top
        box = app.screen.query_one("#help-box", VerticalScroll)
        assert box.max_scroll_y > 0 or size != SMALLEST  # at 60x20 it scrolls
        await press(pilot, "end")
        bottom, _, _ = screen_output(app)
        for code in ("N/C", "S/I", "N/A", "vacío", "s/d"):
            assert f"│ {code} " in bottom, code
        assert "celda vacía en la ficha" in bottom
        assert "sin dato (la ficha no trae cifra" in bottom
        # The fichas' footnote (000 line 119): N/C is not comparable, not "no corresponde".
        assert "valor no comparable" in bottom
        assert "no corresponde" not in bottom
        await press(pilot, "escape")
        assert not isinstance(app.screen, HelpScreen)
