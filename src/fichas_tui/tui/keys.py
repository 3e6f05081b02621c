"""The keys the help lists, read from the bindings themselves, grouped by their id's prefix.

Each binding of the explorer has an id `group.name` (`lista.buscar`), a short description for
the footer and a tooltip that says in full what it does; bindings that share a `Binding.Group`
are one line (1 2 3 4). Textual's own keys that the explorer relies on (Tab, the tab arrows)
are read from Textual's classes, so no key is listed that is not bound, nor bound and not listed.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from textual.binding import Binding
from textual.keys import key_to_character

# Help groups, in the order shown: the id prefix -> heading.
GROUPS = {
    "lista": "Lista de programas",
    "programa": "Programa",
    "entre": "Entre programas (Región, Ranking, Comparar)",
    "comparar": "Comparar dos fichas (c)",
    "general": "General",
}

# Textual's bindings the explorer relies on, described in Spanish: (owner class name, action)
# -> (id, text). The key itself is read from Textual's class.
ARROWS = (
    "programa.flechas",
    "Pestaña anterior / siguiente en la fila de pestañas; dentro de un panel, desplazar a "
    "los lados una tabla más ancha que la pantalla",
)
FRAMEWORK = {
    ("ContentTabs", "previous_tab"): ARROWS,
    ("ContentTabs", "next_tab"): ARROWS,
    ("Pane", "scroll_left"): ARROWS,  # a pane is a ScrollView: Textual's scrolling keys
    ("Pane", "scroll_right"): ARROWS,
    ("Screen", "app.focus_next"): ("general.foco", "Pasar entre lista, año, pestañas y contenido"),
    ("Screen", "app.focus_previous"): (
        "general.foco",
        "Pasar entre lista, año, pestañas y contenido",
    ),
}

_NAMES = {
    "up": "↑",
    "down": "↓",
    "left": "←",
    "right": "→",
    "pageup": "RePág",
    "pagedown": "AvPág",
    "home": "Inicio",
    "end": "Fin",
    "escape": "Esc",
    "enter": "Enter",
    "tab": "Tab",
    "slash": "/",
    "space": "Espacio",
}
_MODIFIERS = {"ctrl": "Ctrl", "shift": "Mayús", "alt": "Alt"}


def key_label(key: str) -> str:
    """'ctrl+r' -> 'Ctrl+R', 'pageup' -> 'RePág', 'question_mark' -> '?'."""
    *modifiers, name = key.split("+")
    shown = _NAMES.get(name) or key_to_character(name) or name
    if len(shown) == 1 and modifiers:
        shown = shown.upper()
    elif len(shown) > 1 and shown == name:
        shown = name.capitalize()  # f1 -> F1
    return "+".join([*(_MODIFIERS.get(m, m) for m in modifiers), shown])


@dataclass(frozen=True)
class KeyHelp:
    group: str  # heading (GROUPS)
    keys: str  # '↑ k ↓ j'
    text: str


def _expand(binding: Binding) -> list[str]:
    return [k.strip() for k in binding.key.split(",") if k.strip()]


def _inherited(owner: type) -> list:
    """The owner's bindings, then those of its bases (a pane keeps ScrollView's ←/→): only
    the explorer's own and the FRAMEWORK ones are listed."""
    return [item for klass in owner.__mro__ for item in klass.__dict__.get("BINDINGS", ())]


def key_rows(owners: Iterable[type]) -> list[KeyHelp]:
    """One row per binding id (bindings of one id or one Binding.Group share a row), in the
    GROUPS order, then in the order the owners and their bindings are given."""
    rows: dict[str, list] = {}  # row key -> [group, keys, text]
    for owner in owners:
        for item in _inherited(owner):
            binding = item if isinstance(item, Binding) else Binding(*item)
            found = FRAMEWORK.get((owner.__name__, binding.action))
            if found is not None:
                ident, text = found
            elif binding.id is not None and owner.__module__.startswith("fichas_tui"):
                ident = binding.id
                text = binding.tooltip or binding.description
            else:
                continue  # Textual's own keys the explorer does not offer (ctrl+q, copy)
            group = ident.split(".", 1)[0]
            row_key = binding.group.description if binding.group else ident
            row = rows.setdefault(f"{group}:{row_key}", [group, [], text])
            if binding.group is not None:
                row[2] = binding.group.description
            for key in _expand(binding):
                label = key_label(key)
                if label not in row[1]:
                    row[1].append(label)
    order = list(GROUPS)
    ordered = sorted(rows.values(), key=lambda r: order.index(r[0]) if r[0] in order else 99)
    return [KeyHelp(GROUPS.get(g, g), " ".join(keys), text) for g, keys, text in ordered]


def unlisted(owners: Iterable[type]) -> list[str]:
    """The explorer's bindings without an id (so missing from the help): for a test."""
    missing = []
    for owner in owners:
        if not owner.__module__.startswith("fichas_tui"):
            continue
        for item in owner.__dict__.get("BINDINGS", ()):  # its own; inherited ones are Textual's
            binding = item if isinstance(item, Binding) else Binding(*item)
            if binding.id is None or binding.id.split(".", 1)[0] not in GROUPS:
                missing.append(f"{owner.__name__}: {binding.key} -> {binding.action}")
    return missing
