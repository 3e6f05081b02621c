"""Every cell of `fichas show --json` of the sample fichas has a source, and the line it names,
read in the file, prints the figure (before any unit conversion)."""

from __future__ import annotations

import csv
import hashlib
import io
import json
import re

import pytest
from click.testing import CliRunner

from fichas_tui.cli.commands import main
from fichas_tui.ingest.markup import plain
from fichas_tui.ingest.numbers import parse_cell
from tests.helpers import P2019, P2021, P2023, SAMPLE_DIR

_NUMBER = re.compile(r"[-−]?\d{1,3}(?:\.\d{3})+(?:,\d+)?%?|[-−]?\d+(?:,\d+)?%?")
_FIGURES = ("amount", "percent", "count", "figure")


def _file_lines(name: str, sha256: str) -> list[str]:
    data = (SAMPLE_DIR / name).read_bytes()
    assert hashlib.sha256(data).hexdigest() == sha256
    return data.decode("utf-8-sig").replace("\r\n", "\n").split("\n")


def _printed(line: str) -> set[float]:
    found = (parse_cell(t).value for t in _NUMBER.findall(plain(line)))
    return {round(v, 6) for v in found if v is not None}


def _check_figure(value: float, line: str) -> bool:
    # MM$ budgets are shown in M$ (x 1000); everything else as printed
    return any(abs(value - x) < 1e-6 or abs(value - 1000 * x) < 1e-3 for x in _printed(line))


def _show(program: str, data) -> dict:
    result = CliRunner().invoke(main, ["show", program, "--json", "--data", str(data)])
    assert result.exit_code == 0, result.output
    return json.loads(result.output)


def _lines_of(source: dict) -> list[int]:
    if source.get("line") is not None:
        return [source["line"]]
    return [n for s in source.get("inputs", ()) for n in _lines_of(s)]


@pytest.mark.parametrize("program", [P2019, P2021, P2023])
def test_every_cell_has_a_source_on_its_line(program, sample_dataset):
    view = _show(program, sample_dataset)
    checked = {"figure": 0, "computed": 0, "missing": 0, "image": 0}
    for pane in view["panes"]:
        for block in pane["blocks"]:
            if block["type"] != "table":
                continue
            kinds = {c["key"]: c["kind"] for c in block["columns"]}
            for row in block["rows"]:
                for key, cell in row["cells"].items():
                    where = (pane["key"], block["key"], key, cell)
                    source = cell.get("source")
                    assert source and source["file"] and source["sha256"], where
                    lines = _file_lines(source["file"], source["sha256"])
                    value = cell.get("value")
                    if source.get("missing") and source.get("line") is None:
                        assert value is None or kinds[key] in ("year", "text"), where
                        checked["missing"] += 1
                        continue
                    at = _lines_of(source)
                    assert at and all(1 <= n <= len(lines) for n in at), where
                    if source.get("missing", "").startswith("impreso como imagen"):
                        # the picture's place: a blank line the text conversion left
                        assert value is None and not lines[at[0] - 1].strip(), where
                        checked["image"] += 1
                        continue
                    if source.get("rule"):
                        checked["computed"] += 1
                        continue
                    printed = lines[source["line"] - 1]
                    if value is None and kinds[key] in ("year", "text"):
                        continue  # a label the ficha leaves out (no year of an evaluation)
                    if key == "ficha":  # the ficha that reported the figure
                        assert value == source["ficha_year"], where
                    elif kinds[key] == "year":  # on the line, in its header, or the ficha's own
                        column = source["column"] or ""
                        year = source["ficha_year"]
                        assert str(value) in printed + column or value == year, where
                    elif kinds[key] in _FIGURES and value is not None:
                        assert _check_figure(value, printed), (where, printed)
                        checked["figure"] += 1
                    elif kinds[key] in _FIGURES:  # missing: its code is on the line
                        code = cell.get("written") or cell.get("status")
                        assert code in ("vacío", None) or code.rstrip("*") in plain(printed), where
                        checked["missing"] += 1
    assert checked["figure"] >= 20, checked
    # each sample ficha has a table its original printed as an image (tests/ingest/test_images)
    assert checked["image"] >= 1, checked


def test_a_converted_amount_keeps_the_printed_source(sample_dataset):
    result = CliRunner().invoke(
        main, ["show", P2019, "--json", "--pesos", "2024", "--data", str(sample_dataset)]
    )
    view = json.loads(result.output)
    budget = next(b for p in view["panes"] for b in p["blocks"] if b["key"] == "budget")
    cell = next(r["cells"]["inicial"] for r in budget["rows"] if r["key"] == "2020")
    assert cell["converted"] is True
    # the basis printed in the ficha and the line it is printed on, in one `source`
    assert cell["source"]["label"] == "M$ nominales" and cell["source"]["column"] == "2020"
    printed = _file_lines(cell["source"]["file"], cell["source"]["sha256"])[
        cell["source"]["line"] - 1
    ]
    assert _check_figure(cell["value"] / cell["factor"], printed)


def test_the_executed_total_names_the_subtitles_row(sample_dataset):
    view = _show(P2023, sample_dataset)
    budget = next(b for p in view["panes"] for b in p["blocks"] if b["key"] == "budget")
    cell = budget["rows"][-1]["cells"]["ejecutado"]
    # 2023's executed total is read from the subtitles' total row first (line 110)
    assert cell["source"]["line"] == 110
    assert cell["source"]["column"] == "Gasto total ejecutado 2023 (M$2024)"


def _printed_line(source_text: str) -> tuple[str, int]:
    match = re.search(r"archivo (\S+), línea (\d+)", source_text)
    assert match, source_text
    return match.group(1), int(match.group(2))


@pytest.mark.parametrize("measure", ["gasto", "cobertura", "gasto-por-beneficiario"])
def test_ranking_fuentes_names_the_line_of_each_figure(sample_dataset, measure):
    args = ["ranking", "--medida", measure, "--pesos", "ficha", "--data", str(sample_dataset)]
    result = CliRunner().invoke(main, [*args, "--csv", "--fuentes"])
    assert result.exit_code == 0, result.output
    rows = list(csv.DictReader(io.StringIO(result.output)))
    # the columns the export dialog's «Con fuentes» adds (views.sources.source_fields)
    assert {"value_fuente", "archivo", "sha256"} <= set(rows[0])
    checked = 0
    for row in rows:
        if not row["value"]:
            continue
        name, line = _printed_line(row["value_fuente"])
        assert name == row["archivo"]
        printed = _file_lines(name, row["sha256"])[line - 1]
        assert _check_figure(float(row["value"]), printed), (row, printed)
        checked += 1
    assert checked >= 1
    # JSON carries the same fields; without --fuentes, none of them
    plain = json.loads(CliRunner().invoke(main, [*args, "--json"]).output)["rows"]
    assert "value_fuente" not in plain[0]
    sourced = json.loads(CliRunner().invoke(main, [*args, "--json", "--fuentes"]).output)["rows"]
    assert [r["value_fuente"] for r in sourced] == [r["value_fuente"] for r in rows]


def test_region_fuentes(sample_dataset):
    args = ["region", "coquimbo", "--data", str(sample_dataset), "--json", "--fuentes"]
    rows = json.loads(CliRunner().invoke(main, args).output)["rows"]
    coquimbo = next(r for r in rows if r["breakdown"])
    # 003's Coquimbo row: line 133, under its spending header
    assert coquimbo["value_fuente"] == (
        "ficha 2023, archivo 003_177960693a00c8d4.txt, línea 133, columna Total ejecutado "
        "(M$2024)"
    )
    assert coquimbo["per_beneficiary_fuente"].startswith("calculado: gasto / beneficiarios")
    assert coquimbo["archivo"] == "003_177960693a00c8d4.txt"
    # a program listing the region without figures: the same keys, empty
    apart = [r for r in rows if not r["breakdown"]]
    assert all(r["value_fuente"] is None for r in apart)


def test_a_computed_measure_names_its_rule(sample_dataset):
    args = ["ranking", "--medida", "ejecucion-inicial", "--data", str(sample_dataset)]
    rows = json.loads(CliRunner().invoke(main, [*args, "--json", "--fuentes"]).output)["rows"]
    by_year = {r["year"]: r["value_fuente"] for r in rows}
    # 2019 prints its execution % (line 151); 2023 has no initial budget in the text (its
    # budget table was an image): the rule, and the executed total's line (110)
    assert by_year[2019] == "ficha 2019, archivo 002_d169eeaf477df404.txt, línea 151, columna 2019"
    assert by_year[2023] == (
        "la ficha no trae la cifra: calculado: ejecutado / inicial x 100 (ficha 2023, archivo "
        "003_177960693a00c8d4.txt, línea 110)"
    )
