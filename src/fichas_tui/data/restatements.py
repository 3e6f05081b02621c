"""Restated figures: a year two fichas of one program both print, printed differently.

Computed once when a dataset is written, for every program at once (one query per table),
into its `restatements` table (restatement_table.py); a dataset written before that table
computes a program's when asked (a Store keeps them for later reads, Restated).

The rule (docs/DATA.md#restated-figures): each ficha's figure of a year is brought to one
basis with that ficha's own factors. Money goes back to nominal pesos of its year, divided
by the factor the ficha printed for that year (its `inflators` table; without one, the
dataset's deflator series into the ficha's price year; nominal pesos and the price year
itself: factor 1, exact). Percentages, people and indicator values are compared as printed.
Each figure carries the error its printing allows: half a unit of its last printed decimal
(M$ to the unit, MM$ to the million, 36,5 % to the tenth), divided by the factor, plus the
factor's own rounding (1,2252: 0,00005 / 1,2252 of the figure; a chained factor adds both
steps'). Two figures are a restatement when they differ by more than the sum of both errors.
Consecutive fichas printing the year are compared (2021 with 2022, 2022 with 2023).
"""

from __future__ import annotations

import itertools
import math
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from ..text import fold
from .list_records import Factor

Rows = Callable[[str, list], list[tuple]]

# Measures compared, in the order a listing names them.
MONEY = ("inicial", "final", "ejecutado", "gasto-por-beneficiario")
MEASURES = (*MONEY, "cobertura", "beneficiarios", "efectivo", "meta")


@dataclass(frozen=True, slots=True)
class Printed:
    """One ficha's figure of the year: as printed, and in the basis both are compared in."""

    ficha_id: str
    evaluated_year: int | None
    source_file: str | None
    value: float  # as stored from the ficha (M$ of `price_year`, %, people, the indicator's)
    text: str | None  # as the ficha writes it, when kept (indicators)
    price_year: int | None  # money: the pesos it is printed in (None: nominal)
    factor: float | None  # money: the ficha's factor from pesos of the year to `price_year`
    compared: float  # money: nominal pesos of the year; else `value`
    error: float  # what its printing allows, in the compared basis


@dataclass(frozen=True, slots=True)
class Restatement:
    program_id: str
    program_name: str
    measure: str  # one of MEASURES
    key: str  # what the measure is of: the indicator (level|name folded), the coverage basis
    label: str  # the indicator's name as printed, the coverage basis; '' for the budget
    unit: str | None  # the indicator's unit; None for money, '%' for coverage
    year: int
    before: Printed  # the earlier ficha's
    after: Printed

    @property
    def difference(self) -> float:
        """after - before, in the compared basis (nominal M$ of the year for money)."""
        return self.after.compared - self.before.compared

    @property
    def tolerance(self) -> float:
        return self.before.error + self.after.error

    @property
    def relative(self) -> float | None:
        """The difference as a share of the earlier figure (None when that is 0)."""
        base = abs(self.before.compared)
        return self.difference / base if base else None

    @property
    def size(self) -> float:
        """How large the restatement is, comparable across measures: the difference over the
        larger of the two figures (0 to 2), what `fichas revisiones` orders by."""
        top = max(abs(self.before.compared), abs(self.after.compared))
        return abs(self.difference) / top if top else 0.0


def decimals(value: float, text: str | None = None) -> int:
    """Decimals a figure was printed with: from its text when kept ('92,00%' -> 2), else from
    the number (36.5 -> 1; a trailing zero is not seen, so 84,0 counts 0: a looser bound)."""
    written = _PRINTED.match((text or "").strip())
    if written and written.group(1):
        return len(written.group(2) or "")
    shortest = repr(float(value))
    if "e" in shortest:
        return 0 if abs(value) >= 1 else 12
    return len(shortest.partition(".")[2].rstrip("0"))


# A number as the fichas print it: 1.745.448 / 92,00 / -3,5 (the rest of the text ignored).
_PRINTED = re.compile(r"-?(\d[\d.]*)(?:,(\d+))?")


def factor_error(factor: float) -> float:
    """Relative error of a printed factor: half a unit of its last decimal over the factor."""
    if factor == 1:
        return 0.0  # the price year's own row: exact, whatever its printing
    return 0.5 * 10.0 ** -decimals(factor) / factor


@dataclass(frozen=True, slots=True)
class _Point:
    ficha_id: str
    measure: str
    key: str
    label: str
    unit: str | None
    year: int
    value: float
    text: str | None
    price_year: int | None
    half: float  # half a unit of the printed last decimal, in the stored unit


class Comparer:
    """Brings each ficha's figures to one basis and finds the restated ones."""

    def __init__(self, fichas: dict[str, tuple], inflators: Iterable[tuple], series) -> None:
        # ficha_id -> (program_id, program_name, evaluated_year, price_year, source_file)
        self.fichas = fichas
        self.own: dict[str, dict[int, float]] = {}
        for fid, year, factor in inflators:
            if year is not None and factor is not None and math.isfinite(factor) and factor > 0:
                self.own.setdefault(fid, {}).setdefault(year, factor)
        self.series: dict[tuple[int, int], Factor] = {(f.year, f.target_year): f for f in series}

    def factor(self, fid: str, year: int, price_year: int | None) -> tuple[float, float] | None:
        """(factor, its relative error) from pesos of `year` into `price_year`, or None."""
        if price_year is None or price_year == year:
            return 1.0, 0.0
        own = self.own.get(fid, {}).get(year)
        if own is not None:
            return own, factor_error(own)
        return self._chained(year, price_year, 0)

    def _chained(self, year: int, target: int, depth: int) -> tuple[float, float] | None:
        step = self.series.get((year, target))
        if step is None or depth > 8:
            return None
        if step.via_year is None:
            return step.factor, factor_error(step.factor)
        first = self._chained(year, step.via_year, depth + 1)
        second = self._chained(step.via_year, target, depth + 1)
        if first is None or second is None:
            return step.factor, 2 * factor_error(step.factor)
        return step.factor, first[1] + second[1]

    def printed(self, point: _Point) -> Printed | None:
        evaluated, source = self.fichas[point.ficha_id][2], self.fichas[point.ficha_id][4]
        if point.measure in MONEY:
            found = self.factor(point.ficha_id, point.year, point.price_year)
            if found is None:
                return None  # no factor: no basis to compare it in
            factor, relative = found
            compared = point.value / factor
            error = point.half / factor + abs(compared) * relative
            shown = None if point.price_year is None or point.price_year == point.year else factor
            return Printed(
                point.ficha_id, evaluated, source, point.value, point.text, point.price_year,
                shown, compared, error,
            )  # fmt: skip
        return Printed(
            point.ficha_id, evaluated, source, point.value, point.text, None, None,
            point.value, point.half,
        )  # fmt: skip

    def restatements(self, points: Iterable[_Point]) -> list[Restatement]:
        series: dict[tuple, list[_Point]] = {}
        for p in points:
            series.setdefault((self.fichas[p.ficha_id][0], p.measure, p.key, p.year), []).append(p)
        found = []
        for (program_id, measure, key, year), printed in series.items():
            # one figure per ficha (the first), oldest ficha first
            by_ficha: dict[str, _Point] = {}
            for p in printed:
                by_ficha.setdefault(p.ficha_id, p)
            ordered = sorted(by_ficha.values(), key=lambda p: self._order(p.ficha_id))
            for earlier, later in itertools.pairwise(ordered):
                a, b = self.printed(earlier), self.printed(later)
                if a is None or b is None:
                    continue
                slack = 1e-9 * max(abs(a.compared), abs(b.compared))
                if abs(b.compared - a.compared) > a.error + b.error + slack:
                    name = self.fichas[later.ficha_id][1]
                    label = later.label or earlier.label
                    found.append(
                        Restatement(program_id, name, measure, key, label, later.unit, year, a, b)
                    )
        found.sort(key=lambda r: (-r.size, r.program_id, MEASURES.index(r.measure), r.year))
        return found

    def _order(self, fid: str) -> tuple:
        evaluated, price_year = self.fichas[fid][2], self.fichas[fid][3]
        return (evaluated is None, evaluated or 0, price_year or 0, fid)


def _points(raw: Iterable[tuple]) -> list[_Point]:
    """Rows (ficha_id, measure, key, label, unit, year, value, text, price_year, stored unit)
    with a value, each with the half unit its ficha prints it to: the most decimals any
    figure of the same measure in the same ficha shows (a column is printed alike)."""
    rows = [r for r in raw if r[5] is not None and r[6] is not None and math.isfinite(r[6])]
    places: dict[tuple, int] = {}
    for fid, measure, key, _l, _u, _y, value, text, _p, stored in rows:
        scaled = value / 1000 if (stored or "").startswith("MM$") else value
        column = (fid, measure, key if measure in ("efectivo", "meta") else "")
        places[column] = max(places.get(column, 0), decimals(scaled, text))
    out = []
    for fid, measure, key, label, unit, year, value, text, price, stored in rows:
        column = (fid, measure, key if measure in ("efectivo", "meta") else "")
        half = 0.5 * 10.0 ** -places[column]
        if (stored or "").startswith("MM$"):
            half *= 1000
        out.append(_Point(fid, measure, key, label, unit, year, value, text, price, half))
    return out


def indicator_key(level: str | None, name: str | None) -> str:
    """How an indicator is linked across fichas: its level and folded name (as the
    Indicadores pane links them)."""
    return f"{level or ''}|{fold(name or '')}"


# One query per table, each over the fichas of `{ids}` (one parameter per ficha).
SOURCE_SQL = {
    "budget": """
        SELECT ficha_id, concept, '', '', NULL, year, amount_kclp, NULL, price_year, unit
        FROM budget WHERE ficha_id IN ({ids}) AND concept IN ('inicial', 'final', 'ejecutado')
        ORDER BY ficha_id, year
    """,
    "spending_per_beneficiary": """
        SELECT ficha_id, 'gasto-por-beneficiario', '', '', NULL, year, amount_kclp, NULL,
               price_year, 'M$'
        FROM spending_per_beneficiary WHERE ficha_id IN ({ids}) ORDER BY ficha_id, year
    """,
    "coverage": """
        SELECT ficha_id, 'cobertura', basis, basis, '%', year, coverage_pct, NULL, NULL, '%'
        FROM coverage WHERE ficha_id IN ({ids})
        UNION ALL
        SELECT ficha_id, 'beneficiarios', '', '', NULL, year, beneficiaries, NULL, NULL, ''
        FROM coverage WHERE ficha_id IN ({ids})
        ORDER BY 1, 2, 6
    """,
    "indicators": """
        SELECT ficha_id, kind, level, indicator, unit, year, value, value_text, NULL, unit
        FROM indicators WHERE ficha_id IN ({ids}) AND kind IN ('efectivo', 'meta')
        ORDER BY ficha_id, position NULLS LAST, year
    """,
}
INFLATORS_SQL = "SELECT ficha_id, year, factor FROM inflators WHERE ficha_id IN ({ids})"


# The fichas of every program with more than one (what `fichas revisiones` reads).
SEVERAL_SQL = """
    SELECT ficha_id, program_id, coalesce(program_name, program_id), evaluated_year, price_year,
           source_file
    FROM fichas WHERE program_id IN (
        SELECT program_id FROM fichas GROUP BY program_id HAVING count(*) > 1
    ) {program}
"""
_SEVERAL = (
    "SELECT ficha_id FROM fichas WHERE program_id IN "
    "(SELECT program_id FROM fichas GROUP BY program_id HAVING count(*) > 1)"
)


def for_fichas(
    rows: Rows, fichas: dict[str, tuple], series: Iterable[Factor], *, every: bool = False
) -> list[Restatement]:
    """The restatements among `fichas` (ficha_id -> (program_id, program_name,
    evaluated_year, price_year, source_file)), read with `rows`; `series` is the dataset's
    deflator series (for fichas without their own inflators). With `every`, `fichas` are
    those of SEVERAL_SQL and each table is read whole for them (no parameter per ficha)."""
    ids = sorted(fichas)
    if len(ids) < 2:
        return []
    where = _SEVERAL if every else ", ".join("?" * len(ids))
    params = [] if every else ids

    def read(sql: str) -> list[tuple]:
        return rows(sql.replace("{ids}", where), params * sql.count("{ids}"))

    raw = []
    for table, sql in SOURCE_SQL.items():
        found = read(sql)
        if table == "indicators":
            found = [(f, m, indicator_key(k, n), n or "", *rest) for f, m, k, n, *rest in found]
        raw.extend(found)
    comparer = Comparer(fichas, read(INFLATORS_SQL), series)
    return comparer.restatements(_points(raw))


_DEFLATORS_SQL = """
    SELECT target_year, year, factor, ficha_id, via_year, conflict_ficha_ids, conflict_factors
    FROM deflators
    WHERE target_year IS NOT NULL AND year IS NOT NULL AND isfinite(factor) AND factor > 0
"""
TABLES = (*SOURCE_SQL, "inflators", "deflators")


def deflator_series(rows: Rows) -> list[Factor]:
    """The dataset's deflator table as factors (for fichas without their own inflators)."""
    from .derived import factor_from_row

    return [factor_from_row(*row) for row in rows(_DEFLATORS_SQL, [])]


def of_program(
    rows: Rows,
    attach: Callable[[str], None],
    program_id: str,
    fichas,
    series: Callable[[], list[Factor]] | None = None,
) -> tuple:
    """The restatements among one program's fichas (detail_records.Ficha), for its panes;
    `series` gives the dataset's deflator series (deflator_series, which a Store reads
    once)."""
    if len(fichas) < 2:
        return ()
    for table in TABLES:
        attach(table)
    info = {
        f.ficha_id: (program_id, f.name, f.evaluated_year, f.price_year, f.source_file)
        for f in fichas
    }
    factors = series() if series is not None else deflator_series(rows)
    return tuple(for_fichas(rows, info, factors))


# Programs whose restatements a Store keeps (Restated): those moved back to and the tabs of
# the one on screen; a few KB each.
MEMO = 64


class Restated:
    """A Store's restatements, computed once: the deflator series (read once per dataset) and
    each program's restatements for its last MEMO programs, so showing another tab of a
    program or coming back to it costs no query (benchmarks/README.md, "Switch CPU")."""

    def __init__(self, stored: Callable[[], bool] = lambda: False) -> None:
        self._series: list[Factor] | None = None
        self._programs: dict[tuple, tuple] = {}
        self._stored = stored  # whether the dataset has the `restatements` table

    def of_program(
        self, rows: Rows, attach: Callable[[str], None], program_id: str, fichas, limit
    ) -> tuple:
        """The program's rows of the `restatements` table (one read), or of_program for a
        dataset written before it; memoized by the program's fichas and the read's limit."""
        key = (program_id, tuple(f.ficha_id for f in fichas), limit)
        found = self._programs.get(key)
        if found is None and len(fichas) > 1 and self._stored():
            from . import restatement_table

            attach(restatement_table.TABLE)
            found = tuple(restatement_table.stored(rows, program_id))
        if found is None:
            found = of_program(rows, attach, program_id, fichas, lambda: self._read(rows))
            self._programs[key] = found  # a race between two threads computes it twice
            while len(self._programs) > MEMO:
                del self._programs[next(iter(self._programs))]
        return found

    def _read(self, rows: Rows) -> list[Factor]:
        if self._series is None:
            self._series = deflator_series(rows)
        return self._series
