"""Shared pieces of the detail panes: a scrollable pane and Rich tables built from Text."""

from __future__ import annotations

from rich import box
from rich.console import Group, RenderableType
from rich.style import Style as RichStyle
from rich.table import Table
from rich.text import Text
from textual import events
from textual.geometry import Size
from textual.scroll_view import ScrollView
from textual.strip import Strip
from textual.style import Style as VisualStyle
from textual.visual import Visual, visualize

from ..data.diagnosis import ingest_command, missing_message
from ..data.queries import ProgramDetail, Value
from ..text import clean
from ..views.figures import number, percent
from ..views.panes import PANE_TABLES, pane

# Every cell is a Text object: ficha text is data and must never be parsed as Rich markup.


def title(text: str) -> Text:
    return Text(clean(text), style="bold cyan")


def note(text: str) -> Text:
    return Text(clean(text), style="italic")


def table(*columns: str, numeric_from: int = 1, charts: tuple[int, ...] = ()) -> Table:
    """A compact table; columns from `numeric_from` on are right-aligned numbers."""
    grid = Table(
        box=box.SIMPLE_HEAD,
        pad_edge=False,
        expand=False,
        show_edge=False,
        padding=(0, 1),
        collapse_padding=True,
    )
    for i, name in enumerate(columns):
        numeric = i >= numeric_from and i not in charts
        grid.add_column(
            Text(name),
            justify="right" if numeric else "left",
            no_wrap=i >= numeric_from,
            # Only a text first column (a region, a subtitle) needs room to stay readable.
            min_width=12 if i < numeric_from and name not in ("Año",) else None,
        )
    return grid


def amount(value: Value, decimals: int = 0) -> Text:
    return _cell(number(value.value, decimals, value.status), value)


def pct(value: Value, decimals: int = 1) -> Text:
    return _cell(percent(value.value, decimals, value.status), value)


def _cell(text: str, value: Value) -> Text:
    # A missing code is shown as written, dimmed so it reads as "no figure" at a glance.
    return Text(text, style="dim" if value.value is None else "")


def txt(value: str | None) -> Text:
    return Text(clean(value) or "—")


class Pane(ScrollView, can_focus=True):
    """A focusable, scrollable pane that renders one ProgramDetail.

    Line API: the pane's renderable is drawn to strips once per program (and per width), and
    only when the pane is on screen; a new program never changes the pane's size, so showing
    one costs no layout pass.
    """

    DEFAULT_CSS = """
    Pane {
        overflow-x: hidden;
        overflow-y: auto;
    }
    """
    DEFAULT_CLASSES = "pane"
    NAME = ""  # the pane's key in views.panes.PANES

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.detail: ProgramDetail | None = None
        self._notice: Text | None = None
        self._notice_only = False
        self._problem: RenderableType | None = None
        self._renderable: RenderableType | None = None
        self._stale = False  # the renderable must be built again from the data
        self._strips: list[Strip] = []
        self._drawn_width = -1  # width the strips were drawn at (-1: to draw)
        self._drawn_style: VisualStyle | None = None

    def show(self, detail: ProgramDetail, missing: tuple[str, ...] = (), folder=None) -> None:
        """Take a program; it is drawn when the pane is (or next becomes) visible."""
        before = self.detail
        self.detail = detail
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

    def _build(self) -> RenderableType | None:
        if self._problem is not None:
            return self._problem
        if self.detail is None or not self.ready(self.detail):
            return None  # blank until its tables are read
        if self._notice is None:
            return self.build(self.detail)
        if self._notice_only:
            return self._notice
        return Group(self._notice, Text(), self.build(self.detail))

    def _draw(self) -> None:
        if self._stale:
            self._renderable = self._build()
            self._stale = False
        width, height = self.size
        bar = self.styles.scrollbar_size_vertical
        # Drawn once at the width the scrollbar leaves (guessed from the program before, the
        # same pane's content is usually as long), again only when the guess was wrong.
        scrolls = self.show_vertical_scrollbar and bar > 0
        strips = self._lines(width - bar if scrolls else width)
        if scrolls and len(strips) <= height:
            strips = self._lines(width)
        elif not scrolls and bar and len(strips) > height:
            strips = self._lines(width - bar)
        self._strips = strips
        self._drawn_width = width
        size = Size(width, len(strips))
        if size != self.virtual_size:
            # Not the reactive's setter: it asks for a layout of the whole screen, and the
            # pane's own size does not change; only its scrollbar needs to know.
            self.set_reactive(Pane.virtual_size, size)
            self._scroll_update(size)
        self.refresh()

    def _lines(self, width: int) -> list[Strip]:
        if self._renderable is None or width <= 0:
            return []
        # Drawn as a Static draws its content (same colours, same base style).
        style = self._drawn_style = self.visual_style
        return Visual.to_strips(self, visualize(self, self._renderable), width, None, style)

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
            # Focus changed the pane's tint: the same lines in the new colours.
            self._strips = self._lines(self.scrollable_content_region.width)
        index = y + self.scroll_offset.y
        width = self.scrollable_content_region.width
        if index >= len(self._strips):  # below the content: the background only
            return Strip.blank(
                width, RichStyle.from_color(bgcolor=self.background_colors[1].rich_color)
            )
        return self._strips[index].crop(0, width)

    def build(self, detail: ProgramDetail) -> RenderableType:
        raise NotImplementedError


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
