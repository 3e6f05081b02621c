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
from ...render.rich_tables import Styles
from ...render.rich_tables import bar as bar_text
from ...render.rich_tables import cell as cell_text
from ...render.rich_tables import header as column_header
from ...text import clean
from ...views.across import MEASURES, AcrossView, ranking_view
from ...views.model import Cell, Column
from ...views.pesos import Pesos
from ...views.region_programs import region_bars, region_view
from ..theme_styles import WARNING, render_styles, themed
from ..widgets.key_bar import KeyBar
from .across_layout import (
    NARROW,
    REGIONS,
    fit,
    header_width,
    name_width,
    opening_region,
    split_header,
    status_text,
)

# Rows drawn at most (the CLI gives them all: fichas ranking --csv).
MAX_ROWS = 1000
MEASURE_KEYS = tuple(MEASURES)
BINS = 24  # distribution bars
HEADING = "§"  # key prefix of a section's heading row (program ids are slugs: never this)
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
    region: str | None = None  # None: the open program's largest (views.region_programs)
    descending: bool = True
    row: str | None = None  # program_id under the cursor
    program: tuple[str, int | None] | None = None  # the program open (id, ficha year)


class Computed(Message):
    def __init__(
        self,
        token: int,
        view: AcrossView | None,
        problem: str | None = None,
        state: AcrossState | None = None,
    ) -> None:
        super().__init__()
        self.token, self.view, self.problem = token, view, problem
        self.state = state  # the state computed (with the region chosen, when it was None)


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
        self._index: list[int | None] = []  # table row -> view row (None: a heading)

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
                if state.region is None:
                    state = replace(state, region=opening_region(store, state.program))
                assert state.region is not None
                present = region_rows(store, state.region, Selection())
                view = region_view(present, state.region, pesos=pesos)
            view.page(0, MAX_ROWS)  # built here, off the UI thread
            if view.apart is not None:
                view.records  # noqa: B018 (built off the UI thread too)
            self.post_message(Computed(token, view, state=state))
        except DatasetError as exc:
            self.post_message(Computed(token, None, str(exc)))

    def on_computed(self, message: Computed) -> None:
        if message.token != self._token:
            return  # a newer request is on its way: this one is stale
        status = self.query_one("#across-status", Static)
        if message.view is None:
            status.update(Text(f"No se puede leer el dataset: {clean(message.problem)}"))
            return
        if message.state is not None and message.state.region != self.state.region:
            self.state = replace(self.state, region=message.state.region)
        self.view = view = message.view
        self._draw(view)

    # -- drawing --------------------------------------------------------------------------

    def _draw(self, view: AcrossView) -> None:
        head = view.header
        title = Text(clean(head.title))
        # the basis in force: converted to the target's pesos, or each ficha's (the ranked
        # amounts in the newest of them); the rows in others are under their own headings
        if self.pesos.target is not None:
            title.append(f" · {self.pesos.label}", style=themed(self.app, WARNING, bold=True))
        elif view.basis is not None:
            title.append(f" · {view.basis.label}, {self.pesos.label}")
        else:
            title.append(f" · montos en {self.pesos.label}")
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
        self._fill(view)
        self._update_status()

    def _fill(self, view: AcrossView) -> None:
        """The table: the ranked rows, then each section apart under a heading row."""
        head = view.header
        table = self.query_one(DataTable)
        table.clear(columns=True)
        other = view.counts.get("other_basis", 0) > 0
        rows = view.page(0, MAX_ROWS)
        region = self.state.kind == "region"
        bars = region_bars(view, rows) if region else [()] * len(rows)
        keys = []
        for column in head.columns:
            keys.append(column.key)
            if column.key == "value" and other:
                keys.append("basis")  # right after the figure: in view at 60 columns
            if region and column.key in BARS:
                keys.append(BARS[column.key])
        drawn: list[list[Text]] = []
        styles = render_styles(self.app)
        for row, row_bars in zip(rows, bars, strict=True):
            cells: dict[str, Text] = {}
            for col, c in zip(head.columns, row.cells, strict=True):
                cells[col.key] = _cell(col, c, styles)
                if region and col.key in BARS:
                    bar = row_bars[list(BARS).index(col.key)]
                    cells[BARS[col.key]] = bar_text(bar, BAR_WIDTH, styles)
            if other:
                value = row.cells[head.column("value")]
                same = (
                    value.basis is None
                    or view.basis is None
                    or (value.basis.price_year == view.basis.price_year)
                )
                cells["basis"] = Text("" if same or value.basis is None else value.basis.label)
            drawn.append([cells[k] for k in keys])
        narrow = self.size.width < NARROW
        titles = {c.key: column_header(c) for c in head.columns} | {"basis": "Base"}
        headers = [split_header(titles.get(k, ""), narrow) for k in keys]
        widths = {
            k: max([header_width(h)] + [cells[i].cell_len for cells in drawn])
            for i, (k, h) in enumerate(zip(keys, headers, strict=True))
        }
        headings = [f"─ {s.label.capitalize()}" for s in view.sections]
        natural = max([widths.pop("program_name")] + [Text(h).cell_len for h in headings])
        widths["program_name"] = name_width(self.size.width, natural, widths)
        table.header_height = 2 if any("\n" in h for h in headers) else 1
        for key, header_text in zip(keys, headers, strict=True):
            table.add_column(Text(header_text), key=key, width=widths[key])
        i_name = keys.index("program_name")
        starts = {s.start: s for s in view.sections}
        self._index = []
        for i, (row, line) in enumerate(zip(rows, drawn, strict=True)):
            if i in starts:
                heading = [Text("") for _ in keys]
                label = headings[view.sections.index(starts[i])]
                heading[i_name] = fit(Text(label, style="bold"), widths["program_name"])
                table.add_row(*heading, key=f"{HEADING}{i}")
                self._index.append(None)
            line[i_name] = fit(line[i_name], widths["program_name"])
            table.add_row(*line, key=row.key)
            self._index.append(i)
        if self.state.row is not None:
            index = next((i for i, r in enumerate(rows) if r.key == self.state.row), None)
            if index is not None:
                table.move_cursor(row=self._index.index(index))

    def _records(self, view: AcrossView) -> list[dict]:
        # the records of the rows drawn (they are built with them, so this is cheap)
        return [view._row(i)[1] for i in range(min(view.size, MAX_ROWS))]

    def _update_status(self) -> None:
        if self.view is None:
            return
        row = self.query_one(DataTable).cursor_row
        text = status_text(self.view, self._index, row, MAX_ROWS)
        self.query_one("#across-status", Static).update(Text(text))

    def on_data_table_row_highlighted(self, event: DataTable.RowHighlighted) -> None:
        key = event.row_key.value if event.row_key else None
        if key is not None and key.startswith(HEADING):
            key = None
        self.state = replace(self.state, row=key)
        self._update_status()

    # -- actions --------------------------------------------------------------------------

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        program_id = event.row_key.value
        if program_id is None or program_id.startswith(HEADING):
            return  # a section's heading row
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
        elif self.state.region is not None:  # else still being chosen
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
        stem = self.state.measure if self.state.kind == "ranking" else str(self.state.region)
        row = self.query_one(DataTable).cursor_row
        cursor = self._index[row] if 0 <= row < len(self._index) else None
        return Target(tables, f"{self.state.kind} {stem}", cursor)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "flip":
            return self.state.kind == "ranking"
        return True
