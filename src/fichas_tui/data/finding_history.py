"""Findings followed across a program's fichas: each problem a ficha finds is new, persists from
the previous ficha, or was overcome (superado) since it.

A finding is its dimension and topic with its verdict (the `verdicts` table, one row per
(topic, verdict) a finding states). Only problem verdicts are followed: a topic judged
"dentro de rango" or "sin hallazgos" has nothing to persist. Against the previous ficha of the
program in the dataset (the latest with a lower evaluated year): a problem on the same
dimension and topic there persists, else it is new; a problem there that this ficha does not
repeat is overcome. Without a previous ficha in the dataset, a finding of the 2023 template's
"HALLAZGOS NO SUPERADOS" section (kind `hallazgo`) persists by the ficha's own word; other
findings get no mark.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass

from ..text import fold

Rows = Callable[[str, list], list[tuple]]

NEW = "nuevo"
PERSISTS = "persiste"
OVERCOME = "superado"

# Verdicts that state a problem (the verdicts table's names, data/verdict_terms.py).
PROBLEMS = frozenset(
    {"subejecución", "sobreejecución", "insuficiente", "fuera de rango", "inadecuado"}
)
# The 2023 template's section of findings not overcome (findings.kind).
NOT_OVERCOME_KIND = "hallazgo"


@dataclass(frozen=True, slots=True)
class Judged:
    """One (topic, verdict) a finding states, with its sentence."""

    ficha_id: str
    position: int | None
    dimension: str
    topic: str | None
    verdict: str
    finding: str
    kind: str | None = None


@dataclass(frozen=True, slots=True)
class FindingMark:
    mark: str  # NEW, PERSISTS, OVERCOME
    dimension: str
    topic: str | None
    verdict: str
    finding: str  # the sentence: this ficha's (new, persists) or the previous one's (overcome)
    previous_year: int | None  # the ficha compared with; None: the ficha's own section says so
    position: int | None = None  # the finding's place in this ficha (None for overcome)


def _problems(judged: Iterable[Judged]) -> dict[tuple[str, str | None], Judged]:
    found: dict[tuple[str, str | None], Judged] = {}
    for j in judged:
        if j.verdict in PROBLEMS and j.topic is not None:
            found.setdefault((fold(j.dimension), j.topic), j)
    return found


def marks(
    current: list[Judged], previous: list[Judged] | None, previous_year: int | None
) -> tuple[FindingMark, ...]:
    """The marks of `current`'s problems against `previous` (None: no previous ficha)."""
    now = _problems(current)
    before = _problems(previous) if previous is not None else {}
    out = []
    for key, j in now.items():
        if previous is not None:
            mark, year = (PERSISTS if key in before else NEW), previous_year
        elif j.kind == NOT_OVERCOME_KIND:
            mark, year = PERSISTS, None
        else:
            continue
        out.append(FindingMark(mark, j.dimension, j.topic, j.verdict, j.finding, year, j.position))
    for key, j in before.items():
        if key not in now:
            out.append(
                FindingMark(OVERCOME, j.dimension, j.topic, j.verdict, j.finding, previous_year)
            )
    return tuple(out)


JUDGED_SQL = """
SELECT v.ficha_id, v.position, coalesce(v.dimension, f.dimension), v.topic, v.verdict,
       coalesce(f.finding, v.finding), f.kind
FROM verdicts v LEFT JOIN findings f ON f.ficha_id = v.ficha_id AND f.position = v.position
WHERE v.ficha_id IN ({ids}) AND v.verdict IS NOT NULL
ORDER BY v.ficha_id, v.position NULLS LAST
"""


def of_program(rows: Rows, fichas, current_id: str) -> tuple[FindingMark, ...]:
    """The marks of ficha `current_id` among a program's fichas (detail_records.Ficha, oldest
    first), read with `rows` (the `verdicts` and `findings` tables attached)."""
    current = next((f for f in fichas if f.ficha_id == current_id), None)
    if current is None:
        return ()
    earlier = [
        f
        for f in fichas
        if f.evaluated_year is not None
        and current.evaluated_year is not None
        and f.evaluated_year < current.evaluated_year
    ]
    previous = max(earlier, key=lambda f: f.evaluated_year, default=None)
    ids = [current_id] + ([previous.ficha_id] if previous else [])
    judged: dict[str, list[Judged]] = {fid: [] for fid in ids}
    sql = JUDGED_SQL.replace("{ids}", ", ".join("?" * len(ids)))
    for fid, position, dimension, topic, verdict, finding, kind in rows(sql, ids):
        judged[fid].append(
            Judged(fid, position, dimension or "", topic, verdict, finding or "", kind)
        )
    if previous is None:
        return marks(judged[current_id], None, None)
    return marks(judged[current_id], judged[previous.ficha_id], previous.evaluated_year)
