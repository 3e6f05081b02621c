"""Run a terminal program in a pseudo-terminal and read its screen like a user would.

`PtyScreen` spawns a command on the slave side of a pty of a fixed size, feeds everything the
program writes to a `pyte` terminal emulator and lets the caller wait, with a timeout, until the
screen satisfies a condition. Times are `time.perf_counter()` values taken when the bytes that made
the condition true were *read* from the pty (before the emulator parsed them), so the emulator's
own cost is not charged to the program.
"""

from __future__ import annotations

import contextlib
import fcntl
import os
import select
import signal
import struct
import subprocess
import termios
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass

import pyte

CHUNK = 1 << 16


class _Screen(pyte.Screen):
    """A pyte screen that answers the terminal queries (DA, DSR) back to the program."""

    def __init__(self, columns: int, lines: int, reply: Callable[[str], None]) -> None:
        super().__init__(columns, lines)
        self._reply = reply

    def write_process_input(self, data: str) -> None:
        self._reply(data)


@dataclass
class Waited:
    """Result of a wait: `at` is when the condition first held (None: timed out)."""

    at: float | None
    last_change: float | None
    changes: int

    @property
    def ok(self) -> bool:
        return self.at is not None


class PtyScreen:
    """A program running in a `columns` x `lines` pseudo-terminal, with its screen emulated."""

    def __init__(
        self,
        argv: Sequence[str],
        *,
        columns: int = 120,
        lines: int = 40,
        env: dict[str, str] | None = None,
        cwd: str | None = None,
    ) -> None:
        self.columns, self.lines = columns, lines
        master, slave = os.openpty()
        fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", lines, columns, 0, 0))
        self.master = master
        self.screen = _Screen(columns, lines, self._write_str)
        self.stream = pyte.ByteStream(self.screen)
        full_env = dict(os.environ if env is None else env)
        full_env.update(TERM="xterm-256color", COLUMNS=str(columns), LINES=str(lines))
        full_env.pop("TMUX", None)
        self.bytes_read = 0
        self.parse_seconds = 0.0
        self._dirty = True
        self._text: list[str] = []
        self.started = time.perf_counter()
        self.proc = subprocess.Popen(
            list(argv),
            stdin=slave,
            stdout=slave,
            stderr=slave,
            env=full_env,
            cwd=cwd,
            close_fds=True,
            preexec_fn=_make_controlling_tty,
        )
        os.close(slave)
        os.set_blocking(master, False)

    # -- I/O -----------------------------------------------------------------------------

    def _write_str(self, data: str) -> None:
        self.write(data.encode())

    def write(self, data: bytes | str) -> float:
        """Send keys to the program; returns the time just before they were written."""
        if isinstance(data, str):
            data = data.encode()
        at = time.perf_counter()
        view = memoryview(data)
        deadline = at + 5
        while view:
            try:
                n = os.write(self.master, view)
            except BlockingIOError:
                n = 0
            except OSError:
                break
            view = view[n:]
            if view:
                if time.perf_counter() > deadline:
                    break
                self.pump(0.005)
        return at

    def pump(self, timeout: float) -> float | None:
        """Read what is available (waiting up to `timeout`); returns the read time or None."""
        try:
            ready, _, _ = select.select([self.master], [], [], max(0.0, timeout))
        except (OSError, ValueError):
            return None
        if not ready:
            return None
        at = time.perf_counter()
        data = bytearray()
        while True:
            try:
                chunk = os.read(self.master, CHUNK)
            except (BlockingIOError, InterruptedError):
                break
            except OSError:  # EIO: the program closed the terminal
                break
            if not chunk:
                break
            data += chunk
            if len(data) >= 4 * CHUNK:
                break
        if not data:
            if self.proc.poll() is not None:
                time.sleep(min(timeout, 0.01))
            return None
        self.bytes_read += len(data)
        t0 = time.perf_counter()
        self.stream.feed(bytes(data))
        self.parse_seconds += time.perf_counter() - t0
        self._dirty = True
        return at

    # -- screen ------------------------------------------------------------------------------

    def rows(self) -> list[str]:
        if self._dirty:
            self._text = list(self.screen.display)
            self._dirty = False
        return self._text

    def text(self) -> str:
        return "\n".join(self.rows())

    def wait_until(
        self,
        condition: Callable[[list[str]], bool],
        timeout: float,
        *,
        quiet: float = 0.0,
        min_bytes: int = 0,
    ) -> Waited:
        """Wait until `condition(rows)` holds; then, if `quiet`, until the screen is still.

        `at` is the read time of the bytes that made the condition hold; `last_change` is the
        read time of the last bytes that changed the screen text before `quiet` seconds of calm
        (or the deadline). With `min_bytes`, the condition counts only once the program has
        written at least that many bytes since the call (a redraw, not just an echo or a blink).
        """
        deadline = time.perf_counter() + timeout
        at: float | None = None
        last_change: float | None = None
        changes = 0
        before = self.rows()
        start_bytes = self.bytes_read
        if min_bytes <= 0 and condition(before):
            at = time.perf_counter()
        while True:
            now = time.perf_counter()
            if now >= deadline:
                break
            if at is not None:
                calm_since = max(at, last_change or at)
                if now - calm_since >= quiet:
                    break
                wait = min(deadline, calm_since + quiet) - now
            else:
                if self.proc.poll() is not None:
                    self.pump(0)
                    if condition(self.rows()):
                        at = time.perf_counter()
                    break
                wait = deadline - now
            t = self.pump(min(wait, 0.05))
            if t is None:
                continue
            rows = self.rows()
            if rows != before:
                before = rows
                changes += 1
                last_change = t
            if at is None and self.bytes_read - start_bytes >= min_bytes and condition(rows):
                at = t
        if at is not None and (last_change is None or last_change < at):
            last_change = at
        return Waited(at, last_change, changes)

    def settle(self, quiet: float, timeout: float) -> float | None:
        """Wait until the screen text has not changed for `quiet` s; returns the last change."""
        return self.wait_until(lambda _rows: True, timeout, quiet=quiet).last_change

    # -- process -------------------------------------------------------------------------------

    def status_field(self, field: str) -> int | None:
        """A kB field of /proc/<pid>/status (e.g. VmHWM, VmRSS), or None when gone."""
        try:
            with open(f"/proc/{self.proc.pid}/status") as fh:
                for line in fh:
                    if line.startswith(field + ":"):
                        return int(line.split()[1])
        except OSError:
            return None
        return None

    def close(self, quit_keys: bytes | None = None, timeout: float = 3.0) -> int | None:
        """Quit with `quit_keys` if given, then terminate/kill whatever is left. Never hangs."""
        if quit_keys and self.proc.poll() is None:
            self.write(quit_keys)
            end = time.perf_counter() + timeout
            while self.proc.poll() is None and time.perf_counter() < end:
                self.pump(0.05)
        for sig, wait in ((signal.SIGTERM, 2.0), (signal.SIGKILL, 2.0)):
            if self.proc.poll() is not None:
                break
            with contextlib.suppress(ProcessLookupError, PermissionError):
                os.killpg(self.proc.pid, sig)
            end = time.perf_counter() + wait
            while self.proc.poll() is None and time.perf_counter() < end:
                self.pump(0.05)
        with contextlib.suppress(OSError):
            os.close(self.master)
        with contextlib.suppress(subprocess.TimeoutExpired):
            self.proc.wait(timeout=1)
        return self.proc.returncode

    def __enter__(self) -> PtyScreen:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def _make_controlling_tty() -> None:  # runs in the child between fork and exec
    os.setsid()
    with contextlib.suppress(OSError):
        fcntl.ioctl(0, termios.TIOCSCTTY, 0)


__all__ = ["PtyScreen", "Waited"]
