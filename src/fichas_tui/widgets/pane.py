"""Shared pieces of the detail panes: a scrollable pane and Rich tables built from Text."""

from __future__ import annotations

from rich import box
from rich.console import RenderableType
from rich.table import Table
from rich.text import Text
from textual.containers import VerticalScroll
from textual.widgets import Static

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

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.detail: ProgramDetail | None = None
        self._body = Static(expand=True)

    def compose(self):
        yield self._body

    def show(self, detail: ProgramDetail) -> None:
        self.detail = detail
        self.refresh_body()

    def refresh_body(self) -> None:
        if self.detail is not None:
            self._body.update(self.build(self.detail))

    def build(self, detail: ProgramDetail) -> RenderableType:
        raise NotImplementedError
