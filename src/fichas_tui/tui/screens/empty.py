"""Shown instead of the explorer when there is no dataset, or it cannot be read."""

from __future__ import annotations

from pathlib import Path
from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Center, VerticalScroll
from textual.screen import Screen
from textual.widgets import Static

from ...data.diagnosis import folder_problem, ingest_command
from ...text import clean
from ..theme_styles import SUCCESS, themed
from ..widgets.key_bar import KeyBar


class EmptyScreen(Screen[None]):
    DEFAULT_CSS = """
    EmptyScreen #empty-box {
        width: auto;
        max-width: 76;
        margin: 2 1;
        padding: 1 2;
        border: round $warning;
    }
    """
    BINDINGS: ClassVar[list[BindingType]] = [Binding("q,escape", "app.quit", "Salir")]

    def __init__(self, folder: Path, problem: str, damaged: bool = False) -> None:
        super().__init__()
        self.folder = folder
        self.problem = problem
        self.damaged = damaged

    def compose(self) -> ComposeResult:
        folder = clean(str(self.folder))
        command = ingest_command(self.folder)
        reopen = f"fichas --data {folder}"
        if self.damaged:
            heading = "No se puede leer el dataset"
            advice = "Vuelva a generarlo con:"
        else:
            heading = "Todavía no hay datos"
            advice = "Para crear el dataset a partir de las fichas, ejecute:"
        problem = folder_problem(self.folder) or self.problem
        if self.folder.is_file():
            heading = "Eso no es una carpeta de dataset"
            advice = "Indique una carpeta con --data; para crear una nueva, ejecute:"
            command = "fichas ingest data/fichas/ --data CARPETA"
            reopen = "fichas --data CARPETA"
        body = Text()
        body.append(heading + "\n\n", style="bold")
        body.append(clean(problem) + "\n\n")
        body.append(advice + "\n\n")
        body.append(f"  {command}\n\n", style=themed(self.app, SUCCESS, bold=True))
        body.append("y luego vuelva a abrir el explorador con ")
        body.append(reopen, style="bold")
        body.append(".\n\nq para salir.")
        self.message = body.plain  # what the screen says, for tests and logs
        with VerticalScroll(), Center():
            yield Static(body, id="empty-box")
        yield KeyBar()
