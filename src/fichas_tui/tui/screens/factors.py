"""Factores (P, or «Factores» in the palette): the factors that convert amounts into M$ of the
chosen year, each year's, printed, chained or divided, and which ficha printed it
(views/pesos.factors_table, the same table `fichas pesos` prints). Read in a worker."""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from rich.console import Group
from rich.text import Text
from textual import work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.command import Hit, Hits, Provider
from textual.containers import VerticalScroll
from textual.message import Message
from textual.screen import ModalScreen
from textual.widgets import Static

from ...data.dataset import DatasetError
from ...data.list_records import Deflators
from ...render.rich_tables import table_parts
from ...text import clean
from ...views.pesos import factors_table, printing_fichas, series_lines
from ..widgets.key_bar import KeyBar

if TYPE_CHECKING:
    from ..app import FichasApp

LABEL = "Factores: inflactores de las fichas, por año"


class FactorsRead(Message):
    def __init__(
        self,
        deflators: Deflators | None,
        problem: str | None = None,
        names: dict[str, tuple[str, int | None]] | None = None,
    ) -> None:
        super().__init__()
        self.deflators, self.problem, self.names = deflators, problem, names or {}


class FactorsScreen(ModalScreen[None]):
    """The factors into M$ of `target` (None: the latest year the series reaches)."""

    DEFAULT_CSS = """
    FactorsScreen { align: center middle; }
    FactorsScreen #factors-box {
        width: 100%; max-width: 100; height: auto; max-height: 100%;
        border: round $accent; background: $surface; padding: 0 1;
    }
    FactorsScreen #factors-body { height: auto; }
    """
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "dismiss", "Volver", id="factores.volver", tooltip="Cerrar"),
        Binding(
            "left_square_bracket",
            "step(1)",
            "Año anterior",
            key_display="[",
            id="factores.anio",
            tooltip="Factores: M$ de otro año que alcanza la serie",
        ),
        Binding(
            "right_square_bracket",
            "step(-1)",
            "Año siguiente",
            key_display="]",
            id="factores.anio",
            tooltip="Factores: M$ de otro año que alcanza la serie",
        ),
    ]

    if TYPE_CHECKING:

        @property
        def app(self) -> FichasApp: ...  # type: ignore[override]  # App[object]: invariant

    def __init__(self, target: int | None = None) -> None:
        super().__init__()
        self.target = target
        self.deflators: Deflators | None = None
        self.names: dict[str, tuple[str, int | None]] = {}

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="factors-box"):
            yield Static(Text("Leyendo los factores…"), id="factors-body")
        yield KeyBar()

    def on_mount(self) -> None:
        self.read()

    @work(thread=True, exclusive=True, group="factors")
    def read(self) -> None:
        store = self.app.store
        try:
            if store is None:
                raise DatasetError("no hay dataset abierto")
            deflators = store.deflators()
            names = store.ficha_names(printing_fichas(deflators))
            self.post_message(FactorsRead(deflators, names=names))
        except (DatasetError, OSError) as exc:
            self.post_message(FactorsRead(None, str(exc)))

    def on_factors_read(self, message: FactorsRead) -> None:
        body = self.query_one("#factors-body", Static)
        if message.deflators is None:
            body.update(Text(f"No se pudieron leer los factores: {clean(message.problem)}"))
            return
        self.deflators = message.deflators
        self.names = message.names
        if self.target not in self.deflators.years:
            self.target = self.deflators.targets[0] if self.deflators.targets else None
        self._draw()

    def _draw(self) -> None:
        body = self.query_one("#factors-body", Static)
        if self.deflators is None:
            return
        if self.target is None:
            body.update(Text(series_lines(self.deflators)[0]))
            return
        parts = table_parts(factors_table(self.deflators, self.target, self.names), fit=True)
        parts.append(Text("[ ] otro año · Esc cierra", style="dim"))
        body.update(Group(*parts))

    def action_step(self, delta: int) -> None:
        """Another target year the series reaches (years in ascending order: `[` earlier)."""
        if self.deflators is None or self.target is None:
            return
        years = sorted(self.deflators.years, reverse=True)
        self.target = years[(years.index(self.target) + delta) % len(years)]
        self._draw()


class FactorsCommand(Provider):
    """«Factores» in the palette: the factors into M$ of the basis in force."""

    if TYPE_CHECKING:

        @property
        def app(self) -> FichasApp: ...  # type: ignore[override]  # App[object]: invariant

    async def search(self, query: str) -> Hits:
        score = self.matcher(query).match(LABEL)
        if score > 0 and self.app.store is not None:
            yield Hit(score, LABEL, self.app.action_factors, text=LABEL)
