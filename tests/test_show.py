"""`fichas show`: tables, JSON, several matches, no match."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner
from rich.console import Console

from fichas_tui.cli import main
from fichas_tui.show import EXIT_AMBIGUOUS, EXIT_NO_DATA, EXIT_NOT_FOUND, run_show

FIXTURE = Path(__file__).resolve().parent / "data" / "fixture"


def show(text, width=100, **kwargs):
    console = Console(record=True, width=width, color_system=None)
    code = run_show(text, FIXTURE, console=console, **kwargs)
    return code, console.export_text()


def test_one_program_tables():
    code, out = show("residencia adolesc")
    assert code == 0
    assert "Presupuesto (M$ 2024)" in out
    assert "8.146.335" in out and "83,1 %" in out
    assert "N/C" in out and "72,5" in out
    assert "Coquimbo" in out and "1.745.448" in out and "Nivel central" in out


def test_year_option():
    code, out = show("residencia", year=2021)
    assert code == 0 and "M$ 2022" in out and "1.773.474" in out
    code, out = show("residencia", year=2010)
    assert code == EXIT_NOT_FOUND and "no tiene ficha de 2010" in out


def test_several_matches_list_candidates():
    code, out = show("programa", width=160)
    assert code == EXIT_AMBIGUOUS
    assert "Programa Vínculos" in out and "Programa de Alimentación Escolar" in out


def test_no_match_and_no_data(tmp_path):
    code, out = show("zzz")
    assert code == EXIT_NOT_FOUND and "Ningún programa" in out
    console = Console(record=True, width=100)
    assert run_show("x", tmp_path, console=console) == EXIT_NO_DATA
    assert "fichas ingest" in console.export_text()


def test_json_via_cli():
    result = CliRunner().invoke(main, ["show", "vinculos", "--data", str(FIXTURE), "--json"])
    assert result.exit_code == 0
    data = json.loads(result.output)
    assert data["program"]["name"] == "Programa Vínculos"
    assert data["year"] == 2022
    assert data["budget"][-1]["ejecutado"] == {"value": 12_950_000.0, "status": None}
