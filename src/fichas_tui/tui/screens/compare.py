"""Compare (c): two fichas, two programs or one program in two years, in one peso basis.

The screen draws views/compare.py's CompareView: one table per section with A, B and the
change (its sign and an arrow, coloured up/down: never colour alone). At 80x24 the sections
follow one another; from WIDE_MIN_WIDTH columns they sit in two columns side by side. The
figures are read by a thread worker (exclusive; a result after a newer request is dropped by
its token); `p` changes the basis here and on the main screen; Esc returns where c was pressed.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from rich import box
from rich.console import Group
from rich.style import Style
from rich.table import Table as RichTable
from rich.text import Text
from textual import events, getters, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.message import Message
from textual.screen import Screen
from textual.widgets import Static

from ...data.compare import compared_fichas
from ...data.dataset import DatasetError
from ...render.rich_tables import TERMINAL, Styles, note, title
from ...render.rich_tables import cell as cell_text
from ...text import clean
from ...views.compare import DOWN, UP, CompareView, change, compare_view, default_pesos
from ...views.model import TEXT, Table
from ...views.pesos import Pesos
from ..theme_styles import ERROR, SUCCESS, WARNING, render_styles, themed
from ..widgets.key_bar import KeyBar
from .compare_pick import ComparePick, Pick

WIDE_MIN_WIDTH = 120
LEFT = ("compare:presupuesto", "compare:porcentajes")  # the wide layout's left column
# A difference's style, up or down: none by default (the arrow says it); the screen passes its
# theme's success and error colours (CompareScreen._draw).
STYLE: dict[int | None, str | Style] = {1: "", -1: "", 0: "dim"}
DIFFERENCE = "B − A"

if TYPE_CHECKING:
    from ..app import FichasApp


class Compared(Message):
    def __init__(
        self, token: int, view: CompareView | None, pesos: Pesos, problem: str | None = None
    ) -> None:
        super().__init__()
        self.token, self.view, self.pesos, self.problem = token, view, pesos, problem


def section(
    table: Table, styles: dict[int | None, str | Style] = STYLE, drawn: Styles = TERMINAL
) -> Group:
    """A section: title, notes and the table (A, B and the change, signed and coloured)."""
    parts = [title(table.title, drawn), *(note(n) for n in table.notes)]
    if not table.rows:
        return Group(*parts, note(table.empty))
    grid = RichTable(
        box=box.SIMPLE_HEAD, show_edge=False, pad_edge=False, padding=(0, 1), expand=True
    )
    for column in table.columns:
        text = column.kind == TEXT
        grid.add_column(
            # the status line says what the difference is: its header stays short
            Text(DIFFERENCE if column.key == "difference" else column.title),
            justify="left" if text else "right",
            no_wrap=not text,
            ratio=1 if text else None,
            min_width=12 if text else None,
        )
    *figures, difference = table.columns[1:]
    for row in table.rows:
        concept, *sides, diff = row.cells
        shown, direction = change(difference, diff)
        grid.add_row(
            Text(clean(str(concept.value))),
            *(cell_text(c, s, drawn) for c, s in zip(figures, sides, strict=True)),
            Text(shown, style=styles.get(direction, "dim")),
        )
    return Group(*parts, grid)


class CompareScreen(Screen[None]):
    if TYPE_CHECKING:  # the explorer's app, typed (textual.getters.app)
        app = getters.app(FichasApp)

    DEFAULT_CSS = """
    CompareScreen { layout: vertical; }
    CompareScreen #compare-title { height: auto; padding: 0 1; text-style: bold; }
    CompareScreen #compare-sides { height: auto; padding: 0 1; }
    CompareScreen #compare-body { height: 1fr; padding: 0 1; }
    CompareScreen #compare-columns { height: auto; layout: vertical; }
    CompareScreen.-wide #compare-columns { layout: horizontal; }
    CompareScreen .compare-column { height: auto; width: 1fr; }
    CompareScreen.-wide #compare-left { margin-right: 2; }
    CompareScreen .compare-section { height: auto; margin-bottom: 1; }
    CompareScreen #compare-status { height: 1; padding: 0 1; background: $boost; }
    """
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding(
            "escape",
            "back",
            "Volver",
            id="comparar.volver",
            tooltip="Volver a donde estaba (la lista o el programa)",
        ),
        Binding(
            "c",
            "pick",
            "Cambiar B",
            id="comparar.otro",
            tooltip="Comparar con otro programa u otro año (cambia B)",
        ),
        Binding(
            "x",
            "swap",
            "Invertir",
            id="comparar.invertir",
            tooltip="Intercambiar A y B (la diferencia es B − A)",
        ),
        Binding(
            "p",
            "pesos",
            "Pesos",
            id="comparar.pesos",
            tooltip="Ambas fichas en los pesos de cada ficha o en M$ de un año "
            "(≈ convertido; † sin factor: como en la ficha)",
        ),
    ]

    def __init__(self, a: Pick, b: Pick, pesos: Pesos) -> None:
        super().__init__()
        self.a, self.b, self.pesos = a, b, pesos
        self.view: CompareView | None = None
        self._token = 0
        # Opened in each ficha's pesos with the two in different ones, the comparison is made
        # in the latest year the deflators reach (as `fichas compare`); p changes it from there.
        self._one_basis = pesos.target is None

    @property
    def store(self):
        return self.app.store

    def compose(self) -> ComposeResult:
        yield Static(id="compare-title")
        yield Static(id="compare-sides")
        with VerticalScroll(id="compare-body"), Horizontal(id="compare-columns"):
            yield Vertical(id="compare-left", classes="compare-column")
            yield Vertical(id="compare-right", classes="compare-column")
        yield Static(id="compare-status")
        yield KeyBar()

    def on_mount(self) -> None:
        self.query_one("#compare-body").focus()
        self.recompute()
        # the heading's and the changes' colours are the theme's: drawn again in a new one
        self.app.theme_changed_signal.subscribe(self, self._theme_changed)
        self.watch(self.app, "pesos", self._pesos_changed, init=False)

    def _theme_changed(self, _theme: object) -> None:
        if self.view is not None:
            self._draw(self.view)

    def on_resize(self, event: events.Resize) -> None:
        self.set_class(event.size.width >= WIDE_MIN_WIDTH, "-wide")

    # -- computing ------------------------------------------------------------------------

    def recompute(self) -> None:
        self._token += 1
        self.query_one("#compare-status", Static).update(Text("Calculando…"))
        self.compute(self._token, self.a, self.b, self.pesos, self._one_basis)

    @work(thread=True, exclusive=True, group="compare")
    def compute(self, token: int, a: Pick, b: Pick, pesos: Pesos, one_basis: bool) -> None:
        try:
            first, second = compared_fichas(self.store, [a, b])
            if first is None or second is None:
                gone = "el programa ya no está en el dataset"
                self.post_message(Compared(token, None, pesos, gone))
                return
            if one_basis:
                pesos = default_pesos(self.store.deflators(), first, second)
            self.post_message(Compared(token, compare_view(first, second, pesos), pesos))
        except DatasetError as exc:
            self.post_message(Compared(token, None, pesos, str(exc)))

    def on_compared(self, message: Compared) -> None:
        if message.token != self._token:
            return  # a newer request is on its way: this one is stale
        status = self.query_one("#compare-status", Static)
        if message.view is None:
            status.update(Text(f"No se puede comparar: {clean(message.problem or '')}"))
            return
        self.view, self.pesos = message.view, message.pesos
        self._draw(message.view)

    # -- drawing --------------------------------------------------------------------------

    def _draw(self, view: CompareView) -> None:
        a, b = view.sides
        heading = Text("Comparar · ")
        converted = themed(self.app, WARNING, bold=True) if self.pesos.target else ""
        heading.append(f"montos en {view.basis}", style=converted)
        self.query_one("#compare-title", Static).update(heading)
        sides = Text()
        for letter, side, pesos in zip("AB", view.sides, view.side_pesos, strict=True):
            if letter == "B":
                sides.append("\n")
            sides.append(f"{letter}: ", style="bold")
            sides.append(clean(side.label))
            if pesos:
                sides.append(f" · {pesos}", style="dim")
        self.query_one("#compare-sides", Static).update(sides)
        left, right = self.query_one("#compare-left"), self.query_one("#compare-right")
        left.remove_children()
        right.remove_children()
        styles: dict[int | None, str | Style] = {
            1: themed(self.app, SUCCESS),
            -1: themed(self.app, ERROR),
            0: "dim",
        }
        drawn = render_styles(self.app)
        for table in view.tables:
            column = left if table.key in LEFT else right
            column.mount(Static(section(table, styles, drawn), classes="compare-section"))
        same = a.program_id == b.program_id
        what = "dos años de un programa" if same else "dos programas"
        self.query_one("#compare-status", Static).update(
            Text(f"{what} · diferencia: B − A ({UP} sube, {DOWN} baja)")
        )

    # -- actions --------------------------------------------------------------------------

    def action_pesos(self) -> None:
        """The basis after the one shown here, the app's: here and on the main screen below,
        so Esc finds the same basis there (app.cycle_pesos)."""
        self.app.cycle_pesos(self.pesos)

    def _pesos_changed(self, pesos: Pesos) -> None:
        self.pesos, self._one_basis = pesos, False
        self.recompute()

    def action_back(self) -> None:
        self.dismiss()

    def action_swap(self) -> None:
        self.a, self.b = self.b, self.a
        self.recompute()

    def action_pick(self) -> None:
        program = self.store.program_row(self.a[0])
        if program is None:
            return
        year = self.view.sides[0].year if self.view is not None else self.a[1]

        def picked(choice: Pick | None) -> None:
            if choice is not None:
                self.b = choice
                self.recompute()

        self.app.push_screen(ComparePick(self.store, program, year), picked)

    def export_target(self):
        """What e, y and Y act on here: the comparison's tables."""
        from .export import Target

        if self.view is None:
            return None
        return Target(list(self.view.tables), "comparar", 0)
