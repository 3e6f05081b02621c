"""Every private Textual name the explorer leans on, fenced here (nowhere else in tui/): what
each buys, and tests/tui/test_compat.py checks each still exists with the signature used here,
so a Textual upgrade fails there, in one test with one message. Pinned: textual 8.2.8.

Rich and Click hooks used by render/ and cli/ are in fichas_tui/compat.py (one module per
layer: tui/ may import that one, render/ and cli/ never import this one).
"""

from __future__ import annotations

from collections.abc import Callable
from threading import Thread

from rich.align import Align
from rich.style import Style
from rich.text import Text
from textual.app import App
from textual.command import CommandList, CommandPalette
from textual.driver import Driver
from textual.geometry import Size
from textual.screen import Screen
from textual.widget import Widget
from textual.widgets import Input
from textual.widgets.option_list import Option

# -- Screen._compositor_refresh, App._batch_count -------------------------------------------
# Textual lays out the first screen inside its start-up batch and renders a whole frame there
# that App._display drops; holding that render and making it once the batch is over (the
# first frame written) saves rendering the screen twice: first paint at 10,000 fichas,
# 10 interleaved rounds on a quiet machine, 0.225 -> 0.208 s and 0.239 -> 0.229 s
# (benchmarks/README.md, "The dropped frame rendered once"). Under this session's load (18)
# it was below the noise: 19 renders to the first frame with it, 20 without.


class HeldFirstFrame(Screen[None]):
    """A screen whose render inside Textual's start-up batch is held until the app is ready
    (render_held_frame), instead of being made and dropped."""

    first_frame_held = False

    def _compositor_refresh(self) -> None:
        app = self.app
        if app._batch_count and not getattr(app, "first_frame_out", True):
            self.first_frame_held = True
            return
        super()._compositor_refresh()

    def render_held_frame(self) -> None:
        """Render the frame held at start-up, whole (its region is still dirty from the
        first layout), now rather than on the screen's next idle."""
        if self.first_frame_held:
            self.first_frame_held = False
            self._compositor_refresh()


def in_startup_batch(app: App) -> bool:
    """Whether Textual is inside a batch of updates (the start-up one, at first)."""
    return bool(app._batch_count)


# -- Widget._scroll_update ------------------------------------------------------------------
# A line-API widget whose content length changes (a pane's program, the list's rows) sets its
# virtual size without the reactive's setter, which asks for a layout of the whole screen
# although the widget's own size does not change; only its scrollbars are told. With the
# public setter instead: CPU per program switch 74.7/69.5/51.2 ms against 57.0/63.3/62.2
# (switch.py, 2,000 fichas, 3 interleaved rounds at load ~18; the layouts it adds).


def set_virtual_size(widget: Widget, size: Size) -> None:
    """Give a scrolling widget a new virtual size without a layout of the screen."""
    if size != widget.virtual_size:
        widget.set_reactive(Widget.virtual_size, size)
        widget._scroll_update(size)


# -- Input._watch_value ---------------------------------------------------------------------
# Input sets its virtual size in _watch_value on every change, a layout of the whole screen
# per key typed in the filter; the box's size never depends on its value. (Kept as it was
# measured when added; not measured again this round: the filter is not in switch.py.)


class QuietInput(Input):
    """An Input whose value changes never ask for a layout of the screen."""

    def _watch_value(self, value: str) -> None:
        self.set_reactive(Input.virtual_size, Size(self.content_width, 1))
        super()._watch_value(value)


# -- CommandPalette._start_no_matches_countdown ---------------------------------------------
# Textual writes "No matches found" in English with no hook to change it; the UI speaks
# Spanish (it buys the language, no time). Textual's own method, with the text given (the
# names it uses are checked).


class NoMatchesPalette(CommandPalette):
    """Textual's command palette, saying `no_matches` when nothing matches."""

    no_matches = "No matches found"

    def _start_no_matches_countdown(self, search_value: str) -> None:
        self._stop_no_matches_countdown()

        def show_no_matches() -> None:
            if search_value:
                prompt = Align.center(Text(self.no_matches, style="not bold"))
                self.query_one(CommandList).add_option(
                    Option(prompt, disabled=True, id=self._NO_MATCHES)
                )
                self._list_visible = True
            else:
                self._list_visible = False

        self._no_matches_timer = self.set_timer(self._NO_MATCHES_COUNTDOWN, show_no_matches)


# -- rich.style.Style._meta -----------------------------------------------------------------
# Compacting a drawn line (widgets/strip_compact.py) compares neighbours' meta (a table's row
# number) for every segment of every line drawn: the pickled bytes compare as they are, where
# Style.meta unpickles each one: 41 against 100 us a line (8,341 lines of 799 pane tables).


def meta_bytes(style: Style | None) -> bytes | None:
    """A style's meta as Rich keeps it (pickled), None without one."""
    return style._meta if style is not None else None


# -- LinuxDriver.start_application_mode writes "\x1b[?1049h" alone -----------------------------
# When the early frame (cli/early_frame.py) is on screen, the alternate screen is entered
# already; entering it again clears it (xterm's 1049: "clear the alternate screen first"),
# and the user would see the frame, then a blank screen until Textual's first frame. The
# driver is otherwise Textual's, and its first full-screen write (the first frame) is handed
# on to be kept.
ALT_SCREEN = "\x1b[?1049h"
FULL_FRAME_START = "\x1b[1;1H"  # a full update places line 1 first (Compositor.LayoutUpdate)


def first_frame_driver(entered: bool, keep: Callable[[str], None] | None) -> type[Driver]:
    """Textual's Linux driver that does not enter the alternate screen when `entered`, and
    passes its first full frame to `keep` (in a thread: it writes a file)."""
    from textual.drivers.linux_driver import LinuxDriver

    class FirstFrameDriver(LinuxDriver):
        def __init__(self, *args, **kwargs) -> None:
            super().__init__(*args, **kwargs)
            self._enter_pending = entered
            self._keep = keep

        def write(self, data: str) -> None:
            if self._enter_pending and data == ALT_SCREEN:
                self._enter_pending = False
                return
            if self._keep is not None and data.startswith(FULL_FRAME_START):
                keeper, self._keep = self._keep, None
                Thread(target=keeper, args=(data,), name="keep-frame", daemon=True).start()
            super().write(data)

    return FirstFrameDriver
