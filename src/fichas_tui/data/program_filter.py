"""The program list's filter: typed words, ministry, service, year and facets, in memory.

At 200,000 programs a keystroke must answer in well under 100 ms (benchmarks/README.md, "Scale
margin"). Each word is looked for with
one `in` per key over a plain list of strings (no per-program attribute access, no generator
per program), and a query that only extends the previous one (`resid` -> `reside`,
`residencia` -> `residencia f`) is looked for among the previous matches only.
"""

from __future__ import annotations

import threading
from collections.abc import Sequence

from ..text import fold
from .list_columns import Programs
from .list_records import ProgramRow


class KeyIndex:
    """Positions of the keys holding every word; remembers the last answer to narrow from."""

    def __init__(self, keys: Sequence[str]) -> None:
        self._keys = list(keys)
        self._lock = threading.Lock()
        self._last: tuple[tuple[str, ...], list[int]] | None = None

    def __len__(self) -> int:
        return len(self._keys)

    def matching(self, words: Sequence[str]) -> list[int] | None:
        """Positions (ascending) of the keys that contain every word; None: every key."""
        wanted = tuple(sorted(set(words), key=len, reverse=True))  # rarest (longest) first
        if not wanted:
            return None
        with self._lock:
            last = self._last
        if last is not None and last[0] == wanted:
            return last[1]
        keys = self._keys
        if last is not None and _narrows(last[0], wanted):
            # every key holding the new words holds the old ones: only the old matches qualify
            found = last[1]
            rest = wanted
        else:
            found = [i for i, key in enumerate(keys) if wanted[0] in key]
            rest = wanted[1:]
        for word in rest:
            found = [i for i in found if word in keys[i]]
        with self._lock:
            self._last = (wanted, found)
        return found


def _narrows(old: tuple[str, ...], new: tuple[str, ...]) -> bool:
    """Whether every key containing all of `new` also contains all of `old`."""
    return all(any(o in n for n in new) for o in old)


def narrowed(
    programs: Programs,
    index: KeyIndex,
    text: str = "",
    *,
    ministry: str | None = None,
    service: str | None = None,
    year: int | None = None,
    by_budget: bool = False,
    ids: frozenset[str] | None = None,
) -> Programs:
    """The programs whose name/ministry/service hold every typed word of `text` (Store.filter),
    with that ministry, service and year, among `ids`; by executed amount with `by_budget`."""
    words = fold(text).split()
    literal = text.strip().casefold() if not words else ""
    found = index.matching(words)
    if found is not None and len(found) < len(programs):
        programs = Programs(programs.table, found)
    columns = programs.table.columns
    tests = []
    if ministry is not None:
        tests.append(_coded_test(columns["ministry"], lambda v: v == ministry))
    if service is not None:
        tests.append(_coded_test(columns["service"], lambda v: v == service))
    if year is not None:
        tests.append(_coded_test(columns["years"], lambda v: year in v))
    if literal:
        table = programs.table
        tests.append(lambda i: literal in _raw_key(table.row(i)))
    if ids is not None:  # by position: the table knows where each program is
        table = programs.table
        allowed = {table.position(pid) for pid in ids} - {None}
        tests.append(allowed.__contains__)
    if tests:
        programs = programs.where(lambda i: all(test(i) for test in tests))
    if by_budget:
        amounts = columns["executed_kclp"]
        rank = [-(amounts[i] if amounts[i] is not None else -1) for i in range(len(amounts))]
        programs = programs.ranked(rank)
    return programs


def _coded_test(column, wanted):
    """A test of a position: whether its value (a coded column's) is one `wanted` accepts; each
    distinct value is asked once."""
    codes = column.codes
    accepted = {code for code, value in enumerate(column.values) if wanted(value)}
    return lambda i: codes[i] in accepted


def _raw_key(p: ProgramRow) -> str:
    """Name, ministry and service as written (casefolded): what a query of punctuation alone
    (`%`, `[/]`), which folds to nothing, is looked for in."""
    return " ".join(filter(None, (p.name, p.ministry, p.service))).casefold()
