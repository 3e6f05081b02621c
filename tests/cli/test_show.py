"""`fichas show`: tables, JSON, several matches, no match."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner
from rich.console import Console

from fichas_tui.cli.commands import main
from fichas_tui.cli.show import EXIT_AMBIGUOUS, EXIT_NO_DATA, EXIT_NOT_FOUND, run_show
from fichas_tui.views.panes import PANE_KEYS
from tests.helpers import FIXTURES, without_provenance

FIXTURE = FIXTURES / "fixture"


def show(text, width=100, **kwargs):
    console = Console(record=True, width=width, color_system=None)
    code = run_show(text, FIXTURE, console=console, **kwargs)
    return code, console.export_text()


def test_one_program_tables():
    code, out = show("residencia adolesc")
    assert code == 0
    assert "Presupuesto por año (M$ 2024)" in out
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


@pytest.mark.parametrize("width", [60, 80])
def test_candidates_show_each_id_whole_on_its_line(width):
    """The id is what the user types next: a table cut it with "…" at 80 columns."""
    from fichas_tui.data.queries import Store

    store = Store.open(FIXTURE)
    try:
        ids = [p.program_id for p in store.filter("programa")]
    finally:
        store.close()
    code, out = show("programa", width=width)
    assert code == EXIT_AMBIGUOUS and len(ids) > 1
    lines = [line.strip() for line in out.splitlines()]
    assert all(i in lines for i in ids), out
    assert "…" not in out


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
    assert data["name"] == "Programa Vínculos"
    assert data["year"] == 2022
    assert [p["key"] for p in data["panes"]] == list(PANE_KEYS)
    budget = _block(data, "budget")
    assert without_provenance(budget["rows"][-1]["cells"]["ejecutado"]) == {
        "value": 12_950_000.0,
        "unit": "M$",
        "price_year": 2023,
    }


def _block(data, key):
    return next(b for pane in data["panes"] for b in pane["blocks"] if b["key"] == key)


def _table_lines(out: str, title: str) -> list[str]:
    """The rows of the table under `title` in `fichas show`'s text (below its header rule)."""
    lines = out.splitlines()
    start = next(i for i, line in enumerate(lines) if line.startswith(title))
    start = next(i for i in range(start, len(lines)) if lines[i].startswith("──"))
    body = []
    for line in lines[start + 1 :]:
        if not line.strip() and body and not body[-1].strip():
            break
        body.append(line)
    return body


def test_text_and_json_show_the_same_regions_in_the_same_order():
    code, out = show("residencia adolesc")
    assert code == 0
    result = CliRunner().invoke(
        main, ["show", "residencia adolesc", "--data", str(FIXTURE), "--json"]
    )
    rows = _block(json.loads(result.output), "regions")["rows"]
    names = [r["cells"]["region"]["value"] for r in rows]
    assert names == [
        "Coquimbo",
        "Metropolitana de Santiago",
        "Biobío",
        "Valparaíso",
        "Libertador General Bernardo O'Higgins",
        "Nivel central",
        "Total",
    ]
    lines = _table_lines(out, "Gasto y beneficiarios por región")
    lines = lines[: next(i for i, line in enumerate(lines) if line.startswith("Gasto por habit"))]
    starts = [n for line in lines for n in names if line.startswith(n)]
    assert starts == names


@pytest.mark.parametrize("width", [80, 60, 40])
def test_narrow_output_never_drops_a_column(width):
    code, out = show("residencia adolesc", width=width)
    assert code == 0
    assert "…" not in out
    assert max(len(line) for line in out.splitlines()) <= width
    # Every figure of the Coquimbo row is there, whole, as a grid or stacked.
    for figure in ("1.745.448", "22,6 %", "114", "17,6 %", "15.310,9"):
        assert figure in out, (width, figure)
    for header in ("Ejecutado", "% ej. final", "M$/benef."):
        assert header in out


def test_piped_output_is_80_columns_and_whole():
    result = CliRunner().invoke(main, ["show", "residencia adolesc", "--data", str(FIXTURE)])
    assert result.exit_code == 0
    assert max(len(line) for line in result.output.splitlines()) <= 80
    assert "…" not in result.output and "15.310,9" in result.output
