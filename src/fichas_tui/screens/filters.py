"""The filters dialog (t): ministry, service and year of the program list."""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Button, Label, Select

from ..data.queries import Facets
from ..text import one_line
from .filter_state import Filters


class FiltersScreen(ModalScreen[Filters | None]):
    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "cancel", "Cancelar")]

    def __init__(self, facets: Facets, current: Filters) -> None:
        super().__init__()
        self.facets = facets
        self.current = current

    def compose(self) -> ComposeResult:
        with Vertical(id="filters-box") as box:
            box.border_title = "Filtros"
            box.border_subtitle = "Enter elige · Esc cancela"
            yield Label("Ministerio")
            yield Select(
                [(Content(one_line(m)), m) for m in self.facets.ministries],
                prompt="Todos",
                value=self.current.ministry or Select.NULL,
                id="ministry",
            )
            yield Label("Servicio")
            yield Select(
                [(Content(one_line(s)), s) for s in self.facets.services],
                prompt="Todos",
                value=self.current.service or Select.NULL,
                id="service",
            )
            yield Label("Año de la ficha")
            yield Select(
                [(str(y), y) for y in self.facets.years],
                prompt="Todos",
                value=self.current.year or Select.NULL,
                id="year",
            )
            with Horizontal(id="filters-buttons"):
                yield Button("Aplicar", variant="primary", id="apply")
                yield Button("Limpiar", id="clear")

    def _value(self, widget_id: str):
        value = self.query_one(f"#{widget_id}", Select).value
        return None if value is Select.NULL else value

    def on_button_pressed(self, event: Button.Pressed) -> None:
        if event.button.id == "clear":
            self.dismiss(Filters())
        else:
            self.dismiss(
                Filters(self._value("ministry"), self._value("service"), self._value("year"))
            )

    def action_cancel(self) -> None:
        self.dismiss(None)
