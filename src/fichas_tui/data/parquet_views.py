"""A dataset folder as DuckDB views over its Parquet files, checked before anything is read.

Nothing is copied into memory: each view reads its file when queried, so opening a large dataset
costs the files' footers and the explorer's memory does not grow with the dataset. A file that is
damaged (unreadable footer), lacks a contract column or has a column of the wrong kind is refused
at open with its name; an absent file reads as an empty table.
"""

from __future__ import annotations

import re
from pathlib import Path

import duckdb

from .dataset import DatasetError, table_path
from .list_records import NON_FINITE
from .schema import COLUMNS

# The tables the explorer reads (the others are for `duckdb`, pandas and friends).
EXPLORER_TABLES = (
    "programs",
    "fichas",
    "budget",
    "ratios",
    "subtitles",
    "components",
    "indicators",
    "regions",
    "findings",
    "verdicts",
    "warnings",
    "coverage",
    "spending_per_beneficiary",
)

# Columns named in docs/SCHEMA.md: a file without one of these is damaged. Additions may be
# absent (an older dataset) and read as null.
CONTRACT = {
    "fichas": ("ficha_id", "program_id", "program_name", "evaluated_year"),
    "budget": ("ficha_id", "year", "concept", "amount_kclp"),
    "indicators": ("ficha_id", "level", "indicator", "year", "kind", "value"),
    "regions": ("ficha_id", "region", "spending_kclp"),
}

_NUMERIC = {
    "TINYINT",
    "SMALLINT",
    "INTEGER",
    "BIGINT",
    "HUGEINT",
    "UTINYINT",
    "USMALLINT",
    "UINTEGER",
    "UBIGINT",
    "FLOAT",
    "DOUBLE",
}


def _status_columns(columns: tuple[tuple[str, str], ...]) -> dict[str, str | None]:
    """Each DOUBLE column and the status column that holds its missing-value code (or None):
    `amount_kclp` -> `amount_status`, `value_pct` -> `value_status`; a share (`spending_pct`)
    beside its amount (`spending_kclp`) has none of its own."""
    names = {column for column, _ in columns}
    out: dict[str, str | None] = {}
    for column, kind in columns:
        if kind != "DOUBLE":
            continue
        base = column.removesuffix("_kclp").removesuffix("_pct")
        own = base != column and not ({f"{base}_kclp", base} & (names - {column}))
        status = f"{column}_status" if f"{column}_status" in names else None
        if status is None and own and f"{base}_status" in names:
            status = f"{base}_status"
        out[column] = status
    return out


NUMBER_STATUS = {table: _status_columns(columns) for table, columns in COLUMNS.items()}


def quote(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def _literal(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


_GLOB = re.compile(r"[*?\[]")


def literal_path(path: Path) -> str:
    """`path` as a pattern DuckDB's readers match only literally.

    read_parquet expands `*`, `?` and `[...]` anywhere in a path, so a folder named `d[12]`
    would read `d1` and `d2` instead (someone else's files, in a shared directory). Each such
    character becomes a one-character class (`[[]`, `[*]`, `[?]`), which matches itself only.
    """
    return _GLOB.sub(lambda m: f"[{m.group()}]", str(path))


def _compatible(found: str, wanted: str) -> bool:
    """Whether a column stored as `found` reads as `wanted` without losing its meaning."""
    if found == wanted or found == '"NULL"' or found == "NULL":
        return True
    if wanted.endswith("[]"):
        return found.endswith("[]") and _compatible(found[:-2], wanted[:-2])
    if wanted == "VARCHAR":
        return not found.endswith("[]")  # numbers read as text keep their meaning
    if wanted in ("INTEGER", "DOUBLE"):
        return found in _NUMERIC or found.startswith("DECIMAL")
    return False


def first_line(exc: Exception) -> str:
    return str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__


def attach(con: duckdb.DuckDBPyConnection, folder: Path, table: str) -> bool:
    """Create view `table` over its file (typed as the schema); False when the file is absent.

    An absent file becomes an empty table so queries need no special case.
    """
    path = table_path(folder, table)
    schema = COLUMNS[table]
    name = quote(table)
    if not path.exists():
        columns = ", ".join(f"{quote(column)} {kind}" for column, kind in schema)
        con.execute(f"CREATE TABLE {name} ({columns})")
        return False
    try:
        described = con.execute(
            "DESCRIBE SELECT * FROM read_parquet(?)", [literal_path(path)]
        ).fetchall()
    except duckdb.Error as exc:
        raise DatasetError(f"{path}: no se puede leer ({first_line(exc)})") from exc
    present = {row[0]: row[1] for row in described}
    absent = sorted(set(CONTRACT.get(table, ())) - set(present))
    if absent:
        raise DatasetError(f"{path}: faltan columnas {', '.join(absent)}")
    expressions = {}
    for column, wanted in schema:
        found = present.get(column)
        if found is None:
            expressions[column] = f"CAST(NULL AS {wanted})"
        elif found == wanted:
            expressions[column] = quote(column)
        elif _compatible(found, wanted):
            expressions[column] = f"CAST({quote(column)} AS {wanted})"
        else:
            raise DatasetError(
                f"{path}: columnas con tipo inesperado o archivo dañado "
                f"({column} es {found}, se esperaba {wanted})"
            )
    for column, status in NUMBER_STATUS[table].items():
        number = expressions[column]
        expressions[column] = f"CASE WHEN isfinite({number}) THEN {number} END"
        if status is not None:
            expressions[status] = (
                f"CASE WHEN {expressions[status]} IS NULL AND NOT isfinite({number}) "
                f"THEN '{NON_FINITE}' ELSE {expressions[status]} END"
            )
    selected = [f"{expression} AS {quote(column)}" for column, expression in expressions.items()]
    # A view cannot take parameters; the path is ours (the dataset folder), quoted as a literal.
    con.execute(
        f"CREATE VIEW {name} AS SELECT {', '.join(selected)} "
        f"FROM read_parquet({_literal(literal_path(path))})"
    )
    return True
