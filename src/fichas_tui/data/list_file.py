"""The program list as a small file beside the Parquet, so the explorer paints without DuckDB.

Written with the dataset (write_dataset) from the derived `programs` table; read at start-up by
Store.open(deferred=True). It holds the list's columns already in list order with their sort
keys (list_columns.from_rows, run at ingest), so start-up neither folds nor sorts: texts as
JSON arrays, repeated texts once with a code per program, numbers as arrays. The file carries a
stamp of every table file (size and a hash of its last bytes, where Parquet keeps its footer:
row counts, offsets and statistics), so a list written for other files (an ingest since, a file
replaced or damaged by hand) is never used: the store then reads the list with DuckDB, checking
every file first, as without this file. No duckdb or pyarrow import here.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import os
import sys
from array import array
from collections.abc import Iterable, Sequence
from pathlib import Path

from .dataset import replace_file, table_path
from .list_columns import KINDS, LIST_COLUMNS, Coded, Numbers, ProgramTable, from_rows
from .schema import COLUMNS

__all__ = ["FILE_NAME", "LIST_COLUMNS", "digest", "read", "rows_of", "stamp", "write"]

FILE_NAME = ".program-list"
MAGIC = b"fichas program list\n"
VERSION = 3  # 3: a checksum line after the first
TAIL_BYTES = 4096  # a Parquet footer (metadata of every row group) sits in the last bytes
TYPECODES = {"int": "q", "float": "d"}


def stamp(folder: Path) -> list:
    """[table, size, hash of the tail] for every table file there is (absent ones: null)."""
    out: list[list[object]] = []
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


def digest(*parts: bytes | memoryview) -> bytes:
    """The checksum a cache file carries of its own content (hex, ASCII): an edited or
    damaged cache is never used (one showed 999.999.999 for a program's budget)."""
    h = hashlib.sha256()  # faster than blake2b where the CPU has SHA instructions
    for part in parts:
        h.update(part)
    return h.hexdigest().encode()


def read(folder: Path) -> ProgramTable | None:
    """The table when the file is there, whole (its checksum) and written for these very
    files (its stamp); else None (absent, another version, other columns, stale, edited)."""
    try:
        with open(Path(folder) / FILE_NAME, "rb") as fh:
            data = fh.read()
        if not data.startswith(MAGIC):
            return None
        start = data.index(b"\n", len(MAGIC)) + 1  # after the checksum line
        end = data.index(b"\n", start)
        body = memoryview(data)[start:]
        if not hmac.compare_digest(bytes(data[len(MAGIC) : start - 1]), digest(body)):
            return None
        head = json.loads(data[start:end])
        if (
            head.get("version") != VERSION
            or head.get("columns") != list(KINDS)
            or head.get("stamp") != stamp(folder)
        ):
            return None
        payload = memoryview(data)[end + 1 :]
        swap = head["byteorder"] != sys.byteorder
        count = head["count"]
        columns = {
            name: _decode(KINDS[name], [payload[a : a + n] for a, n in parts], count, swap)
            for name, parts in zip(KINDS, head["sections"], strict=True)
        }
        return ProgramTable(columns)
    except (OSError, ValueError, KeyError, TypeError, AttributeError, IndexError):
        return None


def write(folder: Path, rows: Iterable[Sequence]) -> None:
    """Write the list of `rows` (LIST_COLUMNS of the derived programs table) for the files now
    in `folder` (atomically: a reader sees the old file or the new one). Call it after the
    table files are in place."""
    folder = Path(folder)
    table = from_rows(rows)
    parts: list[bytes] = []
    sections = []
    for name, kind in KINDS.items():
        encoded = _encode(kind, table.columns[name])
        offset = sum(map(len, parts))
        sections.append(
            [[offset + sum(map(len, encoded[:k])), len(b)] for k, b in enumerate(encoded)]
        )
        parts.extend(encoded)
    head = {
        "version": VERSION,
        "columns": list(KINDS),
        "stamp": stamp(folder),
        "count": len(table),
        "byteorder": sys.byteorder,
        "sections": sections,
    }
    first = json.dumps(head, separators=(",", ":")).encode() + b"\n"
    # The checksum covers the header (with the stamp of the files it was derived from) and
    # the payload: 15-30 ms for a 12 MB list of 50,000 programs (benchmarks/README.md).
    checksum = digest(first, *parts)
    replace_file(folder / FILE_NAME, [MAGIC, checksum, b"\n", first, *parts])


def rows_of(programs) -> list[list]:
    """LIST_COLUMNS of each row of the derived programs table (a pyarrow Table)."""
    columns = [programs.column(c).to_pylist() for c in LIST_COLUMNS]
    return [list(r) for r in zip(*columns, strict=True)]


def _json(values: list) -> bytes:
    return json.dumps(values, ensure_ascii=False, separators=(",", ":")).encode()


def _encode(kind: str, column) -> list[bytes]:
    if kind == "text":
        return [_json(column)]
    if kind == "coded":
        return [
            _json([list(v) if isinstance(v, tuple) else v for v in column.values]),
            column.codes.tobytes(),
        ]
    return [column.values.tobytes(), column.present or b""]


def _decode(kind: str, parts: list[memoryview], count: int, swap: bool):
    """One column from its parts, checked (length, kinds of values): ValueError if wrong."""
    if kind == "text":
        values = json.loads(bytes(parts[0]))
        if (
            not isinstance(values, list)
            or len(values) != count
            or not set(map(type, values)) <= {str}
        ):
            raise ValueError("text column")
        return values
    if kind == "coded":
        values = json.loads(bytes(parts[0]))
        values = [tuple(v) if isinstance(v, list) else v for v in values]
        if not all(v is None or isinstance(v, str) or _years(v) for v in values):
            raise ValueError("coded values")
        codes = _array("I", parts[1], count, swap)
        if count and max(codes) >= len(values):
            raise ValueError("codes")
        return Coded(values, codes)
    present = bytes(parts[1]) or None
    if present is not None and (len(present) != count or present.translate(None, b"\x00\x01")):
        raise ValueError("mask")
    return Numbers(_array(TYPECODES[kind], parts[0], count, swap), present)


def _years(value) -> bool:
    return isinstance(value, tuple) and all(type(y) is int for y in value)


def _array(typecode: str, raw: memoryview, count: int, swap: bool) -> array:
    out = array(typecode)
    out.frombytes(raw)
    if len(out) != count:
        raise ValueError("array length")
    if swap:
        out.byteswap()
    return out
