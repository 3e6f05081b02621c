"""Each private Rich and Click name fichas_tui.compat leans on still exists, with the signature
it is used with: an upgrade that moves one fails here, in the test named after it."""

from __future__ import annotations

import inspect

import click
import click.core
import click.decorators
import click.exceptions
import click.formatting
from rich.table import Table

from fichas_tui import compat
from fichas_tui.cli import click_spanish


def test_rich_table_collapse_widths_takes_widths_wrapable_and_max_width():
    assert list(inspect.signature(Table._collapse_widths).parameters) == [
        "widths",
        "wrapable",
        "max_width",
    ]
    # a wrapping column gives up what the others cannot
    assert compat.collapse_widths([10, 30], [False, True], 25) == [10, 15]


def test_click_modules_bind_gettext_names_at_import():
    install_source = inspect.getsource(click_spanish.install)
    for module in (click.core, click.decorators, click.exceptions, click.formatting):
        assert callable(getattr(module, "_", None)), f"{module.__name__} has no module-level _"
    assert callable(getattr(click.core, "ngettext", None)) or callable(
        getattr(click.exceptions, "ngettext", None)
    )
    assert "translate_click" in install_source


def test_click_speaks_spanish_once_installed():
    click_spanish.install()
    assert click.core._("Show this message and exit.") == "Muestra esta ayuda y sale."
