"""The filter box: an Input that draws what was typed or pasted as text, never as control codes."""

from __future__ import annotations

from collections.abc import Callable

from rich.highlighter import Highlighter
from rich.text import Text

from ...text import clean
from ..compat import QuietInput


class Cleaned(Highlighter):
    """Control characters drawn as the symbols `clean` writes for them (␛), one for one, so the
    cursor positions still match the value."""

    def __call__(self, text: str | Text) -> Text:
        plain = text.plain if isinstance(text, Text) else text
        return Text(clean(plain), no_wrap=True, overflow="ignore", end="")

    def highlight(self, text: Text) -> None:
        """Nothing to colour: the cleaning is the whole of it (see __call__)."""


class SearchInput(QuietInput):
    """Control characters in the value are drawn as symbols (␛), like ficha text.

    A paste is cleaned by the app before it gets here; this covers a value set from code.

    `on_typed`, when given, is called with each new value at once, in the keystroke's own
    handler: what it changes is drawn in the same frame as the typed letter (Input.Changed
    arrives a little later, often after that frame).
    """

    def __init__(self, *args, on_typed: Callable[[str], None] | None = None, **kwargs) -> None:
        kwargs.setdefault("highlighter", Cleaned())
        super().__init__(*args, **kwargs)
        self._on_typed = on_typed

    def watch_value(self, value: str) -> None:
        if self._on_typed is not None:
            self._on_typed(value)
