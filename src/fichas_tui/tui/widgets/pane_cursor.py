"""The detail panes' row cursor: which drawn lines show which table row (read from the render
itself), moving over those rows with the keys, and the highlight of the row under it."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from rich.segment import Segment
from textual import events
from textual.binding import Binding, BindingType
from textual.message import Message
from textual.strip import Strip

from ...render.rich_tables import row_of

if TYPE_CHECKING:  # the mixin's host: what it uses of Pane, a ScrollView
    from textual.scroll_view import ScrollView as _Host
else:
    _Host = object

ROWS = Binding.Group("Fila anterior / siguiente de las tablas (y la copia, Y copia su tabla)")
PAGES = Binding.Group("Una página arriba / abajo")
ENDS = Binding.Group("Primera / última fila")

CURSOR_BINDINGS: list[BindingType] = [
    Binding("up", "cursor(-1)", "Fila anterior", show=False, id="programa.fila_ant", group=ROWS),
    Binding("down", "cursor(1)", "Fila siguiente", show=False, id="programa.fila_sig", group=ROWS),
    Binding("pageup", "page(-1)", "Pág. arriba", show=False, id="programa.pag_arriba", group=PAGES),
    Binding("pagedown", "page(1)", "Pág. abajo", show=False, id="programa.pag_abajo", group=PAGES),
    Binding("home", "edge(-1)", "Inicio", show=False, id="programa.inicio", group=ENDS),
    Binding("end", "edge(1)", "Fin", show=False, id="programa.fin", group=ENDS),
    Binding("v", "view_source", "Ver en la ficha", show=False, id="programa.ver_fuente"),
]


class CursorMoved(Message):
    """The row under a pane's cursor changed (or the pane drew another view): its source
    line follows (widgets/source_line.py)."""

    def __init__(self, pane, at: tuple[int, int] | None) -> None:
        super().__init__()
        self.pane = pane
        self.at = at  # (table index in tables(), row), or None


class ViewSource(Message):
    """`v`: show the ficha's text at the line of the figure under the cursor."""

    def __init__(self, origin) -> None:
        super().__init__()
        self.origin = origin


@dataclass(frozen=True, slots=True)
class RowSpan:
    """The drawn lines of one table row (more than one when a text cell wraps)."""

    start: int  # first line, in the pane's content
    end: int  # one past the last line
    table: int  # index of its table in the pane view's tables()
    row: int  # index of the row in that table


def row_spans(lines: list[list[Segment]], table: int, offset: int) -> list[RowSpan]:
    """The rows of a grid drawn from line `offset` on, read from its lines (see render_rich.grid:
    every cell of a row carries the row's index), so a wrapped row is one span and the header,
    its rule and the blank lines between sections are none."""
    spans: list[RowSpan] = []
    for n, line in enumerate(lines):
        row = row_of(line)
        if row is None:
            continue
        at = offset + n
        last = spans[-1] if spans else None
        if last is not None and last.row == row and last.end == at:
            spans[-1] = RowSpan(last.start, at + 1, table, row)
        else:
            spans.append(RowSpan(at, at + 1, table, row))
    return spans


class RowCursor(_Host):
    """Pane's row cursor (a mixin: Pane holds the bindings and draws the lines). Where the pane
    has table rows, ↑/↓ move from row to row, scrolling to keep the row in view; prose longer
    than the view between two rows scrolls by line by line, so nothing is skipped unseen."""

    _spans: tuple[RowSpan, ...] = ()
    _cursor: int | None = None  # index in _spans
    _cursor_key: tuple[int, int] | None = None  # (table, row): kept across redraws

    # -- state -----------------------------------------------------------------------------

    def set_spans(self, spans: list[RowSpan]) -> None:
        """The rows of a new drawing: the cursor stays on its row, else goes to the first."""
        self._spans = tuple(spans)
        keys = [(s.table, s.row) for s in spans]
        self._cursor = keys.index(self._cursor_key) if self._cursor_key in keys else None
        if self._cursor is None and spans:
            self._cursor = 0
            self._cursor_key = keys[0]
        self.post_message(CursorMoved(self, self.cursor_row()))

    def reset_cursor(self) -> None:
        """Another program: the cursor starts at its first row."""
        self._cursor_key = None

    def cursor_row(self) -> tuple[int, int] | None:
        """(index in tables(), row) under the cursor; None when the pane has no table rows."""
        return self._cursor_key if self._cursor is not None else None

    def _move_to(self, index: int) -> None:
        old = self._spans[self._cursor] if self._cursor is not None else None
        span = self._spans[index]
        self._cursor = index
        self._cursor_key = (span.table, span.row)
        top, height = self.scroll_offset.y, self.scrollable_content_region.height
        if span.start < top:
            self.scroll_to(y=span.start, animate=False, immediate=True)
        elif span.end > top + height:
            self.scroll_to(y=span.end - height, animate=False, immediate=True)
        for s in (old, span):
            if s is not None:
                self.refresh_lines(s.start, s.end - s.start)
        if old is not span:
            self.post_message(CursorMoved(self, self._cursor_key))

    def _visible(self) -> list[int]:
        top = self.scroll_offset.y
        bottom = top + self.scrollable_content_region.height
        return [i for i, s in enumerate(self._spans) if s.end > top and s.start < bottom]

    # -- keys ------------------------------------------------------------------------------

    def action_cursor(self, delta: int) -> None:
        spans = self._spans
        top = self.scroll_offset.y
        bottom = top + self.scrollable_content_region.height  # one past the last line in view
        visible = self._visible()
        if not spans or (self._cursor is not None and self._cursor not in visible):
            # No rows, or the cursor scrolled out of view: the first row in view takes it.
            if visible:
                self._move_to(visible[0] if delta > 0 else visible[-1])
                return
            self.scroll_to(y=top + delta, animate=False, immediate=True)
            return
        index = (self._cursor if self._cursor is not None else -1) + delta
        if 0 <= index < len(spans):
            span = spans[index]
            # Near enough that scrolling to it leaves no line unseen: the cursor goes there;
            # further (long prose in between): the prose scrolls by, a line a key, until then.
            height = bottom - top
            if (span.end <= bottom + height) if delta > 0 else (span.start >= top - height):
                self._move_to(index)
                return
        self.scroll_to(y=top + delta, animate=False, immediate=True)

    def action_page(self, delta: int) -> None:
        height = self.scrollable_content_region.height
        before = self.scroll_offset.y
        place = None
        if self._cursor is not None:
            place = self._spans[self._cursor].start - before  # the cursor's line in the view
        self.scroll_to(y=before + delta * height, animate=False, immediate=True)
        visible = self._visible()
        if not visible:
            return
        if self.scroll_offset.y == before:  # at an end: to the first or last row
            self._move_to(visible[-1] if delta > 0 else visible[0])
            return
        target = self.scroll_offset.y + (place if place is not None else 0)
        self._move_to(min(visible, key=lambda i: abs(self._spans[i].start - target)))

    def action_edge(self, delta: int) -> None:
        """Home/End: the top or the bottom of the pane, the cursor on the first or last row
        in view there (prose after the last table is reached too)."""
        if delta < 0:
            self.scroll_to(y=0, animate=False, immediate=True)
        else:
            self.scroll_to(y=self.max_scroll_y, animate=False, immediate=True)
        visible = self._visible()
        if visible:
            self._move_to(visible[-1] if delta > 0 else visible[0])

    def on_click(self, event: events.Click) -> None:
        line = event.y + self.scroll_offset.y
        for i, span in enumerate(self._spans):
            if span.start <= line < span.end:
                self._move_to(i)
                return

    def tables(self) -> list:
        """The tables drawn, in order (Pane gives its view's)."""
        return []

    def action_view_source(self) -> None:
        """v: the ficha's text at the line of the figure under the cursor (the app opens it)."""
        from ...views.sources import primary

        at = self.cursor_row()
        tables = self.tables()
        found = primary(tables[at[0]], at[1]) if at is not None and at[0] < len(tables) else None
        if found is None or found[1].origin is None:
            self.notify("Esta fila no tiene fuente en la ficha.", severity="warning")
            return
        self.post_message(ViewSource(found[1].origin))

    # -- drawing ---------------------------------------------------------------------------

    def highlight(self, index: int, strip: Strip) -> Strip:
        """Line `index` as drawn, in the cursor's colours when it shows the cursor's row and
        the pane has focus (the row's whole width, over the cells' own colours)."""
        if self._cursor is None or not self.has_focus:
            return strip
        span = self._spans[self._cursor]
        if not span.start <= index < span.end:
            return strip
        style = self.get_component_rich_style("pane--cursor")
        return Strip(Segment.apply_style(strip, post_style=style), strip.cell_length)
