"""The main screen: program list beside (wide) or before (narrow) the program detail."""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from rich.text import Text
from textual import events, getters, work
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import Horizontal, Vertical
from textual.message import Message
from textual.widgets import Input, Static, TabbedContent
from textual.widgets.input import Selection

from ...data.dataset import DatasetError
from ...data.list_columns import Programs
from ...data.queries import SORT_BUDGET, SORT_NAME, ProgramRow, Store
from ...text import clean
from ...views.pesos import Pesos, main_pesos, unconverted
from ..compat import HeldFirstFrame
from ..filter_state import Filters
from ..theme_styles import WARNING, themed
from ..widgets.detail import Detail
from ..widgets.key_bar import KeyBar
from ..widgets.program_list import ProgramList
from ..widgets.search import SearchInput
from .browser_keys import BROWSER_BINDINGS
from .facet_filter import FacetFilter, FacetsRead
from .list_status import BudgetOrder, apart_heading, budget_ranks, no_match, status_line
from .program_loading import AheadRead, Loaded, ProgramLoader
from .summary_keys import summary_state

# At this width the list and the detail fit side by side; below it each gets the screen.
WIDE_MIN_WIDTH = 110

if TYPE_CHECKING:
    from ..app import FichasApp
    from .export import Target


class Reloaded(Message):
    def __init__(self, store: Store | None, problem: str | None = None) -> None:
        super().__init__()
        self.store, self.problem = store, problem


class BrowserScreen(HeldFirstFrame):
    if TYPE_CHECKING:  # the explorer's app, typed (textual.getters.app)
        app = getters.app(FichasApp)
    DEFAULT_CSS = """
    BrowserScreen #filter {
        margin: 0 1;
    }
    BrowserScreen #list-status {
        height: 1;
    }
    BrowserScreen #list-header {
        height: 1;
        color: $text-muted;
        background: $panel;
    }
    """
    BINDINGS: ClassVar[list[BindingType]] = BROWSER_BINDINGS
    # The list has the focus from the first frame (the filter box, first in the screen, would
    # take it and hand it over a frame later).
    AUTO_FOCUS = "#programs"

    def __init__(self) -> None:
        super().__init__()
        self.facets = FacetFilter(self, lambda: self.store)
        self.loader: ProgramLoader | None = None  # made with the widgets it shows in (on_mount)
        self.shown_count = 0
        self.sort = SORT_NAME
        self._budget_keys: BudgetOrder | None = None  # the order by amount, per pesos
        self.unconverted = 0  # programs whose executed amount no factor converts
        self._typing = False  # the filter is being applied for a key typed in it

    @property
    def store(self) -> Store:
        """The app's store (the app owns it; a reload replaces it there)."""
        store = self.app.store
        assert store is not None  # the browser is shown over a dataset (else EmptyScreen)
        return store

    @property
    def pesos(self) -> Pesos:
        """The basis amounts are shown in: the app's, one for every screen (p cycles it)."""
        return self.app.pesos

    @property
    def filters(self) -> Filters:
        return self.facets.filters

    def compose(self) -> ComposeResult:
        # Set before the children are styled: set on the first resize it restyles them all.
        self.set_class(self.app.size.width >= WIDE_MIN_WIDTH, "-wide", update=False)
        with Horizontal(id="body"):
            with Vertical(id="list-pane"):
                yield SearchInput(
                    placeholder="/ Buscar programa, ministerio o servicio",
                    id="filter",
                    compact=True,
                    select_on_focus=False,  # action_focus_filter selects
                    on_typed=self._typed,
                )
                yield Static(id="list-status")
                yield Static(id="list-header")
                yield ProgramList(id="programs", on_highlighted=self._highlighted)
            yield Detail(id="detail")
        yield KeyBar()

    def on_mount(self) -> None:
        plist = self.query_one(ProgramList)
        shown = self.app.settle_when_idle
        self.loader = ProgramLoader(self, lambda: self.store, self.query_one(Detail), plist, shown)
        programs = self.store.programs()
        plist.set_programs(programs)
        self._update_status(len(programs))
        plist.focus()
        # the status line's colours are the theme's: written again in a new one
        self.app.theme_changed_signal.subscribe(
            self, lambda _theme: self._update_status(self.shown_count)
        )
        self.watch(self.app, "pesos", self.set_pesos, init=False)
        self.app.after_first_frame(self.set_pesos, self.pesos)
        saved = self.app.recall("basis")  # the basis of the last run, if this dataset reaches it
        if saved and saved.isdigit():  # read after the first set_pesos, so it lands last
            self.app.after_first_frame(self.app.read_pesos, Pesos(int(saved)), False)
        elif saved != "ficha":  # nothing chosen: the default across programs
            self.app.after_first_frame(self.app.read_pesos, None, False)

    @property
    def _loader(self) -> ProgramLoader:
        assert self.loader is not None  # made on mount, before any program is asked for
        return self.loader

    # -- layout ----------------------------------------------------------------------------

    def on_resize(self, event: events.Resize) -> None:
        self.set_class(event.size.width >= WIDE_MIN_WIDTH, "-wide")
        self.call_after_refresh(self._update_header)
        self.refresh_bindings()

    @property
    def wide(self) -> bool:
        return self.has_class("-wide")

    def _show_detail(self, on: bool) -> None:
        self.set_class(on, "-detail")
        self.refresh_bindings()  # Filtros is offered only where the list is on screen

    def _update_header(self) -> None:
        self.query_one("#list-header", Static).update(
            Text(self.query_one(ProgramList).header(), style="bold")
        )

    def _update_status(self, shown: int) -> None:
        self.shown_count = shown
        text = status_line(
            shown,
            self.store.programs(),
            self.filters,
            self.facets.reading,
            self.sort == SORT_BUDGET,
            self.pesos,
            self.app.source_label,
            themed(self.app, WARNING),
            self.unconverted,
        )
        self.query_one("#list-status", Static).update(text, layout=False)  # one line, always

    def set_pesos(self, pesos: Pesos) -> None:
        """Show every amount in `pesos` (the app's, when it changes): the list (its figures
        and order) and the program."""
        self._budget_keys = None
        self.unconverted = unconverted(self.store.programs(), pesos)
        plist = self.query_one(ProgramList)
        plist.set_pesos(pesos, main_pesos(self.store.programs(), pesos))
        self._update_header()
        self.query_one(Detail).set_pesos(pesos)
        if self.sort == SORT_BUDGET:
            self.refilter()
        else:
            self._update_status(len(plist.programs))

    # -- filtering -------------------------------------------------------------------------

    def _typed(self, value: str) -> None:
        if self.is_mounted:
            self._typing = True
            try:
                self.refilter()
            finally:
                self._typing = False

    def on_input_submitted(self, event: Input.Submitted) -> None:
        """Enter in the filter opens the highlighted program; with none, the list takes focus."""
        plist = self.query_one(ProgramList)
        plist.focus()
        if plist.current is not None:
            plist.action_select()

    def refilter(self) -> None:
        """Filter the list now: an in-memory pass over the loaded program rows (a few ms even
        at 5,000 programs; no query), so the list follows each keystroke in the same frame."""
        f = self.filters
        typed = self.query_one("#filter", Input).value
        programs = self._sorted(
            self.store.filter(
                typed, ministry=f.ministry, service=f.service, year=f.year, ids=self.facets.ids
            )
        )
        plist = self.query_one(ProgramList)
        keep = plist.current.program_id if plist.current else None
        plist.set_programs(
            programs, keep=keep, empty=no_match(typed, f), heading=self._heading(programs)
        )
        self._update_status(len(programs))

    def action_filters(self) -> None:
        def done(filters: Filters | None) -> None:
            if filters is not None:
                self.apply_filters(filters)

        from .filters import FiltersScreen  # loaded on first use: not needed for the first paint

        dialog = FiltersScreen(self.store, self.store.facets(), self.filters, self.pesos.target)
        self.app.push_screen(dialog, done)

    def apply_filters(self, filters: Filters) -> None:
        """Filter the list by `filters`: at once when memory is enough, else once the dataset
        has answered which programs the facets keep (the status line says it is filtering)."""
        if self.facets.apply(filters):
            self.refilter()
        else:
            self._update_status(self.shown_count)  # the rows wait for the answer

    def on_facets_read(self, message: FacetsRead) -> None:
        if not self.facets.take(message):
            return  # stale: the user chose other filters meanwhile
        if message.problem is not None:
            self.notify(
                f"No se pudo filtrar: {message.problem}", severity="error", timeout=8, markup=False
            )
            f = message.filters
            self.apply_filters(Filters(f.ministry, f.service, f.year))
            return
        self.refilter()

    # -- loading a program -----------------------------------------------------------------

    def _highlighted(self, program: ProgramRow) -> None:
        self._loader.highlighted(program.program_id, typing=self._typing)

    @property
    def read_pending(self) -> bool:
        """A highlighted program waits for the typing pause before it is read (the tests'
        settle step waits on it)."""
        return self.loader is not None and self.loader.read_pending

    def on_program_list_selected(self, event: ProgramList.Selected) -> None:
        self._loader.selected(event.program.program_id)
        self._show_detail(True)
        self.query_one(Detail).activate(self.query_one(Detail).active_tab)

    def on_detail_year_chosen(self, event: Detail.YearChosen) -> None:
        self._loader.load(event.program_id, event.year)

    def on_tabbed_content_tab_activated(self, event: TabbedContent.TabActivated) -> None:
        self._loader.tab_shown()

    def on_loaded(self, message: Loaded) -> None:
        self._loader.on_loaded(message)

    def on_ahead_read(self, message: AheadRead) -> None:
        self._loader.on_ahead_read(message)

    def open_program(self, program_id: str, tab: str | None = None) -> None:
        """Jump to a program (command palette, Región, Ranking): clear filters so it is in
        the list; `tab`, the pane to show (else the one shown)."""
        self.facets.clear()
        plist = self.query_one(ProgramList)
        with self.query_one("#filter", Input).prevent(Input.Changed):
            self.query_one("#filter", Input).value = ""
        programs = self._sorted(self.store.filter())
        plist.set_programs(programs, keep=program_id, heading=self._heading(programs))
        self._update_status(len(programs))
        self._loader.load(program_id)
        self._show_detail(True)
        self.query_one(Detail).activate(tab or self.query_one(Detail).active_tab)

    # -- actions ---------------------------------------------------------------------------

    def action_reload(self) -> None:
        """Read the dataset folder again (after an ingest), keeping filters and program."""
        self.run_reload(self.store.folder)

    @work(thread=True, exclusive=True, group="reload")
    def run_reload(self, folder) -> None:
        try:
            self.post_message(Reloaded(Store.open(folder)))
        except (DatasetError, OSError) as exc:
            self.post_message(Reloaded(None, clean(str(exc))))

    def on_reloaded(self, message: Reloaded) -> None:
        if message.store is None:
            self.notify(
                f"No se pudo recargar el dataset: {message.problem}",
                severity="error",
                timeout=10,
                markup=False,
            )
            return
        self.app.replace_store(message.store)
        self._loader.forget()  # the program on screen is read again from the new files
        self._budget_keys = None
        if self.pesos.target is not None:  # the new dataset's factors, same target if it can
            self.app.read_pesos(self.pesos, step=False)
        self.apply_filters(self.filters)  # the facets are read again from the new files
        self.call_after_refresh(self.app.settle_memory)
        self.notify(
            f"Dataset recargado: {len(self.store.programs())} programas", timeout=3, markup=False
        )

    def action_pesos(self) -> None:
        """Cycle the basis of every amount (the app's: every screen follows it)."""
        self.app.cycle_pesos()

    def action_summary(self, kind: str) -> None:
        from .summary import SummaryScreen

        shown = self.query_one(ProgramList).programs
        typed = self.query_one("#filter", Input).value
        state = summary_state(kind, shown, typed, self.filters, self.store.programs())
        self.app.push_screen(SummaryScreen(state, self.pesos))

    def action_focus_filter(self) -> None:
        self._show_detail(False)
        # Now, not with focus() (a callback queued behind the keys already typed), and the
        # text selected now rather than by the Focus event (which may come after those keys
        # and would select them): what is typed right after `/` while the app is busy goes to
        # the filter, in place of the previous query.
        box = self.query_one("#filter", Input)
        self.set_focus(box)
        box.selection = Selection(0, len(box.value))

    def action_back(self) -> None:
        if self._in_detail() and self.app.return_to_across():
            return
        if self.has_class("-detail") or self.focused is not self.query_one(ProgramList):
            self._show_detail(False)
            self.query_one(ProgramList).focus()
        elif self.query_one("#filter", Input).value:
            self.query_one("#filter", Input).value = ""
        self.refresh_bindings()  # Volver, Filtros and Ordenar depend on where we are now

    def action_sort(self) -> None:
        if self._in_detail():
            from ..widgets.panes import RegionesPane  # with the detail (not at start)

            pane = self.query_one(Detail).pane("regiones")
            if isinstance(pane, RegionesPane):
                self.notify(f"Regiones ordenadas por {pane.cycle_sort()}", timeout=2)
            return
        self.sort = SORT_BUDGET if self.sort == SORT_NAME else SORT_NAME
        self.refilter()

    def _sorted(self, programs: Programs) -> Programs:
        """The filtered programs (by name) in the list's order, each program's rank by
        amount made once per basis (list_status.budget_ranks)."""
        if self.sort != SORT_BUDGET:
            return programs
        if self._budget_keys is None:
            self._budget_keys = budget_ranks(self.store.programs(), self.pesos)
        return programs.ranked(self._budget_keys.rank)

    def _heading(self, programs: Programs) -> tuple[int, str] | None:
        """The list's heading over the programs ranked apart, when sorted by amount."""
        if self.sort != SORT_BUDGET or self._budget_keys is None:
            return None
        return apart_heading(programs, self._budget_keys, self.pesos)

    def action_tab(self, tab_id: str) -> None:
        if self.query_one(Detail).detail is None:
            return
        self._show_detail(True)
        self.query_one(Detail).activate(tab_id)

    def action_year(self, delta: int) -> None:
        refused = self.query_one(Detail).step_year(delta)
        if refused is not None:
            self.notify(refused, timeout=3, markup=False)

    def action_formulas(self) -> None:
        from ..widgets.panes import IndicadoresPane  # with the detail (not at start)

        pane = self.query_one(Detail).pane("indicadores")
        if isinstance(pane, IndicadoresPane):
            pane.toggle_formulas()

    def compare_from(self):
        """(program, year) that c compares: the program open in the detail (its ficha's year)
        when the focus is there, else the list's highlighted one (its latest ficha)."""
        detail = self.query_one(Detail).detail
        if self._in_detail() and detail is not None:
            return detail.program, detail.year
        current = self.query_one(ProgramList).current
        return (current, None) if current is not None else None

    def export_target(self) -> Target | None:
        """What e, y and Y act on here: the pane on screen when the focus is in a program,
        else the program list."""
        from .export import list_target, pane_target

        if self._in_detail():
            return pane_target(self.query_one(Detail))
        return list_target(self.query_one(ProgramList))

    def _in_detail(self) -> bool:
        focused = self.focused
        detail = self.query_one(Detail)
        return focused is not None and (focused is detail or detail in focused.ancestors)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        # The key bar shows only what applies where the focus is.
        if action == "formulas":
            return self._in_detail() and self.query_one(Detail).active_tab == "indicadores"
        if action == "year":  # on a single ficha it says there is no other year
            return self.query_one(Detail).detail is not None
        if action == "sort" and self._in_detail():  # in a program it sorts Regiones only
            return self.query_one(Detail).active_tab == "regiones"
        if action in ("filters", "summary"):  # the list's: not offered while it is hidden
            return not self.has_class("-detail") or self.has_class("-wide")
        if action == "back":  # on the list with nothing typed there is nothing to go back from
            return (
                self.has_class("-detail")
                or self.focused is not self.query_one(ProgramList)
                or bool(self.query_one("#filter", Input).value)
                or self.app.across_return is not None
            )
        return True


__all__ = ["BrowserScreen"]
