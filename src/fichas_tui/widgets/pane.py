"""Shared pieces of the detail panes: a scrollable pane and Rich tables built from Text."""

from __future__ import annotations

from rich import box
from rich.console import Group, RenderableType
from rich.table import Table
from rich.text import Text
from textual.containers import VerticalScroll
from textual.widgets import Static

from ..advice import PANE_TABLES, missing_message
from ..formatting import clean, number, percent
from ..queries import ProgramDetail, Value

# Every cell is a Text object: ficha text is data and must never be parsed as Rich markup.


def title(text: str) -> Text:
    return Text(clean(text), style="bold cyan")


def note(text: str) -> Text:
    return Text(clean(text), style="italic")


def table(*columns: str, numeric_from: int = 1, charts: tuple[int, ...] = ()) -> Table:
    """A compact table; columns from `numeric_from` on are right-aligned numbers."""
    grid = Table(
        box=box.SIMPLE_HEAD,
        pad_edge=False,
        expand=False,
        show_edge=False,
        padding=(0, 1),
        collapse_padding=True,
    )
    for i, name in enumerate(columns):
        numeric = i >= numeric_from and i not in charts
        grid.add_column(
            Text(name),
            justify="right" if numeric else "left",
            no_wrap=i >= numeric_from,
            # Only a text first column (a region, a subtitle) needs room to stay readable.
            min_width=12 if i < numeric_from and name not in ("Año",) else None,
        )
    return grid


def amount(value: Value, decimals: int = 0) -> Text:
    return _cell(number(value.value, decimals, value.status), value)


def pct(value: Value, decimals: int = 1) -> Text:
    return _cell(percent(value.value, decimals, value.status), value)


def _cell(text: str, value: Value) -> Text:
    # A missing code is shown as written, dimmed so it reads as "no figure" at a glance.
    return Text(text, style="dim" if value.value is None else "")


def txt(value: str | None) -> Text:
    return Text(clean(value) or "—")


class Pane(VerticalScroll, can_focus=True):
    """A focusable, scrollable pane that renders one ProgramDetail."""

    DEFAULT_CLASSES = "pane"
    NAME = ""  # the pane's key in PANE_TABLES

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.detail: ProgramDetail | None = None
        self._notice: Text | None = None
        self._notice_only = False
        self._body = Static(expand=True)

    def compose(self):
        yield self._body

    def show(self, detail: ProgramDetail, missing: tuple[str, ...] = (), folder=None) -> None:
        self.detail = detail
        tables = PANE_TABLES.get(self.NAME, ())
        absent = [t for t in tables if t in missing]
        self._notice = None
        # Every table of the pane missing: only the notice ("no indicators" would be untrue).
        self._notice_only = bool(absent) and len(absent) == len(tables)
        if absent and folder is not None:
            self._notice = Text(missing_message(folder, absent), style="bold yellow")
        self.refresh_body()

    def show_problem(self, heading: str, text: str) -> None:
        self.detail = None
        self._notice = None
        heading_text = Text(clean(heading), style="bold yellow")
        self._body.update(Group(heading_text, Text(), Text(clean(text))))

    def refresh_body(self) -> None:
        if self.detail is None:
            return
        if self._notice is None:
            self._body.update(self.build(self.detail))
        elif self._notice_only:
            self._body.update(self._notice)
        else:
            self._body.update(Group(self._notice, Text(), self.build(self.detail)))

    def build(self, detail: ProgramDetail) -> RenderableType:
        raise NotImplementedError
