"""The picker of the Compare screen: another year of the same program, or another program found
with the list's own typed search (Store.filter: the one fold of text.py)."""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Input, OptionList, Static
from textual.widgets.option_list import Option

from ...data.list_records import ProgramRow
from ...text import one_line
from ...views.figures import number, years_label
from ..widgets.search import SearchInput

# Programs listed at most (typing narrows them; the count of the others is shown).
MAX_PROGRAMS = 100
YEAR_PREFIX = "year:"
PROGRAM_PREFIX = "program:"

MOVE = Binding.Group("Elegir el programa o el año con quien comparar")
Pick = tuple[str, int | None]  # (program_id, evaluated year; None: its latest ficha)


def options(store, first: ProgramRow, year: int | None, typed: str) -> tuple[list, int]:
    """(options, programs left out): the program's other years, then the programs found."""
    out: list = []
    others = [y for y in first.years if y != year]
    for y in sorted(others, reverse=True):
        label = Content(f"Mismo programa, ficha de {y}")
        out.append(Option(label, id=f"{YEAR_PREFIX}{y}"))
    matching = store.filter(typed)  # rows are made only for the programs listed
    found = [p for p in matching[: MAX_PROGRAMS + 1] if p.program_id != first.program_id]
    found = found[:MAX_PROGRAMS]
    itself = 1 if matching.index_of(first.program_id) is not None else 0  # offered by year
    left_out = len(matching) - itself - len(found)
    if out and found:
        out.append(None)  # a separator between the years and the programs
    for program in found:
        text = Content(one_line(program.name)).append(
            Content.styled(f"  · {years_label(program.years)}", "dim")
        )
        out.append(Option(text, id=f"{PROGRAM_PREFIX}{program.program_id}"))
    return out, max(0, left_out)


class ComparePick(ModalScreen[Pick | None]):
    """Comparar «A» con…: Enter picks, Esc cancels; typing narrows the programs."""

    DEFAULT_CSS = """
    ComparePick { align: center middle; }
    ComparePick #pick-box {
        width: 100%; max-width: 96; height: 100%; max-height: 30;
        border: round $accent; background: $surface; padding: 0 1;
    }
    ComparePick #pick-title { height: auto; text-style: bold; }
    ComparePick #pick-filter { margin: 0 0 1 0; }
    ComparePick OptionList { height: 1fr; }
    ComparePick #pick-more { height: auto; color: $text-muted; }
    """
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding(
            "escape",
            "cancel",
            "Cancelar",
            id="comparar.cancelar",
            tooltip="Cancelar la comparación",
        ),
        Binding("down", "move(1)", "Bajar", show=False, id="comparar.mover", group=MOVE),
        Binding("up", "move(-1)", "Subir", show=False, id="comparar.mover", group=MOVE),
    ]

    def __init__(self, store, first: ProgramRow, year: int | None) -> None:
        super().__init__()
        # without a year, A is the program's latest ficha: that year is not offered again
        self.store, self.first = store, first
        self.year = year if year is not None else first.latest_year

    def compose(self) -> ComposeResult:
        which = f" ({self.year})" if self.year is not None else ""
        with Vertical(id="pick-box") as box:
            box.border_title = "Comparar"
            box.border_subtitle = "↑↓ elige · Enter compara · Esc cancela"
            yield Static(
                Content(f"Comparar «{one_line(self.first.name)}»{which} con:"), id="pick-title"
            )
            yield SearchInput(
                placeholder="Buscar otro programa (nombre, ministerio o servicio)",
                id="pick-filter",
                compact=True,
                on_typed=self._typed,
            )
            yield OptionList(id="pick-options")
            yield Static(id="pick-more")

    def on_mount(self) -> None:
        self._typed("")
        self.query_one(SearchInput).focus()

    def _typed(self, value: str) -> None:
        if not self.query(OptionList):
            return  # the input's first value, before the list is composed
        found, left_out = options(self.store, self.first, self.year, value)
        listed = self.query_one(OptionList)
        listed.clear_options()
        listed.add_options(found)
        if found:
            # typing looks for a program: the first one found is the one Enter picks
            ids = [o.id for o in found if o is not None]  # a separator is not an option
            programs = [i for i, o in enumerate(ids) if o.startswith(PROGRAM_PREFIX)]
            listed.highlighted = programs[0] if value.strip() and programs else 0
        more = self.query_one("#pick-more", Static)
        if not found:
            more.update(Content(f"Ningún otro programa coincide con «{one_line(value)}»."))
        elif left_out:
            more.update(Content(f"y {number(left_out)} programas más: escriba para acotar."))
        else:
            more.update("")

    def action_move(self, delta: int) -> None:
        listed = self.query_one(OptionList)
        if delta > 0:
            listed.action_cursor_down()
        else:
            listed.action_cursor_up()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        listed = self.query_one(OptionList)
        if listed.highlighted is not None:
            self._choose(listed.get_option_at_index(listed.highlighted).id)

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        self._choose(event.option.id)

    def _choose(self, option_id: str | None) -> None:
        if option_id is None:
            return
        if option_id.startswith(YEAR_PREFIX):
            self.dismiss((self.first.program_id, int(option_id.removeprefix(YEAR_PREFIX))))
        else:
            self.dismiss((option_id.removeprefix(PROGRAM_PREFIX), None))

    def action_cancel(self) -> None:
        self.dismiss(None)
