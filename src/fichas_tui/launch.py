"""The `fichas` entry point: the explorer opens without loading the command line's modules."""

from __future__ import annotations

import gc
import os
import sys
from pathlib import Path

from . import locations

NO_TERMINAL = (
    "fichas necesita una terminal para la pantalla completa y aquí no hay una "
    "(¿ssh sin -t, cron o una tubería?).\n"
    "  Conéctese con:       ssh -t SERVIDOR fichas\n"
    "  o, sin pantalla:     fichas show PROGRAMA   (--json para scripts)"
)


def explorer_data(argv: list[str]) -> tuple[bool, Path | None]:
    """Whether `argv` only opens the explorer (`fichas`, `fichas --data DIR`), and DIR.

    Anything else (a subcommand, --help, an unusual spelling) goes to the full command line,
    which parses and reports it; this only recognises the common case exactly.
    """
    if not argv:
        return True, None
    if len(argv) == 2 and argv[0] == "--data" and _plain(argv[1]):
        return True, Path(argv[1])
    if len(argv) == 1 and argv[0].startswith("--data=") and _plain(argv[0][7:]):
        return True, Path(argv[0][7:])
    return False, None


def _plain(value: str) -> bool:
    # a file is refused by the command line's --data (a folder): let it say so
    return bool(value) and not value.startswith("-") and not Path(value).is_file()


def open_explorer(data_dir: Path | None) -> int:
    """Run the explorer on the dataset `data_dir` or the first one found; its exit status."""
    # Without a terminal the full screen would spin on an input that never comes; under
    # `fichas serve` textual-serve talks to the app through a pipe and sets TEXTUAL_DRIVER.
    if not sys.stdin.isatty() and "TEXTUAL_DRIVER" not in os.environ:
        print(NO_TERMINAL, file=sys.stderr)
        return 2
    # Start-up makes ~100,000 objects that live as long as the app; the collector walked
    # them ~100 times before the first frame (20-40 ms). FichasApp.settle_memory freezes them
    # and turns it back on once the first frame is drawn.
    gc.disable()
    from .app import make_app
    from .settings import Settings
    from .terminal import run_app

    source = locations.dataset_to_open(data_dir)
    return run_app(make_app(source.path, source_label=source.label, settings=Settings()))


def main() -> None:
    """`fichas`: the explorer at once when that is all that is asked; else the command line
    (click and the subcommands' modules cost ~0.1 s of the explorer's first paint)."""
    only, data_dir = explorer_data(sys.argv[1:])
    if only:
        sys.exit(open_explorer(data_dir))
    from .cli import main as command_line

    command_line()
