"""Lines with as few segments as they need: every segment costs its escape codes in each frame."""

from __future__ import annotations

from rich.segment import Segment
from rich.style import Style
from textual.strip import Strip

from ..compat import meta_bytes

# Attributes that show on a blank cell too: a run of spaces with one of them keeps its style.
_SHOWN_ON_BLANK = (
    "reverse",
    "underline",
    "underline2",
    "strike",
    "overline",
    "frame",
    "encircle",
    "conceal",
    "blink",
    "blink2",
)
_looks: dict[Style, tuple | None] = {}


def _blank_look(style: Style | None) -> tuple | None:
    """What spaces drawn in `style` look like (None: more than their background)."""
    if style is None:
        return (None, None)
    try:
        return _looks[style]
    except KeyError:  # a style not seen yet
        pass
    shown = any(getattr(style, name) for name in _SHOWN_ON_BLANK)
    look = None if shown else (style.bgcolor, style.link)
    if len(_looks) < 4096:  # a few dozen styles in practice
        _looks[style] = look
    return look


def compact(strip: Strip) -> Strip:
    """The same cells in fewer segments: neighbours in one style are joined, and so are
    spaces with a neighbour on which they look the same (bold, italic and the text colour do
    not show on a space; the background does). Joined spaces take the neighbour's style and
    its meta (a table's row number), so a click on a gap between cells finds the row too.

    Drawn tables put every cell and every gap in its own segment, and Textual writes each
    segment with its full escape codes: a pane's frame was ~80 % escape codes.
    """
    out: list[Segment] = []
    append = out.append
    for segment in strip:
        text, style, control = segment
        if not out or control or out[-1].control:
            append(segment)
            continue
        last_text, last_style, _ = out[-1]
        if style == last_style:
            out[-1] = Segment(last_text + text, last_style)
            continue
        blank, last_blank = not text.strip(" "), not last_text.strip(" ")
        look = _blank_look(style) if blank or last_blank else None
        if look is not None and look == _blank_look(last_style):
            meta, last_meta = meta_bytes(style), meta_bytes(last_style)
            # the blank one takes the other's style (both blank: the one with a meta)
            if blank and (meta is None or meta == last_meta):
                out[-1] = Segment(last_text + text, last_style)
                continue
            if last_blank and (last_meta is None or meta == last_meta):
                out[-1] = Segment(last_text + text, style)
                continue
        append(segment)
    if len(out) == len(strip):
        return strip
    return Strip(out, strip.cell_length)
