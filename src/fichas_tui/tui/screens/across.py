"""Región and Ranking: the views across programs in the explorer (r and K).

Each screen draws a view of views/across.py or views/region.py, computed by a thread worker
(exclusive: a newer request cancels the older, and a result that arrives after a newer request
is dropped by its token). Enter opens the program under the cursor on its Regiones pane; Esc
there comes back here, to the same row.
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
from textual.widgets import DataTable, Sparkline, Static

from ...data.across import Selection, measure_rows, region_rows
from ...data.dataset import DatasetError
from ...data.queries import Store
from ...geography import CANONICAL_REGIONS, NIVEL_CENTRAL
from ...render.rich_tables import Styles
from ...render.rich_tables import bar as bar_text
from ...render.rich_tables import cell as cell_text
from ...render.rich_tables import header as column_header
from ...text import clean
from ...views.across import MEASURES, AcrossView, ranking_view
from ...views.figures import number
from ...views.model import Cell, Column
from ...views.pesos import Pesos
from ...views.region_programs import region_bars, region_view
from ..theme_styles import WARNING, render_styles, themed
from ..widgets.key_bar import KeyBar

# Rows drawn at most (the CLI gives them all: fichas ranking --csv).
MAX_ROWS = 1000
REGIONS = (*CANONICAL_REGIONS, NIVEL_CENTRAL)
MEASURE_KEYS = tuple(MEASURES)
BINS = 24  # distribution bars
NAME_WIDTH = 36  # program names are cut here on screen (whole in the status line and export)
BAR_WIDTH = 10
# Región: a bar after each of these columns (spending there, share of the program's spending)
BARS = {"value": "bar_value", "share_pct": "bar_share"}
BARS_NOTE = "Barras: gasto, a escala del mayor de la lista; % del programa, sobre 100 %."

if TYPE_CHECKING:
    from ..app import FichasApp


@dataclass(frozen=True)
class AcrossState:
    """What a screen shows, kept by the app so Esc from a program comes back to it."""

    kind: str  # "ranking" or "region"
    measure: str = "gasto"
    region: str = "Coquimbo"
    descending: bool = True
    row: str | None = None  # program_id under the cursor


class Computed(Message):
    def __init__(self, token: int, view: AcrossView | None, problem: str | None = None) -> None:
        super().__init__()
        self.token, self.view, self.problem = token, view, problem


def distribution(values: list[float], bins: int = BINS) -> list[float]:
    """Counts of `values` in equal-width bins from the smallest to the largest (a histogram for
    the sparkline); one bin when they are all equal, none without values."""
    if not values:
        return []
    low, high = min(values), max(values)
    if high == low:
        return [float(len(values))]
    counts = [0.0] * bins
    for v in values:
        counts[min(bins - 1, int((v - low) / (high - low) * bins))] += 1
    return counts


def _cell(column: Column, cell: Cell, styles: Styles) -> Text:
    """A cell as the panes draw it, figures right-aligned; no rank is blank, not a code."""
    if column.key == "rank" and cell.value is None:
        return Text("")
    text = cell_text(column, cell, styles)
    if column.numeric:
        text.justify = "right"
    return text


class AcrossScreen(Screen[None]):
    if TYPE_CHECKING:  # the explorer's app, typed (textual.getters.app)
        app = getters.app(FichasApp)

    DEFAULT_CSS = """
    AcrossScreen { layout: vertical; }
    AcrossScreen #across-title { height: auto; padding: 0 1; text-style: bold; }
    AcrossScreen #across-notes { height: auto; max-height: 5; padding: 0 1; color: $text-muted; }
    AcrossScreen #across-dist { height: 2; margin: 0 1; }
    AcrossScreen #across-dist.-hidden { display: none; }
    AcrossScreen DataTable { height: 1fr; }
    AcrossScreen #across-status { height: 1; padding: 0 1; background: $boost; }
    """
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding(
            "escape",
            "back",
            "Volver",
            id="entre.volver",
            tooltip="Volver a la lista (Enter abre el programa en Regiones; Esc allí vuelve "
            "a la misma fila)",
        ),
        Binding(
            "left_square_bracket",
            "step(-1)",
            "Anterior",
            key_display="[",
            id="entre.paso",
            tooltip="Medida (Ranking) o región (Región) anterior / siguiente",
        ),
        Binding(
            "right_square_bracket",
            "step(1)",
            "Siguiente",
            key_display="]",
            id="entre.paso",
            tooltip="Medida (Ranking) o región (Región) anterior / siguiente",
        ),
        Binding(
            "s", "flip", "Invertir orden", id="entre.orden", tooltip="Ranking: invertir el orden"
        ),
        Binding(
            "p",
            "pesos",
            "Pesos",
            id="entre.pesos",
            tooltip="Región y Ranking: montos en los pesos de cada ficha o en M$ de un año, "
            "los mismos de la pantalla principal (≈ convertido; † sin factor)",
        ),
    ]

    def __init__(self, state: AcrossState) -> None:
        super().__init__()
        self.state = state
        self.view: AcrossView | None = None
        self._token = 0

    def compose(self) -> ComposeResult:
        yield Static(id="across-title")
        yield Static(id="across-notes")
        yield Sparkline([], id="across-dist")
        yield DataTable(id="across-table", cursor_type="row", zebra_stripes=True)
        yield Static(id="across-status")
        yield KeyBar()

    def on_mount(self) -> None:
        self.query_one("#across-dist").set_class(self.state.kind != "ranking", "-hidden")
        self.query_one(DataTable).focus()
        self.recompute()
        # the title's colours are the theme's: drawn again in a new one
        self.app.theme_changed_signal.subscribe(self, self._theme_changed)
        self.watch(self.app, "pesos", self.recompute, init=False)  # p here or anywhere

    @property
    def pesos(self) -> Pesos:
        """The app's basis, the main screen's too (p changes both)."""
        return self.app.pesos

    def _theme_changed(self, _theme: object) -> None:
        if self.view is not None:
            self._draw(self.view)

    # -- computing ------------------------------------------------------------------------

    def recompute(self) -> None:
        self._token += 1
        self.query_one("#across-status", Static).update(Text("Calculando…"))
        self.compute(self._token, self.state, self.pesos)

    @property
    def store(self) -> Store:
        store = self.app.store
        assert store is not None  # opened from the browser, over a dataset
        return store

    @work(thread=True, exclusive=True, group="across")
    def compute(self, token: int, state: AcrossState, pesos: Pesos) -> None:
        store = self.store
        try:
            if state.kind == "ranking":
                ranked = measure_rows(store, state.measure, Selection())
                view = ranking_view(ranked, state.measure, descending=state.descending, pesos=pesos)
            else:
                present = region_rows(store, state.region, Selection())
                view = region_view(present, state.region, pesos=pesos)
            view.page(0, MAX_ROWS)  # built here, off the UI thread
            if view.apart is not None:
                view.records  # noqa: B018 (built off the UI thread too)
            self.post_message(Computed(token, view))
        except DatasetError as exc:
            self.post_message(Computed(token, None, str(exc)))

    def on_computed(self, message: Computed) -> None:
        if message.token != self._token:
            return  # a newer request is on its way: this one is stale
        status = self.query_one("#across-status", Static)
        if message.view is None:
            status.update(Text(f"No se puede leer el dataset: {clean(message.problem)}"))
            return
        self.view = view = message.view
        self._draw(view)

    # -- drawing --------------------------------------------------------------------------

    def _draw(self, view: AcrossView) -> None:
        head = view.header
        title = Text(clean(head.title))
        # the basis in force: the ranked amounts' pesos, and whether each ficha's or converted
        if view.basis is not None:
            converted = themed(self.app, WARNING, bold=True) if self.pesos.target else ""
            title.append(f" · {view.basis.label}", style=converted)
            if self.pesos.target is None:
                title.append(f", {self.pesos.label}", style="")
        else:
            title.append(f" · montos en {self.pesos.label}", style="")
        if self.state.kind == "ranking":
            title.append("   [ ] medida · s invierte el orden", style="dim")
        else:
            title.append("   [ ] región", style="dim")
        self.query_one("#across-title", Static).update(title)
        notes = [*head.notes]
        if head.order:
            notes.append(f"Orden: {head.order}.")
        if view.apart is not None and view.apart.rows:
            names = ", ".join(clean(str(r.cells[0].value)) for r in view.apart.rows[:6])
            more = f" y {len(view.apart.rows) - 6} más" if len(view.apart.rows) > 6 else ""
            notes.append(f"Sin desglose regional ({len(view.apart.rows)}): {names}{more}.")
        if self.state.kind == "region" and view.size:
            notes.append(BARS_NOTE)  # last: the notes box shows five lines at most
        self.query_one("#across-notes", Static).update(Text("\n".join(clean(n) for n in notes)))
        if self.state.kind == "ranking":
            ranked = [
                r["value"] for r in self._records(view) if r["rank"] is not None
            ]  # the main group only: one basis
            self.query_one(Sparkline).data = distribution(ranked)
        table = self.query_one(DataTable)
        table.clear(columns=True)
        other = view.counts.get("other_basis", 0) > 0
        rows = view.page(0, MAX_ROWS)
        region = self.state.kind == "region"
        bars = region_bars(view, rows) if region else [()] * len(rows)
        drawn = []
        styles = render_styles(self.app)
        for row, row_bars in zip(rows, bars, strict=True):
            cells = []
            for col, c in zip(head.columns, row.cells, strict=True):
                cells.append(_cell(col, c, styles))
                if region and col.key in BARS:
                    bar = row_bars[list(BARS).index(col.key)]
                    cells.append(bar_text(bar, BAR_WIDTH, styles))
            if other:
                value = row.cells[head.column("value")]
                same = (
                    value.basis is None
                    or view.basis is None
                    or (value.basis.price_year == view.basis.price_year)
                )
                cells.append(Text("" if same or value.basis is None else value.basis.label))
            drawn.append(cells)
        headers, keys = [], []
        for column in head.columns:
            headers.append(Text(column_header(column)))
            keys.append(column.key)
            if region and column.key in BARS:
                headers.append(Text(""))
                keys.append(BARS[column.key])
        if other:
            headers.append(Text("Base"))
            keys.append("basis")
        for i, (title, key) in enumerate(zip(headers, keys, strict=True)):
            # widths from the content, set once: names capped so the figures stay in view
            width = max([title.cell_len] + [cells[i].cell_len for cells in drawn])
            if key == "program_name":
                width = min(width, NAME_WIDTH)
            table.add_column(title, key=key, width=width)
        for row, cells in zip(rows, drawn, strict=True):
            table.add_row(*cells, key=row.key)
        if self.state.row is not None:
            index = next((i for i, r in enumerate(rows) if r.key == self.state.row), None)
            if index is not None:
                table.move_cursor(row=index)
        self._update_status()

    def _records(self, view: AcrossView) -> list[dict]:
        # the records of the rows drawn (they are built with them, so this is cheap)
        return [view._row(i)[1] for i in range(min(view.size, MAX_ROWS))]

    def _update_status(self) -> None:
        view = self.view
        if view is None:
            return
        table = self.query_one(DataTable)
        counts = view.counts
        ranked = sum(1 for r in self._records(view) if r["rank"] is not None)
        parts = []
        if view.size > MAX_ROWS:
            parts.append(f"se muestran {number(MAX_ROWS)} de {number(view.size)}")
        if view.size and 0 <= table.cursor_row < min(view.size, MAX_ROWS):
            record = view._row(table.cursor_row)[1]
            rank = record["rank"]
            where = f"posición {rank} de {ranked}" if rank is not None else "sin posición"
            parts.insert(0, f"{clean(record['program_name'])}: {where}")
        missing = counts.get("missing", 0)
        parts.append(f"{number(counts.get('programs', 0))} programas, {number(missing)} sin dato")
        self.query_one("#across-status", Static).update(Text(" · ".join(parts)))

    def on_data_table_row_highlighted(self, event: DataTable.RowHighlighted) -> None:
        self.state = replace(self.state, row=event.row_key.value if event.row_key else None)
        self._update_status()

    # -- actions --------------------------------------------------------------------------

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        program_id = event.row_key.value
        if program_id is None:
            return
        self.app.across_return = replace(self.state, row=program_id)  # for Esc, see browser
        self.dismiss()
        self.app.open_program(program_id, tab="regiones")

    def action_back(self) -> None:
        self.app.across_return = None
        self.dismiss()

    def action_step(self, delta: int) -> None:
        if self.state.kind == "ranking":
            keys = MEASURE_KEYS
            i = (keys.index(self.state.measure) + delta) % len(keys)
            self.state = replace(self.state, measure=keys[i], row=None)
        else:
            i = (REGIONS.index(self.state.region) + delta) % len(REGIONS)
            self.state = replace(self.state, region=REGIONS[i], row=None)
        self.recompute()

    def action_pesos(self) -> None:
        """The next basis, the app's: here and on the main screen below (app.cycle_pesos)."""
        self.app.cycle_pesos()

    def action_flip(self) -> None:
        self.state = replace(self.state, descending=not self.state.descending)
        self.recompute()

    def export_target(self):
        """What e, y and Y act on here: the whole view (and the programs kept apart)."""
        from .export import Target

        if self.view is None:
            return None
        tables = [self.view.table]
        if self.view.apart is not None and self.view.apart.rows:
            tables.append(self.view.apart)
        stem = self.state.measure if self.state.kind == "ranking" else self.state.region
        cursor = self.query_one(DataTable).cursor_row if self.view.size else None
        return Target(tables, f"{self.state.kind} {stem}", cursor)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "flip":
            return self.state.kind == "ranking"
        return True
