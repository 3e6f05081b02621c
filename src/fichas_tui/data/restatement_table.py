"""The `restatements` table: every program's restated figures, computed once per dataset write.

The rule is data/restatements.py's, run once over the whole dataset when it is written (the
same query `fichas revisiones` ran), so a program's detail reads its rows with one filtered
read instead of five queries (benchmarks/README.md, "Switch CPU"). A dataset written before
the table existed computes them when asked, as before (Restated, Store.restatements).
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from .list_records import Factor
from .restatements import MEASURES, SEVERAL_SQL, Printed, Restatement, Rows, for_fichas
from .schema import PRINTED_COLUMNS

if TYPE_CHECKING:  # only the writer derives the table
    import pyarrow as pa

TABLE = "restatements"
# Fichas whose figures are read at once when the table is written (~2,000 fichas: a few tens
# of MB of rows); the parts read the tables by ficha, sorted so, in a few row groups each.
PART_FICHAS = 2000

# Restatement's own fields, then each of its two Printed figures' fields, prefixed.
_OWN = ("program_id", "program_name", "measure", "key", "label", "unit", "year")
_PRINTED = tuple(name for name, _ in PRINTED_COLUMNS)
FIELDS = (*_OWN, *(f"before_{n}" for n in _PRINTED), *(f"after_{n}" for n in _PRINTED))

# `position`: the restatement's place in the dataset's listing (largest first); the file is
# sorted by program so one program's read skips the other row groups.
_SELECT = ", ".join(f'"{name}"' for name in FIELDS)
# A row without the figures a restatement is compared by (a damaged or hostile file) is not one.
_NEEDED = (
    "year",
    *(f"{side}_{n}" for side in ("before", "after") for n in ("value", "compared", "error")),
)
_WHOLE = " AND ".join(f'"{name}" IS NOT NULL' for name in _NEEDED)
READ_SQL = f"SELECT {_SELECT} FROM restatements WHERE {_WHOLE} {{where}} ORDER BY position"


def as_row(restatement: Restatement) -> tuple:
    r = restatement
    own = (r.program_id, r.program_name, r.measure, r.key, r.label, r.unit, r.year)
    return (
        *own,
        *(getattr(r.before, n) for n in _PRINTED),
        *(getattr(r.after, n) for n in _PRINTED),
    )


def from_row(row: tuple) -> Restatement:
    program_id, name, measure, key, label, unit, year = row[: len(_OWN)]
    first = len(_OWN) + len(_PRINTED)
    before, after = Printed(*row[len(_OWN) : first]), Printed(*row[first:])
    return Restatement(program_id, name, measure, key, label, unit, year, before, after)


def derive_restatements(rows: Rows, series: Iterable[Factor], schema: pa.Schema) -> pa.Table:
    """Every restatement of the dataset `rows` reads (a connection where the parsed tables
    are defined: the writer's), `series` its deflator series, as the table's rows."""
    import pyarrow as pa

    found = []
    factors = list(series)
    for fichas in _parts(rows(SEVERAL_SQL.format(program="ORDER BY program_id"), [])):
        found.extend(for_fichas(rows, fichas, factors))
    # Each part is in the listing's order and ties fall within one program, so a stable sort
    # of the parts gives the order of one computation over the whole dataset.
    found.sort(key=lambda r: (-r.size, r.program_id, MEASURES.index(r.measure), r.year))
    ordered = sorted(enumerate(found), key=lambda item: (item[1].program_id, item[0]))
    columns: dict[str, list] = {"position": [position for position, _ in ordered]}
    values = [as_row(r) for _, r in ordered]
    for index, name in enumerate(FIELDS):
        columns[name] = [row[index] for row in values]
    return pa.table({name: columns[name] for name in schema.names}, schema=schema)


def _parts(several: list[tuple]) -> list[dict[str, tuple]]:
    """The fichas of programs with several, ordered by program, in parts of whole programs of
    about PART_FICHAS fichas: one part's rows held at once, not the whole dataset's."""
    parts: list[dict[str, tuple]] = [{}]
    last = None
    for ficha_id, program_id, *rest in several:
        if program_id != last and len(parts[-1]) >= PART_FICHAS:
            parts.append({})
        parts[-1][ficha_id] = (program_id, *rest)
        last = program_id
    return [part for part in parts if part]


def stored(rows: Rows, program_id: str | None = None) -> list[Restatement]:
    """The table's restatements (all, or one program's), largest first."""
    if program_id is None:
        return [from_row(row) for row in rows(READ_SQL.format(where=""), [])]
    sql = READ_SQL.format(where="AND program_id = ?")
    return [from_row(row) for row in rows(sql, [program_id])]
