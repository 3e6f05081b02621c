"""Every private Rich and Click name render/ and cli/ lean on, fenced here: what each buys, and
tests/test_compat.py checks each still exists with the signature used, so an upgrade fails
there, in one test with one message. Textual's are in tui/compat.py (that layer's own)."""

from __future__ import annotations

from collections.abc import Callable
from types import ModuleType

# -- rich.table.Table._collapse_widths ------------------------------------------------------
# render/grid.py draws a grid as Rich would, without Table's machinery; when the width is
# short its columns must shrink exactly as Rich shrinks them, and this is Rich's own rule for
# that (no public equivalent). Without it those grids go back to Rich: 725 pane grids at 60
# columns drawn in 396 ms against 8,164 ms by Rich (308 at 40: 196 against 1,311 ms). Its
# output is compared with Rich's in tests/render/test_grid.py.


def collapse_widths(widths: list[int], wrapable: list[bool], max_width: int) -> list[int]:
    """Rich's reduction of column widths to `max_width`, wrapping columns shrunk first."""
    from rich.table import Table  # not at import: the CLI's help imports this module, not Rich

    return Table._collapse_widths(widths, wrapable, max_width)


# -- click's module-level `_` and `ngettext` ------------------------------------------------
# Click 8 marks its messages with gettext but ships no catalogue, and reads no translation but
# a compiled .mo file of the process-wide domain. Its modules bind `_ = gettext.gettext` (and
# `ngettext`) at import: replacing those names in each module makes every message Spanish
# (usage, errors, help), whichever command raises it, without touching the process's domain.


def translate_click(
    modules: tuple[ModuleType, ...],
    gettext: Callable[[str], str],
    ngettext: Callable[[str, str, int], str],
) -> None:
    """Click's messages in `modules` through `gettext` / `ngettext`."""
    for module in modules:
        if hasattr(module, "_"):
            module._ = gettext  # type: ignore[attr-defined]
        if hasattr(module, "ngettext"):
            module.ngettext = ngettext  # type: ignore[attr-defined]
