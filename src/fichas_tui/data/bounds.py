"""What the query layer does not take on trust: non-finite numbers and oversized tables.

A dataset is plain Parquet and may come from elsewhere. A NaN or an infinity reads as missing
(parquet_views.NON_FINITE) and the detail counts them per table (ProgramDetail.non_finite); a
ficha with tens of thousands of rows in one table (far beyond any real ficha) is read up to
ROW_LIMIT rows per table, and the detail records what was left out (ProgramDetail.truncated),
so one program can never freeze the explorer or `show`. views.read_limits words both facts.
"""

from __future__ import annotations

import dataclasses
import math
import re
from typing import TYPE_CHECKING

from .list_records import NON_FINITE, Value

if TYPE_CHECKING:  # the Store imports this at start; the detail records come with a detail
    from .detail_records import NonFinite, ProgramDetail

# Rows per table per ficha a detail query returns. A real ficha holds a hundred or so at most
# (indicators: ~11 indicators x 5 years x efectivo/meta); 46,000 took minutes and gigabytes.
ROW_LIMIT = 500
# Indicators per program: each is drawn as a table with a chart, and a few dozen is the most a
# real program has; 100 keep a pane's drawing well under a second.
INDICATOR_LIMIT = 100

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


def non_finite_counts(detail: ProgramDetail) -> tuple[NonFinite, ...]:
    """How many figures of each table read held NaN or infinities (read as missing)."""
    from .detail_records import DETAIL_FIELDS, NonFinite

    counts = (
        (table, _count_non_finite(getattr(detail, table, ()))) for table in sorted(DETAIL_FIELDS)
    )
    return tuple(NonFinite(table, count) for table, count in counts if count)


def _count_non_finite(item) -> int:
    if isinstance(item, Value):
        return item.status == NON_FINITE
    if isinstance(item, tuple):
        return sum(_count_non_finite(i) for i in item)
    if dataclasses.is_dataclass(item):
        return sum(_count_non_finite(getattr(item, f.name)) for f in dataclasses.fields(item))
    return 0
