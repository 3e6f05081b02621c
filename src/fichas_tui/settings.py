"""User settings (theme, peso basis, last dataset): a small JSON file in the config dir."""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

from .locations import config_dir

KEYS = ("theme", "basis", "last_dataset")


class Settings:
    """Read once at start, written whenever a remembered choice changes.

    A missing, unreadable or hand-broken file means defaults; a home that cannot be written
    means the choice is kept for this session only: settings never stop the explorer."""

    def __init__(self, path: Path | None = None) -> None:
        self.path = path or config_dir() / "settings.json"
        self.values: dict[str, Any] = {}
        try:
            loaded = json.loads(self.path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            loaded = {}
        if isinstance(loaded, dict):
            self.values = {k: v for k, v in loaded.items() if k in KEYS and isinstance(v, str)}

    def get(self, key: str) -> str | None:
        return self.values.get(key)

    def set(self, key: str, value: str) -> None:
        if key not in KEYS:
            raise KeyError(key)
        if self.values.get(key) == value:
            return
        self.values[key] = value
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            staging = self.path.with_suffix(".tmp")
            staging.write_text(
                json.dumps(self.values, indent=2, ensure_ascii=False) + "\n", encoding="utf-8"
            )
            os.replace(staging, self.path)  # never a half-written file
        except OSError:
            pass
