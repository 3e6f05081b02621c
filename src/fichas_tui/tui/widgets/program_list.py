"""A virtual program list: draws only the visible rows, made when drawn (200,000 cost little)."""

from __future__ import annotations

import textwrap
from collections.abc import Callable, Sequence
from typing import ClassVar

from rich.cells import cell_len, set_cell_size
from rich.segment import Segment
from rich.style import Style
from textual import events
from textual.binding import Binding, BindingType
from textual.geometry import Size
from textual.message import Message
from textual.reactive import reactive
from textual.scroll_view import ScrollView
from textual.selection import Selection
from textual.strip import Strip

from ...data.queries import ProgramRow
from ...text import one_line
from ...views.figures import number, years_label
from ...views.pesos import EACH_FICHA, Pesos, executed, mark, pesos_of, pesos_tag, pesos_title
from ..compat import set_virtual_size
from .selection import selectable, selected_text, under_mouse

# Below this width a program takes two lines (name / service) so nothing is cut to nothing.
ONE_LINE_MIN_WIDTH = 96
AMOUNT_WIDTH = 19  # "10.174.000† nom.19": the figure, its mark and its pesos when not the list's
YEARS_WIDTH = 11


def fit(text: str, width: int, right: bool = False) -> str:
    """Pad or cut `text` to exactly `width` cells, marking a cut with '…'."""
    if width <= 0:
        return ""
    if cell_len(text) > width:
        return set_cell_size(text, width - 1) + "…"
    pad = " " * (width - cell_len(text))
    return pad + text if right else text + pad


def amount(program: ProgramRow, pesos: Pesos = EACH_FICHA, main: tuple | None = None) -> str:
    """The executed amount in the basis in force, marked when converted (≈) or left in its own
    pesos (†), with its pesos named when they are not the list's (`main`)."""
    cell = executed(program, pesos)
    text = mark(number(cell.value, 0, cell.status), cell)
    if cell.value is not None and pesos_of(program, cell) != main:
        text += " " + pesos_tag(pesos_of(program, cell))
    return text


# Keys that share one line in the help.
MOVE = Binding.Group("Moverse por la lista")
PAGE = Binding.Group("Una página arriba / abajo")
ENDS = Binding.Group("Primer / último programa")


class ProgramList(ScrollView, can_focus=True):
    """One row per program; the cursor row is the selected program."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("up,k", "cursor(-1)", "Subir", show=False, id="lista.subir", group=MOVE),
        Binding("down,j", "cursor(1)", "Bajar", show=False, id="lista.bajar", group=MOVE),
        Binding("pageup", "page(-1)", "Pág. arriba", show=False, id="lista.pag_arriba", group=PAGE),
        Binding("pagedown", "page(1)", "Pág. abajo", show=False, id="lista.pag_abajo", group=PAGE),
        Binding("home", "jump(0)", "Inicio", show=False, id="lista.inicio", group=ENDS),
        Binding("end", "jump(-1)", "Fin", show=False, id="lista.fin", group=ENDS),
        Binding("enter", "select", "Abrir", id="lista.abrir", tooltip="Abrir el programa marcado"),
    ]
    DEFAULT_CSS = """
    ProgramList {
        height: 1fr;
        scrollbar-size-vertical: 1;
        /* rows are cut to the width: never a sideways scrollbar (the virtual size is the
           widget's width, one column more than what the vertical scrollbar leaves) */
        overflow-x: hidden;
    }
    ProgramList > .program-list--cursor {
        background: $block-cursor-blurred-background;
    }
    ProgramList:focus > .program-list--cursor {
        background: $block-cursor-background;
        color: $block-cursor-foreground;
        text-style: bold;
    }
    ProgramList > .program-list--dim {
        color: $text-muted;
    }
    ProgramList > .program-list--amount {
        color: $text-success;
    }
    """
    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "program-list--cursor",
        "program-list--dim",
        "program-list--amount",
    }

    # Not repainted as a whole when it moves: watch_cursor repaints the two rows that change.
    cursor = reactive(0, always_update=True, init=False, repaint=False)

    class Selected(Message):
        def __init__(self, program: ProgramRow) -> None:
            super().__init__()
            self.program = program

    def __init__(
        self, *, id: str | None = None, on_highlighted: Callable[[ProgramRow], None] | None = None
    ) -> None:
        super().__init__(id=id)
        # Called with the program under the cursor at each move, in the move's own handler:
        # what it changes (the detail) is drawn in the same frame as the cursor, not in a
        # second one, as a message bubbling up to the screen would be.
        self._on_highlighted = on_highlighted
        # a data.list_columns.Programs from the store (rows made when asked for) or a tuple
        self.programs: Sequence[ProgramRow] = ()
        self.empty_text = ""  # drawn in place of the rows when there are none
        # (row, text): a heading line drawn above that row (the amounts ranked apart)
        self.heading: tuple[int, str] | None = None
        self.pesos = EACH_FICHA  # the basis amounts are shown in
        self.main: tuple | None = None  # the pesos most rows are in (views.pesos.main_pesos)
        self._row_styles: tuple | None = None  # see _styles

    def set_pesos(self, pesos: Pesos, main: tuple | None) -> None:
        self.pesos, self.main = pesos, main
        self.refresh()

    @property
    def row_height(self) -> int:
        return 1 if self.size.width >= ONE_LINE_MIN_WIDTH else 2

    @property
    def current(self) -> ProgramRow | None:
        return self.programs[self.cursor] if 0 <= self.cursor < len(self.programs) else None

    def set_programs(
        self,
        programs: Sequence[ProgramRow],
        keep: str | None = None,
        empty: str = "",
        heading: tuple[int, str] | None = None,
    ) -> None:
        """Replace the rows, keeping the cursor on program `keep` when it is still listed;
        `empty` says why there are none; `heading`, a line over the rows ranked apart."""
        self.programs = programs
        self.empty_text = empty
        self.heading = heading
        index = None
        if keep is not None:
            if hasattr(programs, "index_of"):  # by the table's index: no scan of 200,000 rows
                index = programs.index_of(keep)
            else:
                index = next((i for i, p in enumerate(programs) if p.program_id == keep), None)
        index = index or 0
        self._resize()
        self.scroll_to(y=0, animate=False)
        self.cursor = index

    def _resize(self) -> None:
        size = Size(self.size.width, self._lines())
        set_virtual_size(self, size)  # no layout of the screen: the list's size is the same
        self.refresh()

    def on_resize(self, event: events.Resize) -> None:
        self._resize()
        self._scroll_to_cursor()

    def watch_cursor(self, old: int, cursor: int) -> None:
        scroll_y = self.scroll_y
        self._scroll_to_cursor()
        if self.scroll_y == scroll_y:  # only the two rows whose highlight changed
            h = self.row_height
            self.refresh_lines(self._top(old), h)
            self.refresh_lines(self._top(cursor), h)
        else:
            self.refresh()
        if self.current is not None and self._on_highlighted is not None:
            self._on_highlighted(self.current)

    def _lines(self) -> int:
        return len(self.programs) * self.row_height + (self.heading is not None)

    def _top(self, index: int) -> int:
        """The first line of row `index` (rows after the heading are one line lower)."""
        below = self.heading is not None and index >= self.heading[0]
        return index * self.row_height + below

    def _row_at(self, line: int) -> tuple[int | None, int]:
        """(row, line within it) at `line`; row None on the heading line."""
        if self.heading is not None:
            at = self.heading[0] * self.row_height
            if line == at:
                return None, 0
            line -= line > at
        return divmod(line, self.row_height)

    def _scroll_to_cursor(self) -> None:
        h = self.row_height
        top, height = self._top(self.cursor), self.scrollable_content_region.height
        if self.heading is not None and self.cursor == self.heading[0]:
            top, h = top - 1, h + 1  # the heading comes into view with its first row
        if top < self.scroll_y:
            self.scroll_to(y=top, animate=False)
        elif top + h > self.scroll_y + height:
            self.scroll_to(y=top + h - height, animate=False)

    def action_cursor(self, delta: int) -> None:
        if self.programs:
            self.cursor = max(0, min(len(self.programs) - 1, self.cursor + delta))

    def action_page(self, direction: int) -> None:
        rows = max(1, self.scrollable_content_region.height // self.row_height - 1)
        self.action_cursor(direction * rows)

    def action_jump(self, index: int) -> None:
        if self.programs:
            self.cursor = index % len(self.programs)

    def action_select(self) -> None:
        if self.current is not None:
            self.post_message(self.Selected(self.current))

    def on_click(self, event: events.Click) -> None:
        index = self._row_at(int(event.y + self.scroll_y))[0]
        if index is not None and 0 <= index < len(self.programs):
            self.cursor = index
            self.action_select()

    def notify_style_update(self) -> None:
        super().notify_style_update()
        self._row_styles = None

    def _styles(self, on_cursor: bool) -> tuple[Style, Style, Style]:
        """A row's styles (base, dim, amount), made once per style change, not per line:
        the widget's own style walks its ancestors for their backgrounds."""
        if self._row_styles is None:
            base = self.rich_style
            dim = self.get_component_rich_style("program-list--dim")
            money = self.get_component_rich_style("program-list--amount")
            cursor = base + self.get_component_rich_style("program-list--cursor")
            self._row_styles = (
                (base, base + dim, base + money),
                (cursor, cursor + Style(dim=True), cursor),
            )
        return self._row_styles[on_cursor]

    def render_line(self, y: int) -> Strip:
        line = int(self.scroll_y) + y
        strip = self._line(line, self.scrollable_content_region.width)
        if not under_mouse(self):
            return strip
        selection = self.text_selection
        style = self.screen.get_component_rich_style("screen--selection") if selection else None
        return selectable(strip, line, 0, strip.text, selection, style)

    def get_selection(self, selection: Selection) -> tuple[str, str] | None:
        """The text under a mouse selection (ctrl+c copies it): the rows as drawn."""
        width = self.scrollable_content_region.width
        lines = self._lines()
        if not self.programs and self.empty_text:
            lines = len(textwrap.wrap(self.empty_text, max(10, width - 2)))
        return selected_text(selection, lines, lambda n: self._line(n, width).text), "\n"

    def _line(self, line: int, width: int) -> Strip:
        """Line `line` of the list (a row, or half of one when rows take two lines)."""
        index, sub = self._row_at(line)
        if index is None and self.heading is not None:
            text = " ── " + self.heading[1]
            return Strip([Segment(fit(text, width), self._styles(False)[1])], width)
        assert index is not None
        if not self.programs and self.empty_text:
            lines = textwrap.wrap(self.empty_text, max(10, width - 2))
            if line < len(lines):
                text = " " + fit(lines[line], width - 1)
                return Strip([Segment(text, self._styles(False)[1])], width)
        if index >= len(self.programs):
            return Strip.blank(width, self._styles(False)[0])
        base, dim, money = self._styles(index == self.cursor)
        segments = self._segments(self.programs[index], sub, width, base, dim, money)
        return Strip(segments, width).adjust_cell_length(width, base)

    def _segments(self, program, sub, width, base, dim, money) -> list[Segment]:
        name = one_line(program.name)
        service = one_line(program.service or program.ministry or "—")
        years = years_label(program.years)
        if self.row_height == 1:
            rest = width - AMOUNT_WIDTH - YEARS_WIDTH - 4
            name_w = rest * 3 // 5
            # one segment per style: each costs its escape codes in every frame
            return [
                Segment(" " + fit(name, name_w) + " ", base),
                Segment(fit(service, rest - name_w) + " " + fit(years, YEARS_WIDTH) + " ", dim),
                Segment(fit(self._amount(program), AMOUNT_WIDTH, right=True) + " ", money),
            ]
        if sub == 0:
            return [
                Segment(" " + fit(name, width - AMOUNT_WIDTH - 2), base),
                Segment(fit(self._amount(program), AMOUNT_WIDTH, right=True) + " ", money),
            ]
        years_w = min(max(YEARS_WIDTH, len(years)), width // 2)
        text = "   " + fit(service, width - years_w - 5) + " " + fit(years, years_w, right=True)
        return [Segment(text + " ", dim)]

    def _amount(self, program: ProgramRow) -> str:
        return amount(program, self.pesos, self.main)

    def header(self) -> str:
        """Column titles matching the current row layout."""
        width = self.scrollable_content_region.width or self.size.width
        unit = "Ejecutado " + pesos_title(self.main)
        if self.pesos.target is not None:  # converted figures are marked ≈ in the rows
            unit = "Ejec. ≈ " + pesos_title(self.main)
        if width >= ONE_LINE_MIN_WIDTH:
            rest = width - AMOUNT_WIDTH - YEARS_WIDTH - 4
            name_w = rest * 3 // 5
            return (
                " "
                + fit("Programa", name_w)
                + " "
                + fit("Servicio", rest - name_w)
                + " "
                + fit("Fichas", YEARS_WIDTH)
                + " "
                + fit(unit, AMOUNT_WIDTH, right=True)
            )
        return (
            " "
            + fit("Programa / servicio · fichas", width - AMOUNT_WIDTH - 2)
            + fit(unit, AMOUNT_WIDTH, right=True)
        )
