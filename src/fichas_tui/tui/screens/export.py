"""The export dialog (`e`): pick a table and a format, confirm the file name, write it."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import ClassVar, Protocol, runtime_checkable

from rich.text import Text
from textual import work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Checkbox, Input, Label, Select, Static

from ...render.export import FORMATS, current_folder, export_table, proposed_path
from ...safe_write import reason
from ...text import clean, one_line
from ...views.model import Table
from ..theme_styles import ERROR, WARNING, themed


class ExportScreen(ModalScreen[Path | None]):
    """Proposes a free file name in the current directory; says where it wrote, or why not."""

    DEFAULT_CSS = """
    ExportScreen { align: center middle; }
    #export-dialog {
        width: 76; max-width: 100%; height: auto; padding: 1 2;
        border: round $primary; background: $surface;
    }
    #export-dialog Label { margin-top: 1; }
    #export-dialog Select, #export-dialog Input { width: 100%; }
    #export-message { margin-top: 1; height: auto; }
    #export-dialog .hint { color: $text-muted; margin-top: 1; }
    """
    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "cancel", "Cancelar")]

    def __init__(
        self, tables: list[Table], stem: str, folder: Path | None = None, first: int = 0
    ) -> None:
        super().__init__()
        self.tables = tables
        self.stem = stem
        self.folder = folder or current_folder()
        self.first = first  # the table proposed (the one under the cursor)
        self.proposed = self._proposal(first, "csv")
        self.confirm_replace: Path | None = None

    def _proposal(self, index: int, fmt: str) -> Path:
        return proposed_path(f"{self.stem} {self.tables[index].title}", fmt, self.folder)

    def compose(self) -> ComposeResult:
        with Vertical(id="export-dialog"):
            yield Static(Text("Exportar tabla", style="bold"))
            if len(self.tables) > 1:
                yield Label("Tabla")
                options = [(Text(one_line(t.title)), i) for i, t in enumerate(self.tables)]
                yield Select(
                    options, value=self.first, allow_blank=False, id="export-table", compact=True
                )
            else:
                yield Static(Text(one_line(self.tables[0].title)), id="export-title")
            yield Label("Formato")
            formats = [(Text(label), fmt) for fmt, label in FORMATS.items()]
            yield Select(formats, value="csv", allow_blank=False, id="export-format", compact=True)
            yield Checkbox(
                "Con fuentes (archivo, línea, SHA-256)", id="export-sources", compact=True
            )
            yield Label("Archivo (en la carpeta actual si no se indica otra)")
            yield Input(value=self.proposed.name, id="export-path", compact=True)
            yield Static(id="export-message")
            yield Static("Tab: otro campo · Enter: exportar · Esc: cancelar", classes="hint")

    def on_mount(self) -> None:
        self.query_one("#export-path", Input).focus()

    @property
    def index(self) -> int:
        tables = self.query("#export-table")
        value = tables.first(Select).value if tables else 0
        return value if isinstance(value, int) else 0  # a Select without blank: always an int

    @property
    def fmt(self) -> str:
        return str(self.query_one("#export-format", Select).value)

    def on_select_changed(self, event: Select.Changed) -> None:
        event.stop()
        path = self.query_one("#export-path", Input)
        if path.value == self.proposed.name:  # untouched by the user: follow the choice
            self.proposed = self._proposal(self.index, self.fmt)
            path.value = self.proposed.name
        self._say("")

    def on_input_changed(self, event: Input.Changed) -> None:
        self.confirm_replace = None

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        value = event.value.strip()
        if not value:
            self._say("Indique un nombre de archivo.", error=True)
            return
        # Every question asked of the typed path is inside the try: a 300-character name
        # (ENAMETOOLONG), a folder that cannot be read (EACCES) or an unknown ~user made
        # path.exists() raise and the app stop.
        try:
            path = (self.folder / Path(value).expanduser()).absolute()
            fmt = path.suffix.lstrip(".").lower() if path.suffix else self.fmt
            folder = path.parent.is_dir()
            exists = path.is_symlink() or path.exists()
            is_dir = path.is_dir()
        except (OSError, ValueError, RuntimeError) as exc:
            self._say(f"No se puede usar {value}: {reason(exc)}.", error=True)
            return
        if fmt not in FORMATS:
            self._say(f"Extensión desconocida: use {', '.join(FORMATS)}.", error=True)
            return
        if not folder:
            self._say(f"La carpeta {path.parent} no existe.", error=True)
            return
        if is_dir:
            self._say(f"{path} es una carpeta: indique un nombre de archivo.", error=True)
            return
        if exists and self.confirm_replace != path:
            self.confirm_replace = path
            self._say(f"{clean(str(path))} ya existe: Enter otra vez para reemplazarlo.")
            return
        table = self.tables[self.index]
        if self.query_one("#export-sources", Checkbox).value:
            from ...views.sources import with_sources

            table = with_sources(table)
        self._export(table, path, fmt)

    @work(thread=True, exclusive=True)
    def _export(self, table: Table, path: Path, fmt: str) -> None:
        try:
            export_table(table, path, fmt)
        except (OSError, ValueError, RuntimeError) as exc:
            self.app.call_from_thread(
                self._say, f"No se pudo escribir {path}: {reason(exc)}.", True
            )
            return
        self.app.call_from_thread(self._done, path)

    def _done(self, path: Path) -> None:
        self.app.notify(f"Exportado a {clean(str(path))}", title="Exportar", markup=False)
        self.dismiss(path)

    def _say(self, message: str, error: bool = False) -> None:
        style = themed(self.app, ERROR, bold=True) if error else themed(self.app, WARNING)
        self.query_one("#export-message", Static).update(Text(clean(message), style=style))

    def action_cancel(self) -> None:
        self.dismiss(None)


@dataclass(frozen=True)
class Target:
    """What `e`, `y` and `Y` act on: the tables in focus, a file-name stem, the cursor's row."""

    tables: list[Table]
    stem: str  # what the tables are about (program and year), before each table's title
    row: int | None = None  # row of tables[table] under the cursor
    table: int = 0  # the table under the cursor: `e` proposes it, `y`/`Y` copy from it
    headed: bool = False  # `y` copies the column headers (with their units) above the row


@runtime_checkable
class Exporting(Protocol):
    """A screen with tables to offer: every exporting screen says what `e`, `y` and `Y` act
    on there (None: nothing now)."""

    def export_target(self) -> Target | None: ...


def target(app) -> Target | None:
    """What the screen on top offers (None: a screen with no tables)."""
    screen = app.screen
    return screen.export_target() if isinstance(screen, Exporting) else None


def list_target(programs) -> Target:
    """The program list as a table, the row under its cursor."""
    from ...views.lista import programs_table

    table = programs_table(programs.programs, pesos=programs.pesos)
    return Target([table], "", programs.cursor if programs.programs else None)


def pane_target(detail) -> Target | None:
    """The tables of the pane on screen, as it drew them, the row under its cursor."""
    pane = detail.pane(detail.active_tab)
    if pane is None or pane.detail is None or not pane.ready(pane.detail):
        return None
    # The very view the pane drew (its order, formulas, pesos): the file holds what is on screen.
    drawn = pane.tables()
    tables = [t for t in drawn if t.rows]
    if not tables:
        return None
    ficha = pane.detail.ficha
    stem = f"{pane.detail.program.program_id} {ficha.evaluated_year or ''}"
    at = pane.cursor_row()
    if at is None:  # not drawn yet: its first row
        return Target(tables, stem, 0, headed=True)
    table, row = at
    index = next(i for i, t in enumerate(tables) if t is drawn[table])
    return Target(tables, stem, row, table=index, headed=True)
