"""What the dataset says the explorer should list, read straight from the Parquet with DuckDB.

The harness does not import the app: it derives the programs table (one row per program, from its
latest ficha: name, ministry, service, years, latest executed budget) and the names a user should
see, so the benchmark keeps working while the app changes.
"""

from __future__ import annotations

import itertools
import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path

import duckdb

NAME_PREFIX = 12  # characters of a (whitespace-collapsed) name looked for on screen


def fold(text: str | None) -> str:
    """Lowercase without accents, punctuation as spaces, whitespace collapsed (how the
    explorer matches a user's query and orders its list)."""
    if not text:
        return ""
    decomposed = unicodedata.normalize("NFKD", text)
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return " ".join(re.sub(r"[^0-9a-z]+", " ", stripped.casefold()).split())


def collapse(text: str) -> str:
    return " ".join(text.split())


@dataclass(frozen=True)
class Program:
    program_id: str
    name: str
    ministry: str | None
    service: str | None
    first_year: int | None
    last_year: int | None
    budget: float | None
    key: str  # folded text the filter matches against

    @property
    def sort_key(self) -> tuple[str, str]:
        return (fold(self.name), self.program_id)


_PROGRAMS_SQL = """
WITH p AS (
    SELECT program_id,
           arg_max(ficha_id, struct_pack(y := coalesce(evaluated_year, 0), id := ficha_id)) AS fid,
           min(evaluated_year) AS first_year, max(evaluated_year) AS last_year
    FROM read_parquet($fichas) GROUP BY program_id
),
b AS (
    SELECT ficha_id, year, any_value(amount_kclp) AS amount
    FROM read_parquet($budget) WHERE concept = 'ejecutado' GROUP BY ficha_id, year
)
SELECT p.program_id, coalesce(f.program_name, p.program_id) AS name, f.ministry, f.service,
       p.first_year, p.last_year, b.amount, {key} AS search_key
FROM p
JOIN read_parquet($fichas) f ON f.ficha_id = p.fid
LEFT JOIN b ON b.ficha_id = p.fid AND b.year = f.evaluated_year
"""


def load_programs(data_dir: Path) -> list[Program]:
    """Every program once, sorted by folded name (the explorer's default order)."""
    fichas = str(Path(data_dir) / "fichas.parquet")
    budget = Path(data_dir) / "budget.parquet"
    con = duckdb.connect()
    try:
        described = con.execute("DESCRIBE SELECT * FROM read_parquet(?)", [fichas]).fetchall()
        columns = {r[0] for r in described}
        key = "f.search_key" if "search_key" in columns else "NULL"
        sql = _PROGRAMS_SQL.format(key=key)
        if not budget.exists():
            sql = sql.replace(
                "read_parquet($budget)",
                "(SELECT NULL::VARCHAR AS ficha_id, "
                "NULL::INT AS year, NULL::VARCHAR AS concept, "
                "NULL::DOUBLE AS amount_kclp WHERE false)",
            )
        params = {"fichas": fichas}
        if budget.exists():
            params["budget"] = str(budget)
        rows = con.execute(sql, params).fetchall()
    finally:
        con.close()
    programs = [
        Program(
            program_id=pid,
            name=name,
            ministry=ministry,
            service=service,
            first_year=first,
            last_year=last,
            budget=amount,
            key=fold(skey) if skey else fold(" ".join(filter(None, (name, ministry, service)))),
        )
        for pid, name, ministry, service, first, last, amount, skey in rows
    ]
    programs.sort(key=lambda p: p.sort_key)
    return programs


def export_programs(programs: list[Program], path: Path) -> Path:
    """The same programs table as a CSV (for VisiData): name, ministry, service, years, budget."""
    con = duckdb.connect()
    try:
        con.execute(
            "CREATE TABLE t (name VARCHAR, ministry VARCHAR, service VARCHAR, years VARCHAR, "
            "executed_kclp DOUBLE)"
        )
        con.executemany(
            "INSERT INTO t VALUES (?, ?, ?, ?, ?)",
            [
                (p.name, p.ministry, p.service, f"{p.first_year}-{p.last_year}", p.budget)
                for p in programs
            ],
        )
        path.parent.mkdir(parents=True, exist_ok=True)
        con.execute(f"COPY t TO '{path}' (HEADER, DELIMITER ',')")
    finally:
        con.close()
    return path


def matches(programs: list[Program], query: str) -> list[Program]:
    """Programs whose folded name/ministry/service hold every word of `query`."""
    words = fold(query).split()
    return [p for p in programs if all(w in p.key for w in words)]


def pick_queries(programs: list[Program], count: int, length: int = 6) -> list[str]:
    """Up to `count` queries of `length` letters, each the start of a word of a program name, that
    still match at least one program. Preferred: queries whose keystrokes each change the number
    of matches (so the update is visible as a new count), then different first letters."""
    total = len(programs)
    words: set[str] = set()
    for p in programs[:3000]:
        words |= {w[:length] for w in re.findall(r"[a-z]+", fold(p.name)) if len(w) >= length}
    scored = []
    for q in sorted(words):
        counts = [total] + [len(matches(programs, q[:i])) for i in range(1, length + 1)]
        if counts[-1] < 1:
            continue
        steps = sum(a > b for a, b in itertools.pairwise(counts))
        scored.append((-steps, -counts[-1], q))
    scored.sort()
    chosen: list[str] = []
    for _s, _c, q in scored:
        if all(q[0] != c[0] for c in chosen):
            chosen.append(q)
        if len(chosen) == count:
            break
    return chosen


class NameFinder:
    """Finds which dataset program names are visible in some screen text (by a name prefix)."""

    def __init__(self, programs: list[Program], prefix: int = NAME_PREFIX) -> None:
        self.by_prefix: dict[str, set[str]] = {}
        for p in programs:
            text = collapse(p.name)[:prefix]
            self.by_prefix.setdefault(text, set()).add(p.program_id)
        self.lengths = sorted({len(k) for k in self.by_prefix})

    def visible(self, rows: list[str]) -> set[str]:
        """Prefixes of names seen at a word start on any row."""
        found: set[str] = set()
        for row in rows:
            line = collapse(row)
            for n in self.lengths:
                for i in range(0, max(0, len(line) - n + 1)):
                    if i and line[i - 1].isalnum():
                        continue
                    piece = line[i : i + n]
                    if piece in self.by_prefix:
                        found.add(piece)
        return found


def prefix_of(name: str, prefix: int = NAME_PREFIX) -> str:
    return collapse(name)[:prefix]


__all__ = [
    "NameFinder",
    "Program",
    "export_programs",
    "fold",
    "load_programs",
    "matches",
    "pick_queries",
    "prefix_of",
]
