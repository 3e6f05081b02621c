"""The `fichas` entry point: the explorer opens without loading the command line's modules."""

from __future__ import annotations

import sys
from pathlib import Path

from .explorer import open_explorer


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


def main() -> None:
    """`fichas`: the explorer at once when that is all that is asked; else the command line
    (click and the subcommands' modules slow its first paint: benchmarks/README.md, "Earlier
    this round", First paint)."""
    only, data_dir = explorer_data(sys.argv[1:])
    if only:
        sys.exit(open_explorer(data_dir))
    from .commands import main as command_line

    command_line()
