"""The filter box: an Input that draws what was typed or pasted as text, never as control codes."""

from __future__ import annotations

from collections.abc import Callable

from rich.text import Text
from textual.geometry import Size
from textual.widgets import Input

from ...text import clean


class SearchInput(Input):
    """Control characters in the value are drawn as symbols (␛), like ficha text.

    A paste is cleaned by the app before it gets here; this covers a value set from code.

    `clean` maps each character to one symbol, so the cursor positions still match the value.

    `on_typed`, when given, is called with each new value at once, in the keystroke's own
    handler: what it changes is drawn in the same frame as the typed letter (Input.Changed
    arrives a little later, often after that frame).
    """

    def __init__(self, *args, on_typed: Callable[[str], None] | None = None, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self._on_typed = on_typed

    def _watch_value(self, value: str) -> None:
        # Input sets its virtual size on every change, which asks for a layout of the whole
        # screen; the box's size never depends on its value, so set it quietly first.
        self.set_reactive(Input.virtual_size, Size(self.content_width, 1))
        super()._watch_value(value)

    def watch_value(self, value: str) -> None:
        if self._on_typed is not None:
            self._on_typed(value)

    @property
    def _value(self) -> Text:
        return Text(clean(self.value), no_wrap=True, overflow="ignore", end="")
