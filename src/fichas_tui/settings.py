"""User settings (theme, peso basis, last dataset): a small JSON file in the config dir."""

from __future__ import annotations

import contextlib
import json
import os
import re
import stat
from pathlib import Path
from typing import Any

from .locations import config_dir
from .safe_write import replace_file

# Each remembered value and the text it may be: anything else in the file is dropped, so a
# hand-edited or hostile file cannot reach the code that uses it (a basis of "²" passed
# isdigit() and failed int(), and stopped every start).
SCHEMA = {
    "theme": re.compile(r"[A-Za-z0-9_-]{1,64}"),
    "basis": re.compile(r"ficha|[0-9]{4}"),  # the ficha's own basis, or M$ of a year
    "last_dataset": re.compile(r"[^\x00-\x1f\x7f]{1,4096}"),
}
KEYS = tuple(SCHEMA)
# The explorer's theme when none is remembered (the first start remembers it).
DEFAULT_THEME = "textual-dark"
# Far more than three short values; a bigger file is not ours.
MAX_BYTES = 64 * 1024


def valid(key: str, value: Any) -> bool:
    """Whether `value` is one `key` may hold."""
    return key in SCHEMA and isinstance(value, str) and bool(SCHEMA[key].fullmatch(value))


def read_regular(path: Path, limit: int = MAX_BYTES) -> bytes | None:
    """The bytes of `path` if it is a regular file of at most `limit` bytes, else None.

    Opened without blocking: a FIFO (or a device) put in its place would otherwise hang the
    explorer's start-up waiting for a writer.
    """
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0))
    except OSError:
        return None
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode) or info.st_size > limit:
            return None
        data = os.read(fd, limit + 1)
        return data if len(data) <= limit else None
    except OSError:
        return None
    finally:
        os.close(fd)


class Settings:
    """Read once at start, written whenever a remembered choice changes.

    A missing, unreadable, oversized, non-regular or hand-broken file, or a value outside the
    schema, means defaults; a home that cannot be written means the choice is kept for this
    session only: settings never stop the explorer."""

    def __init__(self, path: Path | None = None) -> None:
        self.path = path or config_dir() / "settings.json"
        self.values: dict[str, Any] = {}
        data = read_regular(self.path)
        try:
            loaded = json.loads(data.decode("utf-8")) if data is not None else {}
        except (ValueError, RecursionError):
            loaded = {}
        if isinstance(loaded, dict):
            self.values = {k: v for k, v in loaded.items() if valid(k, v)}

    def get(self, key: str) -> str | None:
        return self.values.get(key)

    def set(self, key: str, value: str) -> None:
        if key not in KEYS:
            raise KeyError(key)
        if self.values.get(key) == value or not valid(key, value):
            return  # nothing is written that the next start would refuse to read
        self.values[key] = value
        text = json.dumps(self.values, indent=2, ensure_ascii=False) + "\n"
        with contextlib.suppress(OSError):
            self.path.parent.mkdir(parents=True, exist_ok=True)
            # Staged under a unique name beside it, then renamed: never half a file, and a
            # link planted at a fixed staging name is never followed.
            replace_file(self.path, [text.encode("utf-8")], private=True)
