"""The explorer exits when its terminal goes away instead of spinning on a dead input."""

from __future__ import annotations

import os
import pty
import select
import subprocess
import sys
import time


def test_explorer_exits_when_the_terminal_hangs_up():
    # A pty that is not the child's controlling terminal: closing it sends no SIGHUP, so only
    # the app's own watch on stdin can end it (Textual alone would spin at full CPU).
    master, slave = pty.openpty()
    env = {k: v for k, v in os.environ.items() if k != "TEXTUAL_DRIVER"}
    env.update(COLUMNS="80", LINES="24", TERM="xterm-256color")
    proc = subprocess.Popen(
        [sys.executable, "-m", "fichas_tui"],
        stdin=slave,
        stdout=slave,
        stderr=slave,
        env=env,
        close_fds=True,
    )
    os.close(slave)
    try:
        screen = b""
        deadline = time.monotonic() + 30
        while b"programas" not in screen and time.monotonic() < deadline:
            if select.select([master], [], [], 0.2)[0]:
                screen += os.read(master, 65536)
        assert b"programas" in screen, screen[-500:]
        os.close(master)
        proc.wait(timeout=5)  # ends on the hangup (TimeoutExpired if it hangs on)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
