"""Totales (s) and Regiones (R): the list's selection summed, by group or by region.

The programs are those the list shows when the key is pressed (its search and filters, and the
filter's year); the sums are computed by a thread worker (exclusive, stale results dropped by
token) and drawn as one table with bars. `[`/`]` change the grouping of Totales, `p` the pesos.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, ClassVar

from rich.text import Text
from textual import getters, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.message import Message
from textual.screen import Screen
from textual.widgets import DataTable, Static

from ...data.across import Selection
from ...data.dataset import DatasetError
from ...render.rich_tables import Styles
from ...render.rich_tables import bar as bar_text
from ...render.rich_tables import cell as cell_text
from ...render.rich_tables import header as column_header
from ...text import clean
from ...views.model import BAR, TOTAL, Bar, Cell, Column, Table
from ...views.pesos import EACH_FICHA, Pesos
from ..theme_styles import render_styles
from ..widgets.key_bar import KeyBar

if TYPE_CHECKING:
    from ..app import FichasApp

GROUPINGS = ("ministerio", "servicio", "region", "hallazgo")
BAR_WIDTH = 10
# Group names are cut on screen (whole in export) so the amount, its share and bar stay in view.
NAME_WIDTH = (16, 34)  # at least, at most
FIGURES_WIDTH = 56  # what the first columns after the name take


@dataclass(frozen=True)
class SummaryState:
    """What a summary shows: the kind, the grouping, and the selection it sums."""

    kind: str  # "totales" or "regiones"
    by: str = "ministerio"
    year: int | None = None  # the list's year filter: each program's ficha of that year
    ids: tuple[str, ...] | None = None  # the list's programs; None: every program
    scope: str = ""  # the selection in words, for the title


class Summed(Message):
    def __init__(
        self, token: int, table: Table | None, pesos: Pesos, problem: str | None = None
    ) -> None:
        super().__init__()
        self.token, self.table, self.pesos, self.problem = token, table, pesos, problem


def compute_table(store, state: SummaryState, pesos: Pesos) -> Table:
    """The summary's table (run in a worker: it queries the dataset)."""
    selection = Selection(year=state.year)
    if state.kind == "totales":
        from ...data.totals import totals_inputs
        from ...views.totals import totals_view

        inputs = totals_inputs(store, state.by, selection, state.ids)
        return totals_view(state.by, *inputs, pesos=pesos).table
    from ...data.totals import region_totals, selected_years
    from ...views.regions_summary import regions_view

    sums = region_totals(store, selection, state.ids)
    years = selected_years(store, selection, state.ids)
    return regions_view(sums, pesos=pesos, years=years).table


def _cell(column: Column, cell: Cell, styles: Styles) -> Text:
    if column.kind == BAR or isinstance(cell.value, Bar):
        value = cell.value if isinstance(cell.value, Bar) else Bar(None)
        return bar_text(value, BAR_WIDTH, styles)
    text = cell_text(column, cell, styles)
    if column.numeric:
        text.justify = "right"
    return text


class SummaryScreen(Screen[None]):
    if TYPE_CHECKING:  # the explorer's app, typed (textual.getters.app)
        app = getters.app(FichasApp)

    DEFAULT_CSS = """
    SummaryScreen { layout: vertical; }
    SummaryScreen #summary-title { height: auto; padding: 0 1; text-style: bold; }
    SummaryScreen #summary-notes { height: auto; max-height: 5; padding: 0 1; color: $text-muted; }
    SummaryScreen DataTable { height: 1fr; }
    SummaryScreen #summary-status { height: 1; padding: 0 1; background: $boost; }
    """
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "back", "Volver", id="resumen.volver", tooltip="Volver a la lista"),
        Binding(
            "left_square_bracket",
            "step(-1)",
            "Anterior",
            key_display="[",
            id="resumen.agrupar",
            tooltip="Totales: agrupar por ministerio, servicio, región o hallazgo",
        ),
        Binding(
            "right_square_bracket",
            "step(1)",
            "Siguiente",
            key_display="]",
            id="resumen.agrupar",
            tooltip="Totales: agrupar por ministerio, servicio, región o hallazgo",
        ),
        Binding(
            "p",
            "pesos",
            "Pesos",
            id="resumen.pesos",
            tooltip="Montos en los pesos de cada ficha o en M$ de un año (los de la lista)",
        ),
    ]

    def __init__(self, state: SummaryState, pesos: Pesos = EACH_FICHA) -> None:
        super().__init__()
        self.state = state
        self.pesos = pesos
        self.table: Table | None = None
        self._token = 0

    def compose(self) -> ComposeResult:
        yield Static(id="summary-title")
        yield Static(id="summary-notes")
        yield DataTable(id="summary-table", cursor_type="row", zebra_stripes=True)
        yield Static(id="summary-status")
        yield KeyBar()

    def on_mount(self) -> None:
        self.query_one(DataTable).focus()
        self.recompute()
        # the bars' colours are the theme's: drawn again in a new one
        self.app.theme_changed_signal.subscribe(self, self._theme_changed)
        self.watch(self.app, "pesos", self._pesos_changed, init=False)

    def _pesos_changed(self, pesos: Pesos) -> None:
        if pesos != self.pesos:  # not the one this screen just chose (on_summed)
            self.pesos = pesos
            self.recompute()

    def _theme_changed(self, _theme: object) -> None:
        if self.table is not None:
            self._draw(self.table)

    def recompute(self, step: bool = False) -> None:
        self._token += 1
        self.query_one("#summary-status", Static).update(Text("Calculando…"))
        self.compute(self._token, self.state, self.pesos, step)

    @work(thread=True, exclusive=True, group="summary")
    def compute(self, token: int, state: SummaryState, pesos: Pesos, step: bool) -> None:
        """The table in `pesos` (with `step`, the basis after it: p, the factors read here)."""
        store = self.app.store
        assert store is not None  # opened from the list, which has a dataset
        try:
            if step:
                pesos = Pesos(pesos.target, store.deflators()).following()
            table = compute_table(store, state, pesos)
        except DatasetError as exc:
            self.post_message(Summed(token, None, pesos, str(exc)))
            return
        self.post_message(Summed(token, table, pesos))

    def on_summed(self, message: Summed) -> None:
        if message.token != self._token:
            return  # a newer request is on its way
        status = self.query_one("#summary-status", Static)
        if message.table is None:
            status.update(Text(f"No se puede leer el dataset: {clean(message.problem)}"))
            return
        if message.pesos != self.pesos:  # p here: the app's, so the list below follows
            self.pesos = message.pesos
            self.app.pesos = message.pesos
        self.table = message.table
        self._draw(message.table)

    def _draw(self, table: Table) -> None:
        title = Text(clean(table.title))
        title.append(f" · {self.state.scope}", style="")
        hint = "   [ ] agrupar · p pesos" if self.state.kind == "totales" else "   p pesos"
        title.append(hint, style="dim")
        self.query_one("#summary-title", Static).update(title)
        notes = "\n".join(clean(n) for n in table.notes)
        self.query_one("#summary-notes", Static).update(Text(notes))
        grid = self.query_one(DataTable)
        grid.clear(columns=True)
        styles = render_styles(self.app)
        drawn = [
            [_cell(col, c, styles) for col, c in zip(table.columns, row.cells, strict=True)]
            for row in table.rows
        ]
        for i, column in enumerate(table.columns):
            head = Text(column_header(column) if column.kind != BAR else "")
            width = max([head.cell_len] + [cells[i].cell_len for cells in drawn])
            if i == 0:
                low, high = NAME_WIDTH
                width = min(width, max(low, min(high, self.app.size.width - FIGURES_WIDTH)))
                for cells in drawn:  # a name cut says so ("…"); the table would just crop it
                    if cells[0].cell_len > width:
                        cells[0] = cells[0].copy()
                        cells[0].truncate(width, overflow="ellipsis")
            grid.add_column(head, key=column.key, width=width)
        for row, cells in zip(table.rows, drawn, strict=True):
            if row.role == TOTAL:
                cells = [c.copy() for c in cells]
                for c in cells:
                    c.stylize("bold")
            grid.add_row(*cells, key=row.key)
        groups = sum(1 for r in table.rows if r.role != TOTAL)
        self.query_one("#summary-status", Static).update(
            Text(f"{groups} filas · {self.pesos.label} · Esc vuelve a la lista")
        )

    # -- actions --------------------------------------------------------------------------

    def action_back(self) -> None:
        self.dismiss()

    def action_step(self, delta: int) -> None:
        i = (GROUPINGS.index(self.state.by) + delta) % len(GROUPINGS)
        self.state = replace(self.state, by=GROUPINGS[i])
        self.recompute()

    def action_pesos(self) -> None:
        """The next basis, as p on the list (the list follows, so both stay in one)."""
        self.recompute(step=True)

    def export_target(self):
        """What e, y and Y act on here: the summary's table."""
        from .export import Target

        if self.table is None:
            return None
        cursor = self.query_one(DataTable).cursor_row if self.table.rows else None
        return Target([self.table], f"{self.state.kind} {self.state.by}", cursor)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "step":
            return self.state.kind == "totales"
        return True
