"""What the query layer does not take on trust: non-finite numbers and oversized tables.

A dataset is plain Parquet and may come from elsewhere. A NaN or an infinity reads as missing
(parquet_views.NON_FINITE) and the program's warnings say so; a ficha with tens of thousands of
rows in one table (far beyond any real ficha) is read up to ROW_LIMIT rows per table, and the
warnings say how many were left out, so one program can never freeze the explorer or `show`.
"""

from __future__ import annotations

import dataclasses
import math
import re
from typing import TYPE_CHECKING

from ..views.figures import number
from .list_records import NON_FINITE, Cut, Value

if TYPE_CHECKING:  # the Store imports this at start; the detail records come with a detail
    from .detail_records import Note, ProgramDetail

# Rows per table per ficha a detail query returns. A real ficha holds a hundred or so at most
# (indicators: ~11 indicators x 5 years x efectivo/meta); 46,000 took minutes and gigabytes.
ROW_LIMIT = 500
# Indicators per program: each is drawn as a table with a chart, and a few dozen is the most a
# real program has; 100 keep a pane's drawing well under a second.
INDICATOR_LIMIT = 100

# What a table is called on screen, in the warnings about it.
TABLE_LABELS = {
    "fichas": "fichas",
    "budget": "presupuesto",
    "ratios": "presupuesto",
    "subtitles": "subtítulos",
    "components": "componentes",
    "indicators": "indicadores",
    "regions": "regiones",
    "coverage": "cobertura",
    "findings": "hallazgos",
    "warnings": "advertencias",
}

_TABLE = re.compile(r"\bFROM\s+\"?(\w+)", re.IGNORECASE)
_HAS_LIMIT = re.compile(r"\bLIMIT\b", re.IGNORECASE)


def table_of(sql: str) -> str:
    match = _TABLE.search(sql)
    return match.group(1) if match else "?"


def limited(sql: str, params: list, limit: int) -> tuple[str, int] | None:
    """`sql` returning at most one row past its cap, and the cap: `limit` rows per ficha
    asked for (a query over several fichas passes one id each). None: leave `sql` alone."""
    if _HAS_LIMIT.search(sql):
        return None
    cap = limit * max(1, len(params))
    return f"{sql.rstrip().rstrip(';')}\nLIMIT {cap + 1}", cap


def count_sql(sql: str) -> str:
    return f"SELECT count(*) FROM ({sql.rstrip().rstrip(';')})"


def finite(value: float) -> Value:
    """A computed figure; one that overflows (1e308 / 1e-10) is missing, like a stored one."""
    return Value(value) if math.isfinite(value) else Value(None, NON_FINITE)


def truncation_notes(year: int | None, cut: tuple[Cut, ...]) -> tuple[Note, ...]:
    """One warning per table (or list of indicators) read only in part; a table read twice
    (the ficha's budget, then every ficha's for the budget across fichas) warns once."""
    from .detail_records import Note

    return tuple(
        Note(
            year,
            TABLE_LABELS.get(c.table, c.table),
            f"se muestran {number(c.shown)} de {number(c.total)} {c.unit} (más de los que trae "
            f"una ficha; `fichas show --todo` muestra todo)",
        )
        for c in dict.fromkeys(cut)
    )


def truncation_lines(detail: ProgramDetail, *tables: str) -> tuple[tuple[str, str], ...]:
    """What a pane showing `tables` says at its end, as Paragraphs items: "N filas más" for
    each part left out."""
    return tuple(
        ("", f"{number(c.left_out)} {c.unit} más no se muestran (fichas show --todo los muestra).")
        for c in detail.truncated
        if c.table in tables
    )


def non_finite_notes(detail: ProgramDetail) -> tuple[Note, ...]:
    """One warning per table whose figures held NaN or infinities (read as missing): the pane
    shows the code, the warning says why."""
    from .detail_records import DETAIL_FIELDS, Note

    notes = []
    for table in sorted(DETAIL_FIELDS):
        count = _count_non_finite(getattr(detail, table, ()))
        if count:
            notes.append(
                Note(
                    detail.year,
                    TABLE_LABELS.get(table, table),
                    f"{count} {'valor' if count == 1 else 'valores'} NaN o infinito en el "
                    f"archivo; se {'muestra' if count == 1 else 'muestran'} como «{NON_FINITE}»",
                )
            )
    return tuple(notes)


def _count_non_finite(item) -> int:
    if isinstance(item, Value):
        return item.status == NON_FINITE
    if isinstance(item, tuple):
        return sum(_count_non_finite(i) for i in item)
    if dataclasses.is_dataclass(item):
        return sum(_count_non_finite(getattr(item, f.name)) for f in dataclasses.fields(item))
    return 0
