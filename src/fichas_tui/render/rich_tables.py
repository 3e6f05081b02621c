"""View models drawn as Rich renderables: the one renderer of tables, facts and prose that the
explorer's panes and `fichas show` share (all text goes in as Text, never as markup)."""

from __future__ import annotations

from dataclasses import dataclass

from rich import box
from rich.console import Console, ConsoleOptions, Group, RenderableType
from rich.measure import Measurement
from rich.segment import Segment
from rich.style import Style, StyleType
from rich.table import Table as RichTable
from rich.text import Text

from ..text import clean, one_line
from ..views.cells import display
from ..views.model import (
    APART,
    BAR,
    TEXT,
    TOTAL,
    Bar,
    Block,
    Cell,
    Column,
    Facts,
    PaneView,
    Paragraphs,
    Table,
)
from .grid import grid_lines

BAR_WIDTH = 12
_EIGHTHS = " ▏▎▍▌▋▊▉█"
# A text column (a region, a subtitle) keeps at least this many cells (see text_min).
TEXT_MIN = 12
# The key of the style meta that tells which row of its table a drawn line belongs to.
ROW_META = "fichas_row"
# Wide enough for any grid: a grid drawn at this width is drawn at its natural width.
NATURAL = 10_000


@dataclass(frozen=True, slots=True)
class Styles:
    """The colours of what is drawn here: by default the terminal's own named colours (the CLI,
    whose palette is the terminal's); the explorer passes its theme's (tui/theme_styles.py)."""

    title: StyleType = "bold cyan"
    notice: StyleType = "bold yellow"  # a view's warning above its blocks
    bar: StyleType = "cyan"
    reached: StyleType = "green"  # a bar that reached its meta
    target: StyleType = "bold yellow"  # the meta's mark on a bar


TERMINAL = Styles()


def title(text: str, styles: Styles = TERMINAL) -> Text:
    return Text(one_line(text), style=styles.title)


def note(text: str) -> Text:
    return Text(clean(text), style="italic")


def bar(b: Bar, width: int = BAR_WIDTH, styles: Styles = TERMINAL) -> Text:
    """The value's share of the scale in eighths of a cell; the meta marked '┃' (green bar when
    reached); nothing at all without a value or a scale."""
    if b.fraction is None:
        chart = Text(" " * width)
    else:
        eighths = round(b.fraction * width * 8)
        full, part = divmod(eighths, 8)
        body = "█" * full + (_EIGHTHS[part] if part else "")
        chart = Text(body.ljust(width), style=styles.reached if b.reached else styles.bar)
    if b.target is not None:
        at = min(width - 1, max(0, round(b.target * width) - 1))
        chart = chart[:at] + Text("┃", style=styles.target) + chart[at + 1 :]
    return chart


def cell(column: Column, c: Cell, styles: Styles = TERMINAL) -> Text:
    if isinstance(c.value, Bar):
        return bar(c.value, styles=styles)
    text = display(column, c)
    # A missing code is shown as written, dimmed so it reads as "no figure" at a glance.
    return Text(text, style="dim" if c.value is None else "")


def text_min(t: Table, i: int) -> int:
    """How narrow a text column may wrap: TEXT_MIN, or its longest word (up to 24) so that
    no word is ever cut ('Metropolitana' whole)."""
    words = [len(w) for row in t.rows for w in display(t.columns[i], row.cells[i]).split()]
    return max(TEXT_MIN, min(24, max(words, default=0)))


def header(column: Column) -> str:
    """Amount columns say their basis in the table title; a figure's unit goes in its header."""
    if column.kind == TEXT or column.kind == BAR or column.basis is not None:
        return column.title
    return column.header


def grid(t: Table, *, marked: bool = False, styles: Styles = TERMINAL) -> RichTable:
    """The table at its natural width: numbers and years never wrap nor shrink. `marked`: every
    row's cells carry the row's index in their style's meta (see row_of), so the lines drawn
    say which row they show, however the row wraps."""
    out = RichTable(
        box=box.SIMPLE_HEAD,
        pad_edge=False,
        expand=False,
        show_edge=False,
        padding=(0, 1),
        collapse_padding=True,
    )
    for i, column in enumerate(t.columns):
        text = column.kind == TEXT
        out.add_column(
            Text(header(column)),
            justify="left" if text or column.kind == BAR else "right",
            no_wrap=not text,
            min_width={TEXT: text_min(t, i), BAR: BAR_WIDTH}.get(column.kind),
        )
    rows = t.rows
    for i, row in enumerate(rows):
        style: str | Style = "bold" if row.role == TOTAL else "italic" if row.role == APART else ""
        if marked:
            style = Style.parse(style) + Style(meta={ROW_META: i})
        following = rows[i + 1].role if i + 1 < len(rows) else None
        out.add_row(
            *(cell(col, c, styles) for col, c in zip(t.columns, row.cells, strict=True)),
            style=style,
            end_section=following is not None and following != row.role,
        )
    return out


def row_of(line: list[Segment]) -> int | None:
    """The table row a line of a marked grid shows; None for the header, its rule and the
    blank line between sections."""
    for segment in line:
        row = segment.style.meta.get(ROW_META) if segment.style is not None else None
        if row is not None:
            return row
    return None


def stacked(t: Table, styles: Styles = TERMINAL) -> Group:
    """A table too wide for the width: one block per row, `Column: value` lines."""
    parts: list[RenderableType] = []
    for row in t.rows:
        first, *rest = zip(t.columns, row.cells, strict=True)
        label = cell(*first, styles)
        label.stylize("bold italic" if row.role == APART else "bold")
        parts.append(label)
        for column, c in rest:
            if column.kind == BAR:
                continue
            line = Text(f"  {header(column)}: ", style="dim") + cell(column, c, styles)
            parts.append(line)
    return Group(*parts)


class TableBlock:
    """A view table as a grid. With `fit` (fichas show) a grid too wide for the width is
    stacked row by row; without it (a pane) it keeps its width and the pane scrolls sideways,
    and its rows are marked (see grid). Either way no column is ever dropped or cut."""

    def __init__(self, t: Table, *, fit: bool, styles: Styles = TERMINAL) -> None:
        self.table = t
        self.fit = fit
        self.styles = styles
        self.grid = grid(t, marked=not fit, styles=styles)
        self._natural: list[list[Segment]] | None = None
        self._widest = 0  # the natural lines' width
        self._needed: int | None = None
        self._drawn: tuple[int, list[list[Segment]]] | None = None  # (width, lines)

    def natural(self, console: Console, options: ConsoleOptions) -> list[list[Segment]]:
        """The grid's lines at its natural width (drawn once)."""
        if self._natural is None:
            lines = self._draw(console, options.update(width=NATURAL))
            self._natural = lines
            self._widest = max(map(Segment.get_line_length, lines), default=0)
        return self._natural

    def needed(self, console: Console, options: ConsoleOptions) -> int:
        """The narrowest the grid can be with every number whole and text columns wrapped
        down to TEXT_MIN."""
        if self._needed is None:
            self.natural(console, options)
            slack = 0
            for i, column in enumerate(self.table.columns):
                if column.kind == TEXT:
                    longest = max(
                        [len(header(column))]
                        + [len(display(column, row.cells[i])) for row in self.table.rows]
                    )
                    slack += max(0, longest - text_min(self.table, i))
            self._needed = self._widest - slack
        return self._needed

    def lines(self, console: Console, options: ConsoleOptions, width: int) -> list[list[Segment]]:
        """The grid drawn for a pane `width` wide: at its natural width when that fits (the
        lines measured are the lines shown), else at the width it needs (it scrolls sideways),
        text columns wrapped. Kept for the last width asked."""
        if self._drawn is not None and self._drawn[0] == width:
            return self._drawn[1]
        natural = self.natural(console, options)
        # expand=False: any width from the natural one up draws the same
        if self._widest <= width or self._widest <= self.needed(console, options):
            lines = natural
        else:
            at = max(width, self.needed(console, options))
            lines = self._draw(console, options.update(width=at))
        self._drawn = (width, lines)
        return lines

    def _draw(self, console: Console, options: ConsoleOptions) -> list[list[Segment]]:
        """The grid's lines at `options.max_width`: by render_grid when it covers the grid,
        else by Rich (the same lines either way)."""
        lines = grid_lines(console, options, self.grid)
        if lines is None:
            lines = console.render_lines(self.grid, options, pad=False)
        return lines

    def __rich_measure__(self, console: Console, options: ConsoleOptions) -> Measurement:
        return Measurement.get(console, options, self.grid)

    def __rich_console__(self, console: Console, options: ConsoleOptions):
        if self.fit and self.needed(console, options) > options.max_width:
            yield stacked(self.table, self.styles)
        else:
            yield self.grid


def table_parts(t: Table, *, fit: bool, styles: Styles = TERMINAL) -> list[RenderableType]:
    """Title, notes and the table (see TableBlock for `fit`)."""
    parts: list[RenderableType] = [title(t.title, styles)] if t.title else []
    parts += [note(n) for n in t.notes]
    if t.order:
        parts.append(note(f"Orden: {t.order}."))
    if not t.rows:
        parts.append(note(t.empty))
    else:
        parts.append(TableBlock(t, fit=fit, styles=styles))
    return parts


def facts(f: Facts, styles: Styles = TERMINAL) -> RenderableType:
    out = RichTable.grid(padding=(0, 1))
    out.add_column(style="bold", no_wrap=True)
    out.add_column(ratio=1)
    for label, value in f.items:
        out.add_row(Text(clean(label)), Text(clean(value) or "—"))
    return Group(title(f.title, styles), out) if f.title else out


def _tags(labels: tuple[str, ...]) -> Text:
    """`[Ejec. inicial: subejecución] [Persistencia: sin problemas]`, one line that wraps."""
    out = Text()
    for i, label in enumerate(labels):
        if i:
            out.append(" ")
        out.append(f"[{clean(label)}]", style="reverse")
    return out


def paragraphs(p: Paragraphs, styles: Styles = TERMINAL) -> list[RenderableType]:
    parts: list[RenderableType] = [title(p.title, styles)] if p.title else []
    if not p.items and p.empty:
        parts.append(note(p.empty))
    last = None
    tags = dict(p.tags)
    for heading, text in p.items:
        if heading and heading != last:
            parts.append(Text(clean(heading), style="bold"))
            if tags.get(heading):
                parts.append(_tags(tags[heading]))
        last = heading
        body = Text(clean(text))
        parts.append(Text("• ") + body if p.bullets else body)
    return parts


def block_parts(b: Block, *, fit: bool, styles: Styles = TERMINAL) -> list[RenderableType]:
    if isinstance(b, Table):
        return table_parts(b, fit=fit, styles=styles)
    if isinstance(b, Facts):
        return [facts(b, styles)]
    return paragraphs(b, styles)


def blocks(view: PaneView, *, fit: bool, styles: Styles = TERMINAL) -> list[RenderableType]:
    """Every part of a view in order, a blank line between blocks (a pane draws each part at
    its own width: TableBlocks at theirs, prose at the pane's)."""
    out: list[RenderableType] = []
    if view.notice:
        out += [Text(clean(view.notice), style=styles.notice), Text()]
    for i, b in enumerate(view.blocks):
        if i and not (isinstance(b, Table) and _heading_only(view.blocks[i - 1])):
            out.append(Text())
        out += block_parts(b, fit=fit, styles=styles)
    return out


def _heading_only(b: Block) -> bool:
    """A heading with no items (a level of indicators): its tables follow without a gap."""
    return isinstance(b, Paragraphs) and not b.items and not b.empty


def renderable(view: PaneView, *, fit: bool = True, styles: Styles = TERMINAL) -> Group:
    return Group(*blocks(view, fit=fit, styles=styles))
