"""`fichas revisiones`: text, JSON and CSV on the fixture pair, and every exit status."""

from __future__ import annotations

import csv
import io
import json

import pytest
from click.testing import CliRunner

from fichas_tui.cli.commands import main
from tests.helpers import COMMITTED_DATASET, restated_dataset


@pytest.fixture(scope="module")
def data(tmp_path_factory):
    return str(restated_dataset(tmp_path_factory.mktemp("revisiones") / "ds"))


def run(*args):
    return CliRunner().invoke(main, ["revisiones", *args])


def test_text_lists_both_figures_with_their_sources(data):
    result = run("--data", data)
    assert result.exit_code == 0, result.output
    text = " ".join(result.output.split())
    assert "83,8 % · ficha 2023 (rf_2023.txt)" in text
    assert "80,3 % · ficha 2024 (rf_2024.txt)" in text
    assert "8.146.335 M$ 2024 · ficha 2023 (rf_2023.txt)" in text
    assert "8.683.399 M$ 2025 · ficha 2024 (rf_2024.txt)" in text
    # largest first: the coverage's 4,2 % before the spending's 3,0 %
    assert text.index("-3,5 puntos") < text.index("+3,0 %")


def test_json(data):
    result = run("--data", data, "--json")
    assert result.exit_code == 0, result.output
    found = json.loads(result.output)["restatements"]
    assert [(r["measure"], r["year"]) for r in found] == [("cobertura", 2022), ("ejecutado", 2023)]
    executed = found[1]
    assert executed["compared_in"] == "M$ nominales de 2023"
    assert (executed["before"]["value"], executed["before"]["factor"]) == (8146335.0, 1.035)
    assert (executed["after"]["value"], executed["after"]["factor"]) == (8683399.0, 1.0711)
    assert (executed["before"]["file"], executed["after"]["file"]) == ("rf_2023.txt", "rf_2024.txt")
    assert executed["relative"] == pytest.approx(8683399 / 1.0711 / (8146335 / 1.035) - 1)


def test_csv(data):
    result = run("--data", data, "--csv")
    assert result.exit_code == 0, result.output
    rows = list(csv.DictReader(io.StringIO(result.output)))
    assert [(r["measure"], r["year"], r["before_file"], r["after_file"]) for r in rows] == [
        ("cobertura", "2022", "rf_2023.txt", "rf_2024.txt"),
        ("ejecutado", "2023", "rf_2023.txt", "rf_2024.txt"),
    ]
    assert rows[1]["before_value"] == "8146335.0"


def test_one_program(data):
    result = run("--data", data, "--programa", "residencia familiar", "--json")
    assert result.exit_code == 0, result.output
    assert len(json.loads(result.output)["restatements"]) == 2


def test_none_restated_is_an_answer():
    result = run("--data", str(COMMITTED_DATASET))
    assert result.exit_code == 0, result.output
    assert "Ninguna cifra revisada" in result.output
    result = run("--data", str(COMMITTED_DATASET), "--csv")
    assert result.exit_code == 0
    assert result.output.startswith("program_id,program_name,measure,")
    assert len(result.output.splitlines()) == 1


def test_no_program_matches_exits_1(data):
    result = run("--data", data, "--programa", "ninguno así")
    assert result.exit_code == 1
    assert "Ningún programa coincide" in result.output


def test_several_programs_match_exits_2():
    result = run("--data", str(COMMITTED_DATASET), "--programa", "residencia", "--json")
    assert result.exit_code == 2
    assert len(json.loads(result.output)["candidates"]) == 2


def test_json_and_csv_together_exit_2(data):
    assert run("--data", data, "--json", "--csv").exit_code == 2


def test_no_dataset_exits_3(tmp_path):
    result = run("--data", str(tmp_path / "vacío"))
    assert result.exit_code == 3
    assert "fichas ingest" in result.output


def test_damaged_dataset_exits_3(tmp_path, data):
    import shutil
    from pathlib import Path

    folder = tmp_path / "ds"
    shutil.copytree(Path(data), folder)
    (folder / "coverage.parquet").write_bytes(b"no es parquet")
    result = run("--data", str(folder))
    assert result.exit_code == 3, result.output
