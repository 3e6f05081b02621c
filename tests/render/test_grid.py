"""render_grid draws a grid at its natural width with the very segments Rich's Table draws:
every table of every pane of the bundled and test datasets, and made-up edge cases."""

from __future__ import annotations

import io

import pytest
from rich.console import Console
from rich.segment import Segment
from rich.style import Style
from rich.table import Table as RichTable
from rich.text import Text

from fichas_tui.data.queries import Store
from fichas_tui.render.grid import grid_lines
from fichas_tui.render.rich_tables import NATURAL, ROW_META, TableBlock, grid, row_of
from fichas_tui.views.model import (
    AMOUNT,
    APART,
    BAR,
    COUNT,
    NOMINAL,
    PERCENT,
    TEXT,
    TOTAL,
    YEAR,
    Bar,
    Cell,
    Column,
    Row,
    Table,
)
from fichas_tui.views.pesos import Pesos
from fichas_tui.views.program import pane_view, program_view
from fichas_tui.views.regiones import ORDERS
from tests.helpers import COMMITTED_DATASET, FIXTURE, HOSTILE


def console() -> Console:
    return Console(file=io.StringIO(), width=120, color_system="truecolor")


def drawn(lines: list[list[Segment]]) -> list[list[tuple]]:
    """Every segment's text, style (None apart from a null style) and control codes."""
    return [[(s.text, s.style, s.style is None, s.control) for s in line] for line in lines]


def by_rich(c: Console, table: RichTable, options=None) -> list[list[Segment]]:
    options = options or c.options.update(width=NATURAL)
    return c.render_lines(table, options, pad=False)


def assert_same(t: Table, c: Console | None = None, options=None) -> None:
    """The fast path draws `t` (marked and not) exactly as Rich does, and does draw it: at its
    natural width and at the widths a pane narrower than that draws it (text columns wrapped
    down to what it needs, see TableBlock.lines)."""
    c = c or console()
    options = options or c.options.update(width=NATURAL)
    needed = TableBlock(t, fit=False).needed(c, options)
    widths = sorted({NATURAL, *(max(w, needed) for w in (40, 80, 120))})
    for marked in (True, False):
        table = grid(t, marked=marked)
        for width in widths:
            at = options.update(width=width)
            fast = grid_lines(c, at, table)
            assert fast is not None, f"{t.title!r} left to Rich at {width}"
            assert drawn(fast) == drawn(by_rich(c, table, at)), (t.title, width)


def dataset_tables(folder) -> list[Table]:
    """Every table of every pane of every program and ficha year, in every pane setting that
    changes what a table holds (formulas, pesos, the regions' order); each distinct table once
    (most settings leave most tables as they were: drawing them again checks nothing new)."""
    out: list[Table] = []
    store = Store.open(folder)
    try:
        targets = store.deflators().targets
        pesos = [Pesos()] + [Pesos(y, store.deflators()) for y in targets[-1:]]
        for program in store.programs():
            first = store.detail(program.program_id, partial=True)
            for year in first.years or (None,):
                detail = store.detail(program.program_id, year, partial=True)
                views = [program_view(detail, formulas=f, pesos=p) for f in (1, 0) for p in pesos]
                for view in views:
                    out += [t for pane in view.panes for t in pane.tables()]
                for key, _words, _sort in ORDERS:
                    out += pane_view("regiones", detail, order=key).tables()
    finally:
        store.close()
    return list(dict.fromkeys(t for t in out if t.rows))


@pytest.mark.parametrize("folder", [COMMITTED_DATASET, FIXTURE, HOSTILE], ids=lambda p: p.name)
def test_every_dataset_table_is_drawn_as_rich_draws_it(folder):
    tables = dataset_tables(folder)
    assert len(tables) > 20
    c = console()
    for t in tables:
        assert_same(t, c)


def test_an_ascii_terminal_gets_rich_substituted_rule():
    c = console()
    options = c.options.update(width=NATURAL)
    options.encoding = "ascii"  # ascii_only: Rich swaps the box for ASCII characters
    t = _table(
        [Column("a", "Año", kind=YEAR), Column("g", "Gasto", kind=AMOUNT, basis=NOMINAL)],
        [(2020, 1.5), (2021, None)],
    )
    assert_same(t, c, options)
    assert "─" not in "".join(s.text for s in grid_lines(c, options, grid(t))[1])


def _table(columns, values, roles=None) -> Table:
    rows = tuple(
        Row(
            tuple(
                v if isinstance(v, Cell) else Cell(v, None if v is not None else "N/C") for v in r
            ),
            role=(roles or {}).get(i, "data"),
        )
        for i, r in enumerate(values)
    )
    return Table(key="t", title="t", columns=tuple(columns), rows=rows)


NAME = Column("n", "Nombre")
AMOUNT_COL = Column("g", "Gasto", kind=AMOUNT, basis=NOMINAL, decimals=1)
SHARE = Column("p", "Ejecución", kind=PERCENT, unit="%")
CHART = Column("b", "Gráfico", kind=BAR, scale=1.0)

EDGE_CASES = {
    "single text column": _table([NAME], [("Arica",), ("Metropolitana de Santiago",)]),
    "single number column": _table([Column("c", "Personas", kind=COUNT)], [(3,), (1_234_567,)]),
    "empty strings": _table([NAME, AMOUNT_COL], [("", 1.0), (Cell(None, "-"), 2.0)]),
    "empty header": _table([Column("x", ""), AMOUNT_COL], [("a", 1.0), ("bb", None)]),
    "wide unicode": _table(
        [NAME, SHARE],
        [("北京市 東京都", 12.5), ("Ñuñoa ñandú", 50), ("👩‍👩‍👧 familia", 1), ("emoji 🎉🎉", 3)],
    ),
    "combining accents": _table([NAME, SHARE], [("Conce\u0301pcion", 1), ("Ni\u0303o", 2)]),
    "long text column": _table(
        [NAME, AMOUNT_COL],
        [("Programa de " * 30 + "fin", 12345.6), ("corto", 1.0)],
    ),
    "text longer than its header, header longer than text": _table(
        [Column("n", "Un encabezado muy largo"), SHARE], [("a", 1), ("b", None)]
    ),
    "missing codes": _table(
        [NAME, AMOUNT_COL, SHARE],
        [
            ("a", Cell(None, "N/C"), Cell(None, "S/I")),
            ("b", Cell(None, "N/A", written="N/A*"), Cell(None, "-")),
        ],
    ),
    "bars with and without targets": _table(
        [NAME, SHARE, CHART],
        [
            ("sin valor", None, Cell(Bar(None))),
            ("sin meta", 40, Cell(Bar(0.4))),
            ("meta cumplida", 100, Cell(Bar(1.0, target=0.8, reached=True))),
            ("meta no cumplida", 30, Cell(Bar(0.3, target=0.9))),
            ("meta al inicio", 5, Cell(Bar(0.05, target=0.0))),
            ("meta sin valor", None, Cell(Bar(None, target=0.5))),
            ("tiny", 1, Cell(Bar(0.01))),
        ],
    ),
    "total and apart rows, sections": _table(
        [NAME, AMOUNT_COL, SHARE],
        [("a", 1.0, 10), ("b", 2.0, 20), ("Total", 3.0, 30), ("Nivel central", 4.0, 40)],
        roles={2: TOTAL, 3: APART},
    ),
    "a total first and last": _table(
        [NAME, AMOUNT_COL], [("Total", 3.0), ("a", 1.0), ("Total", 3.0)], roles={0: TOTAL, 2: TOTAL}
    ),
    "trailing spaces in a number's header": _table(
        [NAME, Column("y", "Año  ", kind=YEAR), Column("c", " N ", kind=COUNT)],
        [("a", 2020, 1), ("b", 2021, 2)],
    ),
    "spaces around text": _table(
        [NAME, Column("y", "Año", kind=TEXT)], [("  a  ", " x "), ("b ", "y")]
    ),
}


@pytest.mark.parametrize("name", EDGE_CASES)
def test_edge_cases_are_drawn_as_rich_draws_them(name):
    assert_same(EDGE_CASES[name])


def test_row_backgrounds_column_styles_and_a_last_section_end():
    """Settings grid() leaves alone but render_grid still draws: a row's background (the
    blank dividers take it), a column's style, a header style, the last row ending a section."""
    c = console()
    table = grid(EDGE_CASES["total and apart rows, sections"], marked=True)
    table.header_style = "bold magenta"
    table.columns[1].style = "red"
    table.columns[2].header_style = "underline"
    table.add_row(Text("x"), Text("1"), Text("2", style="dim"), style=Style(bgcolor="blue"))
    table.add_row(Text("y"), Text(""), Text(""), style="on red", end_section=True)
    options = c.options.update(width=NATURAL)
    fast = grid_lines(c, options, table)
    assert fast is not None
    assert drawn(fast) == drawn(by_rich(c, table, options))


def test_the_marked_rows_say_their_row_and_the_roles_keep_their_styles():
    """What the pane's cursor reads (row_of) and how a total and a row apart look."""
    t = EDGE_CASES["total and apart rows, sections"]
    lines = grid_lines(console(), console().options.update(width=NATURAL), grid(t, marked=True))
    assert [row_of(line) for line in lines] == [None, None, 0, 1, None, 2, None, 3]
    total, apart = lines[5][0].style, lines[7][0].style
    assert total.bold and not total.italic and total.meta == {ROW_META: 2}
    assert apart.italic and not apart.bold


def test_unusual_tables_are_left_to_rich():
    """Cells that wrap, hold a line break or a tab, or a table narrower than its natural
    width: no fast drawing, so TableBlock draws them with Rich."""
    c = console()
    t = EDGE_CASES["single text column"]
    assert grid_lines(c, c.options.update(width=10), grid(t)) is None
    for odd in ("a\nb", "a\tb", "a\x1bb"):
        table = grid(t)
        table.add_row(Text(odd))
        assert grid_lines(c, c.options.update(width=NATURAL), table) is None
    boxed = grid(t)
    boxed.show_edge = True
    assert grid_lines(c, c.options.update(width=NATURAL), boxed) is None
    styled = grid(t)
    styled.add_row(Text("x", justify="center"))
    assert grid_lines(c, c.options.update(width=NATURAL), styled) is None


# Texts with more characters than cells, longer than TEXT_MIN: those cells are drawn by Rich.
ZERO_WIDTH = _table(
    [NAME, SHARE], [("Conce\u0301pcion de la Frontera\u0301 ", 1), ("👩\u200d👩\u200d👧 x " * 3, 2)]
)


@pytest.mark.parametrize("name", [*EDGE_CASES, "zero width"])
def test_table_block_draws_and_measures_as_rich_alone(name, monkeypatch):
    """natural, needed and lines (a narrow and a wide pane) give what they give with Rich
    drawing every grid (render_grid covering none)."""
    import fichas_tui.render.rich_tables as render_rich

    t = ZERO_WIDTH if name == "zero width" else EDGE_CASES[name]
    c = console()

    def measured(fit: bool) -> list:
        out = []
        for width in (20, 60, 200):
            block = TableBlock(t, fit=fit)
            out += [
                drawn(block.lines(c, c.options, width)),
                drawn(block.natural(c, c.options)),
                block.needed(c, c.options),
                drawn(c.render_lines(block, c.options.update(width=width), pad=False)),
            ]
        return out

    fast = [measured(fit) for fit in (False, True)]
    monkeypatch.setattr(render_rich, "grid_lines", lambda *_args: None)
    assert fast == [measured(fit) for fit in (False, True)]


def test_cells_rich_wraps_are_drawn_by_rich():
    """A cell with more characters than cells (zero-width ones), or one longer than its
    column: Rich draws that cell, its row's other cells padded below as Table does."""
    assert_same(ZERO_WIDTH)
    assert_same(EDGE_CASES["long text column"])
