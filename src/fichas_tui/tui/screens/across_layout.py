"""Región and Ranking's parts that need no widget: the table at any width (which columns keep
their room, how wide names are), the status line, and the region the screen opens on.

The program name, the measure and its basis must stay in view from 60 columns up (the other
columns scroll sideways when they do not fit); names are cut with "…", never silently, and
use the room there is on wide screens.
"""

from __future__ import annotations

from rich.text import Text

from ...data.queries import Store
from ...geography import CANONICAL_REGIONS, NIVEL_CENTRAL
from ...text import clean
from ...views.across import AcrossView
from ...views.figures import number
from ...views.region_programs import largest_region

REGIONS = (*CANONICAL_REGIONS, NIVEL_CENTRAL)

NAME_MIN = 14  # a name narrower than this says nothing
NAME_CAP = 36  # when the other columns do not all fit, names stop here so the figures show
PADDING = 2  # DataTable's cell padding, per column
SCROLLBAR = 2
# Columns that stay in view beside the name: position, year, the measure and its basis.
KEY_COLUMNS = ("rank", "year", "value", "basis")
NARROW = 100  # below this width, headers of several words take two lines


def name_width(width: int, natural: int, others: dict[str, int]) -> int:
    """The name column's width on a screen `width` wide: the longest name when everything
    fits; else the room left by every other column; else (they cannot all fit) the room left
    by the key columns, capped, so the measure and its basis stay in view."""
    room = width - SCROLLBAR - sum(w + PADDING for w in others.values()) - PADDING
    if room >= min(natural, NAME_CAP):
        return max(1, min(natural, room))
    key = sum(w + PADDING for k, w in others.items() if k in KEY_COLUMNS)
    room = width - SCROLLBAR - key - PADDING
    return max(min(NAME_MIN, natural), min(natural, room, NAME_CAP))


def fit(text: Text, width: int) -> Text:
    """`text` cut to `width` cells, with "…" when it is cut."""
    if text.cell_len <= width:
        return text
    cut = text.copy()
    cut.truncate(width, overflow="ellipsis")
    return cut


def split_header(title: str, narrow: bool) -> str:
    """A header on two lines when the screen is narrow ('Gasto en la\\nregión'): the split
    nearest the middle, so the column is as narrow as its longer half."""
    words = title.split()
    if not narrow or len(words) < 2:
        return title
    best = min(
        range(1, len(words)),
        key=lambda i: max(len(" ".join(words[:i])), len(" ".join(words[i:]))),
    )
    return " ".join(words[:best]) + "\n" + " ".join(words[best:])


def header_width(title: str) -> int:
    return max((Text(line).cell_len for line in title.split("\n")), default=0)


def opening_region(store: Store, program: tuple[str, int | None] | None) -> str:
    """Where Región opens: the open program's largest region by spending (its ficha's
    breakdown), else the first from the north."""
    if program is not None:
        detail = store.detail(program[0], program[1], partial=True, tables=("regions",))
        if detail is not None:
            region = largest_region(detail.regions)
            if region is not None:
                return region
    return REGIONS[0]


def status_text(view: AcrossView, index: list[int | None], row: int, max_rows: int) -> str:
    """'3 programas · 1 sin convertir · 0 sin dato · Nombre: posición 1 de 2': the counts,
    then the row under the cursor (`index`: table row -> view row, None on a heading)."""
    counts = view.counts
    parts = [f"{number(counts.get('programs', 0))} programas"]
    if counts.get("unconverted"):
        parts.append(f"{number(counts['unconverted'])} sin convertir")
    elif counts.get("other_basis"):
        parts.append(f"{number(counts['other_basis'])} en otra base")
    parts.append(f"{number(counts.get('missing', 0))} sin dato")
    if view.size > max_rows:
        parts.append(f"se muestran {number(max_rows)} de {number(view.size)}")
    at = index[row] if 0 <= row < len(index) else None
    if 0 <= row < len(index) and at is None:  # a heading: its section's title
        parts.append(next(s.title for s in view.sections if index[row + 1] == s.start))
    elif at is not None:
        record = view._row(at)[1]
        if record["rank"] is not None:
            shown = range(min(view.size, max_rows))
            ranked = sum(1 for i in shown if view._row(i)[1]["rank"] is not None)
            where = f"posición {record['rank']} de {ranked}"
        elif record.get("group_rank") is not None:
            section = next(s for s in view.sections if s.start <= at < s.start + s.size)
            where = f"{record['group_rank']} de {section.size} aparte, {section.label}"
        else:
            where = "sin posición"
        parts.append(f"{clean(record['program_name'])}: {where}")
    return " · ".join(parts)
