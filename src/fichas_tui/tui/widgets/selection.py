"""Mouse text selection on the line-API widgets (panes, program list): the offsets Textual reads
to know which character is under the pointer, the selection drawn, and the text it copies."""

from __future__ import annotations

from collections.abc import Callable

from rich.cells import cell_len
from rich.segment import Segment
from rich.style import Style
from textual.selection import Selection
from textual.strip import Strip
from textual.widget import Widget


def under_mouse(widget: Widget) -> bool:
    """Whether a mouse selection may start or run in `widget`: its lines then carry their
    offsets. Only then: an offset in every segment costs a style per segment per line drawn,
    and keeps Rich from joining same-coloured neighbours (the snapshots' SVG)."""
    return widget.text_selection is not None or widget.app.mouse_over is widget


def selectable(
    strip: Strip, line: int, x: int, text: str, selection: Selection | None, style: Style | None
) -> Strip:
    """Line `line` of a widget's content, `strip` cut from column `x` of it (whose text is
    `text`): the selected part drawn in `style`, and every cell tagged with its place in the
    content (Strip.apply_offsets): Textual reads the cell under the pointer from the line
    (Compositor.get_widget_and_offset_at calls render_line) to turn a drag into a Selection."""
    if (
        selection is not None
        and style is not None
        and (span := selection.get_span(line)) is not None
    ):
        start, end = span
        if end == -1:
            end = len(text)
        first, last = cell_len(text[:start]) - x, cell_len(text[:end]) - x
        first, last = max(0, first), min(strip.cell_length, last)
        if first < last:
            before, chosen, after = strip.divide([first, last, strip.cell_length])
            chosen = Strip(Segment.apply_style(chosen, post_style=style), last - first)
            strip = Strip.join([before, chosen, after])
    return strip.apply_offsets(x, line)


def selected_text(selection: Selection, line_count: int, line: Callable[[int], str]) -> str:
    """The text `selection` covers in a content of `line_count` lines, `line(n)` giving the
    text of line n (only the lines selected are asked for: a list of 200,000 rows makes none
    of the others)."""
    if line_count <= 0:
        return ""
    first = selection.start.y if selection.start is not None else 0
    last = selection.end.y if selection.end is not None else line_count - 1
    last = min(last, line_count - 1)
    lines = ["" if n < first else line(n).rstrip() for n in range(last + 1)]
    return selection.extract("\n".join(lines))
