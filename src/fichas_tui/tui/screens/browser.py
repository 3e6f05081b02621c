"""The main screen: program list beside (wide) or before (narrow) the program detail."""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from rich.text import Text
from textual import events, getters, work
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import Horizontal, Vertical
from textual.message import Message
from textual.timer import Timer
from textual.widgets import Input, Static
from textual.widgets.input import Selection

from ...data.dataset import DatasetError
from ...data.list_columns import Programs
from ...data.queries import SORT_BUDGET, SORT_NAME, ProgramRow, Store
from ...text import clean, one_line
from ...views.figures import years_label
from ...views.pesos import EACH_FICHA, Pesos, executed, executed_key, main_pesos
from ..compat import HeldFirstFrame
from ..filter_state import Filters
from ..theme_styles import WARNING, themed
from ..widgets.detail import Detail
from ..widgets.key_bar import KeyBar
from ..widgets.program_list import ProgramList
from ..widgets.search import SearchInput
from .browser_keys import BROWSER_BINDINGS
from .facet_filter import FacetFilter
from .pesos_switch import PesosSwitch
from .program_loading import ProgramLoading
from .summary_keys import SummaryKeys

# At this width the list and the detail fit side by side; below it each gets the screen.
WIDE_MIN_WIDTH = 110
# Seconds without a keystroke in the filter before the highlighted program is read.
TYPING_PAUSE = 0.2

if TYPE_CHECKING:
    from ..app import FichasApp
    from .export import Target


class Reloaded(Message):
    def __init__(self, store: Store) -> None:
        super().__init__()
        self.store = store


def no_match(typed: str, filters: Filters) -> str:
    """What an empty list says: the typed text and the filters that left nothing."""
    typed = one_line(typed).strip()
    which = [f"«{typed}»"] if typed else []
    if filters.label():
        which.append(f"los filtros ({filters.label()})")
    if not which:
        return "No hay programas en el dataset."
    return "Ningún programa coincide con " + " y ".join(which) + "."


class BrowserScreen(FacetFilter, ProgramLoading, PesosSwitch, SummaryKeys, HeldFirstFrame):
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
        self.filters = Filters()
        self.shown_count = 0
        self.sort = SORT_NAME
        self.pesos = EACH_FICHA  # the basis amounts are shown in (p cycles it)
        self._budget_keys: list[int] | None = None  # each program's rank by amount, per pesos
        self._pending: Timer | None = None  # a program to read once typing pauses
        self._typing = False  # the filter is being applied for a key typed in it

    @property
    def store(self) -> Store:
        """The app's store (the app owns it; a reload replaces it there)."""
        store = self.app.store
        assert store is not None  # the browser is shown over a dataset (else EmptyScreen)
        return store

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
        programs = self.store.programs()
        self.query_one(ProgramList).set_programs(programs)
        self._update_status(len(programs))
        self.query_one(ProgramList).focus()
        # the status line's colours are the theme's: written again in a new one
        self.app.theme_changed_signal.subscribe(
            self, lambda _theme: self._update_status(self.shown_count)
        )
        self.app.after_first_frame(self.set_pesos, self.pesos)
        saved = self.app.recall("basis")  # the basis of the last run, if this dataset reaches it
        if saved and saved.isdigit():  # read after the first set_pesos, so it lands last
            self.app.after_first_frame(self.run_pesos, Pesos(int(saved)), False)
        elif saved != "ficha":  # nothing chosen: the default across programs
            self.app.after_first_frame(self.run_pesos, None, False)

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
        total = len(self.store.programs())
        text = Text(f" {shown} de {total} programas", style="bold")
        if self.filters.label() or self.facets_reading:  # first: it must show at 60 columns
            text.append(" · ", style="dim")
            warning = themed(self.app, WARNING)
            text.append("filtros: " + self.filters.label(), style=warning)
            if self.facets_reading:
                text.append(" (filtrando…)", style=warning)
        text.append(self.catalog_status(), style="dim")
        order = "presupuesto" if self.sort == SORT_BUDGET else "nombre"
        text.append(f" · orden: {order}", style="dim")
        text.append(f" · {self.pesos.label}", style="bold" if self.pesos.target else "dim")
        if self.app.source_label:  # which dataset: "muestra incluida" or its folder
            text.append(" · ", style="dim")
            text.append(self.app.source_label, style="dim")
        self.query_one("#list-status", Static).update(text, layout=False)  # one line, always

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
                typed, ministry=f.ministry, service=f.service, year=f.year, ids=self.facet_ids
            )
        )
        plist = self.query_one(ProgramList)
        keep = plist.current.program_id if plist.current else None
        plist.set_programs(programs, keep=keep, empty=no_match(typed, f))
        self._update_status(len(programs))

    # -- loading a program -----------------------------------------------------------------

    def _highlighted(self, program: ProgramRow) -> None:
        program_id = program.program_id
        if self._pending is not None:
            self._pending.stop()
            self._pending = None
        if program_id == self._loaded_id:
            return
        if self._typing:
            # Typing moved the cursor: the list follows every key, the program is read once
            # the typing pauses. (Not "the filter has the focus": it has it at start, before
            # the list takes it, and the first program then waited for a pause.)
            self._pending = self.set_timer(TYPING_PAUSE, lambda: self._load_pending(program_id))
        else:
            self.load(program_id)

    @property
    def read_pending(self) -> bool:
        """A highlighted program waits for the typing pause before it is read (the tests'
        settle step waits on it)."""
        return self._pending is not None

    def _load_pending(self, program_id: str) -> None:
        self._pending = None
        if program_id != self._loaded_id:
            self.load(program_id)

    def on_program_list_selected(self, event: ProgramList.Selected) -> None:
        if self._pending is not None:
            self._pending.stop()
            self._pending = None
        if event.program.program_id != self._loaded_id:
            self.load(event.program.program_id)
        self._show_detail(True)
        self.query_one(Detail).activate(self.query_one(Detail).active_tab)

    def open_program(self, program_id: str, tab: str | None = None) -> None:
        """Jump to a program (command palette, Región, Ranking): clear filters so it is in
        the list; `tab`, the pane to show (else the one shown)."""
        self.filters, self.facet_ids, self.facets_reading = Filters(), None, False
        self.workers.cancel_group(self, "facets")
        plist = self.query_one(ProgramList)
        with self.query_one("#filter", Input).prevent(Input.Changed):
            self.query_one("#filter", Input).value = ""
        programs = self._sorted(self.store.filter())
        plist.set_programs(programs, keep=program_id)
        self._update_status(len(programs))
        self.load(program_id)
        self._show_detail(True)
        self.query_one(Detail).activate(tab or self.query_one(Detail).active_tab)

    # -- actions ---------------------------------------------------------------------------

    def action_reload(self) -> None:
        """Read the dataset folder again (after an ingest), keeping filters and program."""
        self.run_reload(self.store.folder)

    @work(thread=True, exclusive=True, group="reload")
    def run_reload(self, folder) -> None:
        try:
            store = Store.open(folder)
        except (DatasetError, OSError) as exc:
            self.app.call_from_thread(
                self.notify,
                f"No se pudo recargar el dataset: {clean(str(exc))}",
                severity="error",
                timeout=10,
                markup=False,
            )
            return
        self.post_message(Reloaded(store))

    def on_reloaded(self, message: Reloaded) -> None:
        self.app.replace_store(message.store)
        self._loaded_id = None  # the program on screen is read again from the new files
        self._budget_keys = None
        if self.pesos.target is not None:  # the new dataset's factors, same target if it can
            self.run_pesos(self.pesos, step=False)
        self.apply_filters(self.filters)  # the facets are read again from the new files
        self.call_after_refresh(self.app.settle_memory)
        self.notify(
            f"Dataset recargado: {len(self.store.programs())} programas", timeout=3, markup=False
        )

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
        """The filtered programs (by name) in the list's order: by executed amount compares
        one basis only (views.pesos.executed_key), with each program's rank made once per
        basis (a number per position in the store's table)."""
        if self.sort != SORT_BUDGET:
            return programs
        if self._budget_keys is None:
            everyone = self.store.programs()
            main = main_pesos(everyone, self.pesos)
            keys = [executed_key(p, executed(p, self.pesos), main) for p in everyone]
            rank = [0] * len(keys)
            for place, position in enumerate(sorted(range(len(keys)), key=keys.__getitem__)):
                rank[position] = place
            self._budget_keys = rank
        return programs.ranked(self._budget_keys)

    def action_tab(self, tab_id: str) -> None:
        if self.query_one(Detail).detail is None:
            return
        self._show_detail(True)
        self.query_one(Detail).activate(tab_id)

    def action_year(self, delta: int) -> None:
        detail = self.query_one(Detail).detail
        if detail is None:
            return
        if len(detail.years) < 2:
            self.notify(
                f"Este programa tiene una sola ficha ({years_label(detail.years)}): "
                "no hay otro año.",
                timeout=3,
                markup=False,
            )
        elif not self.query_one(Detail).step_year(delta):
            which = "anterior" if delta < 0 else "posterior"
            self.notify(f"No hay una ficha {which} a la de {detail.year}.", timeout=3, markup=False)

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
