"""The detail panes' base: a scrollable pane that draws one PaneView (views/) with the shared
Rich renderer, tables at their own width (scrolling sideways) and prose at the pane's, with a
cursor on the tables' rows (pane_cursor.py)."""

from __future__ import annotations

from typing import ClassVar

from rich.console import Group, RenderableType
from rich.segment import Segment
from rich.style import Style as RichStyle
from rich.text import Text
from textual import events
from textual.binding import BindingType
from textual.geometry import Size
from textual.scroll_view import ScrollView
from textual.strip import Strip
from textual.style import Style as VisualStyle
from textual.visual import Visual, visualize

from ..data.diagnosis import ingest_command, missing_message
from ..data.queries import ProgramDetail
from ..render_rich import TableBlock, blocks
from ..text import clean
from ..views.model import PaneView
from ..views.panes import PANE_TABLES, pane
from ..views.program import pane_view
from .pane_cursor import CURSOR_BINDINGS, RowCursor, RowSpan, row_spans


class Pane(RowCursor, ScrollView, can_focus=True):
    """A focusable, scrollable pane that renders one ProgramDetail.

    Line API: the pane's renderable is drawn to strips once per program (and per width), and
    only when the pane is on screen; a new program never changes the pane's size, so showing
    one costs no layout pass.
    """

    DEFAULT_CSS = """
    Pane {
        overflow-x: auto;
        overflow-y: auto;
    }
    Pane > .pane--cursor {
        background: $block-cursor-background;
        color: $block-cursor-foreground;
        text-style: bold;
    }
    """
    BINDINGS: ClassVar[list[BindingType]] = CURSOR_BINDINGS
    COMPONENT_CLASSES: ClassVar[set[str]] = {"pane--cursor"}
    DEFAULT_CLASSES = "pane"
    pesos = None  # panes with amounts: the basis they are shown in (see BrowserScreen.set_pesos)
    NAME = ""  # the pane's key in views.panes.PANES

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.detail: ProgramDetail | None = None
        self._notice: Text | None = None
        self._notice_only = False
        self._problem: RenderableType | None = None
        self._parts: list[RenderableType] = []
        self.view: PaneView | None = None  # what the pane shows (for export and copy)
        self._stale = False  # the renderable must be built again from the data
        self._strips: list[Strip] = []
        self._drawn_width = -1  # width the strips were drawn at (-1: to draw)
        self._drawn_style: VisualStyle | None = None

    def show(self, detail: ProgramDetail, missing: tuple[str, ...] = (), folder=None) -> None:
        """Take a program; it is drawn when the pane is (or next becomes) visible."""
        before = self.detail
        self.detail = detail
        if before is None or before.program.program_id != detail.program.program_id:
            self.reset_cursor()
        if (
            before is not None
            and self._problem is None
            and before.ficha is detail.ficha  # the same read, with other panes' tables added
            and self.ready(before)
        ):
            return
        self._problem = None
        spec = pane(self.NAME)
        absent = [t for t in spec.required if t in missing]
        damaged = [(t, why) for t, why in detail.unreadable if t in spec.tables]
        self._notice = None
        # Every table of the pane missing: only the notice ("no indicators" would be untrue).
        self._notice_only = bool(absent) and len(absent) == len(spec.required)
        if absent and folder is not None:
            self._notice = Text(missing_message(folder, absent), style="bold yellow")
        if damaged:
            self._notice_only = True
            self._notice = damaged_message(damaged, folder)
        self.refresh_body()

    def show_problem(self, heading: str, text: str) -> None:
        self.detail = None
        self._notice = None
        heading_text = Text(clean(heading), style="bold yellow")
        self._problem = Group(heading_text, Text(), Text(clean(text)))
        self.refresh_body()

    def refresh_body(self) -> None:
        """The data or a setting changed: build and draw again (now if visible, else later)."""
        self._stale = True
        self._drawn_width = -1
        if self.is_on_screen and self.size.width:
            self._draw()

    def ready(self, detail: ProgramDetail) -> bool:
        """Whether `detail` holds the tables this pane shows (they may be read per pane)."""
        return detail.has(PANE_TABLES.get(self.NAME, ()))

    def _build(self) -> list[RenderableType]:
        self.view = None
        if self._problem is not None:
            return [self._problem]
        if self.detail is None or not self.ready(self.detail):
            return []  # blank until its tables are read
        if self._notice_only:
            return [self._notice]
        self.view = self.build(self.detail)
        parts = blocks(self.view, fit=False)
        return parts if self._notice is None else [self._notice, Text(), *parts]

    def _draw(self) -> None:
        if self._stale:
            self._parts = self._build()
            self._stale = False
        width, height = self.size
        bar = self.styles.scrollbar_size_vertical
        # Drawn once at the width the scrollbar leaves (guessed from the program before, the
        # same pane's content is usually as long), again only when the guess was wrong.
        scrolls = self.show_vertical_scrollbar and bar > 0
        strips, spans = self._lines(width - bar if scrolls else width)
        if scrolls and len(strips) <= height:
            strips, spans = self._lines(width)
        elif not scrolls and bar and len(strips) > height:
            strips, spans = self._lines(width - bar)
        self._strips = strips
        self.set_spans(spans)
        self._drawn_width = width
        size = Size(max((s.cell_length for s in strips), default=width), len(strips))
        if size != self.virtual_size:
            # Not the reactive's setter: it asks for a layout of the whole screen, and the
            # pane's own size does not change; only its scrollbar needs to know.
            self.set_reactive(Pane.virtual_size, size)
            self._scroll_update(size)
        self.refresh()

    def _lines(self, width: int) -> tuple[list[Strip], list[RowSpan]]:
        """Every part drawn: prose at `width`, a table at the width it needs to keep every
        column whole (wider than the pane: it scrolls sideways); lines padded to the widest.
        Also where each table row was drawn (for the cursor)."""
        if not self._parts or width <= 0:
            return [], []
        # Drawn as a Static draws its content (same colours, same base style).
        style = self._drawn_style = self.visual_style
        base = style.rich_style
        console = self.app.console
        options = self.app.console_options.update(highlight=False, width=width, height=None)
        tables = {id(t): i for i, t in enumerate(self.tables())}
        strips: list[Strip] = []
        spans: list[RowSpan] = []
        for part in self._parts:
            if isinstance(part, TableBlock):
                # Drawn once (its natural width measured on the lines shown), styled as
                # Visual.to_strips would (the base style under each segment's own).
                lines = part.lines(console, options, width)
                spans += row_spans(lines, tables[id(part.table)], len(strips))
                strips += [Strip(line).apply_style(base) for line in lines]
            else:
                strips += Visual.to_strips(self, visualize(self, part), width, None, style)
        widest = max(s.cell_length for s in strips)
        if widest > width:
            pad = Segment(" ", base)
            strips = [s if s.cell_length == widest else _padded(s, widest, pad) for s in strips]
        return strips, spans

    def on_resize(self, event: events.Resize) -> None:
        if self._stale or self._drawn_width != event.size.width:
            self._draw()

    def on_show(self) -> None:
        if self._stale or self._drawn_width != self.size.width:
            self._draw()

    def content_lines(self) -> list[Strip]:
        """Every line of the pane (not only those scrolled into view), as drawn."""
        if self._stale or self._drawn_width < 0:
            self._draw()
        return self._strips

    def render_line(self, y: int) -> Strip:
        if self._drawn_style != self.visual_style and self._strips:
            # Focus changed the pane's tint: the same lines in the new colours (the tables'
            # lines are kept, only restyled).
            self._strips, spans = self._lines(self.scrollable_content_region.width)
            self.set_spans(spans)
        index = y + self.scroll_offset.y
        width = self.scrollable_content_region.width
        if index >= len(self._strips):  # below the content: the background only
            return Strip.blank(
                width, RichStyle.from_color(bgcolor=self.background_colors[1].rich_color)
            )
        x = self.scroll_offset.x
        strip = self._strips[index].crop(x, x + width).extend_cell_length(width)
        return self.highlight(index, strip)

    def options(self) -> dict:
        """The pane's settings its view is built with (an order, formulas shown)."""
        return {}

    def build(self, detail: ProgramDetail) -> PaneView:
        return pane_view(self.NAME, detail, **self.options())

    def tables(self):
        """The tables on screen (for export and copy)."""
        return self.view.tables() if self.view is not None else []


def _padded(strip: Strip, width: int, pad: Segment) -> Strip:
    return Strip([*strip, Segment(" " * (width - strip.cell_length), pad.style)], width)


def damaged_message(damaged: list[tuple[str, str]], folder) -> Text:
    names = ", ".join(f"{t}.parquet" for t, _why in damaged)
    text = Text(f"No se pudo leer {names}.", style="bold yellow")
    for _table, why in damaged:
        text.append(f"\n\n{clean(why)}")
    command = ingest_command(folder) if folder is not None else "fichas ingest"
    text.append(
        "\n\nLas demás pestañas sí se muestran. Si el dataset se está actualizando, pulse "
        f"Ctrl+R para recargarlo. Si el problema sigue, vuelva a generarlo con: {command}"
    )
    return text
