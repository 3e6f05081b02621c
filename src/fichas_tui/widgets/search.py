"""The filter box: an Input that draws what was typed or pasted as text, never as control codes."""

from __future__ import annotations

from rich.text import Text
from textual.widgets import Input

from ..formatting import clean


class SearchInput(Input):
    """Control characters in the value are drawn as symbols (␛), like ficha text.

    A paste is cleaned by the app before it gets here; this covers a value set from code.

    `clean` maps each character to one symbol, so the cursor positions still match the value.
    """

    @property
    def _value(self) -> Text:
        return Text(clean(self.value), no_wrap=True, overflow="ignore", end="")
