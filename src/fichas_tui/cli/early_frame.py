"""The explorer's first frame on screen before Textual is imported: the frame Textual drew the
last time with the same inputs, written again at once, then redrawn the same by Textual.

Importing Textual takes longer than VisiData's whole first paint (benchmarks/README.md,
"The first frame before Textual"). Textual's first frame is a function of what this start will
show it: the terminal's size and colour settings, the dataset's files, the theme, and the code
of fichas, Textual and Rich. That frame is kept (a full-screen update: text, colours, cursor
moves) under a key made of exactly those inputs; a start with the same key writes it before
importing anything heavy, and Textual's own first frame then lands on an identical screen.
Any input changed (an ingest, another size, an upgrade) is another key: that start waits for
Textual as before, and keeps its frame for the next one. Drawing the frame here from the list
file instead would repeat Textual's compositor (colour blending of dim text, 256-colour
downgrade, word wrap, scrollbars) and drift from it at the first upgrade.

A kept frame is replayed only if it is a full-screen update made of text, colours and cursor
moves alone (FRAME): a hand-edited or planted file cannot send the terminal anything else.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import re
import sys
import termios
from collections.abc import Callable
from importlib.util import find_spec
from pathlib import Path

from .. import __version__, locations
from ..safe_write import replace_file
from ..settings import DEFAULT_THEME, read_regular

FILE_NAME = "first-frames.json"
VERSION = 1
KEEP = 4  # frames kept (one per terminal size and dataset in use); the last used first
MAX_BYTES = 2 * 1024 * 1024
# What Textual writes before a frame, done here: the alternate screen, the cursor hidden.
ENTER = "\x1b[?1049h\x1b[?25l"
# A full update as Textual writes it: lines placed by CUP, coloured by SGR, and text without
# control characters; nothing else (no OSC: no title, clipboard or hyperlink).
FRAME = re.compile(r"(?:\x1b\[[0-9;]*m|\x1b\[[0-9]{1,4};[0-9]{1,4}H|\r?\n|[^\x00-\x1f\x7f-\x9f])*")
LINE_START = re.compile(r"\x1b\[([0-9]{1,4});1H")
# Environment read by Rich and Textual to choose colours, keys and drivers.
ENV_EXACT = ("TERM", "COLORTERM", "NO_COLOR", "FORCE_COLOR", "TERM_PROGRAM", "COLUMNS", "LINES")
ENV_PREFIXES = ("TEXTUAL", "TTY_")
# The code the frame is drawn by: a change to any of its files is another key.
LIBRARIES = ("textual", "rich")


def cache_path() -> Path:
    return locations.cache_dir() / FILE_NAME


def full_frame(frame: str, lines: int) -> bool:
    """Whether `frame` is a whole screen of `lines` lines made only of text, SGR and CUP."""
    if FRAME.fullmatch(frame) is None:
        return False
    placed = {int(n) for n in LINE_START.findall(frame)}
    return placed == set(range(1, lines + 1))


def _code_stamp() -> list:
    """Size and mtime of every file of fichas_tui, and the package file of each library."""
    stamp: list = [__version__, sys.version]
    root = Path(__file__).resolve().parent.parent
    files = []
    for folder, dirs, names in os.walk(root):
        dirs[:] = sorted(d for d in dirs if d != "__pycache__")
        for name in sorted(names):
            if name.endswith((".py", ".tcss", ".json", ".csv")):
                with contextlib.suppress(OSError):
                    info = os.stat(os.path.join(folder, name))
                    files.append((name, info.st_size, info.st_mtime_ns))
    stamp.append(files)
    for library in LIBRARIES:
        spec = find_spec(library)
        origin = spec.origin if spec is not None else None
        with contextlib.suppress(OSError, TypeError):
            info = os.stat(origin)  # type: ignore[arg-type]
            stamp.append((library, origin, info.st_size, info.st_mtime_ns))
    return stamp


def _dataset_stamp(folder: Path) -> list:
    """Every entry of the dataset folder (and of the folder `.current` points to): a new
    ingest, a replaced or removed file is another key."""
    stamp: list = []
    seen = set()
    todo = [folder]
    while todo:
        here = todo.pop()
        try:
            real = here.resolve()
        except (OSError, RuntimeError):
            continue
        if real in seen:
            continue
        seen.add(real)
        try:
            entries = sorted(os.scandir(real), key=lambda e: e.name)
        except OSError:
            stamp.append((str(real), None))
            continue
        for entry in entries:
            with contextlib.suppress(OSError):
                info = entry.stat()
                stamp.append((str(real), entry.name, info.st_size, info.st_mtime_ns, info.st_ino))
                if entry.name == ".current" and entry.is_dir():
                    todo.append(Path(entry.path))
    return stamp


def frame_key(
    folder: Path, size: os.terminal_size, label: str | None, settings: dict, encoding: str
) -> str:
    """The inputs of the explorer's first frame, hashed."""
    env = sorted(
        (k, v) for k, v in os.environ.items() if k in ENV_EXACT or k.startswith(ENV_PREFIXES)
    )
    parts = [
        VERSION,
        list(size),
        env,
        encoding,
        label,
        settings.get("theme") or DEFAULT_THEME,  # the first start remembers the default
        settings.get("basis"),
        _dataset_stamp(folder),
        _code_stamp(),
    ]
    text = json.dumps(parts, sort_keys=True, default=str)
    return hashlib.sha256(text.encode("utf-8", "surrogateescape")).hexdigest()


def _read(path: Path) -> list[dict]:
    data = read_regular(path, MAX_BYTES)
    try:
        loaded = json.loads(data.decode("utf-8")) if data is not None else []
    except (ValueError, RecursionError):
        return []
    if not isinstance(loaded, list):
        return []
    return [
        e
        for e in loaded
        if isinstance(e, dict) and isinstance(e.get("key"), str) and isinstance(e.get("frame"), str)
    ]


def kept_frame(key: str, lines: int, path: Path | None = None) -> str | None:
    """The frame kept under `key`, if it is a valid whole screen of `lines` lines."""
    for entry in _read(path or cache_path()):
        if entry["key"] == key:
            frame = entry["frame"]
            return frame if full_frame(frame, lines) else None
    return None


def keep_frame(key: str, frame: str, lines: int, path: Path | None = None) -> None:
    """Keep `frame` under `key` (first), with up to KEEP - 1 others; never raises."""
    if not full_frame(frame, lines):
        return
    path = path or cache_path()
    try:
        entries = _read(path)
        if entries and entries[0] == {"key": key, "frame": frame}:
            return  # kept already: no write at every start
        others = [e for e in entries if e["key"] != key]
        entries = [{"key": key, "frame": frame}, *others[: KEEP - 1]]
        path.parent.mkdir(parents=True, exist_ok=True)
        replace_file(path, [json.dumps(entries).encode()], private=True)
    except (OSError, ValueError):
        pass  # a cache that cannot be written: the next start waits for Textual as before


class EarlyFrame:
    """What a start did before Textual: the key of its inputs, and whether the kept frame was
    written (the alternate screen entered, the cursor hidden, echo off)."""

    def __init__(self, key: str | None, lines: int, painted: bool) -> None:
        self.key = key
        self.lines = lines
        self.painted = painted

    def keeper(self) -> Callable[[str], None] | None:
        """Where Textual's first frame goes to be kept (None: nothing to key it by)."""
        if self.key is None:
            return None
        key, lines = self.key, self.lines
        return lambda frame: keep_frame(key, frame, lines)


def paint(folder: Path, label: str | None, settings: dict) -> EarlyFrame:
    """Write the kept first frame for this start, when there is one and the output is a
    terminal of known size; echo is turned off so keys typed meanwhile wait for the app
    (the caller restores the terminal's modes at the end, whatever happens)."""
    out = sys.__stderr__  # where Textual draws
    try:
        if out is None or not out.isatty() or not sys.stdout.isatty():
            return EarlyFrame(None, 0, False)
        fd = out.fileno()
        size = os.get_terminal_size(fd)
    except (OSError, ValueError, AttributeError):
        return EarlyFrame(None, 0, False)
    if size.columns <= 0 or size.lines <= 0 or os.environ.get("TERM", "dumb") == "dumb":
        return EarlyFrame(None, 0, False)
    encoding = out.encoding or "utf-8"
    key = frame_key(folder, size, label, settings, encoding)
    frame = kept_frame(key, size.lines)
    if frame is None:
        return EarlyFrame(key, size.lines, False)
    try:
        data = (ENTER + frame).encode(encoding)
    except (UnicodeError, LookupError):
        return EarlyFrame(None, 0, False)
    _quiet_input()
    try:
        view = memoryview(data)
        while view:
            view = view[os.write(fd, view) :]
    except OSError:
        return EarlyFrame(key, size.lines, True)  # partly written: restored at the end
    return EarlyFrame(key, size.lines, True)


def _quiet_input() -> None:
    """No echo and no line editing: a key typed before Textual reads the keyboard is kept for
    it as typed, not printed over the frame."""
    stdin = sys.__stdin__
    with contextlib.suppress(OSError, ValueError, AttributeError, termios.error):
        if stdin is not None and stdin.isatty():
            fd = stdin.fileno()
            modes = termios.tcgetattr(fd)
            # as Textual's raw mode has them: Enter stays \r (ICRNL would make it ctrl+j)
            modes[0] &= ~(termios.ICRNL | termios.INLCR | termios.IGNCR)
            modes[3] &= ~(termios.ECHO | termios.ICANON)
            termios.tcsetattr(fd, termios.TCSANOW, modes)
