"""Run the explorer so that every way out leaves the terminal as it was, with a meaningful status.

Textual restores the terminal when the app ends normally. A signal's default action ends the
process on the spot instead: `kill`, `timeout` and systemd send SIGTERM, a dropped SSH link
SIGHUP, and the shell is left on the alternate screen, reporting mouse moves, with no cursor and
(under dash) in raw mode. Here each of SIGTERM, SIGHUP, SIGINT and SIGQUIT restores the terminal
and ends the process with the conventional status (128 + signal number). The explorer only reads the
dataset, so ending at once loses nothing.

An exception in the app (Textual shows it after leaving the full screen) becomes one line naming
the report file (crash.py) and a non-zero status, instead of a traceback over the user's shell.
"""

from __future__ import annotations

import contextlib
import io
import os
import select
import signal
import sys
import termios
import threading
from collections.abc import Iterator
from typing import TYPE_CHECKING

from .crash import EXIT_CRASH, report

if TYPE_CHECKING:
    from textual.app import App

# SIGQUIT's default action (a core dump) left the terminal raw, mouse on, alternate screen:
# it is ended the same way.
SIGNALS = (signal.SIGTERM, signal.SIGHUP, signal.SIGINT, signal.SIGQUIT)

# What Textual's LinuxDriver turns on, turned off, in the order its stop_application_mode uses.
# CAN first: it aborts an escape sequence the app's writer thread may have left half written.
RESTORE = (
    "\x18"  # CAN: cancel a sequence in progress
    "\x1b[0m"  # default colours
    "\x1b[?2026l"  # synchronized output off
    "\x1b[?2004l"  # bracketed paste off
    "\x1b[?1000l\x1b[?1003l\x1b[?1015l\x1b[?1006l\x1b[?1016l"  # mouse reporting off
    "\x1b[?2048l"  # in-band resize reports off
    "\x1b[?1004l"  # focus events off
    "\x1b[<u"  # kitty keyboard protocol: pop the app's flags
    "\x1b[?7h"  # line wrap on
    "\x1b[?1049l"  # leave the alternate screen
    "\x1b[?25h"  # show the cursor
)


class Terminal:
    """The tty modes at start and how to put them back, from a signal handler."""

    def __init__(self) -> None:
        self.input_fd: int | None = None
        self.modes: list | None = None
        self.output_fd: int | None = None
        stdin, stderr = sys.__stdin__, sys.__stderr__
        with contextlib.suppress(AttributeError, ValueError, OSError, termios.error):
            if stdin is not None and stdin.isatty():
                self.input_fd = stdin.fileno()
                self.modes = termios.tcgetattr(self.input_fd)
        with contextlib.suppress(AttributeError, ValueError, OSError):
            if stderr is not None and stderr.isatty():
                self.output_fd = stderr.fileno()  # where Textual draws

    def restore(self) -> None:
        # Best effort, each step alone: after SIGHUP the terminal may be gone (EIO).
        if self.output_fd is not None:
            with contextlib.suppress(OSError):
                os.write(self.output_fd, RESTORE.encode())
        self.restore_modes()

    def restore_modes(self) -> None:
        """The tty modes of the start (Textual puts back the ones it found, which are not
        these when the early frame turned echo off: cli/early_frame.py)."""
        if self.input_fd is not None and self.modes is not None:
            with contextlib.suppress(OSError, termios.error):
                termios.tcsetattr(self.input_fd, termios.TCSANOW, self.modes)


@contextlib.contextmanager
def guarded(terminal: Terminal) -> Iterator[None]:
    """Each of SIGNALS restores `terminal` and ends the process, while inside."""

    def on_signal(signum: int, _frame) -> None:
        terminal.restore()
        # At once: the app's threads may be mid-query, and nothing is left to save.
        os._exit(128 + signum)

    previous = {signum: signal.signal(signum, on_signal) for signum in SIGNALS}
    try:
        yield
    finally:
        for signum, handler in previous.items():
            signal.signal(signum, handler)


def run_app(app: App, terminal: Terminal | None = None) -> int:
    """Run `app` full screen and return the process's exit status (`terminal`: the modes of
    the start, when something ran on the terminal before the app)."""
    terminal = terminal or Terminal()
    # Textual prints an unhandled exception's traceback here once the screen is restored.
    errors = io.StringIO()
    from rich.console import Console

    app.error_console = Console(
        file=errors, width=120, markup=False, highlight=False, color_system=None
    )
    # Guarded before the app starts its event loop: asyncio's runner leaves a SIGINT handler
    # that is not Python's default alone.
    with guarded(terminal):
        try:
            app.run()
        except Exception:  # outside Textual's own handling: report it the same way
            terminal.restore()
            import traceback

            errors.write(traceback.format_exc())
        terminal.restore_modes()
    if errors.getvalue().strip():
        return report(errors.getvalue())
    return app.return_code or 0


__all__ = ["EXIT_CRASH", "RESTORE", "Terminal", "guarded", "run_app"]


def watch_hangup(app: App, stop: threading.Event) -> None:
    """Exit when the terminal goes away (stdin hung up or at end of file): Textual's input
    loop would otherwise read nothing forever at full CPU. poll() with no events asked still
    reports POLLHUP and errors, and reads nothing, so the keys stay Textual's."""
    poller = select.poll()
    poller.register(sys.stdin.fileno(), 0)
    gone = select.POLLHUP | select.POLLERR | select.POLLNVAL

    def wait() -> None:
        while not stop.is_set():
            if any(mask & gone for _fd, mask in poller.poll(250)):
                if not stop.is_set():
                    app.call_from_thread(app.exit)
                return

    threading.Thread(target=wait, name="hangup", daemon=True).start()
