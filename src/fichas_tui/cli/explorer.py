"""Open the explorer on a dataset, or say why it cannot open here (no terminal)."""

from __future__ import annotations

import gc
import os
import sys
from pathlib import Path

from .. import locations

NO_TERMINAL = (
    "fichas necesita una terminal para la pantalla completa y aquí no hay una "
    "(¿ssh sin -t, cron o una tubería?).\n"
    "  Conéctese con:       ssh -t SERVIDOR fichas\n"
    "  o, sin pantalla:     fichas show PROGRAMA   (--json para scripts)"
)


def open_explorer(data_dir: Path | None) -> int:
    """Run the explorer on the dataset `data_dir` or the first one found; its exit status."""
    # Without a terminal the full screen would spin on an input that never comes; under
    # `fichas serve` textual-serve talks to the app through a pipe and sets TEXTUAL_DRIVER.
    if not sys.stdin.isatty() and "TEXTUAL_DRIVER" not in os.environ:
        print(NO_TERMINAL, file=sys.stderr)
        return 2
    # Start-up makes ~100,000 objects that live as long as the app; the collector walked
    # them ~100 times before the first frame (benchmarks/README.md, "Earlier this round", First
    # paint). FichasApp.settle_memory freezes them and turns it back on once the first frame
    # is drawn.
    gc.disable()
    from ..settings import Settings
    from ..tui.terminal import Terminal, guarded, run_app
    from .early_frame import paint

    terminal = Terminal()  # the modes of the start, before the early frame turns echo off
    source = locations.dataset_to_open(data_dir)
    settings = Settings()
    if "TEXTUAL_DRIVER" in os.environ:  # fichas serve: no terminal here
        from ..tui.app import make_app

        return run_app(make_app(source.path, source_label=source.label, settings=settings))
    with guarded(terminal):
        early = paint(source.path, source.label, settings.values)
        try:
            from ..tui.app import make_app  # Textual: the import the early frame goes before
            from ..tui.compat import first_frame_driver

            driver = first_frame_driver(early.painted, early.keeper())
            app = make_app(
                source.path, source_label=source.label, settings=settings, driver_class=driver
            )
        except BaseException:
            if early.painted:
                terminal.restore()
            raise
    return run_app(app, terminal)
