"""The Textual app and make_app(data_dir), the one factory shared by the CLI and the tests."""

from __future__ import annotations

import gc
from pathlib import Path
from typing import ClassVar

from textual import events
from textual.app import App
from textual.binding import Binding, BindingType

from .data.dataset import DatasetError
from .data.queries import DatasetMissing, Store
from .screens.browser import BrowserScreen
from .screens.empty import EmptyScreen
from .screens.palette import ProgramsProvider
from .text import clean


class FichasApp(App[None]):
    """Explorer of program evaluation fichas."""

    CSS_PATH = "app.tcss"
    TITLE = "fichas"
    COMMANDS: ClassVar = {ProgramsProvider}
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+p", "command_palette", "Ir a programa", show=False, priority=True),
        Binding("q", "quit", "Salir"),
        Binding("question_mark,f1", "help", "Ayuda", key_display="?"),
    ]

    def __init__(self, data_dir: Path) -> None:
        super().__init__()
        self.data_dir = Path(data_dir)
        self.store: Store | None = None
        self.theme = "textual-dark"

    def on_mount(self) -> None:
        try:
            self.store = Store.open(self.data_dir)
        except DatasetMissing as exc:
            self.push_screen(EmptyScreen(self.data_dir, str(exc)))
            return
        except DatasetError as exc:
            self.push_screen(EmptyScreen(self.data_dir, str(exc), damaged=True))
            return
        self.push_screen(BrowserScreen(self.store))
        self.call_after_refresh(self.settle_memory)

    def settle_memory(self) -> None:
        """Move what is loaded now (the program list, the widgets) out of the garbage
        collector's way: they live as long as the app, and a full collection over them takes
        tens of ms, which would land in a keystroke or a program switch."""
        gc.freeze()

    async def on_event(self, event: events.Event) -> None:
        # Pasted text is data: its control characters (an escape sequence) reach the inputs
        # as the visible symbols the parser writes for them (␛, ␇), in the filter and palette.
        if isinstance(event, events.Paste) and event.text != clean(event.text):
            event = events.Paste(clean(event.text))
        await super().on_event(event)

    def action_help(self) -> None:
        from .screens.help import HelpScreen

        if not isinstance(self.screen, HelpScreen):
            self.push_screen(HelpScreen())

    def open_program(self, program_id: str) -> None:
        if isinstance(self.screen, BrowserScreen):
            self.screen.open_program(program_id)

    def on_unmount(self) -> None:
        gc.unfreeze()  # collectable again at exit (native objects report leaks otherwise)
        if self.store is not None:
            self.store.close()


def make_app(data_dir: Path) -> FichasApp:
    return FichasApp(data_dir)
