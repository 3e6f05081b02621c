"""Click's chrome in Spanish for every command, and a closed pipe that ends quietly."""

from __future__ import annotations

import re
import subprocess
import sys

import pytest
from click.testing import CliRunner

from fichas_tui.cli.click_spanish import CLOSED_PIPE_STATUS
from fichas_tui.cli.commands import main

# Click's English, as it would print it: none of it may reach the user.
ENGLISH = (
    "Usage:",
    "Options",
    "Commands",
    "Show this message and exit",
    "Missing argument",
    "Missing option",
    "No such option",
    "No such command",
    "Try '",
    "Invalid value",
    "is not a valid",
    "does not exist",
    "[OPTIONS]",
    "[required]",
    "[default:",
)
# Click's type names as metavars (TEXTO is Spanish, TEXT is not).
ENGLISH_WORDS = re.compile(r"\b(TEXT|INTEGER|FLOAT|BOOLEAN|PATH|DIRECTORY|FILE|RANGE)\b")


def _run(args: list[str]):
    return CliRunner().invoke(main, args, prog_name="fichas")


def _no_english(text: str) -> None:
    found = [word for word in ENGLISH if word in text] + ENGLISH_WORDS.findall(text)
    assert not found, f"English in: {text!r}"


@pytest.mark.parametrize("command", [[], *[[name] for name in sorted(main.commands)]])
def test_help_of_every_command_is_spanish(command):
    result = _run([*command, "--help"])
    assert result.exit_code == 0
    assert result.output.startswith("Uso: fichas")
    assert "Opciones:" in result.output
    assert "Muestra esta ayuda y sale." in result.output
    _no_english(result.output)


def test_usage_errors_are_spanish():
    missing = _run(["ingest"])
    assert missing.exit_code == 2
    assert "Error: Falta el argumento 'RUTA...'." in missing.output
    assert "Pruebe 'fichas ingest --help' para ver la ayuda." in missing.output
    bad_value = _run(["show", "x", "--year", "dos mil"])
    assert bad_value.exit_code == 2
    assert "Valor no válido para '--year': 'dos mil' no es un entero válido." in bad_value.output
    unknown = _run(["nada"])
    assert "No existe el comando 'nada'." in unknown.output
    option = _run(["ingest", "--rapido", "x"])
    assert "No existe la opción '--rapido'." in option.output
    workers = _run(["ingest", "x", "--workers", "0"])
    assert workers.exit_code == 2
    assert "no está en el rango" in workers.output
    for result in (missing, bad_value, unknown, option, workers):
        _no_english(result.output)


def test_show_into_a_closed_pipe_exits_quietly():
    """`fichas show ... | head -1`: like `cat`, no message and status 141 (SIGPIPE)."""
    proc = subprocess.Popen(
        [sys.executable, "-m", "fichas_tui", "show", "residencia familiar"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env={"COLUMNS": "80", "PATH": ""},
    )
    assert proc.stdout.readline()  # the reader takes one line and goes away
    proc.stdout.close()
    _, err = proc.communicate(timeout=60)
    assert proc.returncode == CLOSED_PIPE_STATUS == 141
    assert err == b""
