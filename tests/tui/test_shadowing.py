"""No method or attribute of our widgets, screens and app takes a name Textual (or Rich) already
uses in their base classes, unless it is a hook we mean to override (listed here). A private
name shadowed by accident breaks Textual far from the cause: `Pane._render(key, ...)` hid
`Widget._render()`, and ctrl+c on a text selection killed the app."""

from __future__ import annotations

import ast
import importlib
import inspect
import pkgutil
import textwrap

from textual.message_pump import MessagePump

import fichas_tui.tui

# Public hooks Textual documents for subclasses to override.
HOOKS = {
    "compose",
    "render",
    "render_line",
    "get_selection",
    "notify_style_update",
    "check_action",
    "on_event",
    "action_dismiss",  # HelpScreen: the modal's own dismiss, with no result
    "action_command_palette",  # FichasApp: the palette in Spanish
    "action_help_quit",  # FichasApp: ctrl+c says which key quits, in Spanish
    "search_themes",  # FichasApp: the theme picker in Spanish
}
# Private names we override on purpose, in fichas_tui.tui.compat only (each with a test in
# tests/tui/test_compat.py that the name still exists in Textual).
PRIVATE = {
    "_compositor_refresh",  # HeldFirstFrame
    "_start_no_matches_countdown",  # NoMatchesPalette (with the two below)
    "_list_visible",
    "_no_matches_timer",
    "_watch_value",  # QuietInput
}
COMPAT = "fichas_tui.tui.compat"


def our_classes() -> list[type]:
    for module in pkgutil.walk_packages(fichas_tui.tui.__path__, "fichas_tui.tui."):
        importlib.import_module(module.name)
    found: set[type] = set()
    todo = [MessagePump]
    while todo:
        for sub in todo.pop().__subclasses__():
            todo.append(sub)
            if sub.__module__.startswith("fichas_tui.") and "Probe" not in sub.__name__:
                found.add(sub)
    return sorted(found, key=lambda c: (c.__module__, c.__qualname__))


def is_ours(cls: type) -> bool:
    return cls.__module__.startswith(("fichas_tui.", "tests."))


def theirs(cls: type) -> list[type]:
    return [c for c in cls.__mro__ if not is_ours(c)]


def instance_names(base: type) -> set[str]:
    """What an instance of `base` holds once made (Widget._size, App._batch_count...)."""
    try:
        return set(vars(base()))
    except Exception:  # a base that needs arguments: its class attributes only
        return set()


def made_by_textual(base: type) -> set[str]:
    """What Textual's metaclass and __init_subclass__ put on every subclass (bindings, CSS
    names, reactives): not names we chose."""
    return set(vars(type("Probe", (base,), {})))


def assigned_on_self(cls: type) -> set[str]:
    """Names our methods assign on `self` (`self.x = ...`, `self.x: T = ...`)."""
    try:
        tree = ast.parse(textwrap.dedent(inspect.getsource(cls)))
    except (OSError, TypeError):
        return set()
    names = set()
    for node in ast.walk(tree):
        targets = []
        if isinstance(node, ast.Assign):
            targets = node.targets
        elif isinstance(node, (ast.AnnAssign, ast.AugAssign)):
            targets = [node.target]
        while targets:
            target = targets.pop()
            if isinstance(target, (ast.Tuple, ast.List)):
                targets += target.elts
            elif (
                isinstance(target, ast.Attribute)
                and isinstance(target.value, ast.Name)
                and target.value.id == "self"
            ):
                names.add(target.attr)
    return names


def collisions(classes: list[type]) -> list[str]:
    found = []
    for cls in classes:
        bases = theirs(cls)
        auto = made_by_textual(bases[0])
        held = instance_names(bases[0])
        for ours in (c for c in cls.__mro__ if is_ours(c)):
            declared = {n for n in vars(ours) if n not in auto}
            for name in sorted(declared | assigned_on_self(ours)):
                if name.startswith("__") or name.isupper() or name in HOOKS:
                    continue
                if name in PRIVATE and ours.__module__ == COMPAT:
                    continue
                base = next((b for b in bases if name in vars(b)), None)
                if base is None:
                    if name in held:
                        found.append(
                            f"{ours.__module__}.{ours.__qualname__}.{name} shadows "
                            f"an attribute of {bases[0].__qualname__} instances"
                        )
                    continue
                # Setting a public reactive or property (self.theme = ...) is using it.
                if (
                    name in assigned_on_self(ours)
                    and name not in vars(ours)
                    and not name.startswith("_")
                    and not inspect.isfunction(vars(base)[name])
                ):
                    continue
                where = f"{base.__module__}.{base.__qualname__}"
                found.append(f"{ours.__module__}.{ours.__qualname__}.{name} shadows {where}")
    return sorted(set(found))


def test_our_classes_are_found():
    names = {c.__name__ for c in our_classes()}
    assert {"FichasApp", "BrowserScreen", "Pane", "ProgramList", "SearchInput"} <= names


def test_no_method_or_attribute_shadows_a_textual_name():
    assert collisions(our_classes()) == []


def test_the_check_sees_a_shadowing_method():
    from textual.widget import Widget

    class Bad(Widget):
        def _render(self, key):  # the crash's shape
            return key

        def _size_of(self):  # not Textual's: fine
            return 0

    class AlsoBad(Widget):
        def __init__(self) -> None:
            super().__init__()
            self._size = 3  # an instance attribute over Widget's own

    found = " ".join(collisions([Bad, AlsoBad]))
    assert "Bad._render shadows textual.widget.Widget" in found
    assert "AlsoBad._size shadows" in found
    assert "_size_of" not in found
