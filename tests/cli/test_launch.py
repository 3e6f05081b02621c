"""The entry point opens the explorer directly only for `fichas` and `fichas --data DIR`."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from fichas_tui.cli.launch import explorer_data
from tests.helpers import run_without_terminal


@pytest.mark.parametrize(
    ("argv", "expected"),
    [
        ([], (True, None)),
        (["--data", "ds"], (True, Path("ds"))),
        (["--data=ds"], (True, Path("ds"))),
        (["--data"], (False, None)),
        (["--data", ""], (False, None)),
        (["--data", "--help"], (False, None)),
        (["--help"], (False, None)),
        (["show", "x"], (False, None)),
        (["--data", "ds", "show", "x"], (False, None)),
        (["--version"], (False, None)),
    ],
)
def test_only_the_explorer_skips_the_command_line(argv, expected):
    assert explorer_data(argv) == expected


def test_a_file_as_data_goes_to_the_command_line(tmp_path):
    """--data names a folder: the command line's own check reports a file (exit 2)."""
    plain = tmp_path / "fichas.txt"
    plain.write_text("no es una carpeta")
    assert explorer_data(["--data", str(plain)]) == (False, None)
    result = run_without_terminal("--data", str(plain))
    assert result.returncode == 2
    assert str(plain) in result.stderr


def test_the_explorer_path_does_not_load_click(tmp_path):
    """What `fichas --data DIR` imports before the app: no click, no subcommand modules."""
    code = (
        "import sys\n"
        "import fichas_tui.cli.launch as launch\n"
        "launch.open_explorer = lambda data: print(sorted(m for m in sys.modules "
        "if m == 'click' or m.startswith(('fichas_tui.cli.across', 'fichas_tui.cli.commands'))))\n"
        f"sys.argv = ['fichas', '--data', {str(tmp_path)!r}]\n"
        "launch.main()\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=30, check=False
    )
    assert result.stdout.strip() == "[]", result.stderr
