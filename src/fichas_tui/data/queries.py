"""DuckDB over a dataset folder, answered as frozen dataclasses (no UI imports here).

The program list comes from the small derived `programs` table, read once at open; one program's
figures are read straight from the Parquet files with parameterized filters on its fichas, so the
explorer opens at once and its memory does not grow with the dataset.
"""

from __future__ import annotations

import contextlib
import dataclasses
import os
import threading
from collections.abc import Collection, Iterable
from pathlib import Path
from typing import TYPE_CHECKING

from ..text import fold
from . import bounds, list_file, opening
from .dataset import DatasetError, table_path
from .derived import PROGRAMS_SQL, chain_deflators, factor_from_row
from .list_columns import LIST_COLUMNS, Programs, ProgramTable, from_rows
from .list_records import Cut, Deflators, Facets, ProgramRow, Value
from .program_filter import KeyIndex, narrowed
from .read_ahead import ReadAhead
from .versions import current

if TYPE_CHECKING:  # made when a detail is first read (data/detail_records.py)
    import duckdb

    from .detail_records import ProgramDetail
    from .restatements import Restated

SORT_NAME = "name"
SORT_BUDGET = "budget"


class DatasetMissing(DatasetError):
    """No dataset yet (no folder, or no fichas in it): the user should run `fichas ingest`."""


class Store:
    """One DuckDB connection on one dataset folder; every method is safe from any thread."""

    def __init__(self, folder: Path) -> None:
        self.folder = Path(folder)
        # The version read, resolved once: a swap while the store is open changes nothing here.
        self.root = current(self.folder)
        self._rewrite_list = False  # see open()
        self._con: duckdb.DuckDBPyConnection | None = None  # once connect() ran
        self._lock = threading.RLock()
        self._listed: ProgramTable | None = None  # the program list file's (deferred)
        self._started = threading.Event()  # connect() was called (see open(deferred=True))
        self._closed = False
        self._ahead: ReadAhead[ProgramDetail] = ReadAhead()
        self._reading = threading.local()  # the row limit of the detail() in this thread
        self._programs: Programs | None = None
        self._keys: KeyIndex | None = None
        self._derived = False
        self._deflators: Deflators | None = None
        self._restated: Restated | None = None  # the restatements computed (first detail)
        self._derived_present: dict[str, bool] = {}
        self._attached: set[str] = set()
        self._opening: opening.Opening | None = None  # its first pane's rows (data.opening)
        self._unattached: set[str] = set()  # views skipped while those rows answered
        self._recording: dict | None = None  # see recording()

    @classmethod
    def open(cls, folder: Path, *, deferred: bool = False) -> Store:
        """Open a dataset; DatasetMissing when there is none, DatasetError when it is damaged.

        With `deferred`, when the program list file written with the dataset matches its files
        (list_file), the list comes from it and DuckDB (its import, the views and the check
        of every file) waits for connect(): the explorer paints its list first and connects in
        a thread. Queries asked before wait for connect(). Otherwise the store connects here.
        """
        store = cls(folder)
        if not table_path(store.root, "fichas").exists():
            raise DatasetMissing(f"{folder}: no hay dataset (falta fichas.parquet)")
        if deferred:
            store._listed = list_file.read(store.root)
            # a list file there but not usable (edited, damaged, stale): written again from
            # DuckDB's list when the folder can be written (programs())
            store._rewrite_list = (
                store._listed is None
                and (store.root / list_file.FILE_NAME).exists()
                and os.access(store.root, os.W_OK)
            )
            if store._listed is not None and len(store._listed):
                store._opening = opening.read(store.root)
                return store
        try:
            store.connect()
            if not store.programs():
                raise DatasetMissing(f"{folder}: el dataset no tiene fichas")
        except BaseException:
            store.close()
            raise
        return store

    def connect(self) -> None:
        """Import DuckDB and create a view over every file the explorer opens with, each
        checked (footer, contract columns, column kinds): DatasetError names a damaged one.
        Idempotent, from any thread."""
        with self._lock:
            self._started.set()
            if self._con is not None or self._closed:
                return
            import duckdb

            from .parquet_views import EXPLORER_TABLES, attach

            # Small caps: the explorer's queries touch one program at a time.
            con = duckdb.connect(":memory:", config={"threads": 1, "memory_limit": "128MB"})
            try:
                # Keep each file's footer decoded between queries: a program's query reads one
                # row group, but at 50,000 fichas decoding a footer of 150 row groups costs more
                # than the read (DuckDB 2 ignores enable_object_cache; this is the parquet
                # setting, which also checks the file's modification time).
                con.execute("SET parquet_metadata_cache = true")
                for table in EXPLORER_TABLES:
                    present = attach(con, self.root, table)
                    self._attached.add(table)
                    if table == "programs" and not present:
                        self._derived = True  # an older dataset: computed from fichas + budget
            except BaseException:
                con.close()
                self._attached.clear()
                raise
            self._con = con

    @property
    def answers_opening(self) -> bool:
        """Whether the list's first program's first pane is read without DuckDB (data.opening)."""
        return self._opening is not None

    @property
    def connected(self) -> bool:
        return self._con is not None

    def _connection(self) -> duckdb.DuckDBPyConnection:
        """The DuckDB connection, connecting if needed. In a worker thread of a deferred store
        this first waits for connect() (the explorer calls it once its first frame is drawn;
        the timeout guards against a caller that never does); the main thread never waits."""
        if threading.current_thread() is not threading.main_thread():
            self._started.wait(timeout=5)
        with self._lock:
            if self._closed:
                raise DatasetError(f"{self.folder}: el dataset se cerró")
            self.connect()
            assert self._con is not None  # connect() connects an open store
            return self._con

    def close(self) -> None:
        self._started.set()  # a query waiting for connect() stops waiting
        with self._lock:
            self._closed = True
            if self._con is not None:
                self._con.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *_exc) -> None:
        self.close()

    def _attach(self, table: str) -> None:
        """Views of the smaller tables are made the first time a program needs them (fewer
        views to check at open)."""
        if self._opening is not None and self._con is None:
            # the opening program's rows may answer without DuckDB: attached if one does not
            with self._lock:
                if self._con is None:
                    self._unattached.add(table)
                    return
        con = self._connection()
        import duckdb

        from .parquet_views import attach, first_line

        with self._lock:
            if table not in self._attached:
                try:
                    attach(con, self.root, table)
                except duckdb.Error as exc:
                    raise DatasetError(
                        f"{self.folder}: no se puede leer {table} ({first_line(exc)})"
                    ) from exc
                self._attached.add(table)

    def _rows(self, sql: str, params: list) -> list[tuple]:
        # Within detail(limit=n): at most n rows per ficha, what is left out noted in `cut`.
        limit = getattr(self._reading, "limit", None)
        plan = None if limit is None else bounds.limited(sql, params, limit)
        if plan is None:
            return self._fetch(sql, params)
        rows = self._fetch(plan[0], params)
        if len(rows) > plan[1]:
            total = self._fetch(bounds.count_sql(sql), params)[0][0]
            self._reading.cut.append(Cut(bounds.table_of(sql), plan[1], total))
            del rows[plan[1] :]
        return rows

    def _fetch(self, sql: str, params: list) -> list[tuple]:
        if self._opening is not None:
            rows = self._opening.rows(sql, params)
            if rows is not None:
                return rows
        con = self._connection()  # before the lock: it may wait for connect(), which takes it
        import duckdb

        if self._unattached:
            for table in sorted(self._unattached):
                self._attach(table)
            self._unattached.clear()
        with self._lock:
            try:
                rows = con.execute(sql, params).fetchall()
                if self._recording is not None:
                    self._recording[(sql, tuple(params))] = rows
                return rows
            except duckdb.Error as exc:
                from .parquet_views import first_line

                raise DatasetError(
                    f"{self.folder}: no se puede leer el dataset ({first_line(exc)})"
                ) from exc

    @contextlib.contextmanager
    def recording(self):
        """Keep the answer of every query made meanwhile, (sql, params) -> rows (data.opening
        records the opening program's read with it)."""
        self._recording = {}
        try:
            yield self._recording
        finally:
            self._recording = None

    def has_derived(self, table: str) -> bool:
        """Whether the dataset has the derived `table` (attached on first ask). An older dataset
        lacks it; the caller then computes the same rows in place."""
        con = self._connection()
        from .parquet_views import attach

        with self._lock:
            if table not in self._derived_present:
                self._derived_present[table] = attach(con, self.root, table)
            return self._derived_present[table]

    def query(self, sql: str, params: list) -> list[tuple]:
        """Rows of a parameterized query over the dataset's views (data.across builds them)."""
        return self._rows(sql, params)

    def ficha_text(self, ficha_id: str) -> str | None:
        """A ficha's text as ingested (the lines its sources count), or None when the dataset
        does not keep it (ingested before ficha_texts existed)."""
        if not self.has_derived("ficha_texts"):
            return None
        rows = self._fetch("SELECT text FROM ficha_texts WHERE ficha_id = ?", [ficha_id])
        return rows[0][0] if rows else None

    # -- program list --------------------------------------------------------------------

    def programs(self) -> Programs:
        """Every program once, with its latest ficha's names and executed budget, in list
        order (by name); rows are made when asked for (list_columns)."""
        if self._programs is None:
            table, self._listed = self._listed, None
            if table is None:
                self._connection()
                source = _DERIVED_SQL if self._derived else "programs"
                rows = self._rows(_PROGRAMS_SQL.format(source=source), [])
                if self._rewrite_list and not self._derived:
                    with contextlib.suppress(OSError):
                        list_file.write(self.root, rows)
                table = from_rows(rows)
            self._programs = Programs(table)
        return self._programs

    def deflators(self) -> Deflators:
        """The dataset's deflator series (empty when no ficha prints inflators), read once.

        Read on first use, not at open: the list in each ficha's own pesos needs none. A
        dataset written before the derived table existed chains its inflators here instead.
        """
        if self._deflators is None:
            self._connection()
            with self._lock:
                # attached as any table (a program's restatements read it too); an absent
                # file is an empty table, and then the inflators are chained here
                self._attach("deflators")
                rows = self._rows(_DEFLATORS_SQL, [])
                factors = tuple(factor_from_row(*row) for row in rows)
                if not factors:
                    self._attach("inflators")
                    factors = chain_deflators(self._rows(_INFLATORS_SQL, []))
            self._deflators = Deflators(factors)
        return self._deflators

    def ficha_names(self, ficha_ids: Iterable[str]) -> dict[str, tuple[str, int | None]]:
        """Each ficha's program name and evaluated year, by ficha id (ids not in the dataset
        are left out): how a ficha is named to a reader instead of its hash."""
        ids = sorted(set(ficha_ids))
        if not ids:
            return {}
        marks = ", ".join("?" for _ in ids)
        sql = (
            "SELECT ficha_id, program_name, evaluated_year FROM fichas "
            f"WHERE ficha_id IN ({marks})"
        )
        with self._lock:
            rows = self._rows(sql, ids)
        return {fid: (name, year) for fid, name, year in rows}

    def restatements(self, program_id: str | None = None) -> list:
        """Every restated figure of the dataset (or of one program), largest first
        (data/restatements.py)."""
        from . import restatement_table, restatements

        if self._has_restatements():
            self._attach(restatement_table.TABLE)
            return restatement_table.stored(self._rows, program_id)
        for table in restatements.TABLES:
            self._attach(table)
        where = "" if program_id is None else "AND program_id = ?"
        params = [] if program_id is None else [program_id]
        rows = self._rows(restatements.SEVERAL_SQL.format(program=where), params)
        fichas = {row[0]: tuple(row[1:]) for row in rows}
        if program_id is not None:
            return restatements.for_fichas(self._rows, fichas, self.deflators().factors)
        return restatements.for_fichas(self._rows, fichas, self.deflators().factors, every=True)

    def _has_restatements(self) -> bool:
        """Whether the dataset has its `restatements` table (one written before it did not):
        the file's presence, so the opening program needs no DuckDB to learn it."""
        return table_path(self.root, "restatements").exists()

    def _key_index(self) -> KeyIndex:
        """The filter's index over the programs' search keys (built on the first query)."""
        # Not under self._lock, which a DuckDB query in a worker holds for its whole run: a
        # keystroke must not wait for it. Two threads may build it at once; either is right.
        if self._keys is None:
            self._keys = KeyIndex(self.programs().table.columns["search_key"])
        return self._keys

    def prepare_filter(self) -> None:
        """Build what the first keystroke in the filter needs (the key index, the position of
        each program), so that keystroke does not pay for it: the explorer calls this in a
        thread once its list is on screen."""
        self._key_index()
        self.programs().table.position("")

    def program_row(self, program_id: str) -> ProgramRow | None:
        table = self.programs().table
        position = table.position(program_id)
        return None if position is None else table.row(position)

    def program_names(self, program_ids: Iterable[str]) -> list[str | None]:
        """The list's name of each program (None for one not in it), without making rows:
        what a ranking of thousands of programs shows."""
        table = self.programs().table
        names = table.columns["program_name"]
        return [None if (i := table.position(pid)) is None else names[i] for pid in program_ids]

    def facets(self) -> Facets:
        """The ministries, services and years the programs have (the `t` dialog's lists), from
        the distinct values the table keeps once each."""
        columns = self.programs().table.columns
        return Facets(
            ministries=tuple(sorted(filter(None, columns["ministry"].values), key=fold)),
            services=tuple(sorted(filter(None, columns["service"].values), key=fold)),
            years=tuple(sorted({y for ys in columns["years"].values for y in ys}, reverse=True)),
        )

    def filter(
        self,
        text: str = "",
        *,
        ministry: str | None = None,
        service: str | None = None,
        year: int | None = None,
        sort: str = SORT_NAME,
        ids: frozenset[str] | None = None,
    ) -> Programs:
        """Programs whose name/ministry/service hold every typed word, in any order (and, with
        `ids`, among those programs: the facets of data.facets).

        Matching is done in Python on folded text, so `%`, `_`, quotes and backslashes are
        literal and nothing the user types ever reaches SQL.
        """
        return narrowed(
            self.programs(),
            self._key_index(),
            text,
            ministry=ministry,
            service=service,
            year=year,
            by_budget=sort == SORT_BUDGET,
            ids=ids,
        )

    # -- one program ------------------------------------------------------------------------

    def detail(
        self,
        program_id: str,
        year: int | None = None,
        *,
        partial: bool = False,
        tables: Collection[str] | None = None,
        limit: int | None = bounds.ROW_LIMIT,
    ) -> ProgramDetail | None:
        """Everything the panes show for one program, from the ficha of `year` (default latest).

        With `partial`, a table that cannot be read leaves its part empty and is named in
        `unreadable` (the other parts still show); without it the error is raised. With
        `tables`, only those detail tables are read (see ProgramDetail.has and merged). Each
        table gives at most `limit` rows per ficha (None: all); `truncated` says
        what was left out. The same read made ahead (read_ahead) is handed over instead of
        read again.
        """
        key = (program_id, year, partial, None if tables is None else frozenset(tables), limit)
        ahead = self._ahead.take(key)
        if ahead is not None:
            return ahead
        return self._bounded(program_id, year, partial=partial, tables=tables, limit=limit)

    def read_ahead(self, program_id: str, *, tables: Collection[str]) -> None:
        """Read a program the user is likely to open next (the list's next row), in a worker
        thread; the detail() call that asks for it gets it at once."""
        self._ahead.run(
            _ahead_key(program_id, tables),
            lambda: self._bounded(
                program_id, None, partial=True, tables=tables, limit=bounds.ROW_LIMIT
            ),
        )

    def ahead(self, program_id: str, *, tables: Collection[str]) -> ProgramDetail | None:
        """What read_ahead read for the program, if it is done, without handing it over (the
        explorer draws it ahead; detail() still gets it)."""
        return self._ahead.peek(_ahead_key(program_id, tables))

    def _bounded(
        self,
        program_id: str,
        year: int | None,
        *,
        partial: bool,
        tables: Collection[str] | None,
        limit: int | None,
    ) -> ProgramDetail | None:
        """_detail with at most `limit` rows per table per ficha (in this thread), and what
        was left out and which figures were non-finite."""
        self._reading.limit, self._reading.cut = limit, []
        try:
            program = self.program_row(program_id)
            detail = None
            if program is not None:
                from . import detail_reads  # with the detail records, on the first read

                if self._restated is None:
                    self._restated = detail_reads.restatements.Restated(self._has_restatements)
                detail = detail_reads.read_detail(
                    self._rows,
                    self._attach,
                    program,
                    year,
                    partial=partial,
                    tables=tables,
                    reading=self._reading,
                    restated=self._restated,
                )
            # a table read twice (the ficha's budget, then every ficha's for the history)
            # is cut once: as the ficha on screen reads it, its first read
            cut = tuple({(c.table, c.unit): c for c in reversed(self._reading.cut)}.values())[::-1]
        finally:
            self._reading.limit, self._reading.cut = None, []
        if detail is None:
            return None
        non_finite = bounds.non_finite_counts(detail)
        if not non_finite and not cut:
            return detail
        return dataclasses.replace(detail, non_finite=non_finite, truncated=cut)


# The program list: the derived table, or the same rows computed from fichas + budget for a
# dataset written before that table existed.
_DERIVED_SQL = "(" + PROGRAMS_SQL + ")"
_PROGRAMS_SQL = (
    "SELECT " + ", ".join(LIST_COLUMNS) + " FROM {source}"  # the list file's rows
)

_DEFLATORS_SQL = """
SELECT target_year, year, factor, ficha_id, via_year, conflict_ficha_ids, conflict_factors
FROM deflators
WHERE target_year IS NOT NULL AND year IS NOT NULL AND isfinite(factor) AND factor > 0
ORDER BY target_year, year
"""
_INFLATORS_SQL = """
SELECT i.ficha_id, f.evaluated_year, f.price_year, i.year, i.factor
FROM inflators i JOIN fichas f USING (ficha_id)
"""


def _ahead_key(program_id: str, tables: Collection[str]) -> tuple:
    """The detail() call a read ahead stands for: the latest ficha, partial, these tables."""
    return (program_id, None, True, frozenset(tables), bounds.ROW_LIMIT)


__all__ = [  # what callers import from here (the records re-exported with the Store)
    "SORT_BUDGET",
    "SORT_NAME",
    "DatasetMissing",
    "Facets",
    "ProgramRow",
    "Store",
    "Value",
]
