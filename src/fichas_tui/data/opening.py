"""The program the explorer opens on, read ahead at ingest: the rows of its first pane's queries
as a small file beside the Parquet, so its detail shows before DuckDB is even imported.

Written with the program list (writer.finish), for the list's first program and the tables of
the first tab (what the explorer shows at start). It keeps the answer of each query the
Store's read made, keyed by the query and its parameters; the explorer's Store answers those
same queries from it (Store._fetch) and goes to DuckDB for anything else. The file carries the
program list's stamp of every table file, so rows written for other files are never used. No
duckdb or pyarrow import here.
"""

from __future__ import annotations

import contextlib
import hmac
import json
from pathlib import Path

from .dataset import replace_file
from .list_file import digest, stamp
from .pane_tables import PANE_READS

FILE_NAME = ".opening-program"
VERSION = 2  # 2: a checksum line before the JSON
# The tab the explorer starts on (Detail shows the first tab).
TABLES = PANE_READS[0].tables


class Opening:
    """Recorded answers: (sql, params) -> rows, for one program."""

    def __init__(self, answers: dict[tuple, list[tuple]]) -> None:
        self._answers = answers

    def rows(self, sql: str, params: list) -> list[tuple] | None:
        """The recorded rows of this query (a new list: callers may cut it); None if absent."""
        try:
            found = self._answers.get((sql, tuple(params)))
        except TypeError:  # an unhashable parameter: never recorded
            return None
        return None if found is None else list(found)


def write(folder: Path, store) -> None:
    """Record the first program's read on `store` (connected to the files now in `folder`) and
    write it (atomically). Nothing is written when the dataset has no program or a value has
    no exact JSON form; a file left from an earlier dataset is removed first."""
    folder = Path(folder)
    with contextlib.suppress(FileNotFoundError):
        (folder / FILE_NAME).unlink()
    programs = store.programs()
    if not len(programs):
        return
    program_id = programs[0].program_id
    with store.recording() as answers:
        store.detail(program_id, partial=True, tables=TABLES)
    try:
        body = json.dumps(
            {
                "version": VERSION,
                "stamp": stamp(folder),
                "program_id": program_id,
                "answers": [[sql, list(params), rows] for (sql, params), rows in answers.items()],
            },
            ensure_ascii=False,
            separators=(",", ":"),
            default=_refuse,
        )
    except TypeError:  # a value JSON cannot carry exactly (a date, a decimal): read it live
        return
    data = body.encode()
    replace_file(folder / FILE_NAME, [digest(data), b"\n", data])  # checked before use


def read(folder: Path) -> Opening | None:
    """The recorded read when the file is there and was written for these very files; else
    None (absent, another version, stale, damaged)."""
    try:
        raw = (Path(folder) / FILE_NAME).read_bytes()
        newline = raw.index(b"\n")
        if not hmac.compare_digest(raw[:newline], digest(raw[newline + 1 :])):
            return None  # edited or damaged
        data = json.loads(raw[newline + 1 :].decode("utf-8"))
        if data.get("version") != VERSION or data.get("stamp") != stamp(folder):
            return None
        answers = {}
        for sql, params, rows in data["answers"]:
            if not isinstance(sql, str) or not all(map(_scalar, params)):
                return None
            answers[(sql, tuple(params))] = [tuple(map(_checked, row)) for row in rows]
        if not isinstance(data["program_id"], str):  # which program (for a reader of the file)
            return None
        return Opening(answers)
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        return None


def _refuse(value):
    raise TypeError(type(value).__name__)


def _scalar(value) -> bool:
    return value is None or isinstance(value, (str, int, float))


def _checked(value):
    """A cell as DuckDB gives it: a scalar, or a list of scalars (a LIST column)."""
    if _scalar(value) or (isinstance(value, list) and all(map(_scalar, value))):
        return value
    raise ValueError("cell")


__all__ = ["FILE_NAME", "TABLES", "Opening", "read", "write"]
