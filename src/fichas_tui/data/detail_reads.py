"""One program's detail read from the dataset: its fichas, budget with its ratios, subtitles,
components, indicators across its fichas, regions, findings, coverage and warnings, as records.

Each reader takes the Store's parameterized `rows(sql, params)` (bounded, see Store._rows).
"""

from __future__ import annotations

from collections.abc import Callable, Collection
from dataclasses import replace

from ..text import fold
from . import bounds, finding_history, restatements, sections
from .dataset import DatasetError
from .detail_records import (
    DETAIL_FIELDS,
    REVISION_TABLES,
    BudgetYear,
    Component,
    ComponentYear,
    Coverage,
    Ficha,
    Indicator,
    IndicatorPoint,
    Note,
    ProgramDetail,
    Region,
    Subtitle,
    image_pairs,
)
from .list_records import MISSING, Cut, ProgramRow, Value
from .origin import FichaRef, computed, printed, ref_of
from .schema import COLUMNS
from .sections import Rows


def budget(rows: Rows, fid: str, part=None, refs=None) -> tuple[BudgetYear, ...]:
    return budgets(rows, [fid], part, refs)[fid]


def budgets(
    rows: Rows, ids: list[str], part=None, refs: dict[str, FichaRef] | None = None
) -> dict[str, tuple[BudgetYear, ...]]:
    """The budget years of each ficha of `ids`, read with one query per table (a program's
    history at 50,000 fichas took two queries per ficha); `refs` name each ficha as a source."""
    refs = refs or {}
    amounts: dict[str, dict[int, dict[str, Value]]] = {fid: {} for fid in ids}
    prices: dict[str, dict[int, int | None]] = {fid: {} for fid in ids}
    found = rows(in_params(BUDGET_SQL, ids), ids)
    for fid, year, concept, amount, status, price, line, column, rule in found:
        origin = printed(refs.get(fid), line, column, rule)
        amounts[fid].setdefault(year, {})[concept] = Value(amount, status, origin=origin)
        if prices[fid].get(year) is None:
            prices[fid][year] = price
    ratios: dict[str, dict[int, dict[str, Value]]] = {fid: {} for fid in ids}
    # a damaged ratios file costs only the ratios (with `part`, see detail)
    read_ratios = lambda: rows(in_params(RATIOS_SQL, ids), ids)  # noqa: E731
    ratio_rows = read_ratios() if part is None else part("ratios", read_ratios)
    for fid, year, ratio, value, status, line, column in ratio_rows:
        origin = printed(refs.get(fid), line, column)
        ratios[fid].setdefault(year, {})[ratio] = Value(value, status, origin=origin)
        amounts[fid].setdefault(year, {})
    return {fid: _budget_years(amounts[fid], ratios[fid], prices[fid]) for fid in ids}


def _budget_years(amounts, ratios, prices) -> tuple[BudgetYear, ...]:
    out = []
    for year in sorted(y for y in amounts if y is not None):
        a, r = amounts[year], ratios.get(year, {})
        ejecutado = a.get("ejecutado", MISSING)
        admin = r.get("gasto_administrativo") or share(
            a.get("administrativo"), ejecutado, "administrativo / ejecutado × 100"
        )
        out.append(
            BudgetYear(
                year=year,
                inicial=a.get("inicial", MISSING),
                final=a.get("final", MISSING),
                ejecutado=ejecutado,
                exec_inicial=r.get("ejecucion_inicial")
                or share(ejecutado, a.get("inicial"), "ejecutado / inicial × 100"),
                exec_final=r.get("ejecucion_final")
                or share(ejecutado, a.get("final"), "ejecutado / final × 100"),
                admin_share=admin,
                price_year=prices.get(year),
                componentes=a.get("componentes", MISSING),
                administrativo=a.get("administrativo", MISSING),
            )
        )
    return tuple(out)


def budget_and_history(
    rows: Rows, fichas: tuple[Ficha, ...], fid: str, part, reading, refs=None
) -> tuple:
    """(the budget years of ficha `fid`, (evaluated year, budget year) of every ficha, oldest
    ficha first), with one query per table for both. When that read is cut (more rows than
    the limit), the ficha's own budget is read apart, first, so its cut is the one noted."""
    cuts = list(reading.cut)
    by_ficha = budgets(rows, [f.ficha_id for f in fichas], part, refs)
    history = tuple((f.evaluated_year, b) for f in fichas for b in by_ficha[f.ficha_id])
    if len(reading.cut) == len(cuts):
        return by_ficha[fid], history
    history_cuts, reading.cut[:] = reading.cut[len(cuts) :], cuts
    own = budget(rows, fid, part, refs)
    reading.cut.extend(history_cuts)
    return own, history


def components(rows: Rows, fid: str, ref: FichaRef | None = None) -> tuple[Component, ...]:
    grouped: dict[str, tuple[str | None, list[ComponentYear]]] = {}
    for name, unit, year, s, ss, p, ps, c, cs, price, *where in rows(COMPONENTS_SQL, [fid]):
        entry = grouped.setdefault(name or "", (unit, []))
        sl, sc, pl, pc, cl, cc = where
        entry[1].append(
            ComponentYear(
                year,
                Value(s, ss, origin=printed(ref, sl, sc)),
                Value(p, ps, origin=printed(ref, pl, pc)),
                Value(c, cs, origin=printed(ref, cl, cc)),
                price,
            )
        )
    return tuple(Component(n, u, tuple(ys)) for n, (u, ys) in grouped.items())


def indicators(
    rows: Rows, fichas: tuple[Ficha, ...], ficha: Ficha, reading, refs=None
) -> tuple[Indicator, ...]:
    ids = [f.ficha_id for f in fichas]
    year_of = {f.ficha_id: f.evaluated_year for f in fichas}
    found = rows(in_params(INDICATORS_SQL, ids), ids)
    # History across fichas: a later ficha's figure for a year replaces an earlier one's.
    history: dict[tuple[str, str], dict[int, dict]] = {}
    chosen: dict[tuple[str, str], tuple] = {}
    judged: dict[tuple[str, str], tuple] = {}
    refs = refs or {}
    for row in found:
        fid, level, name, formula, unit, year, kind, value, status, text, way, _pos = row[:12]
        line, column, *verdict = row[12:]
        key = (level or "", fold(name))
        point = history.setdefault(key, {}).setdefault(year, {"ficha": year_of[fid]})
        point[kind] = Value(value, status, text, origin=printed(refs.get(fid), line, column))
        point["ficha"] = year_of[fid]
        if fid == ficha.ficha_id and key not in chosen:
            chosen[key] = (level or "", name or "", formula, unit, way)
        if fid == ficha.ficha_id and any(verdict) and key not in judged:
            judged[key] = tuple(verdict)
    out = []
    for key, (level, name, formula, unit, way) in chosen.items():
        points = tuple(
            IndicatorPoint(y, p.get("efectivo", MISSING), p.get("meta", MISSING), p.get("ficha"))
            for y, p in sorted(history[key].items())
            if y is not None and (ficha.evaluated_year is None or y <= ficha.evaluated_year)
        )
        judgement = judged.get(key, (None,) * 3)
        out.append(Indicator(level, name, formula, unit, points, way, judgement))
    order = {"proposito": 0, "complementario": 1, "componente": 2}
    out.sort(key=lambda i: order.get(i.level, 3))
    if getattr(reading, "limit", None) is not None and len(out) > bounds.INDICATOR_LIMIT:
        cut = Cut("indicators", bounds.INDICATOR_LIMIT, len(out), "indicadores")
        reading.cut.append(cut)
        del out[bounds.INDICATOR_LIMIT :]
    return tuple(out)


def regions(rows: Rows, fid: str, ref: FichaRef | None = None) -> tuple[Region, ...]:
    out = []
    for region, s, sp, b, bp, ss, bs, price, line, *heads in rows(REGIONS_SQL, [fid]):
        at = [printed(ref, line, head) for head in heads]
        spending, beneficiaries = Value(s, ss, origin=at[0]), Value(b, bs, origin=at[2])
        rule = computed("gasto / beneficiarios", at[0], at[2])
        if s is not None and b:
            per = replace(bounds.finite(s / b), origin=rule)
        else:
            per = Value(None, ss if s is None else (bs or "-"), origin=rule)
        out.append(
            Region(
                region or "",
                spending,
                Value(sp, ss if sp is None else None, origin=at[1]),
                beneficiaries,
                Value(bp, bs if bp is None else None, origin=at[3]),
                per,
                price,
            )
        )
    return tuple(out)


def read_detail(
    rows: Rows,
    attach: Callable[[str], None],
    program: ProgramRow,
    year: int | None,
    *,
    partial: bool,
    tables: Collection[str] | None,
    reading,
    restated: restatements.Restated | None = None,
) -> ProgramDetail | None:
    """One program's detail from the ficha of `year` (default latest): see Store.detail.
    `attach` makes a table readable (raising DatasetError when its file is damaged);
    `reading` carries the row limit of this thread's read (bounds); `restated`, the store's
    restatements computed before."""
    fichas = tuple(
        # regions: a LIST, as a tuple; the images' two parallel lists as pairs
        replace(Ficha(*(*row[:9], tuple(row[9]), *row[10:14])), images=image_pairs(*row[14:]))
        for row in rows(FICHAS_SQL, [program.program_id])
    )
    if not fichas:
        return None
    chosen = [f for f in fichas if f.evaluated_year == year] if year is not None else []
    ficha = chosen[0] if chosen else fichas[-1]
    fid = ficha.ficha_id
    ids = [f.ficha_id for f in fichas]
    year_of = {f.ficha_id: f.evaluated_year for f in fichas}
    refs = {f.ficha_id: ref_of(f) for f in fichas}
    ref = refs[fid]
    problems: dict[str, str] = {}

    wanted = None if tables is None else frozenset(tables) & DETAIL_FIELDS

    def part(table: str, read):
        if wanted is not None and table not in wanted and table != "ratios":
            return ()
        if not partial:
            attach(table)
            return read()
        try:
            attach(table)
            return read()
        except DatasetError as exc:
            problems.setdefault(table, str(exc))
            return ()

    read_budgets: list[tuple] = []  # one read serves the ficha's budget and the history

    def budget_parts() -> tuple:
        if not read_budgets:
            if len(fichas) > 1:
                read_budgets.append(budget_and_history(rows, fichas, fid, part, reading, refs))
            else:
                read_budgets.append((budget(rows, fid, part, refs), ()))
        return read_budgets[0]

    def extra(read: Callable[[], tuple]) -> tuple:
        """What the panes add across the program's fichas (restatements, finding marks): a
        table that cannot be read, or is read in part, costs only that (its pane says so)."""
        cuts = list(reading.cut)
        try:
            return read()
        except DatasetError:
            return ()
        finally:
            reading.cut[:] = cuts

    def revisions() -> tuple:
        if len(fichas) < 2 or (wanted is not None and not wanted & REVISION_TABLES):
            return ()
        pid = program.program_id
        if restated is None:
            return extra(lambda: restatements.of_program(rows, attach, pid, fichas))
        limit = getattr(reading, "limit", None)
        return extra(lambda: restated.of_program(rows, attach, pid, fichas, limit))

    def finding_marks() -> tuple:
        # the verdicts table (ingest/verdicts.py) classifies each finding; without it, no marks
        if "verdicts" not in COLUMNS or (wanted is not None and "findings" not in wanted):
            return ()

        def read() -> tuple:
            attach("findings")
            attach("verdicts")
            return finding_history.of_program(rows, fichas, fid)

        return extra(read)

    read_warnings = part(
        "warnings",
        lambda: sorted(
            (
                Note(year_of[f], s or "", m or "")
                for f, s, m in rows(in_params(WARNINGS_SQL, ids), ids)
            ),
            key=lambda n: (n.year is None, n.year or 0, n.topic),
        ),
    )
    return ProgramDetail(
        program=program,
        fichas=fichas,
        ficha=ficha,
        budget=part("budget", lambda: budget_parts()[0]),
        budget_history=part("budget", lambda: budget_parts()[1]) if len(fichas) > 1 else (),
        subtitles=part(
            "subtitles",
            lambda: tuple(
                Subtitle(y, s, n or "", Value(a, st, origin=printed(ref, line, col)), price)
                for y, s, n, a, st, price, line, col in rows(SUBTITLES_SQL, [fid])
            ),
        ),
        components=part("components", lambda: components(rows, fid, ref)),
        indicators=part(
            "indicators",
            lambda: indicators(rows, fichas, ficha, reading, refs),
        ),
        regions=part("regions", lambda: regions(rows, fid, ref)),
        findings=part(
            "findings",
            lambda: tuple(
                Note(ficha.evaluated_year, d or "", t or "", tuple(zip(ts, vs, strict=False)))
                for d, t, ts, vs in rows(FINDINGS_SQL, [fid])
            ),
        ),
        warnings=tuple(read_warnings),
        revisions=revisions(),
        finding_marks=finding_marks(),
        coverage=part(
            "coverage",
            lambda: tuple(
                Coverage(y, b or "", Value(v, s, origin=printed(ref, line, col)))
                for y, b, v, s, line, col in rows(COVERAGE_SQL, [fid])
            ),
        ),
        **{
            table: part(table, lambda read=read: read(rows, fid, ref))
            for table, read in sections.READERS.items()
        },
        unreadable=tuple(problems.items()),
        tables=wanted,
    )


def share(part: Value | None, whole: Value | None, rule: str = "") -> Value:
    """part / whole in %, or the code of whichever is missing; its origin names `rule`."""
    if part is None or whole is None:
        return MISSING
    origin = computed(rule, part.origin, whole.origin) if rule else None
    if part.value is None:
        return Value(None, part.status, origin=origin)
    if whole.value in (None, 0):
        return Value(None, whole.status or "-", origin=origin)
    return replace(bounds.finite(part.value / whole.value * 100), origin=origin)


def in_params(sql: str, ids: list[str]) -> str:
    """`sql` with its `IN ({ids})` holding one parameter per id."""
    return sql.replace("{ids}", ", ".join("?" * len(ids)) or "NULL")


BUDGET_SQL = (
    "SELECT ficha_id, year, concept, amount_kclp, amount_status, price_year, source_line, "
    "source_column, source_rule FROM budget WHERE ficha_id IN ({ids}) ORDER BY year"
)
RATIOS_SQL = (
    "SELECT ficha_id, year, ratio, value_pct, value_status, source_line, source_column "
    "FROM ratios WHERE ficha_id IN ({ids})"
)
COMPONENTS_SQL = """
SELECT component, production_unit, year, spending_kclp, spending_status, production,
       production_status, unit_cost_kclp, unit_cost_status, price_year, source_line,
       source_column, production_source_line, production_source_column,
       unit_cost_source_line, unit_cost_source_column
FROM components WHERE ficha_id = ? ORDER BY position NULLS LAST, component, year
"""
INDICATORS_SQL = """
SELECT ficha_id, level, indicator, formula, unit, year, kind, value, value_status, value_text,
       direction, position, source_line, source_column, evaluation_quality,
       evaluation_relevance, result
FROM indicators WHERE ficha_id IN ({ids})
ORDER BY position NULLS LAST, year
"""
REGIONS_SQL = """
SELECT region, spending_kclp, spending_pct, beneficiaries, beneficiaries_pct,
       spending_status, beneficiaries_status, price_year, source_line, source_column,
       spending_pct_source_column, beneficiaries_source_column, beneficiaries_pct_source_column
FROM regions WHERE ficha_id = ?
"""
FICHAS_SQL = """
SELECT ficha_id, evaluated_year, price_year, program_name, ministry, service, start_year,
       description, purpose, coalesce(regions, []), executors, source_file, layout,
       source_sha256, coalesce(image_tables, []), coalesce(image_lines, [])
FROM fichas WHERE program_id = ? ORDER BY evaluated_year NULLS FIRST, ficha_id
"""
SUBTITLES_SQL = """
SELECT year, subtitle, subtitle_name, amount_kclp, amount_status, price_year, source_line,
       source_column FROM subtitles
WHERE ficha_id = ? ORDER BY year, subtitle
"""
# Each finding with its verdicts' topics and verdicts (lists in the verdicts table's order).
FINDINGS_SQL = """
SELECT f.dimension, f.finding,
       coalesce(list(v.topic ORDER BY v.topic NULLS FIRST) FILTER (WHERE v.verdict IS NOT NULL),
                []),
       coalesce(list(v.verdict ORDER BY v.topic NULLS FIRST)
                FILTER (WHERE v.verdict IS NOT NULL), [])
FROM findings f LEFT JOIN verdicts v ON v.ficha_id = f.ficha_id AND v.position = f.position
WHERE f.ficha_id = ?
GROUP BY f.ficha_id, f.position, f.dimension, f.finding
ORDER BY f.position NULLS LAST
"""
COVERAGE_SQL = (
    "SELECT year, basis, coverage_pct, coverage_status, source_line, source_column FROM coverage "
    "WHERE ficha_id = ? AND year IS NOT NULL ORDER BY basis, year"
)
WARNINGS_SQL = "SELECT ficha_id, section, message FROM warnings WHERE ficha_id IN ({ids})"
