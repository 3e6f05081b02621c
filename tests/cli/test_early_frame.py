"""The early frame (cli/early_frame.py) in a real pty: the screen it leaves is Textual's first
frame cell by cell, nothing blanks the screen in between, and the terminal is left as found."""

from __future__ import annotations

import fcntl
import json
import os
import re
import select
import struct
import subprocess
import sys
import termios
import time
from pathlib import Path

import pyte
import pytest

from fichas_tui.cli import early_frame
from tests.helpers import FIXTURES

FIXTURE = FIXTURES / "fixture"
TIMEOUT = 90.0  # generous: CI runs this beside the whole suite on two cores
MOUSE_ON = b"\x1b[?1000h"  # Textual's first output after the early frame (the driver starts)
FRAME_START = b"\x1b[1;1H"
CUP = re.compile(rb"\x1b\[[0-9]+;[0-9]+H")
# What would blank the screen between the two frames: entering the alternate screen (xterm
# clears it), erasing the display, the older alternate-screen modes.
BLANKING = (
    b"\x1b[?1049h",
    b"\x1b[?1047h",
    b"\x1b[?47h",
    b"\x1b[2J",
    b"\x1b[J",
    b"\x1b[0J",
    b"\x1bc",
)
PRIVATE_MODE = re.compile(rb"\x1b\[\?([0-9;]+)([hl])")
# Modes on in a shell: autowrap (7) and the visible cursor (25); every other one set must end off.
ON_AT_REST = {"7", "25"}


class Explorer:
    """`fichas --data FIXTURE` in a pty of `columns` x `lines`; every byte it writes kept."""

    def __init__(self, columns: int, lines: int, env: dict[str, str]) -> None:
        self.master, self.slave = os.openpty()
        fcntl.ioctl(self.slave, termios.TIOCSWINSZ, struct.pack("HHHH", lines, columns, 0, 0))
        self.modes = termios.tcgetattr(self.slave)
        self.output = b""
        self.process = subprocess.Popen(
            [sys.executable, "-m", "fichas_tui", "--data", str(FIXTURE)],
            stdin=self.slave,
            stdout=self.slave,
            stderr=self.slave,
            env=env,
        )

    def read(self, timeout: float) -> None:
        while select.select([self.master], [], [], timeout)[0]:
            try:
                chunk = os.read(self.master, 65536)
            except OSError:
                return
            if not chunk:
                return
            self.output += chunk
            timeout = 0.02

    def wait(self, done, what: str) -> None:
        end = time.monotonic() + TIMEOUT
        while not done():
            assert time.monotonic() < end, f"{what}: {self.output[-300:]!r}"
            assert self.process.poll() is None, f"{what}: exited {self.process.returncode}"
            self.read(0.1)

    def quit(self) -> int:
        os.write(self.master, b"q")
        end = time.monotonic() + TIMEOUT
        while self.process.poll() is None and time.monotonic() < end:
            self.read(0.1)
        if self.process.poll() is None:
            self.process.kill()
        self.process.wait()
        self.read(0.1)
        return self.process.returncode

    def close(self) -> None:
        if self.process.poll() is None:
            self.process.kill()
            self.process.wait()
        os.close(self.master)
        os.close(self.slave)


def first_frame_end(output: bytes, start: int, lines: int) -> int | None:
    """Where Textual's first full frame after `start` ends: it places lines 1 to `lines` in
    order, then the cursor (App._display): the end of that last cursor move."""
    begin = output.find(FRAME_START, start)
    if begin < 0:
        return None
    last = output.find(b"\x1b[%d;1H" % lines, begin)
    if last < 0:
        return None
    cursor = CUP.search(output, last + 1)
    return cursor.end() if cursor else None


def screen_of(output: bytes, columns: int, lines: int) -> list[list[tuple]]:
    screen = pyte.Screen(columns, lines)
    pyte.ByteStream(screen).feed(output)
    return [
        [
            (c.data, c.fg, c.bg, c.bold, c.italics, c.underscore, c.reverse, c.strikethrough)
            for c in (screen.buffer[y][x] for x in range(columns))
        ]
        for y in range(lines)
    ]


def differences(a: list[list[tuple]], b: list[list[tuple]]) -> list[str]:
    return [
        f"line {y} column {x}: {cell!r} != {b[y][x]!r}"
        for y, row in enumerate(a)
        for x, cell in enumerate(row)
        if cell != b[y][x]
    ]


@pytest.fixture
def env(tmp_path):
    env = dict(os.environ, TERM="xterm-256color", XDG_CACHE_HOME=str(tmp_path / "cache"))
    for name in ("COLUMNS", "LINES", "TEXTUAL", "NO_COLOR", "COLORTERM"):
        env.pop(name, None)
    return env


def keep_first_frame(columns: int, lines: int, env: dict[str, str], tmp_path: Path) -> None:
    """A first start, which keeps Textual's first frame (nothing kept yet: no early frame)."""
    kept = tmp_path / "cache" / "fichas" / early_frame.FILE_NAME
    explorer = Explorer(columns, lines, env)
    try:
        explorer.wait(kept.exists, "the first frame was never kept")
        assert not explorer.output.startswith(early_frame.ENTER.encode())
        explorer.quit()
    finally:
        explorer.close()
    assert len(json.loads(kept.read_text())) == 1


@pytest.mark.parametrize(("columns", "lines"), [(80, 24), (60, 20), (120, 40)])
def test_early_frame_is_textuals_first_frame(env, tmp_path, columns, lines):
    keep_first_frame(columns, lines, env, tmp_path)
    explorer = Explorer(columns, lines, env)

    def textual_frame_end() -> int | None:
        early_end = first_frame_end(explorer.output, 0, lines)
        return None if early_end is None else first_frame_end(explorer.output, early_end, lines)

    try:
        explorer.wait(lambda: textual_frame_end() is not None, "no first frame from Textual")
        status = explorer.quit()
        after = termios.tcgetattr(explorer.slave)
    finally:
        explorer.close()
    output = explorer.output
    early_end, end = first_frame_end(output, 0, lines), textual_frame_end()
    assert early_end is not None and end is not None
    early = output[:early_end]
    assert early.startswith(early_frame.ENTER.encode())  # first thing written: the frame
    assert MOUSE_ON not in early  # written before Textual started
    shown = screen_of(early, columns, lines)
    assert sum(1 for row in shown for cell in row if cell[0] != " ") > columns  # not blank
    assert differences(shown, screen_of(output[:end], columns, lines)) == []
    between = output[early_end : output.find(FRAME_START, early_end)]
    assert MOUSE_ON in between  # Textual's start: all it writes before its first frame
    assert [b for b in BLANKING if b in between] == []
    # Left as found: exit status 0, the tty's modes, every private mode set turned off.
    assert status == 0
    assert after == explorer.modes
    final = {}
    for match in PRIVATE_MODE.finditer(output):
        for mode in match.group(1).decode().split(";"):
            final[mode] = match.group(2).decode()
    left = {m: s for m, s in final.items() if s != ("h" if m in ON_AT_REST else "l")}
    assert left == {}
    assert b"\x1b[?1049l" in output[end:]


def test_a_key_typed_over_the_early_frame_waits_for_the_app(env, tmp_path):
    """`q` typed as soon as the early frame shows: not echoed over it, and the app gets it
    (it quits by itself); the shell's modes come back."""
    keep_first_frame(80, 24, env, tmp_path)
    explorer = Explorer(80, 24, env)
    try:
        explorer.wait(lambda: first_frame_end(explorer.output, 0, 24) is not None, "no frame")
        os.write(explorer.master, b"q")
        end = time.monotonic() + TIMEOUT
        while explorer.process.poll() is None and time.monotonic() < end:
            explorer.read(0.1)
        explorer.read(0.1)
        status = explorer.process.poll()
        after = termios.tcgetattr(explorer.slave)
    finally:
        explorer.close()
    assert status == 0
    assert after == explorer.modes
    early_end = first_frame_end(explorer.output, 0, 24)
    assert early_end is not None
    textual = explorer.output.find(FRAME_START, early_end)
    between = explorer.output[early_end : textual if textual >= 0 else None]
    assert b"q" not in re.sub(rb"\x1b(\[[0-9;?<>=$]*[ -/]*[@-~]|\][^\x07]*\x07)", b"", between)


def test_a_planted_frame_is_not_written(tmp_path):
    """Only text, colours and cursor moves of a whole screen are replayed."""
    whole = "".join(f"\x1b[{n};1Hx" for n in range(1, 4))
    assert early_frame.full_frame(whole, 3)
    assert not early_frame.full_frame(whole, 4)  # a line missing
    for planted in ("\x1b]52;c;ZXZpbA==\x07", "\x1b]0;title\x07", "\x07", "\x1b[6n", "\x9b2J"):
        assert not early_frame.full_frame(whole + planted, 3), planted
    path = tmp_path / "frames.json"
    early_frame.keep_frame("k", whole + "\x1b]0;title\x07", 3, path)
    assert not path.exists()
    early_frame.keep_frame("k", whole, 3, path)
    assert early_frame.kept_frame("k", 3, path) == whole
    assert early_frame.kept_frame("k", 4, path) is None  # another terminal height
    assert early_frame.kept_frame("other", 3, path) is None
    path.write_text(json.dumps([{"key": "k", "frame": whole + "\x1b[6n"}]))
    assert early_frame.kept_frame("k", 3, path) is None


def test_only_the_last_frames_are_kept(tmp_path):
    path = tmp_path / "frames.json"
    frame = "\x1b[1;1Hx"
    for n in range(early_frame.KEEP + 2):
        early_frame.keep_frame(f"k{n}", frame, 1, path)
    keys = [e["key"] for e in json.loads(path.read_text())]
    assert keys == [f"k{n}" for n in range(early_frame.KEEP + 1, 1, -1)]


def test_the_key_follows_the_inputs(tmp_path):
    """Another size, theme or dataset file is another key; the same inputs, the same key."""
    folder = tmp_path / "ds"
    folder.mkdir()
    (folder / ".program-list").write_bytes(b"a")
    size = os.terminal_size((80, 24))
    key = early_frame.frame_key(folder, size, "x", {}, "utf-8")
    assert key == early_frame.frame_key(folder, size, "x", {}, "utf-8")
    assert key == early_frame.frame_key(folder, size, "x", {"theme": "textual-dark"}, "utf-8")
    assert key != early_frame.frame_key(folder, os.terminal_size((81, 24)), "x", {}, "utf-8")
    assert key != early_frame.frame_key(folder, size, "x", {"theme": "nord"}, "utf-8")
    assert key != early_frame.frame_key(folder, size, "y", {}, "utf-8")
    (folder / ".program-list").write_bytes(b"ab")
    assert key != early_frame.frame_key(folder, size, "x", {}, "utf-8")


def test_no_terminal_no_frame(monkeypatch, tmp_path):
    """Output to a pipe (or a file): nothing is written before the app, nothing kept."""
    monkeypatch.setattr(sys, "__stderr__", open(os.devnull, "w"))  # noqa: SIM115
    try:
        early = early_frame.paint(Path(tmp_path), None, {})
    finally:
        sys.__stderr__.close()
    assert not early.painted
    assert early.keeper() is None
