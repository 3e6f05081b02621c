"""Frozen records the query layer returns for the program list: programs, values, factors.

One program's detail (its fichas and their figures) is in data/detail_records.py: those
classes are made when a detail is first read, not at the explorer's start (benchmarks/README.md,
"This round": fewer imports at start).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .origin import Origin


@dataclass(frozen=True, slots=True)
class Value:
    """A figure, or the code the ficha gave instead of it (N/C, S/I, N/A, -)."""

    value: float | None
    status: str | None = None
    text: str | None = None  # as the ficha writes it (`92,00%`, `N/C*`), when kept
    # Where it was printed or how it was computed (data/origin.py); not part of its identity.
    origin: Origin | None = field(default=None, compare=False)


MISSING = Value(None, None)

# The missing-value code of a number that is NaN or infinite in the file. The parser never
# writes one, but a dataset is plain Parquet and may come from elsewhere: such a number reads
# as missing (NULL, with this code in its status column; parquet_views), so no pane computes
# with it, no total becomes NaN and JSON stays strict.
NON_FINITE = "inválido"


@dataclass(frozen=True, slots=True)
class ProgramRow:
    program_id: str
    name: str
    ministry: str | None
    service: str | None
    years: tuple[int, ...]
    latest_year: int | None
    executed: Value
    price_year: int | None
    key: str  # folded name + ministry + service, what the filter matches
    sort_name: str
    executed_year: int | None = None  # the year of `executed` (its pesos when nominal)


@dataclass(frozen=True, slots=True)
class Cut:
    """A table, or list, read only in part (data.bounds): `shown` of `total` rows or items."""

    table: str
    shown: int
    total: int
    unit: str = "filas"  # or "indicadores"

    @property
    def left_out(self) -> int:
        return self.total - self.shown


@dataclass(frozen=True, slots=True)
class Facets:
    ministries: tuple[str, ...]
    services: tuple[str, ...]
    years: tuple[int, ...]


FACTOR_DECIMALS = 4  # the fichas print their inflators with 4 decimals


@dataclass(frozen=True, slots=True)
class Factor:
    """One step of the deflator series: pesos of `year` -> pesos of `target_year`.

    `ficha_id` is the ficha whose inflator table gives the factor (for a chained factor, the
    one that takes `year` to `via_year`); `via_year` is None when one ficha gives it whole.
    `conflicts` are the other fichas' different factors for the same pair (not used).
    """

    target_year: int
    year: int
    factor: float
    ficha_id: str
    via_year: int | None = None
    conflicts: tuple[tuple[str, float], ...] = ()
    # True: a year before a printed target, `factor` = (year -> via_year) / (target_year ->
    # via_year), the printed or chained factors into the later target divided.
    divided: bool = False


@dataclass(frozen=True)
class Deflators:
    """The dataset's deflator series: every (year -> target year) factor it can support."""

    factors: tuple[Factor, ...] = ()
    _index: dict = field(default_factory=dict, init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        self._index.update({(f.year, f.target_year): f for f in self.factors})

    @property
    def targets(self) -> tuple[int, ...]:
        """Target years the series reaches, most recent first."""
        return tuple(sorted({f.target_year for f in self.factors}, reverse=True))

    @property
    def years(self) -> tuple[int, ...]:
        """Every year pesos can be expressed in: the targets and the years they convert from
        (an earlier one through a later target, see factor), most recent first."""
        spanned = {f.target_year for f in self.factors} | {f.year for f in self.factors}
        return tuple(sorted(spanned, reverse=True))

    def factor(self, year: int | None, target: int) -> Factor | None:
        """Pesos of `year` -> pesos of `target`: the series' factor, else, for a `target` no
        ficha prints a table for, both taken to a later target T and divided (year -> T over
        target -> T, the most recent T that has both); None when nothing reaches it."""
        if year is None:
            return None
        found = self._index.get((year, target))
        if found is not None or year == target:
            return found
        for later in self.targets:
            down = self._index.get((target, later))
            if down is None or down.factor <= 0:
                continue
            if year == later:
                return Factor(target, year, 1 / down.factor, down.ficha_id, later, divided=True)
            up = self._index.get((year, later))
            if up is not None:
                value = up.factor / down.factor
                return Factor(target, year, value, up.ficha_id, later, divided=True)
        return None

    def __bool__(self) -> bool:
        return bool(self.factors)
