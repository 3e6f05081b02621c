"""The program detail: title, year selector and the panes (views/panes.py) in tabs."""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.text import Text
from textual import getters
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.message import Message
from textual.widgets import Select, Static, TabbedContent, TabPane

from ...text import clean
from ...views.figures import years_label
from ...views.panes import PANES
from ...views.pesos import Pesos

if TYPE_CHECKING:
    from ...data.detail_records import ProgramDetail
    from ..app import FichasApp
    from .pane import Pane

# (tab id, label), in the declared order; keys 1-5 follow it.
TABS = tuple((spec.key, spec.title) for spec in PANES)


def pane_widgets() -> dict[str, type[Pane]]:
    """The pane widget of each tab. Imported when the detail is built, after the screen's
    first frame: the panes and what they draw with weigh on the explorer's start
    (benchmarks/README.md, "This round": fewer imports at start)."""
    from .panes import (
        EvaluacionPane,
        IndicadoresPane,
        PresupuestoPane,
        RegionesPane,
        ResumenPane,
    )

    panes = (ResumenPane, PresupuestoPane, IndicadoresPane, RegionesPane, EvaluacionPane)
    return {pane.NAME: pane for pane in panes}


class Detail(Vertical):
    """Shows one ProgramDetail; asks for another year through YearChosen."""

    if TYPE_CHECKING:  # the explorer's app, typed (textual.getters.app)
        app = getters.app(FichasApp)

    DEFAULT_CSS = """
    Detail #detail-head {
        height: auto;
        max-height: 3;
        padding: 0 1;
    }
    Detail #detail-title {
        width: 1fr;
        height: auto;
        max-height: 2;
        margin-right: 1;  /* a name that fills its line never runs into the year */
    }
    Detail #year {
        width: 16;
    }
    Detail #tabs {
        height: 1fr;
    }
    Detail #source-line {
        height: 1;
    }
    Detail #tabs TabPane {
        padding: 0 1;
        height: 1fr;
    }
    """

    class YearChosen(Message):
        def __init__(self, program_id: str, year: int) -> None:
            super().__init__()
            self.program_id = program_id
            self.year = year

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.detail: ProgramDetail | None = None
        self._options: list[tuple[str, int]] = []
        self._title_lines = 0
        self._tab = TABS[0][0]  # the tab shown (kept here: the tabs are mounted after a frame)
        self._built = False  # its children are mounted (see build)
        self._building = False
        self._shown: tuple | None = None  # what was shown before that: (method, arguments)
        self._focus = False  # focus the pane once built
        self.pesos: Pesos | None = None  # the basis of the amounts (the screen's `p`)

    def compose(self) -> ComposeResult:
        # Nothing until the screen's first frame is out (build): composing and styling the
        # tabs, the year selector and five panes would be a fifth of the explorer's start.
        return iter(())

    async def on_resize(self) -> None:
        # Its first size comes with the layout of the frame that draws the screen around it
        # (in a narrow terminal, when it is first shown). At start, build once that frame is
        # out (FichasApp.after_first_frame); later, now, so it shows in the same frame.
        if self.app.first_frame_out:
            await self.build()
        else:
            self.app.after_first_frame(self.build)

    async def build(self) -> None:
        """Mount the title, the year selector and the tabbed panes, then show what was asked
        for meanwhile (a program, a problem, a tab)."""
        if self._built or self._building:
            return
        self._building = True
        await self.mount_compose(self._children())
        self._built = True
        if self.pesos is not None:
            self.set_pesos(self.pesos)
        self._set_title(Text("Elija un programa de la lista.", style="italic"))
        if self._shown is not None:
            method, args = self._shown
            self._shown = None
            method(*args)
        if self._focus or self._tab != TABS[0][0]:  # a tab asked for before
            self.activate(self._tab, focus=self._focus)

    def _children(self) -> ComposeResult:
        with Horizontal(id="detail-head"):
            yield Static(id="detail-title")
            yield Select[int]([], prompt="Año", allow_blank=True, id="year", compact=True)
        with TabbedContent(id="tabs"):
            widgets = pane_widgets()
            for number, (tab_id, label) in enumerate(TABS, start=1):
                with TabPane(f"{number} {label}", id=tab_id):
                    yield widgets[tab_id](id=f"pane-{tab_id}")
        from .source_line import SourceLine

        yield SourceLine(id="source-line")

    def on_cursor_moved(self, event) -> None:
        """The pane on screen moved its cursor: the source line names that row's source."""
        event.stop()
        if event.pane.id != f"pane-{self._tab}":
            return
        from .source_line import SourceLine

        tables = event.pane.tables()
        at = event.at
        table = tables[at[0]] if at is not None and at[0] < len(tables) else None
        self.query_one(SourceLine).show_row(table, None if at is None else at[1], self.pesos)

    def set_pesos(self, pesos: Pesos) -> None:
        """Show the amounts in `pesos` (the panes with amounts draw again)."""
        self.pesos = pesos
        for pane in self.panes():
            if pane.pesos is not None:  # a pane with amounts
                pane.pesos = pesos
                pane.refresh_body()

    def panes(self) -> list[Pane]:
        """The panes, in tab order (none before the detail is built)."""
        if not self._built:
            return []
        from .pane import Pane  # imported by build

        return list(self.query(Pane))

    def pane(self, tab_id: str) -> Pane | None:
        """The pane of a tab (None before the detail is built)."""
        if not self._built:
            return None
        from .pane import Pane

        return self.query_one(f"#pane-{tab_id}", Pane)

    def show(self, detail: ProgramDetail, missing: tuple[str, ...] = (), folder=None) -> None:
        """Show one program; `missing` names contract tables whose file is absent."""
        if not self._built:
            self.detail, self._shown = detail, (self.show, (detail, missing, folder))
            return
        other = self.detail is None or self.detail.program.program_id != detail.program.program_id
        self._shown = None
        self.detail = detail
        head = Text(clean(detail.ficha.name), style="bold")
        head.append(Text(f"\n{clean(detail.ficha.service or detail.ficha.ministry or '')}", "dim"))
        self._set_title(head)
        select = self.query_one("#year", Select)
        options = [(f"Ficha {y}", y) for y in reversed(detail.years)]
        value = detail.year if detail.year is not None else Select.NULL
        with select.prevent(Select.Changed):
            if options != self._options:  # the same years: the options stay as they are
                self._options = options
                select.set_options(options)
            if select.value != value:
                select.value = value
        select.disabled = len(detail.years) < 2
        # Each pane takes the program; only the one on screen draws it now, the others when
        # their tab is shown.
        for pane in self.panes():
            if other:  # another program opens at its top, in every pane (its name in view)
                pane.scroll_to(0, 0, animate=False, immediate=True)
            pane.show(detail, missing, folder)

    def prepare(self, detail: ProgramDetail, missing: tuple[str, ...] = (), folder=None) -> None:
        """Draw a program read ahead in the pane on screen, so showing it next is quick."""
        pane = self.pane(self.active_tab)
        if pane is not None:
            pane.prepare(detail, missing, folder)

    def _set_title(self, text: Text) -> None:
        # Two lines (name, service) for every program: no layout pass unless that changes.
        lines = text.plain.count("\n") + 1
        self.query_one("#detail-title", Static).update(text, layout=lines != self._title_lines)
        self._title_lines = lines

    def show_problem(self, heading: str, text: str) -> None:
        """A program that could not be read: the message in the title and in every pane."""
        self.detail = None
        if not self._built:
            self._shown = (self.show_problem, (heading, text))
            return
        self._set_title(Text(clean(heading), style="bold"))
        select = self.query_one("#year", Select)
        with select.prevent(Select.Changed):
            self._options = []
            select.set_options([])
        select.disabled = True
        for pane in self.panes():
            pane.show_problem(heading, text)

    def on_select_changed(self, event: Select.Changed) -> None:
        event.stop()
        if self.detail is None or not isinstance(event.value, int):
            return
        if event.value != self.detail.year:
            self.post_message(self.YearChosen(self.detail.program.program_id, event.value))

    def step_year(self, delta: int) -> str | None:
        """Ask for the previous (-1) or next (+1) year's ficha; when there is none, why."""
        detail = self.detail
        if detail is None:
            return None
        if len(detail.years) < 2:
            only = years_label(detail.years)
            return f"Este programa tiene una sola ficha ({only}): no hay otro año."
        if detail.year is None:
            return None
        years = list(detail.years)
        index = years.index(detail.year) + delta
        if 0 <= index < len(years):
            self.post_message(self.YearChosen(detail.program.program_id, years[index]))
            return None
        return f"No hay una ficha {'anterior' if delta < 0 else 'posterior'} a la de {detail.year}."

    def activate(self, tab_id: str, focus: bool = True) -> None:
        """Show a tab and focus its pane."""
        self._tab = tab_id
        pane = self.pane(tab_id)
        self._focus = pane is None and focus
        if pane is not None:
            self.query_one(TabbedContent).active = tab_id
            if focus:
                pane.focus()

    def on_tabbed_content_tab_activated(self, event: TabbedContent.TabActivated) -> None:
        # not stopped: the screen reads the tables of the tab shown
        self._tab = event.pane.id or self._tab
        pane = self.pane(self._tab)
        if pane is not None:  # the source line follows the tab shown
            from .pane_cursor import CursorMoved

            self.on_cursor_moved(CursorMoved(pane, pane.cursor_row()))

    @property
    def active_tab(self) -> str:
        return self._tab
