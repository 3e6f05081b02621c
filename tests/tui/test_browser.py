"""The main screen's flows: one Enter opens, an empty result says so, year keys, the app's store."""

from __future__ import annotations

import pytest
from textual.screen import Screen

from fichas_tui.data.queries import Store
from fichas_tui.tui.app import make_app
from fichas_tui.tui.screens.browser import BrowserScreen
from fichas_tui.tui.widgets.detail import TABS, Detail
from fichas_tui.tui.widgets.program_list import ProgramList
from tests.helpers import FIXTURE, list_names, open_keys, pane_text, press, screen_output, settle

pytestmark = pytest.mark.asyncio


def notices(app) -> list[str]:
    return [str(n.message) for n in app._notifications]


async def test_make_app_opens_the_store_and_screens_read_it_from_the_app():
    app = make_app(FIXTURE)
    assert isinstance(app.store, Store)  # opened by the factory, before the app runs
    store = app.store
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        assert app.screen.store is store
        await press(pilot, "ctrl+r")
        assert app.store is not store  # a reload swaps the app's store...
        assert app.screen.store is app.store  # ...and the screen reads the new one
        assert "Dataset recargado: 5 programas" in notices(app)


async def test_one_enter_in_the_filter_opens_the_highlighted_program(app):
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        # Several matches: the highlighted one (the first) opens.
        await press(pilot, *open_keys("programa"))
        assert list_names(app) == ["Programa de Alimentación Escolar", "Programa Vínculos"]
        detail = app.screen.query_one(Detail)
        assert detail.detail.program.name == "Programa de Alimentación Escolar"
        assert detail.display and not app.screen.query_one("#list-pane").display
        await press(pilot, *open_keys("vinculos"))
        assert detail.detail.program.name == "Programa Vínculos"
        assert detail.display and not app.screen.query_one("#list-pane").display


async def test_an_empty_result_says_so(app):
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await press(pilot, "slash", *"zzz gsl")
        assert list_names(app) == []
        text, _, _ = screen_output(app)
        assert "Ningún programa coincide con «zzz gsl»." in text
        await press(pilot, "enter")  # nothing to open: the list takes the focus, no error
        assert app.screen.focused is app.screen.query_one(ProgramList)
        assert not app.screen.query_one(Detail).display  # no program opened


async def test_year_keys_on_a_single_ficha_say_there_is_no_other_year(app):
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await press(pilot, *open_keys("vinculos"), "right_square_bracket")
        assert notices(app) == ["Este programa tiene una sola ficha (2022): no hay otro año."]
        assert app.screen.query_one(Detail).detail.year == 2022


async def test_year_keys_at_the_first_ficha_say_so(app):
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await press(pilot, *open_keys("residencia"), "left_square_bracket")
        assert app.screen.query_one(Detail).detail.year == 2021
        await press(pilot, "left_square_bracket")
        assert app.screen.query_one(Detail).detail.year == 2021
        assert notices(app) == ["No hay una ficha anterior a la de 2021."]


async def test_another_program_opens_at_the_top_of_every_pane(app):
    async with app.run_test(size=(60, 20)) as pilot:
        await settle(pilot)
        await press(pilot, *open_keys("residencia"))
        panes = [app.screen.query_one(f"#pane-{tab}") for tab, _label in TABS]
        for number, pane in enumerate(panes, start=1):
            await press(pilot, str(number), "end")
            assert pane.max_scroll_y > 0, pane.id  # a long pane at 60x20: it did scroll
            assert pane.scroll_y == pane.max_scroll_y
        await press(pilot, "escape", *open_keys("alimentacion"))
        assert app.screen.query_one(Detail).detail.program.name == (
            "Programa de Alimentación Escolar"
        )
        for pane in panes:
            assert (pane.scroll_x, pane.scroll_y) == (0, 0), pane.id
        # Another year of the same program keeps the place (to compare years).
        await press(pilot, "4", "end")
        where = panes[3].scroll_y
        await press(pilot, "left_square_bracket")
        assert app.screen.query_one(Detail).detail.year == 2022
        assert panes[3].scroll_y == min(where, panes[3].max_scroll_y)


async def test_slash_focuses_the_filter_at_once(app):
    # A busy app (200,000 programs just painted) handles `/` with the next keys already read:
    # the filter must have the focus when `/` returns (focus() would give it only after those
    # keys, which went to the list), with the previous query selected for them to replace
    # (by the Focus event, which comes later, it would select the keys just typed instead).
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        box = app.screen.query_one("#filter")
        box.value = "vieja consulta"
        app.screen.action_focus_filter()
        assert app.screen.focused is box
        assert (box.selection.start, box.selection.end) == (0, len("vieja consulta"))
        await press(pilot, *"red")
        assert box.value == "red"
        await press(pilot, "escape", "slash", "x")  # back in the list, then / again
        assert box.value == "x"


async def test_the_list_cursor_follows_focus_and_theme(app):
    """The list's row styles are kept between frames: a focus or theme change still shows."""
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        plist = app.screen.query_one(ProgramList)

        def cursor_background():
            return next(iter(plist.render_line(plist.cursor * plist.row_height))).style.bgcolor

        plist.focus()
        await settle(pilot)
        focused = cursor_background()
        app.screen.query_one("#filter").focus()
        await settle(pilot)
        blurred = cursor_background()
        assert blurred != focused
        app.theme = "nord" if app.theme != "nord" else "textual-dark"
        await settle(pilot)
        assert cursor_background() not in (focused, blurred)


async def test_a_name_that_fills_its_line_does_not_run_into_the_year():
    """At 50 columns the title has 31 cells: «Programa de Alimentación Escolar» (32) wraps,
    and the year selector keeps a space before it on every line."""
    app = make_app(FIXTURE)
    async with app.run_test(size=(50, 20)) as pilot:
        await settle(pilot)
        await press(pilot, *open_keys("alimentacion"))
        head = screen_output(app)[0].splitlines()[:2]
        assert "Ficha" in head[0], head
        assert head[0][head[0].index("Ficha") - 1] == " ", head
        assert "Escolar" in "\n".join(head), head


async def test_the_opening_program_is_read_at_once_from_its_file(sample_dataset):
    # `fichas ingest` wrote .opening-program: the first program's Resumen needs no DuckDB
    app = make_app(sample_dataset)
    assert app.store.answers_opening and not app.store.connected
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        # read at once: the list's first highlight is not taken for a keystroke in the filter
        # (which would wait for a typing pause before reading the program)
        assert app.screen.loader._pending is None
        await settle(pilot)
        detail = app.screen.query_one(Detail)
        assert detail.detail.program.name.startswith("Gestión Social Local")
        assert detail.detail.ficha.evaluated_year == 2021
        assert "Subsecretaría de Servicios Sociales" in pane_text(app, "resumen")


async def test_no_frame_is_rendered_inside_textuals_start_up_batch(monkeypatch):
    # Textual composes the first screen inside a batch and drops any frame rendered there;
    # the browser holds that render and the app makes it once the batch is over (on_ready).
    batches = []
    render = Screen._compositor_refresh

    def spy(screen):
        if isinstance(screen, BrowserScreen):  # (Textual's empty default screen is its own)
            batches.append(screen.app._batch_count)
        render(screen)

    monkeypatch.setattr(Screen, "_compositor_refresh", spy)
    app = make_app(FIXTURE)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        assert app.first_frame_out and not app.screen.first_frame_held
        assert batches and set(batches) == {0}
        assert "5 de 5 programas" in screen_output(app)[0]
