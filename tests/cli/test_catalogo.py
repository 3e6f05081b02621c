"""`fichas catalogo` and the BIPS numbers ingest keeps (the committed sample dataset)."""

from __future__ import annotations

import json

import pyarrow.parquet as pq
from click.testing import CliRunner

from fichas_tui.cli.commands import main
from tests.helpers import COMMITTED_DATASET, P2019, P2021, P2023


def _catalogo(*args):
    result = CliRunner().invoke(main, ["catalogo", "--data", str(COMMITTED_DATASET), *args])
    assert result.exit_code == 0, result.output
    return result.output


def test_ingest_kept_the_bips_number_of_unique_matches():
    fichas = pq.read_table(COMMITTED_DATASET / "fichas.parquet").to_pylist()
    numbers = {f["program_id"]: f["id_bips"] for f in fichas}
    # GSL: exact name (with its "(Ex …)"); RF: exact; the 2019 residence is not in the catalog
    assert numbers == {P2021: 63232, P2023: 86583, P2019: None}
    programs = pq.read_table(COMMITTED_DATASET / "programs.parquet").to_pylist()
    assert {p["program_id"]: p["id_bips"] for p in programs} == numbers


def test_json_rows_with_and_without_ficha():
    data = json.loads(_catalogo("--json"))
    assert data["catalog"]["programs"] == len(data["rows"]) == 677
    assert data["covered"] == 2
    rows = {r["id_bips"]: r for r in data["rows"]}
    assert rows[63232]["program_id"] == P2021
    assert rows[102] == {
        "id_bips": 102,
        "program_name": "Fondo Nacional del Adulto Mayor",
        "ministry": "Ministerio de Desarrollo Social y Familia",
        "service": "Servicio Nacional del Adulto Mayor",
        "program_id": None,
    }


def test_without_ficha_and_by_ministry():
    rows = json.loads(_catalogo("--sin-ficha", "--json"))["rows"]
    assert len(rows) == 675 and all(r["program_id"] is None for r in rows)
    justice = json.loads(_catalogo("--ministerio", "JUSTICIA", "--json"))["rows"]
    assert justice and all("Justicia" in r["ministry"] for r in justice)
    lines = _catalogo("--csv").splitlines()
    assert lines[0] == "id_bips,program_name,ministry,service,program_id" and len(lines) == 678
