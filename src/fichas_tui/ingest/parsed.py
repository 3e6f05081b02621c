"""One parsed ficha: its facts and the rows it contributes to every table."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from ..data.schema import PARSED_TABLES
from .numbers import ParsedNumber


class FichaError(ValueError):
    """A ficha that cannot be parsed; the message says why, in a way a user can act on."""


@dataclass
class FichaRecord:
    """Everything parsed from one ficha, ready to become Parquet rows."""

    ficha_id: str
    source_file: str
    layout: str
    facts: dict[str, Any] = field(default_factory=dict)
    rows: dict[str, list[dict[str, Any]]] = field(
        default_factory=lambda: {name: [] for name in PARSED_TABLES if name != "fichas"}
    )

    def add(self, table: str, **values: Any) -> None:
        """Add a row to a table; columns not given are null."""
        values["ficha_id"] = self.ficha_id
        self.rows[table].append(values)

    def warn(self, section: str, message: str) -> None:
        """Record a data-quality flag; the value it is about stays as written."""
        self.add("warnings", section=section, message=message)

    def count(self, table: str) -> int:
        return len(self.rows[table])

    @property
    def warnings(self) -> list[str]:
        return [f"{w['section']}: {w['message']}" for w in self.rows["warnings"]]


def cell_columns(cell: ParsedNumber, value_col: str, status_col: str, scale: float = 1.0) -> dict:
    """A parsed cell as the pair of columns (value, status) the tables use."""
    # round() keeps MM$ x 1000 from picking up binary noise (1.198,6 MM$ -> 1198600.0).
    value = cell.value
    if value is None:
        return {value_col: None, status_col: cell.status}
    return {value_col: round(value * scale, 6), status_col: None}
