"""A pane's content as plain data, made without the widget: the notice, the view and its Rich
parts, the tables' lines drawn. The read-ahead worker thread makes one (Textual widgets are
touched on the main thread only); the pane turns it into strips there (Pane.keep_sketch)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from rich.console import Console, ConsoleOptions, RenderableType
from rich.segment import Segment
from rich.style import StyleType
from rich.text import Text

from ...data.detail_records import ProgramDetail
from ...data.diagnosis import ingest_command, missing_message
from ...render.rich_tables import Styles, TableBlock, blocks
from ...text import clean
from ...views.model import PaneView
from ...views.panes import PANE_TABLES, pane
from ...views.program import pane_view


@dataclass(frozen=True, slots=True)
class Look:
    """What a pane draws with, read from it on the main thread: its settings, the width of its
    text, the console Rich draws with (thread-safe: its state is per thread) and the theme's
    colours (tui/theme_styles.py render_styles)."""

    name: str
    options: dict
    width: int
    console: Console
    console_options: ConsoleOptions
    styles: Styles


@dataclass(frozen=True, slots=True)
class Sketch:
    """A program's pane content, made ahead: what it was made from and for, its parts (the
    tables' lines drawn at `look.width`)."""

    detail: ProgramDetail
    missing: tuple[str, ...]
    folder: Path | None
    look: Look
    notice: Text | None
    only: bool
    view: PaneView | None
    parts: list[RenderableType]


def ready(name: str, detail: ProgramDetail) -> bool:
    """Whether `detail` holds the tables pane `name` shows (they may be read per pane)."""
    return detail.has(PANE_TABLES.get(name, ()))


def notice_for(
    name: str, detail: ProgramDetail, missing, folder, warning: StyleType
) -> tuple[Text | None, bool]:
    """What a pane says above (or instead of, True) its view: tables absent or damaged."""
    spec = pane(name)
    absent = [t for t in spec.required if t in missing]
    damaged = [(t, why) for t, why in detail.unreadable if t in spec.tables]
    notice = None
    # Every table of the pane missing: only the notice ("no indicators" would be untrue).
    only = bool(absent) and len(absent) == len(spec.required)
    if absent and folder is not None:
        notice = Text(missing_message(folder, absent), style=warning)
    if damaged:
        return damaged_message(damaged, folder, warning), True
    return notice, only


class RichPart:
    """A part that is neither a table nor a Text (facts, a group of lines): its lines drawn by
    Rich as Textual's RichVisual draws them, kept for the last width asked. The read-ahead
    worker draws them (Textual would draw them on the main thread, in Visual.to_strips)."""

    __slots__ = ("_drawn", "part")

    def __init__(self, part: RenderableType) -> None:
        self.part = part
        self._drawn: tuple[int, list[list[Segment]]] | None = None

    def lines(self, console: Console, options: ConsoleOptions, width: int) -> list[list[Segment]]:
        if self._drawn is None or self._drawn[0] != width:
            drawn = console.render_lines(self.part, options.update_width(width), pad=False)
            self._drawn = (width, drawn)
        return self._drawn[1]

    def __rich_console__(self, console: Console, options: ConsoleOptions):
        yield self.part  # drawn as what it holds anywhere else


def content(
    view: PaneView | None, notice: Text | None, only: bool, styles: Styles
) -> list[RenderableType]:
    """The parts a pane draws, top to bottom (tables as TableBlocks, Texts as they are, the
    rest as RichParts)."""
    if only and notice is not None:  # the notice is all there is
        return [notice]
    parts: list[RenderableType] = blocks(view, fit=False, styles=styles) if view else []
    if notice is not None:
        parts = [notice, Text(), *parts]
    # A Text stays one: Textual draws it as Content (its wrapped lines lose their trailing
    # space, Rich's keep it), on the main thread.
    return [p if isinstance(p, (TableBlock, Text)) else RichPart(p) for p in parts]


def sketch(look: Look, detail: ProgramDetail, missing: tuple[str, ...], folder) -> Sketch | None:
    """A pane's content for `detail` (None when the pane's tables were not read), its tables
    drawn: the costly part of a pane's drawing, done off the main thread."""
    if not ready(look.name, detail):
        return None
    notice, only = notice_for(look.name, detail, missing, folder, look.styles.notice)
    view = None if only and notice is not None else pane_view(look.name, detail, **look.options)
    parts = content(view, notice, only, look.styles)
    for part in parts:
        if isinstance(part, (TableBlock, RichPart)):  # kept for that width (their lines())
            part.lines(look.console, look.console_options, look.width)
    return Sketch(detail, missing, folder, look, notice, only, view, parts)


def damaged_message(damaged: list[tuple[str, str]], folder, warning: StyleType) -> Text:
    names = ", ".join(f"{t}.parquet" for t, _why in damaged)
    text = Text(f"No se pudo leer {names}.", style=warning)
    for _table, why in damaged:
        text.append(f"\n\n{clean(why)}")
    command = ingest_command(folder) if folder is not None else "fichas ingest"
    text.append(
        "\n\nLas demás pestañas sí se muestran. Si el dataset se está actualizando, pulse "
        f"Ctrl+R para recargarlo. Si el problema sigue, vuelva a generarlo con: {command}"
    )
    return text
