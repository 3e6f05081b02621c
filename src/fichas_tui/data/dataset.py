"""Records <-> Parquet files: a dataset folder, replaced whole and atomically."""

from __future__ import annotations

import contextlib
import errno
import os
import shutil
import stat
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
    # Arrow reads the dicts as one struct column in C++: a third faster than a Python list per
    # column ("Ingest in one pass" in benchmarks/README.md); keys outside the schema are ignored.
    rows = rows if isinstance(rows, list) else list(rows)
    return pa.Table.from_struct_array(pa.array(rows, type=pa.struct(schema)))


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


def recover(folder: Path, *, locked: bool = False) -> None:
    """Finish a write of an older fichas (before versions) interrupted after its new files
    were complete; the writer calls it, holding the lock.

    That writer renamed its finished staging folder to `.pending` (one atomic step) before it
    moves the files into place, so a `.pending` folder always holds a whole, valid dataset.
    `locked`: the caller holds the write lock (a writer); else a live writer's swap is left
    to it.
    """
    folder = Path(folder)
    pending = folder / PENDING
    if not pending.is_dir():
        return
    if not locked and lock_held(folder):
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
    """Every table of the dataset's current version (resolved once: one version throughout)."""
    from .versions import current

    root = current(Path(folder))
    return {name: read_table(root, name) for name in TABLES}


@contextlib.contextmanager
def write_lock(folder: Path):
    """Hold the dataset's lock for one ingest; a second one at once gets a clear error.

    An OS lock (flock) on `.lock`: it dies with its holder, so a killed ingest never leaves a
    lock to take over (two ingests taking over one stale PID file both went ahead). The file
    is opened without following a link and never truncated by name, and removed by its holder
    before the lock is let go; a waiter that locked a removed file tries again.
    """
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    lock = folder / LOCK
    fd = _take_lock(lock)
    try:
        yield
    finally:
        try:
            if _same_file(fd, lock):
                lock.unlink()
        except OSError:  # a read-only moment or a vanished file: the lock goes with the fd
            pass
        os.close(fd)


def _take_lock(lock: Path) -> int:
    import fcntl

    for _attempt in range(100):
        try:
            fd = os.open(lock, os.O_RDWR | os.O_CREAT | os.O_NOFOLLOW | os.O_CLOEXEC, 0o644)
        except OSError as exc:
            if exc.errno == errno.ELOOP:
                raise DatasetError(
                    f"{lock}: es un enlace simbólico, no el candado de fichas; bórrelo"
                ) from None
            raise
        try:
            if not stat.S_ISREG(os.fstat(fd).st_mode):
                raise DatasetError(f"{lock}: no es un archivo común; bórrelo")
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except BlockingIOError:
                pid = _lock_owner(fd)
                raise DatasetLocked(
                    f"{folder_of(lock)}: otro proceso (pid {pid}) está escribiendo este "
                    "dataset; espere a que termine"
                ) from None
            if _same_file(fd, lock):
                # The pid is for people (the message above); the lock is the flock.
                os.ftruncate(fd, 0)
                os.write(fd, str(os.getpid()).encode())
                return fd
        except BaseException:
            os.close(fd)
            raise
        os.close(fd)  # the holder before us removed this file as we locked it: the next one
    raise DatasetLocked(f"{folder_of(lock)}: el candado cambia sin parar; inténtelo de nuevo")


def folder_of(path: Path) -> Path:
    return Path(path).parent


def _same_file(fd: int, path: Path) -> bool:
    """Whether `path` (not followed if a link) is still the file open as `fd`."""
    try:
        on_disk = os.stat(path, follow_symlinks=False)
    except FileNotFoundError:
        return False
    mine = os.fstat(fd)
    return (on_disk.st_dev, on_disk.st_ino) == (mine.st_dev, mine.st_ino)


def _lock_owner(fd: int) -> int | None:
    try:
        return int(os.pread(fd, 32, 0).decode().strip() or "0") or None
    except (OSError, ValueError):
        return None


def lock_held(folder: Path) -> bool:
    """Whether an ingest holds the folder's lock now (without taking it)."""
    import fcntl

    try:
        fd = os.open(Path(folder) / LOCK, os.O_RDONLY | os.O_NOFOLLOW | os.O_CLOEXEC)
    except OSError:
        return False
    try:
        fcntl.flock(fd, fcntl.LOCK_SH | fcntl.LOCK_NB)
    except BlockingIOError:
        return True
    except OSError:
        return False
    finally:
        os.close(fd)
    return False


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
