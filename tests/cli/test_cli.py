"""The command line: help and ingest start without importing the UI stack."""

from __future__ import annotations

import subprocess
import sys

from tests.helpers import run_without_terminal

CHECK = """
import sys
from fichas_tui.cli.commands import main
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


def test_version_names_fichas_textual_and_duckdb():
    from importlib.metadata import version

    from click.testing import CliRunner

    from fichas_tui.cli.commands import main

    result = CliRunner().invoke(main, ["--version"])
    assert result.exit_code == 0
    assert result.output.strip() == (
        f"fichas {version('fichas-tui')} (Textual {version('textual')}, DuckDB {version('duckdb')})"
    )


def test_help_shows_where_data_and_settings_live(isolated_user_dirs):
    from click.testing import CliRunner

    from fichas_tui.cli.commands import main

    result = CliRunner().invoke(main, ["--help"], terminal_width=200)
    assert result.exit_code == 0
    assert str(isolated_user_dirs / "data" / "fichas") in result.output
    assert str(isolated_user_dirs / "config" / "fichas" / "settings.json") in result.output
    assert "muestra incluida" in result.output and "FICHAS_DATA" in result.output


def test_no_terminal_refuses_at_once():
    """stdin from /dev/null (ssh without -t, cron): a message and exit 2, never a spinning UI
    (its time: benchmarks/bounds.py)."""
    result = run_without_terminal(timeout=10)
    assert result.returncode == 2
    assert "ssh -t" in result.stderr and "fichas show" in result.stderr
