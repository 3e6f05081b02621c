"""Every program as columns in list order; a ProgramRow is made only when a row is asked for.

At 200,000 programs, building one ProgramRow per program at start-up took seconds (and most
are never drawn). The table keeps one column per field instead (repeated texts such as
ministries and services stored once, numbers in arrays) and the list's order: by folded name,
then program_id. That order and the folded names are computed once by `from_rows`, at ingest
(the list file keeps them, see list_file) or, without a current list file, when the store
reads the list with DuckDB: the same function either way. No duckdb or pyarrow import here.
"""

from __future__ import annotations

import bisect
from array import array
from collections.abc import Iterable, Iterator, Sequence
from functools import lru_cache

from ..text import fold, fold_many
from .list_records import ProgramRow, Value

# The columns of the derived `programs` table each row carries, in this order (what
# Store.programs reads from DuckDB with the same names, and the list file's rows).
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
    "id_bips",
)
# How each column is kept: text, one value per program; coded, the distinct values once and an
# index per program; int and float, arrays with a mask of the present values.
KINDS = {
    "program_id": "text",
    "program_name": "text",
    "ministry": "coded",
    "service": "coded",
    "years": "coded",
    "latest_year": "int",
    "executed_kclp": "float",
    "executed_status": "coded",
    "executed_price_year": "int",
    "search_key": "text",
    "executed_year": "int",
    "id_bips": "int",  # the program's BIPS number (its latest ficha's), None without one
    "sort_name": "text",  # the folded name the list is ordered by (ties: program_id)
}


class Coded:
    """Few distinct values (ministries, services, sets of years): each stored once."""

    __slots__ = ("codes", "values")

    def __init__(self, values: list, codes: array) -> None:
        self.values = values
        self.codes = codes

    @classmethod
    def of(cls, items: Iterable) -> Coded:
        seen: dict = {}
        codes = array("I", (seen.setdefault(v, len(seen)) for v in items))
        return cls(list(seen), codes)

    def __len__(self) -> int:
        return len(self.codes)

    def __getitem__(self, i: int):
        return self.values[self.codes[i]]

    def pick(self, positions: Iterable[int] | None) -> Iterator:
        codes = self.codes if positions is None else map(self.codes.__getitem__, positions)
        return map(self.values.__getitem__, codes)


class Numbers:
    """Integers or floats in an array; `present` (bytes of 0/1) marks the non-null ones."""

    __slots__ = ("present", "values")

    def __init__(self, values: array, present: bytes | None) -> None:
        self.values = values
        self.present = present  # None: every value is there

    @classmethod
    def of(cls, typecode: str, items: Iterable) -> Numbers:
        items = list(items)
        values = array(typecode, (0 if v is None else v for v in items))
        present = bytes(v is not None for v in items)
        return cls(values, None if all(present) else present)

    def __len__(self) -> int:
        return len(self.values)

    def __getitem__(self, i: int):
        if self.present is not None and not self.present[i]:
            return None
        return self.values[i]

    def as_list(self) -> list:
        """Every value, None where absent (made in C but for the absent ones)."""
        out = self.values.tolist()
        if self.present is not None:
            i = self.present.find(0)
            while i >= 0:
                out[i] = None
                i = self.present.find(0, i + 1)
        return out

    def pick(self, positions: Iterable[int] | None) -> Iterator:
        if positions is None:
            return iter(self.as_list())
        positions = list(positions)
        values = map(self.values.__getitem__, positions)
        present = self.present and map(self.present.__getitem__, positions)
        if present is None:
            return values
        return (v if p else None for v, p in zip(values, present, strict=True))


def make_column(kind: str, items: Iterable):
    if kind == "coded":
        return Coded.of(items)
    if kind == "int":
        return Numbers.of("q", items)
    if kind == "float":
        return Numbers.of("d", items)
    return list(items)


class ProgramTable:
    """The columns of every program, in list order; `row(i)` makes the i-th ProgramRow."""

    def __init__(self, columns: dict) -> None:
        self.columns = columns
        self._ids: list[str] = columns["program_id"]
        self._position: dict[str, int] | None = None
        self.row = lru_cache(maxsize=512)(self.make_row)  # the visible rows, drawn again

    def __len__(self) -> int:
        return len(self._ids)

    def make_row(self, i: int) -> ProgramRow:
        c = self.columns
        amount = c["executed_kclp"][i]
        return ProgramRow(
            program_id=self._ids[i],
            name=c["program_name"][i],
            ministry=c["ministry"][i],
            service=c["service"][i],
            years=c["years"][i],
            latest_year=c["latest_year"][i],
            executed=_executed(amount, c["executed_status"][i]),
            price_year=c["executed_price_year"][i],
            key=c["search_key"][i],
            sort_name=c["sort_name"][i],
            executed_year=c["executed_year"][i],
        )

    def column(self, name: str, positions: Sequence[int] | None = None) -> Iterator:
        """One column's values at `positions` (None: every program), in that order."""
        values = self.columns[name]
        if isinstance(values, list):
            return iter(values) if positions is None else map(values.__getitem__, positions)
        return values.pick(positions)

    def rows(self, positions: Sequence[int] | None = None) -> Iterator[ProgramRow]:
        """The rows at `positions`, made column by column: a pass over many programs (an
        export, a sort key per program) costs a third of one make_row per program."""
        col = self.column
        return map(
            ProgramRow,
            col("program_id", positions),
            col("program_name", positions),
            col("ministry", positions),
            col("service", positions),
            col("years", positions),
            col("latest_year", positions),
            map(_executed, col("executed_kclp", positions), col("executed_status", positions)),
            col("executed_price_year", positions),
            col("search_key", positions),
            col("sort_name", positions),
            col("executed_year", positions),
        )

    def position(self, program_id: str) -> int | None:
        """Where a program is in the list (the index is built on first use)."""
        if self._position is None:
            self._position = {pid: i for i, pid in enumerate(self._ids)}
        return self._position.get(program_id)


def _executed(amount: float | None, status: str | None) -> Value:
    """The executed amount, its status code only when the amount is missing."""
    return Value(amount, status if amount is None else None)


def from_rows(rows: Iterable[Sequence]) -> ProgramTable:
    """The table of rows in LIST_COLUMNS order (from DuckDB or pyarrow), in list order: one
    row per program (a programs file written elsewhere may repeat one: the first row is kept,
    or the program would be ambiguous even by its id), a name for every program (its id when
    it has none), a search key for every program."""
    kept: list[list] = []
    seen: set[str] = set()
    for row in rows:
        if row[0] in seen:
            continue
        seen.add(row[0])
        # columns added last (id_bips) may be absent from rows made before them: null
        row = [*row, *([None] * (len(LIST_COLUMNS) - len(row)))]
        row[1] = row[1] or row[0]
        row[4] = tuple(row[4] or ())
        # the dataset's key is folded already (folding again changes nothing)
        row[9] = row[9] or fold(" ".join(filter(None, (row[1], row[2], row[3]))))
        kept.append(row)
    # the sort keys of every name at once (fold_many): per name, it took seconds at 200,000
    sort_names = fold_many([row[1] for row in kept])
    order = sorted(range(len(kept)), key=lambda i: (sort_names[i], kept[i][0]))
    columns = {
        name: make_column(KINDS[name], (kept[i][j] for i in order))
        for j, name in enumerate(LIST_COLUMNS)
    }
    columns["sort_name"] = [sort_names[i] for i in order]
    return ProgramTable(columns)


class Programs(Sequence[ProgramRow]):
    """Some programs of a table in a given order (all of them in list order when `positions` is
    None): what the list shows and the filter answers. Rows are made when asked for."""

    def __init__(
        self, table: ProgramTable, positions: Sequence[int] | None = None, ascending: bool = True
    ) -> None:
        self.table = table
        self.positions = positions
        self._ascending = ascending  # positions in list order: found by bisection

    def __len__(self) -> int:
        return len(self.table) if self.positions is None else len(self.positions)

    def __getitem__(self, i):
        if isinstance(i, slice):
            every = range(len(self.table)) if self.positions is None else self.positions
            return Programs(self.table, every[i], self._ascending and (i.step or 1) > 0)
        if self.positions is None:
            if i < 0:
                i += len(self.table)
            if not 0 <= i < len(self.table):
                raise IndexError(i)
            return self.table.row(i)
        return self.table.row(self.positions[i])

    def __iter__(self) -> Iterator[ProgramRow]:
        if len(self) > 512:  # a pass over many rows: column by column, the cache left alone
            return self.table.rows(self.positions)
        every = range(len(self.table)) if self.positions is None else self.positions
        return map(self.table.row, every)

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Sequence) or isinstance(other, str):
            return NotImplemented
        return len(self) == len(other) and all(a == b for a, b in zip(self, other, strict=True))

    __hash__ = None  # type: ignore[assignment]

    def __repr__(self) -> str:
        return f"Programs({len(self)} of {len(self.table)})"

    def index_of(self, program_id: str) -> int | None:
        """Where a program is in this sequence (None: not in it), without a scan of the rows."""
        pos = self.table.position(program_id)
        if pos is None or self.positions is None:
            return pos
        if self._ascending:
            i = bisect.bisect_left(self.positions, pos)
            return i if i < len(self.positions) and self.positions[i] == pos else None
        try:
            return self.positions.index(pos)  # a scan of ints, in C
        except ValueError:
            return None

    def column(self, name: str) -> Iterator:
        """One column's values for these programs, in this order (no row made)."""
        return self.table.column(name, self.positions)

    def where(self, keep) -> Programs:
        """The programs whose position passes `keep(position)`, in this order."""
        every = range(len(self.table)) if self.positions is None else self.positions
        return Programs(self.table, [i for i in every if keep(i)], self._ascending)

    def ranked(self, rank: Sequence[int]) -> Programs:
        """These programs ordered by `rank` (one number per position of the table)."""
        every = range(len(self.table)) if self.positions is None else self.positions
        return Programs(self.table, sorted(every, key=rank.__getitem__), ascending=False)
