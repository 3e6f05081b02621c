"""A new dataset written in a stream: rows spooled by bucket, written sorted, swapped in whole."""

from __future__ import annotations

import contextlib
import errno
import os
import shutil
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from . import versions
from .dataset import (
    ROW_GROUP_ROWS,
    DatasetError,
    conform,
    recover,
    table_path,
)
from .schema import DERIVED_TABLES, PARSED_TABLES, TABLES

if TYPE_CHECKING:
    import pyarrow as pa

# Files are sorted by ficha (fichas by program) so a reader skips most row groups. Sorting a
# whole table would hold all of it in memory (1.4 GB at 50,000 fichas), so rows are spooled
# into buckets whose order is the sort order (the first character of the sort key), and each
# bucket is sorted on its own when the final file is written: an external sort in one pass.
# Small datasets use a single bucket: fewer files, same result.
BUCKETED_FROM_FICHAS = 2000
HEX = "0123456789abcdef"
# program_id is folded text: dashes, digits and ASCII letters, which sort in this order.
PROGRAM_ID_CHARS = "-0123456789abcdefghijklmnopqrstuvwxyz"
SPOOL_OPTIONS = {"compression": "lz4"}
# Rows held in memory before they are split into buckets and spooled: splitting and writing a
# few large tables costs a fraction of doing it for every chunk of 200 fichas (~15,000 rows),
# and 50,000 rows of these tables take ~9 MB (splitting them needs a few times that).
SPOOL_ROWS = 50_000
# DuckDB's memory while it computes the summaries (it spills past this); 50,000 fichas need
# ~120-250 MB of it.
SUMMARY_MEMORY = "256MB"
# Rows of region_presence DuckDB sorts at once (a few regions); 50,000 fichas have ~580,000.
REGION_PART_ROWS = 150_000
# Rows of a small dataset (not bucketed) held in memory until finish, below this size; the
# spool's write and read back cost ~5 % of a 2,000-ficha ingest ("Ingest in one pass").
SMALL_HELD_BYTES = 128 * 1024 * 1024


def sort_keys(table: str) -> list[tuple[str, str]]:
    if table == "fichas":
        return [("program_id", "ascending"), ("ficha_id", "ascending")]
    return [("ficha_id", "ascending")]


def _bucket_column(table: str) -> tuple[str, str]:
    return ("program_id", PROGRAM_ID_CHARS) if table == "fichas" else ("ficha_id", HEX)


class DatasetWriter:
    """Write a dataset folder's next version; nothing is visible until `finish` swaps it in.

    Callers hold the folder's write lock. Any failure (a full disk included) removes the
    staging folder and leaves the previous dataset as it was.
    """

    def __init__(self, folder: Path, expected_fichas: int = 0) -> None:
        folder = Path(folder)
        folder.mkdir(parents=True, exist_ok=True)
        recover(folder, locked=True)
        # The lock is held, so any staging folder here was left by a killed writer (one of an
        # older fichas, at the top; ours are in .versions and removed after the swap).
        for leftover in folder.glob(".staging-*"):
            shutil.rmtree(leftover, ignore_errors=True)
        self.folder = folder
        self.source = versions.current(folder)  # the version the rows kept are read from
        self.staging = versions.new_staging(folder)
        self.swapped = False  # the new version is live (set by finish)
        self.notes: list[str] = []  # what went wrong after the swap, lost nothing
        self.spool = self.staging / "spool"
        self.spool.mkdir()
        self.bucketed = expected_fichas >= BUCKETED_FROM_FICHAS
        self._writers: dict[tuple[str, int], pa.ipc.RecordBatchStreamWriter] = {}
        self._held: dict[str, list[pa.Table]] = {}  # rows not spooled yet, by table
        self._held_rows = 0
        self._held_bytes = 0
        self.rows = {name: 0 for name in TABLES}
        self.derived: dict[str, pa.Table] = {}  # set by finish: the tables derived on write

    # -- spooling ---------------------------------------------------------------------------
    def add(self, tables: dict[str, pa.Table]) -> None:
        """Rows for the new dataset (any tables, any order of fichas)."""
        for name, data in tables.items():
            if name in DERIVED_TABLES or data is None or not data.num_rows:
                continue
            data = conform(name, data)
            self.rows[name] += data.num_rows
            self._held.setdefault(name, []).append(data)
            self._held_rows += data.num_rows
            self._held_bytes += data.nbytes
        # A small dataset is held whole and written from memory, unless its rows grow big
        # (files far larger than fichas): then it is spooled like a large one.
        many = self._held_rows >= SPOOL_ROWS and (self.bucketed or bool(self._writers))
        if many or self._held_bytes >= SMALL_HELD_BYTES:
            self._spool()

    def _spool(self) -> None:
        """Write the rows held so far to their buckets' spool files, in the order they came."""
        import pyarrow as pa

        held, self._held, self._held_rows, self._held_bytes = self._held, {}, 0, 0
        self._spool_held(held)
        # Arrow's allocator keeps what splitting and compressing freed (~85 MB at 50,000
        # fichas, for the whole ingest) unless it is given back.
        pa.default_memory_pool().release_unused()

    def _spool_held(self, held: dict[str, list[pa.Table]]) -> None:
        import pyarrow as pa

        for name, parts in held.items():
            data = pa.concat_tables(parts)
            for bucket, part in self._split(name, data):
                self._spool_writer(name, bucket).write_table(part)

    def _split(self, name: str, data: pa.Table):
        """(bucket, rows) for every bucket the rows fall in, each bucket's rows in their order."""
        import pyarrow as pa
        import pyarrow.compute as pc

        if not self.bucketed:
            yield 0, data
            return
        column, alphabet = _bucket_column(name)
        first = pc.utf8_slice_codeunits(data[column], 0, 1)
        last = len(alphabet)  # no key or an unexpected first character: last, like nulls
        index = pc.fill_null(pc.index_in(first, value_set=pa.array(list(alphabet))), last)
        # One stable sort by bucket, then zero-copy slices: not one filter per bucket.
        order = pc.sort_indices(index)  # stable: rows keep their order within a bucket
        data, index = data.take(order), index.take(order)
        counts = pc.value_counts(index)
        buckets, sizes = counts.field("values").to_pylist(), counts.field("counts").to_pylist()
        start = 0
        for bucket, count in sorted(zip(buckets, sizes, strict=True)):
            yield bucket, data.slice(start, count)
            start += count

    def _spool_writer(self, name: str, bucket: int):
        import pyarrow as pa

        key = (name, bucket)
        writer = self._writers.get(key)
        if writer is None:
            path = self.spool / f"{name}.{bucket:03d}.arrow"
            options = pa.ipc.IpcWriteOptions(**SPOOL_OPTIONS)
            writer = self._writers[key] = pa.ipc.new_stream(path, TABLES[name], options=options)
        return writer

    def add_existing(self, replace_ids: set[str]) -> None:
        """The folder's current rows, minus the fichas being replaced, read group by group."""
        import pyarrow as pa
        import pyarrow.compute as pc
        import pyarrow.parquet as pq

        ids = pa.array(sorted(replace_ids), pa.string())
        for name in TABLES:
            path = table_path(self.source, name)
            if name in DERIVED_TABLES or not path.exists():
                continue
            try:
                parquet = pq.ParquetFile(path)
                for group in range(parquet.num_row_groups):
                    data = parquet.read_row_group(group)
                    if len(ids) and "ficha_id" in data.column_names:
                        data = data.filter(pc.invert(pc.is_in(data["ficha_id"], value_set=ids)))
                    self.add({name: data})
            except (pa.ArrowException, ValueError) as exc:
                raise DatasetError(f"{path}: no se puede leer ({exc})") from exc

    # -- the final files ------------------------------------------------------------------
    def finish(self) -> None:
        """Write every table sorted, derive the program list, then swap the new files in."""
        import pyarrow as pa
        import pyarrow.parquet as pq

        try:
            if self._writers:  # rows were spooled: the rest go the same way, in their order
                self._spool()
            for writer in self._writers.values():
                writer.close()
            for name in TABLES:
                if name in DERIVED_TABLES:
                    continue
                path = table_path(self.staging, name)
                with pq.ParquetWriter(path, TABLES[name], compression="zstd") as out:
                    for data in self._buckets(name):
                        # A stable sort: rows of one ficha keep their order.
                        out.write_table(data.sort_by(sort_keys(name)), ROW_GROUP_ROWS)
                        del data
            self._write_derived()
            # Give back what sorting and reading left in Arrow's pool before DuckDB takes its
            # share: the summaries step is the ingest's peak.
            pa.default_memory_pool().release_unused()
            self._write_summaries()
            shutil.rmtree(self.spool)
            shutil.rmtree(self.staging / "duckdb-spill", ignore_errors=True)
            for name in TABLES:
                _fsync(table_path(self.staging, name))
            self._write_caches()
            version = versions.publish(
                self.folder, self.staging, [table_path(Path(), t).name for t in TABLES]
            )
        except BaseException:
            self.abort()
            raise
        # The new version is live: nothing below may say the previous dataset was kept.
        self.swapped = True
        try:
            failed = versions.remove_old(self.folder, keep=version.name)
        except OSError as exc:
            failed = [exc.strerror or str(exc)]
        if failed:
            self.notes.append(
                f"no se pudieron borrar versiones anteriores en {self.folder / versions.VERSIONS}"
                f" ({', '.join(failed)})"
            )

    def _buckets(self, name: str):
        """A table's rows bucket by bucket, each in the order they came: the held rows of a
        small dataset (one bucket), else the spooled files, each removed once read."""
        import pyarrow as pa

        held = self._held.pop(name, None)
        if held:
            yield pa.concat_tables(held)
        for spooled in sorted(self.spool.glob(f"{name}.*.arrow")):
            with pa.ipc.open_stream(spooled) as reader:
                data = reader.read_all()
            spooled.unlink()
            yield data

    def _write_caches(self) -> None:
        """The explorer's start-up list and the program it opens on (read ahead), written into
        the version with its tables and stamped with them (see list_file, data.opening)."""
        from . import opening
        from .list_file import rows_of, write
        from .queries import Store

        write(self.staging, rows_of(self.derived["programs"]))
        with Store.open(self.staging, deferred=True) as store:  # the list from that file
            opening.write(self.staging, store)

    def _write_derived(self) -> None:
        """The deflator series, from the files just written (the program list is made with
        the summaries, by DuckDB)."""
        import pyarrow.parquet as pq

        from .derived import derive_deflators

        # Three columns of fichas and the small inflators table, on one thread: reading more,
        # or with a pool of threads, costs ~150 MB of memory at 50,000 fichas.
        fichas = pq.read_table(
            table_path(self.staging, "fichas"),
            columns=["ficha_id", "evaluated_year", "price_year"],
            use_threads=False,
        )
        inflators = pq.read_table(table_path(self.staging, "inflators"), use_threads=False)
        self.derived["deflators"] = derive_deflators(fichas, inflators, TABLES["deflators"])
        del fichas, inflators
        self._write_table("deflators", self.derived["deflators"])

    def _write_table(self, name: str, data: pa.Table) -> None:
        import pyarrow.parquet as pq

        pq.write_table(
            data, table_path(self.staging, name), compression="zstd", row_group_size=ROW_GROUP_ROWS
        )

    def _write_summaries(self) -> None:
        """The program list and the per-ficha summaries, streamed from DuckDB into their files.

        DuckDB reads the new files in place with one thread, under a memory limit it meets by
        spilling to the staging folder; a query that cannot run within it runs again without
        one (slower to need, never wrong). Without this step an ingest of 50,000 fichas
        peaked at 1 GB.
        """
        import duckdb

        for limit in (SUMMARY_MEMORY, None):
            try:
                self._stream_summaries(limit)
                return
            except duckdb.OutOfMemoryException as exc:
                if limit is None:
                    raise DatasetError(f"sin memoria para resumir el dataset ({exc})") from exc
            except duckdb.IOException as exc:  # its spill or the staged files: a disk fault
                raise duckdb_os_error(exc, self.staging) from exc
            except duckdb.Error as exc:
                raise DatasetError(f"{self.staging}: no se pudo resumir ({exc})") from exc

    def _stream_summaries(self, limit: str | None) -> None:
        import duckdb

        from .derived import derive_programs
        from .parquet_views import literal_path
        from .summaries import (
            REGION_PRESENCE_PART_SQL,
            REGION_ROWS_SQL,
            measure_parts,
        )

        config: dict[str, str | bool | int | float | list[str]] = {
            "threads": 1,
            "temp_directory": str(self.staging / "duckdb-spill"),
        }
        if limit:
            config["memory_limit"] = limit
        con = duckdb.connect(config=config)
        try:
            # Every parsed table, not a list kept by hand: a measure reading a table left out
            # of such a list failed the summaries, and the ingest kept the previous dataset
            # (whose `measures` lacked the new measure).
            for name in PARSED_TABLES:
                path = literal_path(table_path(self.staging, name)).replace("'", "''")
                con.execute(f"CREATE VIEW {name} AS SELECT * FROM read_parquet('{path}')")
            self.derived["programs"] = derive_programs(con, TABLES["programs"])
            self._write_table("programs", self.derived["programs"])
            # Each table is made in parts whose rows, one part after the other, are the whole
            # table's in its order: DuckDB sorts one part at a time.
            self._write_parts(con, "measures", [(sql, None) for sql in measure_parts()])
            ranges = _region_ranges(con.sql(REGION_ROWS_SQL).fetchall(), REGION_PART_ROWS)
            parts = [(REGION_PRESENCE_PART_SQL, {"lo": lo, "hi": hi}) for lo, hi in ranges]
            self._write_parts(con, "region_presence", parts)
            self._write_restatements(con)
        finally:
            con.close()

    def _write_restatements(self, con) -> None:
        """Every program's restated figures, computed once here (restatement_table)."""
        from .derived import factors_from_table
        from .restatement_table import TABLE, derive_restatements

        series = factors_from_table(self.derived["deflators"])
        data = derive_restatements(
            lambda sql, p: con.execute(sql, p).fetchall(), series, TABLES[TABLE]
        )
        self._write_table(TABLE, data)

    def _write_parts(self, con, name: str, parts: Sequence[tuple[str, dict | None]]) -> None:
        """The rows of every query in turn into one file, in row groups of ROW_GROUP_ROWS
        (a part's last rows go into the next part's first group, as from a single query)."""
        import pyarrow as pa
        import pyarrow.parquet as pq

        schema = TABLES[name]
        held: list[pa.Table] = []
        count = 0
        with pq.ParquetWriter(table_path(self.staging, name), schema, compression="zstd") as out:
            for sql, params in parts:
                reader = con.sql(sql, params=params).to_arrow_reader(ROW_GROUP_ROWS)
                for batch in reader:
                    held.append(pa.Table.from_batches([batch]).select(schema.names).cast(schema))
                    count += batch.num_rows
                    if count >= ROW_GROUP_ROWS:
                        data = pa.concat_tables(held)
                        full = count - count % ROW_GROUP_ROWS
                        out.write_table(data.slice(0, full), ROW_GROUP_ROWS)
                        held, count = [data.slice(full)], count - full
            if count or not held:
                out.write_table(pa.concat_tables(held) if held else schema.empty_table())

    def abort(self) -> None:
        for writer in self._writers.values():
            # Closing after a failed write may fail too: the folder goes anyway.
            with contextlib.suppress(Exception):
                writer.close()
        self._writers.clear()
        shutil.rmtree(self.staging, ignore_errors=True)


def _region_ranges(counts: list[tuple[str, int]], most: int) -> list[tuple[str, str]]:
    """(first, last) region of consecutive runs of regions with about `most` rows each."""
    ranges: list[tuple[str, str]] = []
    first, last, rows = None, "", 0
    for region, n in counts:
        if first is not None and rows + n > most:
            ranges.append((first, last))
            first, rows = None, 0
        if first is None:
            first = region
        last, rows = region, rows + n
    if first is not None:
        ranges.append((first, last))
    return ranges


# DuckDB reports a failed read or write as text; the pipeline speaks in errno.
_IO_REASONS = (
    ("no space left", errno.ENOSPC),
    ("disk quota", errno.EDQUOT),
    ("permission denied", errno.EACCES),
    ("read-only file system", errno.EROFS),
)


def duckdb_os_error(exc: Exception, where: Path) -> OSError:
    """A duckdb.IOException as the OSError it stands for (ENOSPC, EACCES, ... else EIO)."""
    text = str(exc)
    code = next((c for words, c in _IO_REASONS if words in text.lower()), errno.EIO)
    return OSError(code, f"{os.strerror(code)} ({text.strip().splitlines()[0]})", str(where))


def _fsync(path: Path) -> None:
    with open(path, "rb") as handle:
        os.fsync(handle.fileno())
