"""DuckDB over a dataset folder, answered as frozen dataclasses (no UI imports here)."""

from __future__ import annotations

import contextlib
import threading
from pathlib import Path

import duckdb
import pyarrow as pa

from .dataset import DatasetError, recover, table_path
from .formatting import fold
from .records import (  # re-exported: callers import the records from here
    MISSING,
    BudgetYear,
    Component,
    ComponentYear,
    Facets,
    Ficha,
    Indicator,
    IndicatorPoint,
    Note,
    ProgramDetail,
    ProgramRow,
    Region,
    Subtitle,
    Value,
)
from .schema import TABLES

# Tables the program list needs are loaded before the first paint; the rest on first use
# (or by a background warm-up), so a large dataset still opens at once.
LIST_TABLES = ("fichas", "budget")

SORT_NAME = "name"
SORT_BUDGET = "budget"


class DatasetMissing(DatasetError):
    """No dataset yet (no folder, or no fichas in it): the user should run `fichas ingest`."""


def _duck_type(arrow_type: pa.DataType) -> str:
    if pa.types.is_list(arrow_type):
        return _duck_type(arrow_type.value_type) + "[]"
    if pa.types.is_int32(arrow_type):
        return "INTEGER"
    if pa.types.is_float64(arrow_type):
        return "DOUBLE"
    if pa.types.is_boolean(arrow_type):
        return "BOOLEAN"
    return "VARCHAR"


def _quote(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


class Store:
    """One DuckDB connection on one dataset folder; every method is safe from any thread."""

    def __init__(self, folder: Path) -> None:
        self.folder = Path(folder)
        self._con = duckdb.connect(":memory:", config={"threads": 2, "memory_limit": "256MB"})
        self._lock = threading.RLock()
        self._loaded: set[str] = set()
        self._programs: tuple[ProgramRow, ...] | None = None
        self._by_id: dict[str, ProgramRow] = {}

    @classmethod
    def open(cls, folder: Path) -> Store:
        """Open a dataset; DatasetMissing when there is none, DatasetError when it is damaged."""
        folder = Path(folder)
        if not table_path(folder, "fichas").exists():
            raise DatasetMissing(f"{folder}: no hay dataset (falta fichas.parquet)")
        with contextlib.suppress(OSError):  # a read-only folder: read what is there
            recover(folder)
        store = cls(folder)
        for table in LIST_TABLES:
            store._ensure(table)
        if not store.programs():
            raise DatasetMissing(f"{folder}: el dataset no tiene fichas")
        return store

    def close(self) -> None:
        with self._lock:
            self._con.close()

    # -- loading -----------------------------------------------------------------------

    def _ensure(self, table: str) -> None:
        with self._lock:
            if table in self._loaded:
                return
            self._load(table)
            self._loaded.add(table)

    def warm(self) -> None:
        """Load every table now (called from a background worker after the first paint)."""
        for table in TABLES:
            self._ensure(table)

    def _load(self, table: str) -> None:
        path = table_path(self.folder, table)
        schema = TABLES[table]
        name = _quote(table)
        if not path.exists():
            columns = ", ".join(f"{_quote(f.name)} {_duck_type(f.type)}" for f in schema)
            self._con.execute(f"CREATE TABLE {name} ({columns})")
            return
        try:
            described = self._con.execute(
                "DESCRIBE SELECT * FROM read_parquet(?)", [str(path)]
            ).fetchall()
        except duckdb.Error as exc:
            raise DatasetError(f"{path}: no se puede leer ({_first_line(exc)})") from exc
        present = {row[0] for row in described}
        required = {f.name for f in schema if f.name in _CONTRACT.get(table, ())}
        absent = sorted(required - present)
        if absent:
            raise DatasetError(f"{path}: faltan columnas {', '.join(absent)}")
        select = ", ".join(
            f"CAST({_quote(f.name)} AS {_duck_type(f.type)}) AS {_quote(f.name)}"
            if f.name in present
            else f"CAST(NULL AS {_duck_type(f.type)}) AS {_quote(f.name)}"
            for f in schema
        )
        order = " ORDER BY ficha_id" if "ficha_id" in present else ""
        try:
            self._con.execute(
                f"CREATE TABLE {name} AS SELECT {select} FROM read_parquet(?){order}", [str(path)]
            )
        except duckdb.Error as exc:
            raise DatasetError(
                f"{path}: columnas con tipo inesperado o archivo dañado ({_first_line(exc)})"
            ) from exc

    def _rows(self, sql: str, params: list, *tables: str) -> list[tuple]:
        for table in tables:
            self._ensure(table)
        with self._lock:
            return self._con.execute(sql, params).fetchall()

    # -- program list --------------------------------------------------------------------

    def programs(self) -> tuple[ProgramRow, ...]:
        """Every program once, with its latest ficha's names and executed budget."""
        if self._programs is None:
            rows = self._rows(_PROGRAMS_SQL, [], "fichas", "budget")
            programs = []
            for pid, name, ministry, service, year, price, key, years, amount, status in rows:
                name = name or pid
                key = fold(key) if key else fold(" ".join(filter(None, (name, ministry, service))))
                programs.append(
                    ProgramRow(
                        program_id=pid,
                        name=name,
                        ministry=ministry,
                        service=service,
                        years=tuple(years or ()),
                        latest_year=year,
                        executed=Value(amount, status if amount is None else None),
                        price_year=price,
                        key=key,
                        sort_name=fold(name),
                    )
                )
            programs.sort(key=lambda p: (p.sort_name, p.program_id))
            self._programs = tuple(programs)
            self._by_id = {p.program_id: p for p in programs}
        return self._programs

    def program_row(self, program_id: str) -> ProgramRow | None:
        self.programs()
        return self._by_id.get(program_id)

    def facets(self) -> Facets:
        programs = self.programs()
        return Facets(
            ministries=tuple(sorted({p.ministry for p in programs if p.ministry}, key=fold)),
            services=tuple(sorted({p.service for p in programs if p.service}, key=fold)),
            years=tuple(sorted({y for p in programs for y in p.years}, reverse=True)),
        )

    def filter(
        self,
        text: str = "",
        *,
        ministry: str | None = None,
        service: str | None = None,
        year: int | None = None,
        sort: str = SORT_NAME,
    ) -> tuple[ProgramRow, ...]:
        """Programs whose name/ministry/service hold every typed word, in any order.

        Matching is done in Python on folded text, so `%`, `_`, quotes and backslashes are
        literal and nothing the user types ever reaches SQL.
        """
        words = fold(text).split()
        result = [
            p
            for p in self.programs()
            if (ministry is None or p.ministry == ministry)
            and (service is None or p.service == service)
            and (year is None or year in p.years)
            and all(w in p.key for w in words)
        ]
        if sort == SORT_BUDGET:
            result.sort(key=lambda p: -(p.executed.value if p.executed.value is not None else -1))
        return tuple(result)

    # -- one program ------------------------------------------------------------------------

    def detail(self, program_id: str, year: int | None = None) -> ProgramDetail | None:
        """Everything the panes show for one program, from the ficha of `year` (default latest)."""
        program = self.program_row(program_id)
        if program is None:
            return None
        fichas = tuple(
            Ficha(*row[:11], row[11]) for row in self._rows(_FICHAS_SQL, [program_id], "fichas")
        )
        if not fichas:
            return None
        chosen = [f for f in fichas if f.evaluated_year == year] if year is not None else []
        ficha = chosen[0] if chosen else fichas[-1]
        fid = ficha.ficha_id
        return ProgramDetail(
            program=program,
            fichas=fichas,
            ficha=ficha,
            budget=self._budget(fid),
            subtitles=tuple(
                Subtitle(y, s, n or "", Value(a, st))
                for y, s, n, a, st in self._rows(_SUBTITLES_SQL, [fid], "subtitles")
            ),
            components=self._components(fid),
            indicators=self._indicators(fichas, ficha),
            regions=self._regions(fid),
            findings=tuple(
                Note(ficha.evaluated_year, d or "", t or "")
                for d, t in self._rows(_FINDINGS_SQL, [fid], "findings")
            ),
            warnings=tuple(
                Note(y, s or "", m or "")
                for y, s, m in self._rows(_WARNINGS_SQL, [program_id], "warnings", "fichas")
            ),
        )

    def _budget(self, fid: str) -> tuple[BudgetYear, ...]:
        amounts: dict[int, dict[str, Value]] = {}
        for year, concept, amount, status in self._rows(_BUDGET_SQL, [fid], "budget"):
            amounts.setdefault(year, {})[concept] = Value(amount, status)
        ratios: dict[int, dict[str, Value]] = {}
        for year, ratio, value, status in self._rows(_RATIOS_SQL, [fid], "ratios"):
            ratios.setdefault(year, {})[ratio] = Value(value, status)
            amounts.setdefault(year, {})
        out = []
        for year in sorted(y for y in amounts if y is not None):
            a, r = amounts[year], ratios.get(year, {})
            ejecutado = a.get("ejecutado", MISSING)
            admin = r.get("gasto_administrativo") or _share(a.get("administrativo"), ejecutado)
            out.append(
                BudgetYear(
                    year=year,
                    inicial=a.get("inicial", MISSING),
                    final=a.get("final", MISSING),
                    ejecutado=ejecutado,
                    exec_inicial=r.get("ejecucion_inicial") or _share(ejecutado, a.get("inicial")),
                    exec_final=r.get("ejecucion_final") or _share(ejecutado, a.get("final")),
                    admin_share=admin,
                )
            )
        return tuple(out)

    def _components(self, fid: str) -> tuple[Component, ...]:
        grouped: dict[str, tuple[str | None, list[ComponentYear]]] = {}
        for name, unit, year, s, ss, p, ps, c, cs in self._rows(
            _COMPONENTS_SQL, [fid], "components"
        ):
            entry = grouped.setdefault(name or "", (unit, []))
            entry[1].append(ComponentYear(year, Value(s, ss), Value(p, ps), Value(c, cs)))
        return tuple(Component(n, u, tuple(ys)) for n, (u, ys) in grouped.items())

    def _indicators(self, fichas: tuple[Ficha, ...], ficha: Ficha) -> tuple[Indicator, ...]:
        ids = [f.ficha_id for f in fichas]
        year_of = {f.ficha_id: f.evaluated_year for f in fichas}
        rows = self._rows(_INDICATORS_SQL, [ids], "indicators")
        # History across fichas: a later ficha's figure for a year replaces an earlier one's.
        history: dict[tuple[str, str], dict[int, dict]] = {}
        chosen: dict[tuple[str, str], tuple] = {}
        for fid, level, name, formula, unit, year, kind, value, status, _pos in rows:
            key = (level or "", fold(name))
            point = history.setdefault(key, {}).setdefault(year, {"ficha": year_of[fid]})
            point[kind] = Value(value, status)
            point["ficha"] = year_of[fid]
            if fid == ficha.ficha_id and key not in chosen:
                chosen[key] = (level or "", name or "", formula, unit)
        out = []
        for key, (level, name, formula, unit) in chosen.items():
            points = tuple(
                IndicatorPoint(
                    y, p.get("efectivo", MISSING), p.get("meta", MISSING), p.get("ficha")
                )
                for y, p in sorted(history[key].items())
                if y is not None and (ficha.evaluated_year is None or y <= ficha.evaluated_year)
            )
            out.append(Indicator(level, name, formula, unit, points))
        order = {"proposito": 0, "complementario": 1, "componente": 2}
        out.sort(key=lambda i: order.get(i.level, 3))
        return tuple(out)

    def _regions(self, fid: str) -> tuple[Region, ...]:
        out = []
        for region, s, sp, b, bp, ss, bs in self._rows(_REGIONS_SQL, [fid], "regions"):
            spending, beneficiaries = Value(s, ss), Value(b, bs)
            if s is not None and b:
                per = Value(s / b)
            else:
                per = Value(None, ss if s is None else (bs or "-"))
            out.append(
                Region(
                    region or "",
                    spending,
                    Value(sp, ss if sp is None else None),
                    beneficiaries,
                    Value(bp, bs if bp is None else None),
                    per,
                )
            )
        return tuple(out)


def _share(part: Value | None, whole: Value | None) -> Value:
    """part / whole in %, or the code of whichever is missing."""
    if part is None or whole is None:
        return MISSING
    if part.value is None:
        return Value(None, part.status)
    if whole.value in (None, 0):
        return Value(None, whole.status or "-")
    return Value(part.value / whole.value * 100)


def _first_line(exc: Exception) -> str:
    return str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__


# Columns named in docs/SCHEMA.md: a file without one of these is damaged. Additions may be
# absent (an older dataset) and read as null.
_CONTRACT = {
    "fichas": ("ficha_id", "program_id", "program_name", "evaluated_year"),
    "budget": ("ficha_id", "year", "concept", "amount_kclp"),
    "indicators": ("ficha_id", "level", "indicator", "year", "kind", "value"),
    "regions": ("ficha_id", "region", "spending_kclp"),
}

_PROGRAMS_SQL = """
WITH p AS (
    SELECT program_id,
           -- the latest ficha; ties broken by id so the choice is stable
           arg_max(ficha_id, struct_pack(y := coalesce(evaluated_year, 0), id := ficha_id)) AS fid,
           list(DISTINCT evaluated_year ORDER BY evaluated_year)
               FILTER (WHERE evaluated_year IS NOT NULL) AS years
    FROM fichas GROUP BY program_id
),
b AS (
    SELECT ficha_id, year, any_value(amount_kclp) AS amount, any_value(amount_status) AS status
    FROM budget WHERE concept = 'ejecutado' GROUP BY ficha_id, year
)
SELECT p.program_id, f.program_name, f.ministry, f.service, f.evaluated_year, f.price_year,
       f.search_key, p.years, b.amount, b.status
FROM p
JOIN fichas f ON f.ficha_id = p.fid
LEFT JOIN b ON b.ficha_id = p.fid AND b.year = f.evaluated_year
"""

_FICHAS_SQL = """
SELECT ficha_id, evaluated_year, price_year, program_name, ministry, service, start_year,
       description, purpose, coalesce(regions, []), executors, source_file
FROM fichas WHERE program_id = ? ORDER BY evaluated_year NULLS FIRST, ficha_id
"""
_BUDGET_SQL = (
    "SELECT year, concept, amount_kclp, amount_status FROM budget WHERE ficha_id = ? ORDER BY year"
)
_RATIOS_SQL = "SELECT year, ratio, value_pct, value_status FROM ratios WHERE ficha_id = ?"
_SUBTITLES_SQL = """
SELECT year, subtitle, subtitle_name, amount_kclp, amount_status FROM subtitles
WHERE ficha_id = ? ORDER BY year, subtitle
"""
_COMPONENTS_SQL = """
SELECT component, production_unit, year, spending_kclp, spending_status, production,
       production_status, unit_cost_kclp, unit_cost_status
FROM components WHERE ficha_id = ? ORDER BY position NULLS LAST, component, year
"""
_INDICATORS_SQL = """
SELECT i.ficha_id, level, indicator, formula, unit, year, kind, value, value_status, position
FROM indicators i WHERE list_contains(?, i.ficha_id)
ORDER BY position NULLS LAST, year
"""
_REGIONS_SQL = """
SELECT region, spending_kclp, spending_pct, beneficiaries, beneficiaries_pct,
       spending_status, beneficiaries_status
FROM regions WHERE ficha_id = ?
"""
_FINDINGS_SQL = (
    "SELECT dimension, finding FROM findings WHERE ficha_id = ? ORDER BY position NULLS LAST"
)
_WARNINGS_SQL = """
SELECT f.evaluated_year, w.section, w.message FROM warnings w
JOIN fichas f USING (ficha_id) WHERE f.program_id = ? ORDER BY f.evaluated_year, w.section
"""
