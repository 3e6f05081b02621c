"""Shown instead of the explorer when there is no dataset, or it cannot be read."""

from __future__ import annotations

from pathlib import Path
from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Center, VerticalScroll
from textual.screen import Screen
from textual.widgets import Footer, Static

from ..formatting import clean


class EmptyScreen(Screen[None]):
    BINDINGS: ClassVar[list[BindingType]] = [Binding("q,escape", "app.quit", "Salir")]

    def __init__(self, folder: Path, problem: str, damaged: bool = False) -> None:
        super().__init__()
        self.folder = folder
        self.problem = problem
        self.damaged = damaged

    def compose(self) -> ComposeResult:
        folder = clean(str(self.folder))
        if self.damaged:
            heading = "No se puede leer el dataset"
            advice = "Vuelva a generarlo con:"
        else:
            heading = "Todavía no hay datos"
            advice = "Para crear el dataset a partir de las fichas, ejecute:"
        body = Text()
        body.append(heading + "\n\n", style="bold")
        body.append(clean(self.problem) + "\n\n")
        body.append(advice + "\n\n")
        body.append(f"  fichas ingest data/fichas/ --data {folder}\n\n", style="bold green")
        body.append("y luego vuelva a abrir el explorador con ")
        body.append(f"fichas --data {folder}", style="bold")
        body.append(".\n\nq para salir.")
        with VerticalScroll(), Center():
            yield Static(body, id="empty-box")
        yield Footer()
