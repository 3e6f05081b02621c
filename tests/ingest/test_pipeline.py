"""`fichas ingest` end to end: bad files are reported, the rest load, the dataset stays whole."""

from __future__ import annotations

import shutil
import subprocess
import sys

import pyarrow.parquet as pq
import pytest

from fichas_tui.data.dataset import read_dataset
from fichas_tui.data.schema import TABLES
from fichas_tui.ingest.parsed import FichaError
from fichas_tui.ingest.pipeline import run_ingest
from fichas_tui.ingest.reader import parse_bytes
from tests.helpers import COMMITTED_DATASET, F2021, F2023, SAMPLE_DIR, quiet


def _canonical(table):
    """A table's rows in a stable order, for comparing two datasets."""
    return sorted(map(repr, table.to_pylist()))


def test_committed_dataset_is_the_sample_fichas(sample_dataset):
    """data/parquet must be exactly what ingesting data/fichas produces: they never drift."""
    for name in TABLES:
        built = pq.read_table(sample_dataset / f"{name}.parquet")
        committed = pq.read_table(COMMITTED_DATASET / f"{name}.parquet")
        assert built.schema.equals(committed.schema), name
        assert _canonical(built) == _canonical(committed), (
            f"{name} differs: run `fichas ingest data/fichas --data /tmp/s && rm -r data/parquet"
            ' && cp -r "$(readlink -f /tmp/s/.current)" data/parquet` and commit (plain files)'
        )


def test_every_contract_table_and_column_exists(sample_dataset):
    import duckdb

    contract = {
        "fichas": "ficha_id program_id program_name ministry service evaluated_year price_year "
        "start_year description purpose regions source_file",
        "budget": "ficha_id year concept amount_kclp price_year",
        "subtitles": "ficha_id year subtitle subtitle_name amount_kclp price_year",
        "components": "ficha_id component production_unit year spending_kclp production "
        "unit_cost_kclp price_year",
        "indicators": "ficha_id level indicator formula year kind value value_status",
        "coverage": "ficha_id year basis coverage_pct",
        "regions": "ficha_id region spending_kclp spending_pct beneficiaries beneficiaries_pct "
        "price_year",
        "findings": "ficha_id dimension finding",
        "warnings": "ficha_id section message",
    }
    con = duckdb.connect()
    for table, columns in contract.items():
        path = (sample_dataset / f"{table}.parquet").as_posix()
        names = [
            r[0] for r in con.execute(f"DESCRIBE SELECT * FROM read_parquet('{path}')").fetchall()
        ]
        assert set(columns.split()) <= set(names), table
    budget = (sample_dataset / "budget.parquet").as_posix()
    kinds = con.execute(f"SELECT DISTINCT concept FROM read_parquet('{budget}')").fetchall()
    assert {k[0] for k in kinds} <= {
        "inicial",
        "final",
        "ejecutado",
        "componentes",
        "administrativo",
    }


def test_unknown_layout_is_a_clear_error():
    with pytest.raises(FichaError, match="ninguna ficha conocida; se esperaba uno de estos: 2019"):
        parse_bytes(b"Un texto cualquiera\nsin secciones\n", "x.txt")


def test_empty_file_is_a_clear_error():
    with pytest.raises(FichaError, match="vacío"):
        parse_bytes(b"  \n\n", "x.txt")


def test_ficha_cut_short_still_loads_what_it_has():
    text = (SAMPLE_DIR / F2023).read_text(encoding="utf-8")
    cut = text[: text.index("Los Ríos\t690.372")]  # mid regional table
    record, _ = parse_bytes(cut.encode(), "cut.txt")
    regions = [r["region"] for r in record.rows["regions"]]
    assert regions[-1] == "Ñuble"
    assert "Los Ríos" not in regions
    assert record.count("indicators") == 0  # that part is gone, not invented
    assert record.facts["evaluated_year"] == 2023


def test_bad_files_are_reported_and_the_rest_load(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    shutil.copy(SAMPLE_DIR / F2021, folder / F2021)
    (folder / "vacia.txt").write_text("")
    (folder / "otra.txt").write_text("Acta de reunión\nNada que ver\n", encoding="utf-8")
    lines: list[str] = []
    ok = run_ingest([folder], tmp_path / "ds", echo=lines.append)
    assert ok is False
    errors = [line for line in lines if line.startswith("ERROR")]
    assert len(errors) == 2
    assert any("vacia.txt" in e and "vacío" in e for e in errors)
    assert any("otra.txt" in e and "ninguna ficha conocida" in e for e in errors)
    data = read_dataset(tmp_path / "ds")
    assert data["fichas"].num_rows == 1
    # without its manifest.csv the 2021 ficha names no program, ministry nor service: said
    assert any("no dice su ministerio ni su servicio" in line for line in lines)
    assert "1 ficha cargada, 2 con error, 4 avisos" in lines[-1]


def test_reingest_replaces_rows_instead_of_duplicating(tmp_path):
    out = tmp_path / "ds"
    assert run_ingest([SAMPLE_DIR], out, echo=quiet)
    first = {name: t.num_rows for name, t in read_dataset(out).items()}
    assert run_ingest([SAMPLE_DIR / F2023], out, echo=quiet)
    second = {name: t.num_rows for name, t in read_dataset(out).items()}
    assert first == second


def test_cli_exit_status_and_summary(tmp_path):
    bad = tmp_path / "bad.txt"
    bad.write_text("nada")
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "fichas_tui",
            "ingest",
            str(SAMPLE_DIR / F2021),
            str(bad),
            "--data",
            str(tmp_path / "ds"),
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 1
    assert "bad.txt" in result.stderr and "ninguna ficha conocida" in result.stderr
    assert F2021 in result.stdout
    assert "1 ficha cargada, 1 con error" in result.stdout


def test_name_fallback_and_option(tmp_path):
    data = (SAMPLE_DIR / F2023).read_bytes()
    record, fields = parse_bytes(data, "x.txt")
    assert record.facts["program_name"] == "Programa sin nombre (x.txt)"
    assert any("nombre del programa" in w for w in record.warnings)
    record, _ = parse_bytes(data, "x.txt", name="Residencia  Familiar")
    assert record.facts["program_name"] == "Residencia Familiar"
    assert record.facts["program_id"] == "residencia-familiar"
    record, fields = parse_bytes(data, "x.txt", manifest={"program_name": "RESIDENCIA familiar"})
    assert fields == ["program_name"]
    assert record.facts["program_id"] == "residencia-familiar"


def test_same_bytes_same_id():
    data = (SAMPLE_DIR / F2021).read_bytes()
    a, _ = parse_bytes(data, "a.txt")
    b, _ = parse_bytes(data, "b.txt")
    assert a.ficha_id == b.ficha_id == "c2ec1f949b1e2174"


def test_programs_table_is_derived_at_write(ds):
    rows = ds.con.execute(
        "SELECT program_id, years, n_fichas, executed_year, executed_kclp, executed_price_year "
        "FROM programs ORDER BY program_id"
    ).fetchall()
    assert rows == [
        (
            "gestion-social-local-gsl-ex-apoyo-monitoreo-y-supervision-a-la-gestion-territorial",
            [2021],
            1,
            2021,
            2_608_643.0,
            2022,
        ),
        (
            "proteccion-residencia-de-proteccion-para-primera-infancia-rlp",
            [2019],
            1,
            2019,
            10_174_000.0,
            None,
        ),
        ("residencia-familiar-de-administracion-directa-rf", [2023], 1, 2023, 8_146_335.0, 2024),
    ]
    # Its ficha_id is the program's latest ficha, so it joins like every other table.
    assert ds.con.execute(
        "SELECT count(*) FROM programs JOIN fichas USING (ficha_id)"
    ).fetchone() == (3,)
