"""View models: what every output (panes, `fichas show`, JSON, CSV, export) draws.

A view is a list of blocks (facts, paragraphs, tables). A table has typed columns and rows of
cells; a cell keeps its value *and* its missing-value code, and an amount keeps the pesos it is
in. Nothing here imports textual or rich: widgets and the CLI only render these.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from ..data.origin import Origin

# Column kinds: how a cell is formatted and aligned, and what its unit means.
TEXT = "text"  # names, labels
YEAR = "year"  # a year: never grouped with dots, never truncated
AMOUNT = "amount"  # money, with a Basis (M$ of a year, or nominal)
PERCENT = "percent"  # 0-100
COUNT = "count"  # people, units produced: a plain number
FIGURE = "figure"  # an indicator value: as many decimals as it needs, its unit in the column
BAR = "bar"  # a chart cell (Bar)

NUMERIC_KINDS = frozenset({YEAR, AMOUNT, PERCENT, COUNT, FIGURE})


@dataclass(frozen=True, slots=True)
class Basis:
    """The pesos an amount is in: M$ of `price_year`, or nominal (each year's own pesos)."""

    unit: str = "M$"
    price_year: int | None = None  # None: nominal pesos of the row's year
    converted: bool = False  # True: converted by the deflator series, not printed in the ficha

    @property
    def label(self) -> str:
        """'M$ 2024', 'M$ nominales'; a converted basis says so ('M$ 2024 (convertidos)')."""
        base = f"{self.unit} {self.price_year}" if self.price_year else f"{self.unit} nominales"
        return base + " (convertidos)" if self.converted else base


NOMINAL = Basis()


@dataclass(frozen=True, slots=True)
class Bar:
    """A chart cell: the value's share of the column's scale, and the meta's if any."""

    fraction: float | None  # 0..1 of the scale; None: no bar (missing value, no scale)
    target: float | None = None  # the meta's fraction, marked on the bar
    reached: bool = False  # efectivo >= meta


@dataclass(frozen=True, slots=True)
class Cell:
    """One value as the ficha gives it: a number or text, or None with the ficha's code."""

    value: Any = None  # float | int | str | Bar | None
    status: str | None = None  # N/C, S/I, N/A, -, vacío: why value is None
    basis: Basis | None = None  # amounts: the pesos this value is in (overrides the column's)
    factor: float | None = None  # converted amounts: the factor applied to the ficha's figure
    source: Basis | None = None  # converted amounts: the basis printed in the ficha
    note: str | None = None  # e.g. "sin factor", a footnote marker's text
    written: str | None = None  # a missing value's code as the ficha writes it ("N/C*")
    revision: str | None = None  # restated: both fichas' figures and sources (views/revisions)
    # Where the ficha prints it, or how it is computed (data/origin.py; views/sources.py).
    origin: Origin | None = field(default=None, compare=False)

    @property
    def missing(self) -> bool:
        return self.value is None


EMPTY = Cell()


@dataclass(frozen=True, slots=True)
class Column:
    key: str  # stable name for JSON, CSV and export headers ("inicial", "spending_pct")
    title: str  # header on screen ("Inicial")
    kind: str = TEXT
    unit: str | None = None  # "%", "personas", an indicator's unit; amounts use `basis`
    basis: Basis | None = None  # amounts: the pesos of every cell unless a cell says otherwise
    decimals: int = 0
    scale: float | None = None  # BAR: the value at full width (the chart's honest maximum)

    @property
    def numeric(self) -> bool:
        return self.kind in NUMERIC_KINDS

    @property
    def header(self) -> str:
        """The title with its unit or basis, as a CSV/export header ('Gasto (M$ 2024)')."""
        if self.kind == AMOUNT and self.basis is not None:
            return f"{self.title} ({self.basis.label})"
        if self.unit and self.unit not in self.title:
            return f"{self.title} ({self.unit})"
        return self.title


# Row roles: how a renderer sets a row apart.
DATA = "data"
TOTAL = "total"  # the ficha's own total row
APART = "apart"  # kept apart at the end (Nivel central)


@dataclass(frozen=True, slots=True)
class Row:
    cells: tuple[Cell, ...]
    role: str = DATA
    key: str | None = None  # what the row is about (a region, a program_id): for cursors, copy


@dataclass(frozen=True, slots=True)
class Table:
    key: str  # stable id: "budget", "regions", "indicator:3"
    title: str
    columns: tuple[Column, ...]
    rows: tuple[Row, ...] = ()
    notes: tuple[str, ...] = ()  # shown under the title: basis, order, what a mark means
    empty: str = "Sin datos."  # shown instead of the table when there are no rows
    order: str | None = None  # how the rows are ordered, in words ("gasto, de mayor a menor")

    def column(self, key: str) -> int:
        for i, column in enumerate(self.columns):
            if column.key == key:
                return i
        raise KeyError(key)

    def values(self, key: str) -> list[Any]:
        """The values of one column, in row order (None where missing)."""
        i = self.column(key)
        return [row.cells[i].value for row in self.rows]


@dataclass(frozen=True, slots=True)
class Facts:
    """Label: value lines (Programa, Ministerio, ...); a value the ficha lacks is None."""

    key: str
    items: tuple[tuple[str, str | None], ...]
    title: str = ""


@dataclass(frozen=True, slots=True)
class Paragraphs:
    """Prose: findings, observations, notes. `items` are (heading or '', text)."""

    key: str
    title: str
    items: tuple[tuple[str, str], ...] = ()
    empty: str = ""
    bullets: bool = False
    # Short labels shown under a heading before its items (a dimension's verdicts).
    tags: tuple[tuple[str, tuple[str, ...]], ...] = ()


Block = Table | Facts | Paragraphs


@dataclass(frozen=True, slots=True)
class PaneView:
    """One pane (or one section of `fichas show`): a title and its blocks, in order."""

    key: str  # "resumen", "presupuesto", "indicadores", "regiones", ...
    title: str
    blocks: tuple[Block, ...] = ()
    notice: str | None = None  # a problem to show above the blocks (a missing table file)

    def tables(self) -> list[Table]:
        return [b for b in self.blocks if isinstance(b, Table)]

    def table(self, key: str) -> Table:
        for block in self.blocks:
            if isinstance(block, Table) and block.key == key:
                return block
        raise KeyError(key)


@dataclass(frozen=True, slots=True)
class ProgramView:
    """Everything shown of one program's ficha: its heading and every pane."""

    program_id: str
    name: str
    subtitle: str  # service or ministry
    year: int | None
    years: tuple[int, ...]
    panes: tuple[PaneView, ...] = field(default=())

    def pane(self, key: str) -> PaneView:
        for pane in self.panes:
            if pane.key == key:
                return pane
        raise KeyError(key)
