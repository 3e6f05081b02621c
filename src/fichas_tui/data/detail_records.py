"""Frozen records of one program's detail: its fichas and their figures (Store.detail)."""

from __future__ import annotations

from dataclasses import dataclass, field, fields, replace

from ..geography import NIVEL_CENTRAL
from ..text import fold
from .list_records import MISSING, Cut, ProgramRow, Value
from .origin import Origin
from .pane_tables import DETAIL_TABLES


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
    source_sha256: str | None = None  # the file's bytes (None: ingested before it was kept)
    # (table, 1-based line) of each table the original printed as an image (ingest/images.py)
    images: tuple[tuple[str, int], ...] = ()


def image_pairs(tables, lines) -> tuple[tuple[str, int], ...]:
    """The fichas table's two parallel image lists as (table, line) pairs (a damaged or
    hand-made dataset may give lists of unequal length or a null: those pairs are dropped)."""
    return tuple(
        (str(t), int(n)) for t, n in zip(tables or (), lines or (), strict=False) if t and n
    )


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
    # The components' spending and the administrative spending (the 2023 template's gasto por
    # beneficiario adds them: views/per_beneficiary.py).
    componentes: Value = MISSING
    administrativo: Value = MISSING


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
    direction: str | None = None  # `Sentido de medición` as written (Ascendente, Descendente)
    # The ficha's judgement of it, as written: calidad, pertinencia, resultado (None: not given)
    judgement: tuple[str | None, str | None, str | None] = (None, None, None)


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
    origin: Origin | None = field(default=None, compare=False)  # the line it is printed on


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
    verdicts: tuple[tuple[str | None, str], ...] = ()  # a finding's (topic, verdict) pairs


@dataclass(frozen=True, slots=True)
class NonFinite:
    """`count` figures of `table` held NaN or an infinity and read as missing (data.bounds)."""

    table: str
    count: int


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
    # Figures a later ficha of the program prints differently (data/restatements.py), read
    # with the budget or the indicators when the program has several fichas.
    revisions: tuple = ()
    # The ficha's problem findings against the previous ficha (data/finding_history.py),
    # read with the findings.
    finding_marks: tuple = ()
    # (table, reason) for each table that could not be read (Store.detail(partial=True)):
    # the panes that read it say so, the others still show.
    unreadable: tuple[tuple[str, str], ...] = ()
    # The tables read (Store.detail(tables=...)); None: every table.
    tables: frozenset[str] | None = None
    # What was read only in part, within Store.detail's limits (views.read_limits words it).
    truncated: tuple[Cut, ...] = ()
    # The tables read whose figures held NaN or infinities, read as missing.
    non_finite: tuple[NonFinite, ...] = ()

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
        # Each read counts the non-finite numbers of the tables it read: keep both reads'
        # counts, once each.
        parts["non_finite"] = tuple(dict.fromkeys(self.non_finite + other.non_finite))
        if "budget" in other.tables:  # read with the budget, not a table of its own
            parts["budget_history"] = other.budget_history
        if other.tables & REVISION_TABLES:
            parts["revisions"] = other.revisions
        if "findings" in other.tables:
            parts["finding_marks"] = other.finding_marks
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


# The tables whose read brings the program's restatements along.
REVISION_TABLES = frozenset({"budget", "indicators", "coverage"})
# The detail tables, each filling the ProgramDetail field of its name (the ratios are read
# with the budget).
DETAIL_FIELDS = frozenset(DETAIL_TABLES) & {f.name for f in fields(ProgramDetail)}
