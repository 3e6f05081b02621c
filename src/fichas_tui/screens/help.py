"""The help screen (? or F1): every key, in Spanish."""

from __future__ import annotations

from typing import ClassVar

from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static

KEYS = (
    ("Lista de programas", None),
    ("/", "Escribir para filtrar (sin importar mayúsculas, tildes ni orden de las palabras)"),
    ("↑ ↓  RePág AvPág", "Moverse por la lista"),
    ("Enter", "Abrir el programa marcado"),
    ("t", "Filtrar por ministerio, servicio y año"),
    ("o", "Ordenar por nombre o por presupuesto ejecutado"),
    ("Ctrl+P", "Saltar a un programa por su nombre"),
    ("Programa", None),
    ("1 2 3 4", "Resumen, Presupuesto, Indicadores, Regiones"),
    ("← →", "Cambiar de pestaña (con las pestañas marcadas)"),
    ("Tab / Shift+Tab", "Pasar entre lista, año, pestañas y contenido"),
    ("[  ]", "Ficha del año anterior / siguiente"),
    ("f", "Indicadores: mostrar u ocultar las fórmulas"),
    ("o", "Regiones: cambiar el orden (gasto, beneficiarios, gasto por beneficiario, región)"),
    ("General", None),
    ("Esc", "Volver (a la lista)"),
    ("Ctrl+R", "Recargar el dataset (después de un fichas ingest)"),
    ("e", "Exportar la tabla a CSV, XLSX, JSON o Parquet"),
    ("y  Y", "Copiar la fila / la tabla al portapapeles (también por SSH)"),
    ("Ctrl+P tema", "Cambiar los colores (se recuerda)"),
    ("? o F1", "Esta ayuda"),
    ("q", "Salir"),
)

NOTES = (
    "Los montos están en M$ (miles de pesos) del año que indica cada encabezado "
    "(M$ 2024 = pesos de 2024; «nominales» = pesos de cada año). "
    "N/C, S/I, N/A y - son códigos de la ficha para un dato que no está: no son cero."
)


class HelpScreen(ModalScreen[None]):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,q,question_mark,f1", "dismiss", "Cerrar"),
    ]

    def compose(self) -> ComposeResult:
        grid = Table.grid(padding=(0, 2))
        grid.add_column(style="bold", no_wrap=True)
        grid.add_column()
        for key, text in KEYS:
            if text is None:
                grid.add_row(Text(key, style="bold cyan"), Text())
            else:
                grid.add_row(Text(key), Text(text))
        with VerticalScroll(id="help-box") as box:
            box.border_title = "Ayuda · fichas"
            box.border_subtitle = "Esc para cerrar"
            yield Static(grid)
            yield Static(Text(NOTES, style="italic"), id="help-notes")

    def action_dismiss(self) -> None:
        self.dismiss(None)
