"""The 2025 catalog of social programs (BIPS), and matching a ficha's program to it.

A program matches a catalog entry by its name: the same text, else the same folded text (case,
accents, punctuation and spacing aside), else through the "(Ex …)" part a name carries (a ficha
named "New (Ex Old)" matches a catalog entry named "New", "Old" or "New (Ex Old)", and the
other way round). Several entries with that name are narrowed by ministry, then by service
(folded); more than one left is ambiguous, and no number is kept.
"""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from ..text import fold
from . import FOLDER

CATALOG_FILE = FOLDER / "bips-2025-programs.csv"
CATALOG_YEAR = 2025
SOURCE = "BIPS, Ministerio de Desarrollo Social y Familia: programas sociales 2025"
# "(Ex Apoyo, Monitoreo y ...)" or "(ex-Programa ...)": the program's former name.
_EX_RE = re.compile(r"\(\s*ex[\s.\-:]+([^()]*)\)", re.IGNORECASE)

EXACT, FOLDED, EX, AMBIGUOUS, UNMATCHED = "exacto", "plegado", "ex", "ambiguo", "sin match"


@dataclass(frozen=True, slots=True)
class Entry:
    id_bips: int
    program_name: str
    ministry: str
    service: str


@dataclass(frozen=True, slots=True)
class Match:
    how: str  # EXACT, FOLDED, EX, AMBIGUOUS or UNMATCHED
    entry: Entry | None = None  # the one entry (None when ambiguous or unmatched)
    candidates: tuple[Entry, ...] = ()  # ambiguous: the entries left

    @property
    def id_bips(self) -> int | None:
        return self.entry.id_bips if self.entry else None


def name_keys(name: str) -> tuple[str, ...]:
    """The folded names a program goes by: its whole name, the name without its "(Ex …)"
    part, and each former name in it."""
    keys = [fold(name)]
    former = _EX_RE.findall(name)
    if former:
        keys.append(fold(_EX_RE.sub(" ", name)))
        keys += [fold(old) for old in former]
    return tuple(dict.fromkeys(k for k in keys if k))


@dataclass
class Catalog:
    """The catalog's entries with indexes by name (exact, folded, and every name key)."""

    entries: tuple[Entry, ...]
    _exact: dict[str, list[Entry]] = field(default_factory=dict)
    _folded: dict[str, list[Entry]] = field(default_factory=dict)
    _keys: dict[str, list[Entry]] = field(default_factory=dict)

    def __post_init__(self) -> None:
        for entry in self.entries:
            self._exact.setdefault(entry.program_name, []).append(entry)
            self._folded.setdefault(fold(entry.program_name), []).append(entry)
            for key in name_keys(entry.program_name):
                self._keys.setdefault(key, []).append(entry)

    def match(self, name: str, ministry: str | None = None, service: str | None = None) -> Match:
        """The entry a program is (see the module's rules)."""
        for how, found in (
            (EXACT, self._exact.get(name, [])),
            (FOLDED, self._folded.get(fold(name), [])),
            (EX, _union(self._keys.get(k, []) for k in name_keys(name))),
        ):
            if found:
                left = _narrowed(found, ministry, service)
                if len(left) == 1:
                    return Match(how, left[0])
                return Match(AMBIGUOUS, None, tuple(left))
        return Match(UNMATCHED)


def _union(groups) -> list[Entry]:
    seen: dict[int, Entry] = {}
    for group in groups:
        for entry in group:
            seen.setdefault(entry.id_bips, entry)
    return list(seen.values())


def _narrowed(found: list[Entry], ministry: str | None, service: str | None) -> list[Entry]:
    """Entries of the program's ministry, then of its service, when that leaves any."""
    for attribute, value in (("ministry", ministry), ("service", service)):
        if len(found) > 1 and value:
            same = [e for e in found if fold(getattr(e, attribute)) == fold(value)]
            found = same or found
    return found


def read_catalog(path: Path = CATALOG_FILE) -> Catalog:
    with path.open(encoding="utf-8", newline="") as handle:
        entries = tuple(
            Entry(int(row["id_bips"]), row["program_name"], row["ministry"], row["service"])
            for row in csv.DictReader(handle)
        )
    return Catalog(entries)


@lru_cache(maxsize=1)
def catalog() -> Catalog:
    """The shipped 2025 catalog (read once)."""
    return read_catalog()


@lru_cache(maxsize=1)
def catalog_size() -> int:
    """How many programs the shipped catalog lists (the list's status line: no index built)."""
    with CATALOG_FILE.open(encoding="utf-8", newline="") as handle:
        return sum(1 for _ in csv.DictReader(handle))
