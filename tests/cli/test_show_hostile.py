"""`fichas show` and the query layer on hostile text, hostile queries and damaged datasets."""

from __future__ import annotations

import io
import json
import re
import shutil
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest
from click.testing import CliRunner
from rich.console import Console

from fichas_tui.cli.commands import main
from fichas_tui.cli.show import EXIT_AMBIGUOUS, EXIT_NO_DATA, EXIT_NOT_FOUND, run_show
from fichas_tui.data.queries import Store
from tests.fixtures.make_hostile import HOSTILE_NAME, LINK, PLAIN_NAME, QUOTES_NAME, hostile
from tests.helpers import FIXTURES, literal_queries

HOSTILE = FIXTURES / "hostile"
FIXTURE = FIXTURES / "fixture"
ENV = {"NO_COLOR": "1", "TERM": "dumb", "COLUMNS": "200"}
RAW = ("\x1b", "\x07", "\x00", "\r", "\x9b", "\u202e")


def cli(*args: str):
    return CliRunner().invoke(main, ["show", *args], env=ENV)


def test_show_tables_print_text_literally():
    result = cli("100%", "--data", str(HOSTILE))
    assert result.exit_code == 0, result.output
    out = result.output
    for raw in RAW:
        assert raw not in out, raw
    flat = re.sub(r"\s+", "", out)
    assert "Programa[boldred]x[/]100%tasa_base" in flat
    assert re.sub(r"\s+", "", LINK) in flat
    assert "␛[2J" in flat and "␛]8;;file:///etc/passwd␇link" in flat


def test_show_on_a_colour_terminal_sends_only_its_own_styles():
    console = Console(file=io.StringIO(), force_terminal=True, color_system="truecolor", width=160)
    assert run_show("100%", HOSTILE, console=console) == 0
    ansi = console.file.getvalue()
    assert "\x1b]8" not in ansi  # no link
    rest = re.sub(r"\x1b\[[0-9;]*m", "", ansi)
    for raw in RAW:
        assert raw not in rest, raw
    assert "[bold red]x[/]" in rest


def test_show_json_round_trips_exactly():
    result = cli("100%", "--data", str(HOSTILE), "--json")
    assert result.exit_code == 0, result.output
    for raw in RAW:
        assert raw not in result.output, raw
    data = json.loads(result.output)
    assert data["name"] == HOSTILE_NAME
    blocks = {b["key"]: b for pane in data["panes"] for b in pane["blocks"]}
    assert dict((i["label"], i["value"]) for i in blocks["ficha"]["items"])["Propósito"] == hostile(
        "Propósito"
    )
    assert blocks["findings"]["items"][0]["text"] == hostile("Hallazgo")
    assert blocks["indicator:0"]["notes"][0] == "Fórmula: " + hostile("Fórmula")
    assert blocks["component:0"]["rows"][0]["cells"]["production"]["status"] == LINK


def test_show_json_candidates_round_trip():
    result = cli("programa", "--data", str(HOSTILE), "--json")
    assert result.exit_code == EXIT_AMBIGUOUS
    names = {c["name"] for c in json.loads(result.output)["candidates"]}
    assert HOSTILE_NAME in names and QUOTES_NAME in names and PLAIN_NAME in names
    assert "\x1b" not in result.output and "\u202e" not in result.output


def test_show_candidates_table_is_literal():
    result = cli("programa", "--data", str(HOSTILE))
    assert result.exit_code == EXIT_AMBIGUOUS
    assert "[bold red]x[/]" in result.output
    for raw in RAW:
        assert raw not in result.output, raw


QUERIES = literal_queries()


@pytest.mark.parametrize("query, expected", QUERIES)
def test_store_filter_is_literal(query, expected):
    store = Store.open(HOSTILE)
    try:
        assert [p.name for p in store.filter(query)] == expected
    finally:
        store.close()


@pytest.mark.parametrize("query, expected", QUERIES)
def test_show_query_is_literal(query, expected):
    result = cli(query, "--data", str(HOSTILE), "--json")
    if expected:
        assert result.exit_code == 0, result.output
        assert json.loads(result.output)["name"] == expected[0]
    else:
        assert result.exit_code == EXIT_NOT_FOUND
        assert "Ningún programa coincide" in result.output


def test_fixture_names_with_percent_are_found_literally():
    store = Store.open(FIXTURE)
    try:
        assert store.filter("%") == ()  # the fixture's names hold no '%'
    finally:
        store.close()


# -- damaged datasets ---------------------------------------------------------------------


def _copy(tmp_path: Path) -> Path:
    folder = tmp_path / "ds"
    shutil.copytree(FIXTURE, folder)
    return folder


def show_err(text: str, folder: Path):
    console = Console(record=True, width=200, color_system=None)
    code = run_show(text, folder, console=console)
    return code, " ".join(console.export_text().split())


def test_show_missing_table_warns_and_shows_the_rest(tmp_path):
    folder = _copy(tmp_path)
    (folder / "indicators.parquet").unlink()
    code, out = show_err("residencia", folder)
    assert code == 0
    assert "Falta indicators.parquet" in out and "fichas ingest" in out
    assert "8.146.335" in out  # the budget still shows


@pytest.mark.parametrize("table", ["budget", "regions", "fichas"])
def test_show_truncated_file_names_it(tmp_path, table):
    folder = _copy(tmp_path)
    data = (folder / f"{table}.parquet").read_bytes()
    (folder / f"{table}.parquet").write_bytes(data[: len(data) // 2])
    result = cli("residencia", "--data", str(folder))
    assert result.exit_code == EXIT_NO_DATA, result.output
    assert f"{table}.parquet" in result.output
    assert "fichas ingest" in result.output
    assert "Traceback" not in result.output


def test_show_wrong_column_type_names_the_file(tmp_path):
    folder = _copy(tmp_path)
    path = folder / "regions.parquet"
    table = pq.read_table(path)
    index = table.schema.get_field_index("spending_kclp")
    pq.write_table(
        table.set_column(index, "spending_kclp", pa.array(["abc"] * table.num_rows)), path
    )
    result = cli("residencia", "--data", str(folder))
    assert result.exit_code in (0, EXIT_NO_DATA), result.output
    assert "Traceback" not in result.output
    if result.exit_code:
        assert "regions.parquet" in result.output and "fichas ingest" in result.output


@pytest.mark.parametrize(
    "kind, expected",
    [
        ("random_files", "no es un dataset de fichas"),
        ("file", "es un archivo, no una carpeta"),
        ("nonexistent", "no hay dataset"),
        ("empty", "no hay dataset"),
    ],
)
def test_show_not_a_dataset(tmp_path, kind, expected):
    path = tmp_path / "x"
    if kind == "random_files":
        path.mkdir()
        (path / "notas.txt").write_text("hola")
    elif kind == "file":
        path.write_text("no soy una carpeta")
    elif kind == "empty":
        path.mkdir()
    result = CliRunner().invoke(main, ["show", "x", "--data", str(path)], env=ENV)
    assert "Traceback" not in result.output
    if kind == "file":  # refused by the --data option itself (a usage error, exit 2)
        assert result.exit_code == 2 and "--data" in result.output
        # run_show says it in Spanish when called with a file (as the explorer does)
        code, text = show_err("x", path)
    else:
        code, text = result.exit_code, " ".join(result.output.split())
    assert code == EXIT_NO_DATA
    assert expected in text and "fichas ingest" in text
