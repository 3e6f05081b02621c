"""Each private Textual name fichas_tui.tui.compat leans on still exists, with the signature it
is used with: a Textual upgrade that moves one fails here, in the test named after it."""

from __future__ import annotations

import inspect

from textual.app import App
from textual.command import CommandList, CommandPalette
from textual.screen import Screen
from textual.widget import Widget
from textual.widgets import Input

from fichas_tui.tui import compat


def params(function) -> list[str]:
    return list(inspect.signature(function).parameters)


def test_screen_compositor_refresh_takes_no_argument():
    assert params(Screen._compositor_refresh) == ["self"]


def test_app_batch_count_is_a_count_set_by_init():
    app = App()
    assert app._batch_count == 0
    assert not compat.in_startup_batch(app)
    with app.batch_update():
        assert compat.in_startup_batch(app)


def test_widget_scroll_update_takes_the_virtual_size():
    assert params(Widget._scroll_update) == ["self", "virtual_size"]
    assert isinstance(vars(Widget)["virtual_size"], type(vars(Widget)["scroll_x"]))  # reactive


def test_input_watch_value_takes_the_value():
    assert params(Input._watch_value) == ["self", "value"]


def test_command_palette_no_matches_countdown_and_the_names_it_uses():
    assert params(CommandPalette._start_no_matches_countdown) == ["self", "search_value"]
    assert params(CommandPalette._stop_no_matches_countdown) == ["self"]
    assert isinstance(CommandPalette._NO_MATCHES, str)
    assert isinstance(CommandPalette._NO_MATCHES_COUNTDOWN, float)
    assert "_list_visible" in vars(CommandPalette)  # a var: the list shown or hidden
    palette = CommandPalette()
    assert palette._no_matches_timer is None
    assert CommandList.add_option  # where the message goes


def test_rich_style_keeps_its_meta_pickled():
    from rich.style import Style

    style = Style.from_meta({"row": 3})
    assert isinstance(style._meta, bytes)
    assert compat.meta_bytes(style) == style._meta
    assert compat.meta_bytes(Style(bold=True)) is None
    assert compat.meta_bytes(None) is None


def test_every_private_override_of_compat_is_tested_here():
    """A hook added to compat without its test here fails (the names overridden)."""
    overridden = {
        name
        for cls in (compat.HeldFirstFrame, compat.QuietInput, compat.NoMatchesPalette)
        for name in vars(cls)
        if name.startswith("_") and not name.startswith("__") and callable(vars(cls)[name])
    }
    tested = {"_compositor_refresh", "_watch_value", "_start_no_matches_countdown"}
    assert overridden == tested


def test_pilot_idle_wait_reads_the_window_names_quick_idle_sets():
    """scripts.pilot.quick_idle shortens the pilot's idle window through these module names."""
    import textual._wait as wait

    assert isinstance(wait.SLEEP_GRANULARITY, float) and isinstance(wait.SLEEP_IDLE, float)
    source = inspect.getsource(wait.wait_for_idle)
    assert "SLEEP_GRANULARITY" in source and "SLEEP_IDLE" in source


def test_linux_driver_enters_the_alternate_screen_in_a_write_of_its_own():
    """first_frame_driver drops exactly that write when the early frame entered it already;
    the rest of start_application_mode stays Textual's. (The pty test,
    tests/cli/test_early_frame.py, sees that nothing blanks the screen between the frames.)"""
    from textual.drivers.linux_driver import LinuxDriver

    source = inspect.getsource(LinuxDriver.start_application_mode)
    escaped = repr(compat.ALT_SCREEN)[1:-1]  # as written in the source: \x1b[?1049h
    assert f'self.write("{escaped}")' in source
    assert params(LinuxDriver.write) == ["self", "data"]
    driver = compat.first_frame_driver(True, None)
    assert issubclass(driver, LinuxDriver)
