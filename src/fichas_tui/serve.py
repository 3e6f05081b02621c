"""`fichas serve`: the same explorer in a browser, one app process per tab (textual-serve)."""

from __future__ import annotations

import shlex
import sys

from .locations import DataSource


def app_command(source: DataSource) -> str:
    """The shell command textual-serve runs for each browser tab: this Python, this dataset."""
    return shlex.join([sys.executable, "-m", "fichas_tui", "--data", str(source.path)])


def run_serve(source: DataSource, host: str, port: int, public_url: str | None = None) -> None:
    from textual_serve.server import Server

    server = Server(
        app_command(source), host=host, port=port, title="fichas", public_url=public_url
    )
    server.serve()
