"""Frozen records the query layer returns: programs, fichas and their figures."""

from __future__ import annotations

from dataclasses import dataclass, field, fields, replace

from ..geography import NIVEL_CENTRAL
from ..text import fold
from ..views.panes import DETAIL_TABLES


@dataclass(frozen=True, slots=True)
class Value:
    """A figure, or the code the ficha gave instead of it (N/C, S/I, N/A, -)."""

    value: float | None
    status: str | None = None
    text: str | None = None  # as the ficha writes it (`92,00%`, `N/C*`), when kept


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
class Ficha:
    ficha_id: str
    evaluated_year: int | None
    price_year: int | None
    name: str
    ministry: str | None
    service: str | None
    start_year: int | None
    description: str | None
    purpose: str | None
    regions: tuple[str, ...]
    executors: str | None
    source_file: str | None
    layout: str | None = None  # template generation: 2019, 2021, 2023


@dataclass(frozen=True, slots=True)
class BudgetYear:
    year: int
    inicial: Value
    final: Value
    ejecutado: Value
    exec_inicial: Value  # % executed against the initial budget
    exec_final: Value
    admin_share: Value  # % of spending that is administrative
    price_year: int | None = None  # the pesos of the year's amounts; None: nominal


@dataclass(frozen=True, slots=True)
class Subtitle:
    year: int | None
    subtitle: int | None
    name: str
    amount: Value
    price_year: int | None = None


@dataclass(frozen=True, slots=True)
class ComponentYear:
    year: int
    spending: Value
    production: Value
    unit_cost: Value
    price_year: int | None = None


@dataclass(frozen=True, slots=True)
class Component:
    name: str
    unit: str | None
    years: tuple[ComponentYear, ...]


@dataclass(frozen=True, slots=True)
class IndicatorPoint:
    year: int
    efectivo: Value
    meta: Value
    ficha_year: int | None  # which ficha reported it


@dataclass(frozen=True, slots=True)
class Indicator:
    level: str
    name: str
    formula: str | None
    unit: str | None
    points: tuple[IndicatorPoint, ...]


@dataclass(frozen=True, slots=True)
class Coverage:
    """Coverage of one year on one basis (`objetivo`, `potencial`), as a %, or its code."""

    year: int
    basis: str
    pct: Value


@dataclass(frozen=True, slots=True)
class Region:
    region: str
    spending: Value
    spending_pct: Value
    beneficiaries: Value
    beneficiaries_pct: Value
    per_beneficiary: Value  # M$ per beneficiary
    price_year: int | None = None

    @property
    def central(self) -> bool:
        return fold(self.region) == _CENTRAL


_CENTRAL = fold(NIVEL_CENTRAL)
# The name of the regional breakdown's TOTAL row; the ficha states no M$ per beneficiary for
# it (per_beneficiary is missing: views/regiones.py computes it from the totals).
TOTAL_REGION = "Total"


@dataclass(frozen=True, slots=True)
class YearAmount:
    """One year's amount (spending per beneficiary), in M$ of `price_year` (None: nominal)."""

    year: int
    amount: Value
    price_year: int | None = None


@dataclass(frozen=True, slots=True)
class Evaluation:
    kind: str  # ex_ante, ex_post, monitoreo, otras
    year: int | None
    detail: str


@dataclass(frozen=True, slots=True)
class Assessment:
    section: str
    criterion: str
    result: str
    comment: str


@dataclass(frozen=True, slots=True)
class Goal:
    """A Sustainable Development Goal the program contributes to."""

    goal: int | None
    name: str
    description: str


@dataclass(frozen=True, slots=True)
class Prose:
    """A paragraph of a prose section (observations, technical notes, poverty, gender)."""

    section: str
    label: str | None
    text: str


@dataclass(frozen=True, slots=True)
class Note:
    year: int | None
    topic: str
    text: str


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
class ProgramDetail:
    program: ProgramRow
    fichas: tuple[Ficha, ...]
    ficha: Ficha
    budget: tuple[BudgetYear, ...] = ()
    subtitles: tuple[Subtitle, ...] = ()
    components: tuple[Component, ...] = ()
    indicators: tuple[Indicator, ...] = ()
    regions: tuple[Region, ...] = ()
    findings: tuple[Note, ...] = ()
    warnings: tuple[Note, ...] = field(default=())
    coverage: tuple[Coverage, ...] = ()
    # The breakdown's own TOTAL row as the ficha states it: a Region named TOTAL_REGION
    region_totals: tuple[Region, ...] = ()
    spending_per_beneficiary: tuple[YearAmount, ...] = ()
    evaluations: tuple[Evaluation, ...] = ()
    assessments: tuple[Assessment, ...] = ()
    ods: tuple[Goal, ...] = ()
    complementarities: tuple[str, ...] = ()
    texts: tuple[Prose, ...] = ()
    # Every ficha's budget (read with `budget` when the program has several fichas): pairs of
    # (the ficha's evaluated year, one year of its budget), for the history across fichas.
    budget_history: tuple[tuple[int | None, BudgetYear], ...] = ()
    # (table, reason) for each table that could not be read (Store.detail(partial=True)):
    # the panes that read it say so, the others still show.
    unreadable: tuple[tuple[str, str], ...] = ()
    # The tables read (Store.detail(tables=...)); None: every table.
    tables: frozenset[str] | None = None
    # What was read only in part, within Store.detail's limits; the warnings say so too.
    truncated: tuple[Cut, ...] = ()

    @property
    def year(self) -> int | None:
        return self.ficha.evaluated_year

    def has(self, tables) -> bool:
        """Whether every table in `tables` was read."""
        return self.tables is None or self.tables.issuperset(DETAIL_FIELDS.intersection(tables))

    def merged(self, other: ProgramDetail) -> ProgramDetail:
        """This detail with the tables `other` (same ficha) read added."""
        if other.tables is None:
            return other
        parts = {t: getattr(other, t) for t in other.tables if t in DETAIL_FIELDS}
        # Besides the warnings table, each read warns about the tables it read (non-finite
        # numbers): keep both reads' warnings, once each.
        parts["warnings"] = tuple(dict.fromkeys(self.warnings + other.warnings))
        if "budget" in other.tables:  # read with the budget, not a table of its own
            parts["budget_history"] = other.budget_history
        return replace(
            self,
            **parts,
            unreadable=self.unreadable + other.unreadable,
            truncated=self.truncated + other.truncated,
            tables=None if self.tables is None else self.tables | other.tables,
        )

    @property
    def years(self) -> tuple[int, ...]:
        return tuple(f.evaluated_year for f in self.fichas if f.evaluated_year is not None)


@dataclass(frozen=True, slots=True)
class Facets:
    ministries: tuple[str, ...]
    services: tuple[str, ...]
    years: tuple[int, ...]


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

    def factor(self, year: int | None, target: int) -> Factor | None:
        return None if year is None else self._index.get((year, target))

    def __bool__(self) -> bool:
        return bool(self.factors)


# The detail tables, each filling the ProgramDetail field of its name (the ratios are read
# with the budget).
DETAIL_FIELDS = frozenset(DETAIL_TABLES) & {f.name for f in fields(ProgramDetail)}
