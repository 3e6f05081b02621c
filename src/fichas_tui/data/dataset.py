"""Records <-> Parquet files: a dataset folder, replaced whole and atomically."""

from __future__ import annotations

import contextlib
import os
import shutil
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING

# The dataset's small derived files (the program list, the opening program) are written with
# the one safe atomic write every file of fichas goes through.
from ..safe_write import replace_file as replace_file
from .schema import TABLES

if TYPE_CHECKING:
    import pyarrow as pa

# pyarrow is imported inside the functions that write or merge: the explorer imports this
# module for its errors and paths, and must not pay pyarrow's import before its first paint.

# Rows of one ficha sit together in small row groups, so a query for one ficha reads a few
# groups (DuckDB skips the rest by their ficha_id min/max) instead of the whole column.
ROW_GROUP_ROWS = 4096
PENDING = ".pending"
LOCK = ".lock"


class DatasetError(RuntimeError):
    """A dataset folder that cannot be read or written; the message says which file and why."""


class DatasetLocked(DatasetError):
    """Another ingest is writing the same dataset."""


def table_path(folder: Path, table: str) -> Path:
    return Path(folder) / f"{table}.parquet"


def empty_table(table: str) -> pa.Table:
    return TABLES[table].empty_table()


def rows_to_table(table: str, rows: Iterable[dict]) -> pa.Table:
    """Rows (dicts) as an Arrow table of the contract schema; missing columns are null."""
    import pyarrow as pa

    schema = TABLES[table]
    rows = list(rows)
    columns = {name: [row.get(name) for row in rows] for name in schema.names}
    return pa.table(columns, schema=schema)


def conform(table: str, data: pa.Table) -> pa.Table:
    """A table read from disk, cast to the current schema (new columns added as null)."""
    import pyarrow as pa

    schema = TABLES[table]
    arrays = []
    for field in schema:
        if field.name in data.column_names:
            arrays.append(data.column(field.name).cast(field.type))
        else:
            arrays.append(pa.nulls(data.num_rows, field.type))
    return pa.Table.from_arrays(arrays, schema=schema)


def recover(folder: Path) -> None:
    """Finish a write that was interrupted after its new files were complete.

    A writer renames its finished staging folder to `.pending` (one atomic step) before it
    moves the files into place, so a `.pending` folder always holds a whole, valid dataset.
    """
    folder = Path(folder)
    pending = folder / PENDING
    if not pending.is_dir():
        return
    owner = _lock_owner(folder / LOCK)
    if owner is not None and owner != os.getpid() and _alive(owner):
        return  # a live writer is moving its files into place; it finishes the job itself
    for name in TABLES:
        staged = table_path(pending, name)
        # Another process may finish the same swap at the same moment: losing that race
        # just means the file is already in place.
        with contextlib.suppress(FileNotFoundError):
            os.replace(staged, table_path(folder, name))
    shutil.rmtree(pending, ignore_errors=True)


def read_table(folder: Path, table: str) -> pa.Table:
    """One table of a dataset; an absent file is an empty table, a damaged one an error."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    path = table_path(folder, table)
    if not path.exists():
        return empty_table(table)
    try:
        return conform(table, pq.read_table(path))
    except (OSError, pa.ArrowException, ValueError) as exc:
        raise DatasetError(f"{path}: no se puede leer ({exc})") from exc


def read_dataset(folder: Path) -> dict[str, pa.Table]:
    folder = Path(folder)
    recover(folder)
    return {name: read_table(folder, name) for name in TABLES}


@contextlib.contextmanager
def write_lock(folder: Path):
    """Hold the dataset's lock for one ingest; a second one at once gets a clear error."""
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    lock = folder / LOCK
    try:
        fd = os.open(lock, os.O_CREAT | os.O_EXCL | os.O_WRONLY)
    except FileExistsError:
        pid = _lock_owner(lock)
        if pid is not None and not _alive(pid):
            # The process that held it is gone (killed mid-ingest): the lock is stale.
            lock.unlink(missing_ok=True)
            with write_lock(folder):
                yield
            return
        raise DatasetLocked(
            f"{folder}: otro proceso (pid {pid}) está escribiendo este dataset; "
            f"espere a que termine o borre {lock} si ese proceso ya no existe"
        ) from None
    try:
        os.write(fd, str(os.getpid()).encode())
        os.close(fd)
        yield
    finally:
        lock.unlink(missing_ok=True)


def _lock_owner(lock: Path) -> int | None:
    try:
        return int(lock.read_text().strip() or "0") or None
    except (OSError, ValueError):
        return None


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def write_dataset(folder: Path, tables: dict[str, pa.Table]) -> dict[str, pa.Table]:
    """Write whole tables as the folder's dataset (replacing it), never half-written.

    Returns the tables written, the derived ones included.
    """
    from .writer import DatasetWriter

    fichas = tables.get("fichas")
    writer = DatasetWriter(folder, fichas.num_rows if fichas is not None else 0)
    try:
        writer.add(tables)
    except BaseException:
        writer.abort()
        raise
    writer.finish()
    return {**tables, **writer.derived}
