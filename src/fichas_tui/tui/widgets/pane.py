"""The detail panes' base: a scrollable pane that draws one PaneView (views/) with the shared
Rich renderer, tables at their own width (scrolling sideways) and prose at the pane's, with a
cursor on the tables' rows (pane_cursor.py)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import ClassVar

from rich.console import Group, RenderableType
from rich.segment import Segment
from rich.style import Style as RichStyle
from rich.text import Text
from textual import events
from textual.binding import BindingType
from textual.geometry import Size
from textual.scroll_view import ScrollView
from textual.selection import Selection
from textual.strip import Strip
from textual.style import Style as VisualStyle
from textual.visual import Visual, visualize

from ...data.detail_records import ProgramDetail
from ...render.rich_tables import Styles, TableBlock
from ...text import clean
from ...views.model import PaneView
from ...views.pesos import Pesos
from ...views.program import pane_view
from ..compat import set_virtual_size
from ..theme_styles import render_styles
from .pane_cursor import CURSOR_BINDINGS, RowCursor, RowSpan, row_spans
from .pane_sketch import Look, RichPart, Sketch, content, notice_for, ready, sketch
from .selection import selectable, selected_text, under_mouse
from .strip_compact import compact

# Drawings kept per pane: programs moved back to, and the next one drawn ahead (prepare).
KEPT = 8


@dataclass(frozen=True, slots=True)
class Drawing:
    """A pane's content drawn: what it shows, its lines and where its table rows are."""

    key: tuple | None  # what it was drawn from (see Pane._key); None: not kept
    view: PaneView | None
    parts: list[RenderableType]
    strips: list[Strip]
    spans: list[RowSpan]


class Pane(RowCursor, ScrollView, can_focus=True):
    """A focusable, scrollable pane that renders one ProgramDetail.

    Line API: the pane's renderable is drawn to strips once per program (and per width), and
    only when the pane is on screen; a new program never changes the pane's size, so showing
    one costs no layout pass. The last drawings are kept, and the program read ahead can be
    drawn before it is shown (prepare).
    """

    DEFAULT_CSS = """
    Pane {
        height: 1fr;
        overflow-x: auto;
        /* Always shown: a scrollbar that comes and goes with the program's length costs a
           layout of the whole screen on one switch in five (benchmarks/README.md, "Earlier
           this round": Program switch). */
        overflow-y: scroll;
        scrollbar-size-vertical: 1;
    }
    Pane:focus {
        background-tint: $foreground 3%;
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
    # panes with amounts: the basis they are shown in (see BrowserScreen.set_pesos)
    pesos: Pesos | None = None
    NAME = ""  # the pane's key in views.panes.PANES

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.detail: ProgramDetail | None = None
        self._missing: tuple[str, ...] = ()  # contract tables absent (the pane's notice)
        self._folder: Path | None = None
        self._problem: tuple[str, str] | None = None  # (heading, text) in place of a program
        self._parts: list[RenderableType] = []
        self.view: PaneView | None = None  # what the pane shows (for export and copy)
        self._stale = False  # the renderable must be built again from the data
        self._strips: list[Strip] = []
        self._drawn_width = -1  # width the strips were drawn at (-1: to draw)
        self._drawn_style: VisualStyle | None = None
        self._kept: list[Drawing] = []  # the last drawings, the newest last

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
        self._missing, self._folder = missing, folder
        self.refresh_body()

    def prepare(self, detail: ProgramDetail, missing: tuple[str, ...] = (), folder=None) -> None:
        """Draw a program before it is shown (the one read ahead, when no sketch of it came
        from the worker), if the pane is on screen: showing it then takes the lines drawn."""
        look = self.look()
        made = sketch(look, detail, missing, folder) if look is not None else None
        if made is not None:
            self.keep_sketch(made)

    def look(self) -> Look | None:
        """What the pane draws with now (read here, on the main thread), for a sketch made
        in a worker; None when the pane is not on screen."""
        if not (self.is_on_screen and self.size.width):
            return None
        width = self._text_width()
        options = self.app.console_options.update(highlight=False, width=width, height=None)
        return Look(self.NAME, self.options(), width, self.app.console, options, self._styles())

    def keep_sketch(self, made: Sketch) -> None:
        """Keep the drawing of a sketch made ahead: its tables are drawn, only the strips are
        made here; dropped when the pane changed since (width, settings, colours)."""
        look = self.look()
        if look is None or (look.width, look.options, look.styles) != (
            made.look.width,
            made.look.options,
            made.look.styles,
        ):
            return
        key = self._key(made.detail, made.notice, made.only)
        if self._find(key) is None:
            strips, spans = self._fit(made.parts, made.view)
            self._keep(Drawing(key, made.view, made.parts, strips, spans))

    def show_problem(self, heading: str, text: str) -> None:
        self.detail = None
        self._problem = (heading, text)  # styled when drawn: in the theme then in force
        self.refresh_body()

    def refresh_body(self) -> None:
        """The data or a setting changed: build and draw again (now if visible, else later)."""
        self._stale = True
        self._drawn_width = -1
        if self.is_on_screen and self.size.width:
            self._draw()

    def ready(self, detail: ProgramDetail) -> bool:
        """Whether `detail` holds the tables this pane shows (they may be read per pane)."""
        return ready(self.NAME, detail)

    def _styles(self) -> Styles:
        """The theme's colours for the shared renderer (its notices: the pane's warnings)."""
        return render_styles(self.app)

    def _text_width(self) -> int:
        # the width the vertical scrollbar leaves: it is always there (see DEFAULT_CSS)
        return self.size.width - self.styles.scrollbar_size_vertical

    # -- drawing -----------------------------------------------------------------------------

    def _key(self, detail: ProgramDetail, notice: Text | None, only: bool) -> tuple:
        """Everything a drawing depends on: the ficha and what was read of it, the pane's
        settings, its notice, its width and colours (compared with ==, never hashed)."""
        return (
            detail.program.program_id,
            detail.ficha.ficha_id,
            detail.unreadable,
            detail.truncated,
            self.options(),
            None if notice is None else notice.plain,
            only,
            self.size.width,
            self.visual_style,
            self._styles(),
        )

    def _find(self, key: tuple | None) -> Drawing | None:
        for drawing in reversed(self._kept):
            if drawing.key == key:
                return drawing
        return None

    def _keep(self, drawing: Drawing) -> None:
        self._kept = [*self._kept[1 - KEPT :], drawing]

    def _make_drawing(
        self, key: tuple | None, detail: ProgramDetail | None, notice: Text | None, only: bool
    ) -> Drawing:
        view = None
        if self._problem is not None and detail is self.detail:
            heading, text = self._problem
            heading_text = Text(clean(heading), style=self._styles().notice)
            parts: list[RenderableType] = [Group(heading_text, Text(), Text(clean(text)))]
        elif detail is None or not self.ready(detail):
            parts = []  # blank until its tables are read
        else:
            view = None if only and notice is not None else self.build(detail)
            parts = content(view, notice, only, self._styles())
        strips, spans = self._fit(parts, view)
        return Drawing(key, view, parts, strips, spans)

    def _fit(self, parts, view) -> tuple[list[Strip], list[RowSpan]]:
        return self._lines(parts, view, self._text_width())

    def _draw(self, refresh: bool = True) -> None:
        detail = self.detail
        key = None
        notice, only = None, False
        if self._problem is None and detail is not None and self.ready(detail):
            notice, only = notice_for(
                self.NAME, detail, self._missing, self._folder, self._styles().notice
            )
            key = self._key(detail, notice, only)
        drawing = self._find(key) if key is not None else None
        if drawing is None:
            drawing = self._make_drawing(key, detail, notice, only)
            if key is not None:
                self._keep(drawing)
        self.view, self._parts = drawing.view, drawing.parts
        self._strips = drawing.strips
        self._drawn_style = self.visual_style
        self.set_spans(drawing.spans)
        self._stale = False
        self._drawn_width = self.size.width
        if not refresh:
            return
        strips = self._strips
        size = Size(max((s.cell_length for s in strips), default=self.size.width), len(strips))
        set_virtual_size(self, size)  # no layout of the screen: the pane's size is the same
        self.refresh()

    def _lines(self, parts, view, width: int) -> tuple[list[Strip], list[RowSpan]]:
        """Every part drawn: prose at `width`, a table at the width it needs to keep every
        column whole (wider than the pane: it scrolls sideways); lines padded to the widest.
        Also where each table row was drawn (for the cursor)."""
        if not parts or width <= 0:
            return [], []
        # Drawn as a Static draws its content (same colours, same base style).
        style = self.visual_style
        base = style.rich_style
        console = self.app.console
        options = self.app.console_options.update(highlight=False, width=width, height=None)
        tables = {id(t): i for i, t in enumerate(view.tables())} if view is not None else {}
        strips: list[Strip] = []
        spans: list[RowSpan] = []
        for part in parts:
            if isinstance(part, TableBlock):
                # Drawn once (its natural width measured on the lines shown), styled as
                # Visual.to_strips would (the base style under each segment's own).
                lines = part.lines(console, options, width)
                spans += row_spans(lines, tables[id(part.table)], len(strips))
                strips += [Strip(line).apply_style(base) for line in lines]
            elif isinstance(part, RichPart):  # drawn ahead (pane_sketch.RichPart) or now
                lines = part.lines(console, options, width)
                strips += [Strip(line).apply_style(base) for line in lines]
            else:  # a Text (drawn by Textual as Content), a problem's message
                strips += Visual.to_strips(self, visualize(self, part), width, None, style)
        widest = max(s.cell_length for s in strips)
        if widest > width:
            pad = Segment(" ", base)
            strips = [s if s.cell_length == widest else _padded(s, widest, pad) for s in strips]
        return [compact(s) for s in strips], spans

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
            # Focus changed the pane's tint: the same content in the new colours (the tables'
            # lines are kept, only restyled).
            self._draw(refresh=False)
        index = y + self.scroll_offset.y
        width = self.scrollable_content_region.width
        if index >= len(self._strips):  # below the content: the background only
            return Strip.blank(
                width, RichStyle.from_color(bgcolor=self.background_colors[1].rich_color)
            )
        x = self.scroll_offset.x
        line = self._strips[index]
        strip = self.highlight(index, line.crop(x, x + width).extend_cell_length(width))
        if not under_mouse(self):
            return strip
        selection = self.text_selection
        style = self.screen.get_component_rich_style("screen--selection") if selection else None
        return selectable(strip, index, x, line.text, selection, style)

    def get_selection(self, selection: Selection) -> tuple[str, str] | None:
        """The text under a mouse selection (ctrl+c copies it): the lines as drawn."""
        strips = self.content_lines()
        return selected_text(selection, len(strips), lambda n: strips[n].text), "\n"

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
