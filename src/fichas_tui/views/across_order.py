"""The order of a ranking across programs: figures in one basis ranked, every other basis
ranked apart in a section of its own with a heading, missing values last (never as 0)."""

from __future__ import annotations

from dataclasses import dataclass, replace

from ..text import fold


def name_key(row) -> tuple[str, str]:
    return (fold(row.program_name), row.program_id)


UNCONVERTED = "sin_convertir"  # converting: no factor for the figure's year
OTHER_BASIS = "otra_base"  # each ficha's pesos: pesos other than the ranking's
MISSING = "sin_dato"


@dataclass(frozen=True, slots=True)
class Section:
    """Rows listed apart from the ranking, under their own heading: figures in one other
    basis (ranked among themselves), or without a value."""

    start: int  # index of its first row in the view
    size: int
    kind: str  # UNCONVERTED, OTHER_BASIS or MISSING
    year: int | None = None  # the year of the section's pesos

    @property
    def title(self) -> str:
        if self.kind == MISSING:
            return f"Sin dato ({self.size}): no cuentan como 0"
        pesos = f"pesos de {self.year}" if self.year else "pesos sin año"
        if self.kind == UNCONVERTED:
            return f"Sin convertir ({self.size}): sin factor para {pesos}; cifras como en la ficha"
        return f"En {pesos} ({self.size}): otra base, ordenados aparte"

    @property
    def label(self) -> str:
        """The heading short enough for a table row: 'sin convertir (2019)', the year of
        the section's pesos."""
        if self.kind == MISSING:
            return "sin dato"
        kind = "sin convertir" if self.kind == UNCONVERTED else "otra base"
        return f"{kind} ({self.year or 'sin año'})"


def order(
    entries: list[tuple], *, amount: bool, descending: bool = True, target: int | None = None
):
    """(ordered (row, value, peso year) entries, rank of each, main peso year, sections).

    Figures come first, best first; for amounts only those in the main pesos (the newest, or
    `target`'s when converting) are ranked, and figures in other pesos follow, one section
    per pesos (newest first), each ranked among its own, never with the others. Missing
    values come last, in a section of their own. Equal values share a rank (1, 2, 2, 4) and
    are listed by name, so the order never depends on reading order. A row apart from the
    ranking has rank None; its place in its section is in `places`.
    """
    sign = -1 if descending else 1
    keyed, missing = [], []
    for entry in entries:
        r, value, group = entry
        if value is None:
            missing.append((name_key(r), entry))
        else:
            keyed.append((group if amount else 0, sign * round(value, 6), name_key(r), entry))
    main_year = target  # converting: the target's pesos, whatever else the rows are in
    if amount and keyed and target is None:
        main_year = max((k[0] for k in keyed if k[0] is not None), default=None)
    main = main_year if amount else 0
    converting = target is not None
    # main pesos first, then other pesos newest first (nominal without a year last)
    keyed.sort(key=lambda k: (k[0] != main, -(k[0] or 0), k[1], k[2]))
    out: list[tuple] = []
    ranks: list[int | None] = []
    places: list[int | None] = []
    sections: list[Section] = []
    group_of: object = object()
    previous, rank, first = None, 0, 0
    for n, (group, value, _, entry) in enumerate(keyed):
        if group != group_of:
            group_of, previous, rank, first = group, None, 0, n
            if group != main:
                kind = UNCONVERTED if converting else OTHER_BASIS
                sections.append(Section(n, 0, kind, group))
        if value != previous:
            rank, previous = n - first + 1, value
        if group != main:
            sections[-1] = replace(sections[-1], size=sections[-1].size + 1)
        out.append(entry)
        ranks.append(rank if group == main else None)  # other pesos: ranked apart
        places.append(rank)
    missing.sort(key=lambda k: k[0])
    if missing:
        sections.append(Section(len(out), len(missing), MISSING))
    out += [entry for _, entry in missing]
    ranks += [None] * len(missing)
    places += [None] * len(missing)
    return out, ranks, main_year, tuple(sections), places


def clip(sections: tuple[Section, ...], size: int) -> tuple[Section, ...]:
    """The sections of the first `size` rows (a ranking cut with --limit)."""
    kept = []
    for s in sections:
        if s.start < size:
            n = min(s.size, size - s.start)
            kept.append(replace(s, size=n))
    return tuple(kept)


def section_of(sections: tuple[Section, ...], size: int) -> list[str | None]:
    """Each row's section kind (None: ranked)."""
    kinds: list[str | None] = [None] * size
    for s in sections:
        kinds[s.start : s.start + s.size] = [s.kind] * min(s.size, size - s.start)
    return kinds


def count_other(sections: tuple[Section, ...]) -> int:
    """Figures listed apart from the ranking: those in other pesos than the main group's."""
    return sum(s.size for s in sections if s.kind != MISSING)
