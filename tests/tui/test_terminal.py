"""Every way out of the explorer restores the terminal: signals, crashes (run in a real pty)."""

from __future__ import annotations

import fcntl
import os
import re
import select
import signal
import struct
import subprocess
import sys
import termios
import time

import pytest

from fichas_tui.tui.crash import EXIT_CRASH
from tests.helpers import FIXTURES

FIXTURE = FIXTURES / "fixture"
FIRST_PAINT = "Alimentación".encode()  # a program of the fixture, in the list

CRASH_SCRIPT = """
import sys
from fichas_tui.cli.commands import main
from fichas_tui.tui.widgets.program_list import ProgramList

def boom(self, *args):
    raise RuntimeError("fallo forzado en la lista")

ProgramList.action_cursor = boom  # a keystroke in the list now raises in the widget
sys.argv = ["fichas", "--data", sys.argv[1]]
main()
"""


class Pty:
    """The explorer in a pseudo-terminal of 80x24, as a user's shell would run it."""

    def __init__(self, args: list[str], env: dict[str, str]) -> None:
        self.master, self.slave = os.openpty()
        fcntl.ioctl(self.slave, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 80, 0, 0))
        self.modes = termios.tcgetattr(self.slave)  # the shell's modes
        self.output = b""
        self.process = subprocess.Popen(
            args, stdin=self.slave, stdout=self.slave, stderr=self.slave, env=env
        )

    def read(self, timeout: float) -> bytes:
        got = b""
        while select.select([self.master], [], [], timeout)[0]:
            try:
                chunk = os.read(self.master, 65536)
            except OSError:
                break
            if not chunk:
                break
            got += chunk
            timeout = 0.05
        self.output += got
        return got

    def wait_for(self, text: bytes, timeout: float = 30) -> None:
        end = time.monotonic() + timeout
        while text not in self.output:
            assert time.monotonic() < end, f"never saw {text!r}: {self.output[-400:]!r}"
            assert self.process.poll() is None, f"exited {self.process.returncode}"
            self.read(0.2)

    def finish(self, timeout: float = 15) -> tuple[int, bytes]:
        """Wait for the exit; the status and what was written since `mark`."""
        end = time.monotonic() + timeout
        while self.process.poll() is None and time.monotonic() < end:
            self.read(0.1)
        if self.process.poll() is None:
            self.process.kill()
            self.process.wait()
        self.read(0.2)
        return self.process.returncode, self.output

    def close(self) -> None:
        if self.process.poll() is None:
            self.process.kill()
            self.process.wait()
        os.close(self.master)
        os.close(self.slave)


@pytest.fixture
def env(tmp_path):
    env = dict(os.environ, TERM="xterm-256color", XDG_STATE_HOME=str(tmp_path / "state"))
    env.pop("TEXTUAL", None)
    return env


# The restore sequences: alternate screen off, cursor shown, mouse reporting off.
RESTORED = (b"\x1b[?1049l", b"\x1b[?25h", b"\x1b[?1000l", b"\x1b[?1003l", b"\x1b[?1006l")


@pytest.mark.parametrize(
    ("signum", "status"),
    [(signal.SIGTERM, 143), (signal.SIGHUP, 129), (signal.SIGINT, 130), (signal.SIGQUIT, 131)],
)
def test_signal_restores_the_terminal(env, signum, status):
    pty = Pty([sys.executable, "-m", "fichas_tui", "--data", str(FIXTURE)], env)
    try:
        pty.wait_for(FIRST_PAINT)
        assert termios.tcgetattr(pty.slave) != pty.modes  # the app put the tty in raw mode
        painted = len(pty.output)
        pty.process.send_signal(signum)
        code, output = pty.finish()
        tail = output[painted:]
        assert code == status
        for sequence in RESTORED:
            assert sequence in tail, sequence
        assert termios.tcgetattr(pty.slave) == pty.modes
    finally:
        pty.close()


ANSI = re.compile(rb"\x1b(\[[0-9;?<>=$]*[ -/]*[@-~]|\][^\x07]*\x07|[()][0-9A-Za-z]|.)|\x18")


def test_crash_exits_non_zero_with_one_line_and_a_report(env, tmp_path):
    pty = Pty([sys.executable, "-c", CRASH_SCRIPT, str(FIXTURE)], env)
    try:
        pty.wait_for(FIRST_PAINT)
        painted = len(pty.output)
        os.write(pty.master, b"j")
        code, output = pty.finish()
        assert termios.tcgetattr(pty.slave) == pty.modes
    finally:
        pty.close()
    assert code == EXIT_CRASH
    after = output[painted:]
    assert b"\x1b[?1049l" in after
    # What is left on the shell's screen once the full screen is gone: one line.
    shown = ANSI.sub(b"", after[after.rindex(b"\x1b[?1049l") :]).decode()
    lines = [line for line in shown.replace("\r", "\n").split("\n") if line.strip()]
    assert len(lines) == 1, shown
    assert lines[0].startswith("fichas se cerró por un error interno; el informe completo está")
    reports = list((tmp_path / "state" / "fichas" / "informes").glob("fallo-*.txt"))
    assert len(reports) == 1 and str(reports[0]) in lines[0].replace("\n", "")
    text = reports[0].read_text()
    assert "RuntimeError" in text and "fallo forzado en la lista" in text
    assert "Traceback" not in shown and "RuntimeError" not in shown
