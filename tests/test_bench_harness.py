"""The benchmark's pty screen reader works on trivial programs (no timing asserted)."""

from __future__ import annotations

import sys
import time
from pathlib import Path

import pytest

pytest.importorskip("pyte")
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))

from harness.pty_screen import PtyScreen


def test_reads_what_a_program_prints_at_the_pty_size():
    code = "import os; s = os.get_terminal_size(); print('hola', s.columns, s.lines)"
    screen = PtyScreen([sys.executable, "-c", code], columns=120, lines=40)
    try:
        waited = screen.wait_until(lambda rows: any("hola 120 40" in r for r in rows), timeout=20)
        assert waited.ok, screen.text()
    finally:
        screen.close()


def test_close_ends_a_program_that_does_not_quit():
    screen = PtyScreen([sys.executable, "-c", "import time; time.sleep(60)"])
    t0 = time.monotonic()
    screen.close(quit_keys=b"q", timeout=0.5)
    assert screen.proc.poll() is not None
    assert time.monotonic() - t0 < 20
