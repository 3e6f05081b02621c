"""The key bar at the bottom: the keys that apply where the focus is, drawn as one line.

Textual's Footer mounts one widget per key and restyles each on every focus change (about a
third of the explorer's start-up CPU); this draws the same keys as a single line of text, keeps
the help key always visible at the right, and drops the keys that do not fit from the end
instead of cutting them.
"""

from __future__ import annotations

from dataclasses import dataclass
from itertools import groupby
from typing import ClassVar

from rich.cells import cell_len
from rich.style import Style
from rich.text import Text
from textual import events
from textual.binding import Binding
from textual.screen import Screen
from textual.widget import Widget

from ..keys import key_label

DIM = Style(dim=True)  # a key shown but disabled (check_action answered None)
HELP_ACTION = "help"  # always shown (at the right), so every other key can be looked up
HELP_KEY = "question_mark"  # its first key; F1 is the other
# Drawn at the right, help first: the keys that find everything else.
RIGHT_ACTIONS = (HELP_ACTION, "command_palette")


@dataclass(frozen=True)
class Entry:
    """One key (or a group of keys) as drawn: what is pressed when it is clicked."""

    keys: str  # as shown: "p", "1-5"
    description: str
    key: str  # the key simulated on a click
    enabled: bool
    action: str

    @property
    def width(self) -> int:
        return cell_len(self.keys) + cell_len(self.description) + 3  # " k desc "


class KeyBar(Widget):
    """The active bindings with `show=True`, in binding order; the palette and help at the end."""

    DEFAULT_CSS = """
    KeyBar {
        dock: bottom;
        height: 1;
        background: $footer-background;
        color: $footer-foreground;
    }
    KeyBar > .key-bar--key {
        color: $footer-key-foreground;
        background: $footer-key-background;
        text-style: bold;
    }
    KeyBar > .key-bar--description {
        color: $footer-description-foreground;
        background: $footer-description-background;
    }
    """
    COMPONENT_CLASSES: ClassVar[set[str]] = {"key-bar--key", "key-bar--description"}
    ALLOW_SELECT = False

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._spans: list[tuple[int, int, str]] = []  # (start, end, key) of what was drawn

    def on_mount(self) -> None:
        self.screen.bindings_updated_signal.subscribe(self, self._bindings_changed)

    def on_unmount(self) -> None:
        self.screen.bindings_updated_signal.unsubscribe(self)

    def _bindings_changed(self, screen: Screen) -> None:
        if self.is_attached and screen is self.screen:
            self.refresh()

    def entries(self) -> tuple[list[Entry], list[Entry]]:
        """(left, right): the shown keys in binding order; the palette and help keys."""
        by_action: dict[str, list[tuple[Binding, bool]]] = {}
        right: list[Entry] = []
        for key, (_node, binding, enabled, _tooltip) in self.screen.active_bindings.items():
            if binding.action in RIGHT_ACTIONS:
                if binding.action not in {e.action for e in right}:
                    right.append(self._entry(binding, enabled, key))
            elif binding.show:
                by_action.setdefault(binding.action, []).append((binding, enabled))
        left: list[Entry] = []
        for group, members in groupby(by_action.values(), lambda same: same[0][0].group):
            firsts = [same[0] for same in members]  # one key per action (its first)
            if group is not None and len(firsts) > 1:
                keys = "/".join(self.app.get_key_display(b) for b, _enabled in firsts)
                binding, enabled = firsts[0]
                left.append(Entry(keys, group.description, binding.key, enabled, binding.action))
            else:
                left += [self._entry(binding, enabled) for binding, enabled in firsts]
        return left, right

    def _entry(self, binding: Binding, enabled: bool, key: str | None = None) -> Entry:
        keys = self.app.get_key_display(binding)
        if binding.action == HELP_ACTION and key is not None and key != HELP_KEY:
            # Typing in an input, ? is a character there: only F1 (its other key) opens the help.
            keys = key_label(key)
        # A click presses the key shown (F1 while typing, not the ? the input would take).
        return Entry(keys, binding.description, key or binding.key, enabled, binding.action)

    def render(self) -> Text:
        left, right = self.entries()
        room = self.size.width
        helps = [e for e in right if e.action == HELP_ACTION and e.width <= room]
        room -= sum(e.width for e in helps)
        kept: list[Entry] = []
        for entry in left:  # in binding order, up to the first that does not fit
            if entry.width > room:
                break
            kept.append(entry)
            room -= entry.width
        others = [e for e in right if e.action != HELP_ACTION and e.width <= room]
        room -= sum(e.width for e in others[:1])
        text = Text(no_wrap=True, overflow="crop", end="")
        self._spans = []
        for entry in kept:
            self._append(text, entry)
        text.append(" " * max(0, room))
        for entry in [*others[:1], *helps]:  # the help key at the very right
            self._append(text, entry)
        return text

    def _append(self, text: Text, entry: Entry) -> None:
        key_style = self.get_component_rich_style("key-bar--key")
        description_style = self.get_component_rich_style("key-bar--description")
        if not entry.enabled:
            key_style, description_style = key_style + DIM, description_style + DIM
        start = text.cell_len
        text.append(f" {entry.keys} ", key_style)
        text.append(f"{entry.description} ", description_style)
        self._spans.append((start, text.cell_len, entry.key))

    def on_click(self, event: events.Click) -> None:
        for start, end, key in self._spans:
            if start <= event.x < end:
                self.app.simulate_key(key)
                return
