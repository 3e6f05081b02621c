"""The program list as a small JSON file beside the Parquet, so the explorer paints without DuckDB.

Written with the dataset (write_dataset) from the derived `programs` table; read at start-up by
Store.open(deferred=True). The file carries a stamp of every table file (size and a hash of its
last bytes, where Parquet keeps its footer: row counts, offsets and statistics), so a list
written for other files (an ingest since, a file replaced or damaged by hand) is never used:
the store then reads the list with DuckDB, checking every file first, as without this file.
No duckdb or pyarrow import here.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
from collections.abc import Iterable, Sequence
from pathlib import Path

from .dataset import table_path
from .schema import COLUMNS

FILE_NAME = ".program-list.json"
VERSION = 1
TAIL_BYTES = 4096  # a Parquet footer (metadata of every row group) sits in the last bytes

# The columns of the derived `programs` table each row carries, in this order (what
# Store.programs reads from DuckDB with the same names).
LIST_COLUMNS = (
    "program_id",
    "program_name",
    "ministry",
    "service",
    "years",
    "latest_year",
    "executed_kclp",
    "executed_status",
    "executed_price_year",
    "search_key",
    "executed_year",
)


def stamp(folder: Path) -> list:
    """[table, size, hash of the tail] for every table file there is (absent ones: null)."""
    out = []
    for table in sorted(COLUMNS):
        path = table_path(folder, table)
        try:
            with open(path, "rb") as fh:
                size = os.fstat(fh.fileno()).st_size
                fh.seek(max(0, size - TAIL_BYTES))
                tail = hashlib.blake2b(fh.read(), digest_size=16).hexdigest()
        except FileNotFoundError:
            out.append([table, None, None])
            continue
        out.append([table, size, tail])
    return out


def read(folder: Path) -> list[list] | None:
    """The rows (LIST_COLUMNS) when the file is there and was written for these very files;
    else None (absent, another version, other columns, stale, unreadable)."""
    path = Path(folder) / FILE_NAME
    try:
        with open(path, encoding="utf-8") as fh:
            data = json.load(fh)
        if (
            data.get("version") != VERSION
            or data.get("columns") != list(LIST_COLUMNS)
            or data.get("stamp") != stamp(folder)
        ):
            return None
        rows = data["rows"]
        if not all(isinstance(r, list) and len(r) == len(LIST_COLUMNS) for r in rows):
            return None
        return rows
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        return None


def write(folder: Path, rows: Iterable[Sequence]) -> None:
    """Write the list for the files now in `folder` (atomically: a reader sees the old file or
    the new one). Call it after the table files are in place."""
    folder = Path(folder)
    data = {
        "version": VERSION,
        "columns": list(LIST_COLUMNS),
        "stamp": stamp(folder),
        "rows": [list(r) for r in rows],
    }
    tmp = folder / f"{FILE_NAME}.{os.getpid()}.tmp"
    try:
        with open(tmp, "w", encoding="utf-8") as fh:
            json.dump(data, fh, ensure_ascii=False, separators=(",", ":"))
        os.replace(tmp, folder / FILE_NAME)
    finally:
        with contextlib.suppress(FileNotFoundError):
            tmp.unlink()


def rows_of(programs) -> list[list]:
    """LIST_COLUMNS of each row of the derived programs table (a pyarrow Table)."""
    columns = [programs.column(c).to_pylist() for c in LIST_COLUMNS]
    return [list(r) for r in zip(*columns, strict=True)]
