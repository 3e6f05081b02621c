"""A grid (render_rich.grid) drawn at its natural width without Rich's Table machinery: the
same lines, segment for segment, as `console.render_lines(table, options, pad=False)`, or
None for a table this does not cover (Rich draws it then)."""

from __future__ import annotations

import re

from rich.box import SIMPLE_HEAD
from rich.cells import cell_len
from rich.console import Console, ConsoleOptions
from rich.padding import Padding
from rich.segment import Segment
from rich.style import Style
from rich.table import Column, Table
from rich.text import Text

from ..compat import collapse_widths

# Characters that make Rich split, expand or strip a cell's text (line breaks, tabs, control
# codes): a table with one in a cell is drawn by Rich.
_UNUSUAL = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029]")
_JOIN = Text("\n")
# A cell text's justify, overflow, tab size and end as render_rich makes them (Rich's defaults).
_PLAIN = (
    None,
    None,
    None,
    "\n",
)  # what Rich joins a cell's lines with (its own style takes no part)


def grid_lines(
    console: Console, options: ConsoleOptions, table: Table
) -> list[list[Segment]] | None:
    """`table` drawn as Rich draws it at `options.max_width` (pad=False); None when the table
    is unusual or too narrow for Rich's first way of shrinking it (wrapping text columns).

    The steps are Table._calculate_column_widths' and Table._render's: each column as wide as
    its widest cell, text columns shrunk when the width is short; a cell that fits on one line
    is its text justified to the column's width (Text.wrap with nothing to wrap), then its right
    padding, under the cell's style (the row's); a longer one is drawn by Rich (Table's own
    call), and its row's other cells padded below; a divider between cells; the header's
    rule; a blank rule after a row that ends a section."""
    if not _covered(table):
        return None
    columns = table.columns
    last = len(columns) - 1
    # Every column's width as Table._calculate_column_widths measures it: its widest line and
    # its right padding (none on the last column, pad_edge=False), at least min_width.
    cells: list[list[Text]] = []
    lengths: list[list[int]] = []
    widest_cells: list[int] = []
    widths: list[int] = []
    for i, column in enumerate(columns):
        texts = [column.header, *column.cells]
        plains = []
        kept: list[Text] = []
        for text in texts:
            if (
                type(text) is not Text
                or (text.justify, text.overflow, text.tab_size, text.end) != _PLAIN
            ):
                return None
            kept.append(text)
            plains.append(text.plain)
        joined = "".join(plains)
        if _UNUSUAL.search(joined):
            return None
        sizes = [cell_len(p) for p in plains] if not joined.isascii() else list(map(len, plains))
        right = 0 if i == last else 1
        widest = max(sizes)
        widest_cells.append(widest + right)
        if column.min_width is not None:
            widest = max(widest, column.min_width)
        if widest < 1:  # an empty column: Rich gives it one cell
            return None
        cells.append(kept)
        lengths.append(sizes)
        widths.append(widest + right)
    room = options.max_width - last  # one divider between columns
    if sum(widths) > room:
        # Text columns shrink (wrap); measured again at their new widths.
        wrapable = [not c.no_wrap for c in columns]
        widths = collapse_widths(widths, wrapable, room)
        if sum(widths) > room:
            return None  # Rich's last resort: every column cut
        for i, column in enumerate(columns):
            right = 0 if i == last else 1
            if widths[i] - right < 1:
                return None
            width = min(widest_cells[i], widths[i])
            if column.min_width is not None:
                width = max(width, column.min_width + right)
            widths[i] = width
        if sum(widths) > room:  # min_width won over the width: Rich crops the lines
            return None

    get_style = console.get_style
    safe = console.safe_box if table.safe_box is None else table.safe_box
    box = SIMPLE_HEAD.substitute(options, safe=safe)
    border = get_style(table.style or "") + get_style(table.border_style or "")
    padding = get_style("none")  # Padding's own style
    text_styles: dict = {}
    dividers: dict = {}
    header_style = get_style(table.header_style or "")
    # Per column: its header's style, its cells' style, its text's width, left or right.
    plan = [
        (
            header_style + get_style(column.header_style),
            get_style(column.style or ""),
            widths[i] if i == last else widths[i] - 1,
            column.justify == "left",
        )
        for i, column in enumerate(columns)
    ]
    count = len(table.rows) + 1
    lines: list[list[Segment]] = []
    for index in range(count):
        header = index == 0
        if header:
            row_style = Style.null()
            vertical = box.head_vertical
        else:
            row_style = get_style(table.get_row_style(console, index - 1))
            vertical = box.foot_vertical if index == count - 1 else box.mid_vertical
        divider = dividers.get((vertical, row_style.bgcolor))
        if divider is None:
            # A blank divider takes the row's background (as Table._render does).
            style = border if vertical.strip() else row_style.background_style + border
            divider = dividers[vertical, row_style.bgcolor] = Segment(vertical, style)
        row: list[list[list[Segment]]] = []  # each cell's lines
        outers: list[Style] = []
        for i, (head_style, body_style, width, left) in enumerate(plan):
            cell_style = head_style if header else body_style
            # The cell's style under the row's (Style.__add__ of a null style gives the other).
            outer = cell_style + row_style if cell_style else row_style
            outers.append(outer)
            text = cells[i][index]
            size = lengths[i][index]
            if size > width or len(text.plain) > width:  # it wraps: Rich draws it
                column = columns[i]
                row.append(
                    console.render_lines(
                        Padding(text, (0, 0 if i == last else 1, 0, 0)),
                        options.update(
                            width=widths[i],
                            justify=column.justify,
                            no_wrap=column.no_wrap,
                            overflow=column.overflow,
                            height=None,
                            highlight=column.highlight,
                        ),
                        style=outer,
                    )
                )
                continue
            line: list[Segment] = []
            append = line.append
            if text._spans:
                segments = _spanned(console, text, width, left)
                if outer:
                    segments = [Segment(s.text, outer + s.style) for s in segments]
                line += segments
            else:
                plain = text.plain
                if left:
                    plain += " " * (width - size)
                else:
                    stripped = plain.rstrip()
                    if len(stripped) != len(plain):
                        size = cell_len(stripped)
                    plain = " " * (width - size) + stripped
                text_style = text.style
                if text_style:
                    found = text_styles.get(text_style)
                    if found is None:
                        found = text_styles[text_style] = get_style(
                            text_style, default=Style.null()
                        )
                    append(Segment(plain, outer + found if outer else found))
                else:
                    append(Segment(plain, outer if outer else None))
            if i != last:
                append(Segment(" ", outer if outer else padding))
            row.append([line])
        height = max(len(cell) for cell in row)
        if height > 1:  # Table._render's alignment: the header at the bottom, cells at the top
            align = Segment.align_bottom if header else Segment.align_top
            row = [
                Segment.set_shape(align(cell, widths[i], height, outers[i]), widths[i], height)
                for i, cell in enumerate(row)
            ]
        for n in range(height):
            line = []
            for i, cell in enumerate(row):
                line += cell[n]
                if i != last:
                    line.append(divider)
            lines.append(line)
        if header:
            lines.append([Segment(box.get_row(widths, "head", edge=False), border)])
        elif index < count - 1 and table.rows[index - 1].end_section:
            lines.append([Segment(box.get_row(widths, "row", edge=False), border)])
    return lines


def _covered(table: Table) -> bool:
    """The settings render_rich.grid draws with (and the Rich defaults it keeps)."""
    return bool(
        table.columns
        and table.box is SIMPLE_HEAD
        and table.show_header
        and not table.show_footer
        and not table.show_edge
        and not table.show_lines
        and not table.leading
        and not table.pad_edge
        and table.collapse_padding
        and table.padding == (0, 1, 0, 1)
        and not table.expand
        and table.width is None
        and table.min_width is None
        and not table.title
        and not table.caption
        and not table.row_styles
        and all(_plain_column(c) for c in table.columns)
    )


def _plain_column(column: Column) -> bool:
    return (
        column.justify in ("left", "right")
        and column.width is None
        and column.max_width is None
        and column.ratio is None
        and column.overflow == "ellipsis"
        and column.vertical == "top"
    )


def _spanned(console: Console, text: Text, width: int, left: bool) -> list[Segment]:
    """A cell with styled parts (a bar's target mark), justified and drawn by Rich's own Text
    steps (those of Text.wrap and Lines.justify when nothing wraps)."""
    line = text.copy()
    if left:
        line.truncate(width, overflow="ellipsis", pad=True)
    else:
        line.rstrip()
        line.pad_left(width - cell_len(line.plain))
    return [s for s in _JOIN.join([line]).render(console) if s.text]
