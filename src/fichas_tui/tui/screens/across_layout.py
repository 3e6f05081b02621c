"""Región and Ranking's table at any width: which columns keep their room, how wide names are.

The program name, the measure and its basis must stay in view from 60 columns up (the other
columns scroll sideways when they do not fit); names are cut with "…", never silently, and
use the room there is on wide screens.
"""

from __future__ import annotations

from rich.text import Text

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
