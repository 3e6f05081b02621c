"""The Textual app and make_app(data_dir), the one factory shared by the CLI and the tests."""

from __future__ import annotations

import gc
import os
import threading
from collections.abc import Callable
from dataclasses import replace
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, ClassVar

from textual import events, work
from textual.app import App
from textual.binding import Binding, BindingType
from textual.command import CommandPalette
from textual.reactive import var
from textual.theme import ThemeProvider

from ..data.dataset import DatasetError
from ..data.queries import DatasetMissing, Store
from ..settings import DEFAULT_THEME, Settings
from ..text import clean
from ..views.pesos import EACH_FICHA, Pesos
from .compat import HeldFirstFrame
from .peso_basis import PesosRead, read_pesos, said
from .screens.browser import BrowserScreen
from .screens.empty import EmptyScreen
from .screens.palette import (
    CompareCommand,
    Palette,
    ProgramsProvider,
    ThemeCommand,
    factors_command,
)
from .screens.summary_keys import SummaryCommands
from .terminal import watch_hangup

if TYPE_CHECKING:
    from textual.driver import Driver
    from textual.timer import Timer

    from .screens.across import AcrossState


COPY = Binding.Group("Copiar la fila / la tabla al portapapeles (también por SSH)")
# Seconds without a new program on screen before the garbage is collected (settle_when_idle).
IDLE_SETTLE = 0.2
# Seconds from the first frame to importing DuckDB when the opening program needs none: its
# pane is drawn soon after the list, and the import holds the interpreter (benchmarks/README.md,
# "This round": the opening program without DuckDB).
OPENING_DRAWN = 0.2


class FichasApp(App[None]):
    """Explorer of program evaluation fichas."""

    CSS_PATH = "app.tcss"
    TITLE = "fichas"
    # The basis of every amount on every screen (each watches it); set on every read, so a
    # reload's new factors reach the screens even for the same target.
    pesos: var[Pesos] = var(EACH_FICHA, always_update=True)
    COMMANDS: ClassVar = {
        ProgramsProvider,
        ThemeCommand,
        CompareCommand,
        SummaryCommands,
        factors_command,
    }
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding(
            "ctrl+p",
            "command_palette",
            "Ir a programa",
            show=False,
            priority=True,
            id="lista.ir_a",
            tooltip="Ir a un programa por su nombre; «Tema» cambia los colores (se recuerdan)",
        ),
        Binding("q", "quit", "Salir", id="general.salir", tooltip="Salir"),
        Binding(
            "P",
            "factors",
            "Factores",
            show=False,
            id="general.factores",
            tooltip="Los factores con que p convierte los montos a M$ de un año: el de cada "
            "año, impreso, encadenado o dividido, y la ficha que lo imprime",
        ),
        Binding(
            "question_mark,f1",
            "help",
            "Ayuda",
            key_display="?",
            id="general.ayuda",
            tooltip="Esta ayuda",
        ),
        Binding(
            "e",
            "export",
            "Exportar",
            show=False,
            id="general.exportar",
            tooltip="Exportar la tabla a CSV, XLSX, JSON o Parquet",
        ),
        Binding("y", "copy(False)", "Copiar fila", show=False, id="general.copiar", group=COPY),
        Binding("Y", "copy(True)", "Copiar tabla", show=False, id="general.copiar", group=COPY),
        Binding(
            "r",
            "across('region')",
            "Región",
            show=False,
            id="entre.region",
            tooltip="Región: los programas que gastan en una región, con su parte y gasto por "
            "beneficiario",
        ),
        Binding(
            "K",
            "across('ranking')",
            "Ranking",
            show=False,
            id="entre.ranking",
            tooltip="Ranking de programas por una medida (gasto, ejecución, cobertura, meta...)",
        ),
        Binding(
            "c",
            "compare",
            "Comparar",
            show=False,
            id="entre.comparar",
            tooltip="Comparar el programa marcado (o abierto) con otro programa o con otro año "
            "de sus fichas",
        ),
    ]

    def __init__(
        self,
        data_dir: Path,
        store: Store | None,
        problem: DatasetError | None = None,
        source_label: str | None = None,
        settings: Settings | None = None,
        driver_class: type[Driver] | None = None,
    ) -> None:
        super().__init__(driver_class=driver_class)
        self.data_dir = Path(data_dir)
        # The app owns the store: screens read it from here, and a reload swaps it here.
        self.store = store
        # the Región/Ranking a program was opened from (Esc)
        self.across_return: AcrossState | None = None
        self.problem = problem  # why there is no store: no dataset yet, or a damaged one
        self.source_label = source_label  # for the status line; None: not shown
        self.settings = settings  # None (tests): nothing remembered
        self._hangup_stop = threading.Event()
        self._settle_timer: Timer | None = None
        self.first_frame_out = False  # Textual's first frame is composed (on_ready)
        self._after_first: list[Callable[[], object]] = []  # see after_first_frame
        saved = settings.get("theme") if settings else None
        self.theme = saved if saved in self.available_themes else DEFAULT_THEME

    def watch_theme(self, theme: str) -> None:
        self.remember("theme", theme)

    def remember(self, key: str, value: str) -> None:
        """Keep a choice for the next run (theme, peso basis); tests pass no settings."""
        if self.settings is not None:
            self.settings.set(key, value)

    def recall(self, key: str) -> str | None:
        return self.settings.get(key) if self.settings is not None else None

    def on_mount(self) -> None:
        self.remember("last_dataset", str(self.data_dir.resolve()))
        if not self.is_headless and "TEXTUAL_DRIVER" not in os.environ:
            watch_hangup(self, self._hangup_stop)
        if self.store is None:
            damaged = not isinstance(self.problem, DatasetMissing)
            self.push_screen(EmptyScreen(self.data_dir, str(self.problem), damaged=damaged))
        else:
            self.push_screen(BrowserScreen())
        self.after_first_frame(self.settle_memory)
        if self.store is not None:
            store = self.store
            if store.answers_opening:  # data.opening: its first pane is read from a file
                self.after_first_frame(
                    self.set_timer, OPENING_DRAWN, lambda: self.connect_store(store)
                )
            else:
                self.after_first_frame(self.connect_store, store)

    def after_first_frame(self, callback: Callable[..., object], *args) -> None:
        """Call `callback(*args)` once the first frame is drawn (at once after that frame).

        Not call_after_refresh at start-up: Textual composes the first screen inside a batch
        and throws that frame away; a callback scheduled meanwhile ran before the frame that
        is written, and what it did (the detail's tabs, DuckDB's import) delayed it.
        """
        if self.first_frame_out:
            self.call_after_refresh(callback, *args)
        else:
            self._after_first.append(partial(callback, *args))

    def on_ready(self) -> None:
        # Posted by the screen's first layout, handled once the start-up batch is over: the
        # callbacks run after the next refresh, the first frame that reaches the terminal.
        self.first_frame_out = True
        if isinstance(self.screen, HeldFirstFrame):  # the browser's frame made at start-up
            self.screen.render_held_frame()
        waiting, self._after_first = self._after_first, []
        for callback in waiting:
            self.call_after_refresh(callback)

    def cycle_pesos(self, current: Pesos | None = None) -> None:
        """p on any screen: the basis after `current` (else the app's), for every screen."""
        self.read_pesos(self.pesos if current is None else current, True)

    def read_pesos(self, current: Pesos | None, step: bool) -> None:
        """Read the deflators in a worker and set the basis they give (peso_basis.read_pesos)."""
        if self.store is not None:
            read = partial(read_pesos, self.store, current, step)
            self.run_worker(
                lambda: self.post_message(read()), thread=True, exclusive=True, group="pesos"
            )

    def on_pesos_read(self, message: PesosRead) -> None:
        words = said(message)
        if words is not None:
            text, error, timeout = words
            self.notify(
                text, severity="error" if error else "information", timeout=timeout, markup=False
            )
        if message.pesos is None:
            return
        if message.step:  # the user's choice is remembered, the default is not
            self.remember("basis", str(message.pesos.target or "ficha"))
        self.pesos = message.pesos

    @work(thread=True, exclusive=True, group="connect")
    def connect_store(self, store: Store) -> None:
        """Once the list is on screen: what the filter's first keystroke needs, then DuckDB
        (a deferred store)."""
        try:
            store.prepare_filter()
            store.connect()
        except DatasetError as exc:  # a file damaged since the list file was written
            self.call_from_thread(self.dataset_damaged, store, str(exc))

    def dataset_damaged(self, store: Store, problem: str) -> None:
        if store is self.store:
            self.push_screen(EmptyScreen(self.data_dir, problem, damaged=True))

    def replace_store(self, store: Store) -> None:
        """Use `store` from now on (a reload) and close the one it replaces."""
        old, self.store = self.store, store
        if old is not None:
            old.close()

    def settle_memory(self) -> None:
        """Move what is loaded now (the program list, the widgets) out of the garbage
        collector's way: they live as long as the app, and a full collection over them takes
        tens of ms, which would land in a keystroke or a program switch. The collector is
        off until now when the explorer starts from the command line (explorer.open_explorer)."""
        gc.freeze()
        gc.enable()

    def settle_when_idle(self) -> None:
        """Collect and freeze once the user has paused (IDLE_SETTLE s after the last call):
        each program shown leaves objects the collector would walk, and a full collection
        over a few hundred switches' worth held up a switch (benchmarks/README.md, "Earlier this
        round": Program switch)."""
        if self._settle_timer is not None:
            self._settle_timer.stop()
        self._settle_timer = self.set_timer(IDLE_SETTLE, self._settle_now)

    def _settle_now(self) -> None:
        self._settle_timer = None
        gc.collect()  # garbage first: frozen cycles would never be freed
        gc.freeze()

    async def on_event(self, event: events.Event) -> None:
        # Pasted text is data: its control characters (an escape sequence) reach the inputs
        # as the visible symbols the parser writes for them (␛, ␇), in the filter and palette.
        if isinstance(event, events.Paste) and event.text != clean(event.text):
            event = events.Paste(clean(event.text))
        await super().on_event(event)

    def action_command_palette(self) -> None:
        """Textual's palette, in Spanish."""
        # is_open takes App[object], and App is invariant in its result type
        if self.use_command_palette and not CommandPalette.is_open(self):  # type: ignore[arg-type]
            self.push_screen(Palette(id="--command-palette"))

    def search_themes(self) -> None:
        """Textual's theme picker («Tema» in the palette), in Spanish."""
        self.push_screen(
            Palette(
                providers=[ThemeProvider],
                placeholder="Buscar un tema de colores…",
                no_matches="Ningún tema coincide",
            )
        )

    def action_help_quit(self) -> None:
        """Ctrl+C does not quit (it copies in an input): say which key does, in Spanish."""
        self.notify("Pulse q para salir.", title="¿Quiere salir?", markup=False)

    def action_help(self) -> None:
        from .screens.help import HelpScreen

        if not isinstance(self.screen, HelpScreen):
            self.push_screen(HelpScreen())

    def action_export(self) -> None:
        from .screens.export import ExportScreen, target

        found = target(self)
        if found is None or not any(t.rows for t in found.tables):
            self.notify("Aquí no hay una tabla que exportar.", severity="warning")
            return
        tables = [t for t in found.tables if t.rows]
        chosen = found.tables[found.table]
        first = next((i for i, t in enumerate(tables) if t is chosen), 0)
        self.push_screen(ExportScreen(tables, found.stem, first=first))

    def action_copy(self, whole: bool) -> None:
        """Copy to the local clipboard with OSC 52, which works over SSH (y: the row under
        the cursor, Y: the table, tab-separated)."""
        from ..render.export import tsv
        from ..views.cells import display
        from ..views.citation import row_citation, table_citation
        from .screens.export import target

        found = target(self)
        if found is None or not found.tables or found.row is None:
            self.notify("Aquí no hay nada que copiar.", severity="warning")
            return
        table = found.tables[found.table]
        # a pane's table (its cells know their source): the citation comes with the copy
        cited = found.stem and any(c.origin for r in table.rows for c in r.cells)
        program = self._program_name() if cited else None
        if whole:
            text = tsv(table) if program is None else table_citation(table, program)
            self.copy_to_clipboard(text)
            what = f"la tabla {table.title} ({len(table.rows)} filas)"
        else:
            text = tsv(table, [found.row], header=found.headed)
            if program is not None:  # a pane: the row's figure with its citation
                text += "\n" + row_citation(table, found.row, program)
            self.copy_to_clipboard(text)
            what = display(table.columns[0], table.rows[found.row].cells[0])
            if found.stem:  # a pane: say which of its tables
                what = f"fila {what} de {table.title}"
        self.notify(f"Copiado: {clean(str(what))}", title="Portapapeles", markup=False)

    def on_view_source(self, message) -> None:
        """`v` in a pane: the ficha's stored text, read in a thread, at the figure's line."""
        message.stop()
        self._read_source(message.origin)

    @work(thread=True, exclusive=True, group="source")
    def _read_source(self, origin) -> None:
        from .screens.source_viewer import SourceViewerScreen

        text = None
        if self.store is not None:
            try:
                text = self.store.ficha_text(origin.ficha.ficha_id)
            except Exception:  # a damaged ficha_texts file: the viewer says it has no text
                text = None
        self.call_from_thread(self.push_screen, SourceViewerScreen(origin, text))

    def _program_name(self) -> str:
        from .widgets.detail import Detail

        browser = self.browser()
        detail = browser.query_one(Detail).detail if browser is not None else None
        return detail.ficha.name if detail is not None else ""

    def open_program(self, program_id: str, tab: str | None = None) -> None:
        if isinstance(self.screen, BrowserScreen):
            self.screen.open_program(program_id, tab)

    def action_across(self, kind: str) -> None:
        """r: the programs of a region; K: programs ranked by a measure (screens/across.py)."""
        from .screens.across import AcrossScreen, AcrossState

        if self.store is None or not isinstance(self.screen, BrowserScreen):
            return
        last = self.across_return
        self.across_return = None
        state = last if last is not None and last.kind == kind else AcrossState(kind)
        if state.region is None:  # Región opens on the open program's largest region
            from .widgets.detail import Detail

            detail = self.screen.query_one(Detail).detail
            if detail is not None:
                state = replace(state, program=(detail.program.program_id, detail.year))
        self.push_screen(AcrossScreen(state))

    def browser(self) -> BrowserScreen | None:
        """The main screen, under whatever is on top (its peso basis is the app's)."""
        return next((s for s in self.screen_stack if isinstance(s, BrowserScreen)), None)

    def action_factors(self) -> None:
        """P: the factors into M$ of the basis in force (screens/factors.py)."""
        from .screens.factors import FactorsScreen

        if self.store is None or isinstance(self.screen, FactorsScreen):
            return
        self.push_screen(FactorsScreen(self.pesos.target))

    def action_compare(self) -> None:
        """c: pick another program or year (screens/compare_pick.py), then compare them."""
        from .screens.compare import CompareScreen
        from .screens.compare_pick import ComparePick

        browser = self.browser()
        if self.store is None or browser is None:
            return
        picked = browser.compare_from()
        if picked is None:
            self.notify("Marque un programa para compararlo.", severity="warning", markup=False)
            return
        program, year = picked

        def chosen(other) -> None:
            if other is None:
                return
            first = (program.program_id, year)
            if other[0] == program.program_id:  # two years: the older is A (B − A: the change)
                first, other = sorted(
                    [(program.program_id, year or program.latest_year), other],
                    key=lambda pick: pick[1] or 0,
                )
            self.push_screen(CompareScreen(first, other, self.pesos))

        self.push_screen(ComparePick(self.store, program, year), chosen)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        # Región, Ranking and Compare open from the explorer (not from each other or a dialog)
        if action in ("across", "compare"):
            return self.store is not None and isinstance(self.screen, BrowserScreen)
        return True

    def return_to_across(self) -> bool:
        """Esc on a program opened from Región or Ranking: back there, on the same row."""
        if self.across_return is None:
            return False
        self.action_across(self.across_return.kind)
        return True

    def on_unmount(self) -> None:
        self._hangup_stop.set()
        gc.unfreeze()  # collectable again at exit (native objects report leaks otherwise)
        if self.store is not None:
            self.store.close()


def make_app(
    data_dir: Path,
    source_label: str | None = None,
    settings: Settings | None = None,
    driver_class: type[Driver] | None = None,
) -> FichasApp:
    """The explorer on `data_dir`: the dataset is opened here (a few ms: the program list);
    without one the app shows why and how to make it. `driver_class`: the terminal driver
    (cli/explorer.py: one that knows about the early frame), else Textual's own."""
    opened = partial(
        FichasApp, source_label=source_label, settings=settings, driver_class=driver_class
    )
    try:
        # The list from the dataset's list file when it is current: DuckDB is imported and
        # every file checked in a thread once the list is on screen (FichasApp.connect_store).
        store = Store.open(Path(data_dir), deferred=True)
    except DatasetError as exc:  # DatasetMissing too
        return opened(data_dir, None, exc)
    return opened(data_dir, store)
