"""The help screen (? or F1): every key, read from the bindings (tui/keys.py), in Spanish."""

from __future__ import annotations

from typing import ClassVar

from rich.cells import cell_len
from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.screen import ModalScreen, Screen
from textual.widgets import Static
from textual.widgets.tabbed_content import ContentTabs

from ...views.figures import CODE_MEANINGS, INVALID
from ..keys import key_rows
from ..theme_styles import ACCENT, themed
from ..widgets.pane import Pane
from ..widgets.program_list import ProgramList
from .browser import BrowserScreen

# What the codes in place of a figure mean: the fichas' own footnotes (figures.CODE_MEANINGS,
# which the panes' legends use too).
CODES = tuple((code, text) for code, text in CODE_MEANINGS.items() if code != INVALID)

NOTES = (
    "Los montos están en M$ (miles de pesos) del año que indica cada encabezado "
    "(M$ 2024 = pesos de 2024; «nominales» = pesos de cada año). Con p pasan a M$ de un "
    "año, con los inflactores que traen las fichas del dataset: ≈ marca una cifra "
    "convertida; † una sin factor para su año, que queda como en la ficha, en sus pesos. "
    "‡ marca una cifra que otra ficha del programa imprime distinta (revisada): la nota "
    "de su tabla da las dos cifras y sus fuentes. "
    "Estos códigos reemplazan "
    "una cifra que no está; ninguno es cero:"
)


def owners(app_class: type) -> tuple[type, ...]:
    """Whose bindings the help lists, in the order they are listed within each group."""
    from .across import AcrossScreen
    from .compare import CompareScreen
    from .compare_pick import ComparePick

    return (
        ProgramList,
        BrowserScreen,
        Pane,
        ContentTabs,
        Screen,
        app_class,
        AcrossScreen,
        CompareScreen,
        ComparePick,
    )


class HelpScreen(ModalScreen[None]):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,q,question_mark,f1", "dismiss", "Cerrar"),
    ]
    DEFAULT_CSS = """
    HelpScreen {
        align: center middle;
    }
    #help-box {
        width: 100%;
        max-width: 100;
        height: 100%;
        max-height: 36;
        border: round $accent;
        background: $surface;
        padding: 0 1;
    }
    #help-notes {
        margin-top: 1;
    }
    """

    def compose(self) -> ComposeResult:
        rows = key_rows(owners(type(self.app)))
        width = max(cell_len(row.keys) for row in rows)
        sections: list[Static] = []
        for group in dict.fromkeys(row.group for row in rows):
            grid = Table.grid(padding=(0, 2))
            grid.add_column(style="bold", no_wrap=True, width=width)
            grid.add_column()
            for row in rows:
                if row.group == group:
                    grid.add_row(Text(row.keys), Text(row.text))
            sections.append(
                Static(Text(group, style=themed(self.app, ACCENT, bold=True)), classes="help-group")
            )
            sections.append(Static(grid))
        codes = Table.grid(padding=(0, 2))
        codes.add_column(style="bold", no_wrap=True)
        codes.add_column()
        for code, text in CODES:
            codes.add_row(Text(code), Text(text))
        with VerticalScroll(id="help-box") as box:
            box.border_title = "Ayuda · fichas"
            box.border_subtitle = "↑↓ para recorrer · Esc para cerrar"
            yield from sections
            yield Static(Text(NOTES, style="italic"), id="help-notes")
            yield Static(codes, id="help-codes")

    async def action_dismiss(self, result: None = None) -> None:
        self.dismiss(None)
