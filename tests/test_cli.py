"""The command line: help and ingest start without importing the UI stack."""

from __future__ import annotations

import subprocess
import sys

CHECK = """
import sys
from fichas_tui.cli import main
try:
    main([{args}], standalone_mode=False)
except SystemExit:
    pass
heavy = [m for m in ("textual", "duckdb", "pyarrow") if m in sys.modules]
print("HEAVY:" + ",".join(heavy))
"""


def _heavy_modules(args: str) -> str:
    out = subprocess.run(
        [sys.executable, "-c", CHECK.format(args=args)],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    return out.rsplit("HEAVY:", 1)[1].strip()


def test_help_imports_nothing_heavy():
    assert _heavy_modules("'--help'") == ""


def test_subcommand_help_imports_nothing_heavy():
    assert _heavy_modules("'ingest', '--help'") == ""
    assert _heavy_modules("'show', '--help'") == ""


def test_python_dash_m_works():
    result = subprocess.run(
        [sys.executable, "-m", "fichas_tui", "--help"], capture_output=True, text=True, check=False
    )
    assert result.returncode == 0
    assert "ingest" in result.stdout and "show" in result.stdout
