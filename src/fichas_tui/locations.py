"""Where the bundled dataset lives; importable without pyarrow, so `fichas --help` is instant."""

from __future__ import annotations

from pathlib import Path

DEFAULT_DATA_DIR = Path(__file__).resolve().parents[2] / "data" / "parquet"
