"""Every cell of `fichas show --json` of the sample fichas has a source, and the line it names,
read in the file, prints the figure (before any unit conversion)."""

from __future__ import annotations

import hashlib
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
