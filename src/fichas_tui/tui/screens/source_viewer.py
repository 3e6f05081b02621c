"""`v`: the ficha's stored text at a figure's line, highlighted; scrollable, `/` searches it.

The text is data: drawn as plain segments (tabs expanded), never parsed as markup.
"""

from __future__ import annotations

from typing import ClassVar

from rich.segment import Segment
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.geometry import Size
from textual.screen import Screen
from textual.scroll_view import ScrollView
from textual.strip import Strip
from textual.widgets import Input, Static

from ...text import fold, one_line
from ...views.sources import where


class FichaText(ScrollView, can_focus=True):
    """The ficha's lines, numbered; the source line and the search match highlighted."""

    DEFAULT_CSS = """
    FichaText {
        height: 1fr;
        overflow-y: scroll;
        overflow-x: auto;
    }
    FichaText > .ficha-text--source {
        background: $block-cursor-background;
        color: $block-cursor-foreground;
        text-style: bold;
    }
    FichaText > .ficha-text--match {
        background: $warning 40%;
    }
    FichaText > .ficha-text--number {
        color: $text-muted;
    }
    """
    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "ficha-text--source",
        "ficha-text--match",
        "ficha-text--number",
    }

    def __init__(self, lines: list[str], source: int | None, *, id: str | None = None) -> None:
        super().__init__(id=id)
        # Tabs to spaces and anything unprintable already made visible at ingest (markup.py).
        self.lines = [line.expandtabs(4) for line in lines]
        self.source = source  # 0-based index of the highlighted line
        self.match: int | None = None
        self.number_width = len(str(len(self.lines))) + 1
        width = self.number_width + max((len(line) for line in self.lines), default=0) + 1
        self.virtual_size = Size(width, len(self.lines))

    def center(self, index: int) -> None:
        height = self.scrollable_content_region.height
        self.scroll_to(y=max(0, index - height // 3), animate=False, immediate=True)

    def render_line(self, y: int) -> Strip:
        index = y + self.scroll_offset.y
        width = self.scrollable_content_region.width
        if index >= len(self.lines):
            return Strip.blank(width, self.rich_style)
        number = f"{index + 1:>{self.number_width - 1}} "
        if index == self.source:
            style = self.get_component_rich_style("ficha-text--source")
        elif index == self.match:
            style = self.get_component_rich_style("ficha-text--match")
        else:
            style = self.rich_style
        segments = [
            Segment(number, self.get_component_rich_style("ficha-text--number")),
            Segment(self.lines[index], style),
        ]
        x = self.scroll_offset.x
        strip = Strip(segments).crop(x, x + width)
        return strip.extend_cell_length(width, style if index == self.source else self.rich_style)

    def find(self, query: str, start: int) -> int | None:
        """The next line from `start` on (wrapping) whose text contains `query` (accents and
        case ignored)."""
        wanted = fold(query)
        n = len(self.lines)
        for step in range(n):
            i = (start + step) % n
            if wanted in fold(self.lines[i]):
                return i
        return None


class SourceViewerScreen(Screen):
    """The ficha's text over the explorer; Esc goes back."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "close", "Volver"),
        Binding("slash", "search", "Buscar"),
        Binding("n", "next(1)", "Siguiente", show=False),
        Binding("N", "next(-1)", "Anterior", show=False),
    ]
    DEFAULT_CSS = """
    SourceViewerScreen #source-title {
        height: auto;
        max-height: 2;
        padding: 0 1;
        text-style: bold;
    }
    SourceViewerScreen #source-help {
        height: 1;
        padding: 0 1;
        color: $text-muted;
    }
    SourceViewerScreen #source-search {
        display: none;
    }
    SourceViewerScreen #source-search.-open {
        display: block;
    }
    """

    def __init__(self, origin, text: str | None) -> None:
        super().__init__()
        self.origin = origin
        self.text = text
        self.query_text = ""

    def compose(self) -> ComposeResult:
        origin = self.origin
        title = where(origin)
        if origin.line is not None:
            title += f", línea {origin.line}"
        if origin.column:
            title += f", columna {one_line(origin.column)}"
        with Vertical():
            yield Static(Text(title), id="source-title")
            if self.text is None:
                yield Static(
                    Text(
                        "El dataset no guarda el texto de esta ficha: vuelva a ingerirla "
                        "(fichas ingest) para verlo aquí."
                    ),
                    id="source-missing",
                )
            else:
                source = origin.line - 1 if origin.line else None
                yield FichaText(self.text.split("\n"), source, id="source-text")
            yield Input(placeholder="Buscar en la ficha", id="source-search")
            yield Static(Text("/ buscar  n siguiente  N anterior  Esc volver"), id="source-help")

    def on_mount(self) -> None:
        for view in self.query(FichaText):
            view.focus()
            if view.source is not None:  # once laid out: the source line in view
                view.call_after_refresh(view.center, view.source)

    def action_close(self) -> None:
        search = self.query_one("#source-search", Input)
        if search.has_class("-open"):
            search.remove_class("-open")
            for view in self.query(FichaText):
                view.focus()
            return
        self.dismiss()

    def action_search(self) -> None:
        search = self.query_one("#source-search", Input)
        search.add_class("-open")
        search.focus()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.query_text = event.value.strip()
        event.input.remove_class("-open")
        for view in self.query(FichaText):
            view.focus()
        self.action_next(1, first=True)

    def action_next(self, delta: int, first: bool = False) -> None:
        views = list(self.query(FichaText))
        if not views or not self.query_text:
            return
        view = views[0]
        here = view.match if view.match is not None else (view.source or 0) - (1 if first else 0)
        if delta > 0:
            found = view.find(self.query_text, here + 1)
        else:
            found = _find_back(view, self.query_text, here - 1)
        if found is None:
            self.notify(f"«{one_line(self.query_text)}» no está en la ficha.", markup=False)
            return
        view.match = found
        view.center(found)
        view.refresh()


def _find_back(view: FichaText, query: str, start: int) -> int | None:
    wanted = fold(query)
    n = len(view.lines)
    for step in range(n):
        i = (start - step) % n
        if wanted in fold(view.lines[i]):
            return i
    return None
