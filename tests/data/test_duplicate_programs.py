"""A programs table with repeated rows (a dataset written elsewhere) keeps every program
reachable, by name and by id."""

from __future__ import annotations

import shutil
import subprocess
import sys

import pyarrow as pa
import pyarrow.parquet as pq

from fichas_tui.data.queries import Store
from tests.helpers import COMMITTED_DATASET

RESIDENCIA = "residencia-familiar-de-administracion-directa-rf"


def _duplicated(tmp_path):
    folder = tmp_path / "ds"
    shutil.copytree(COMMITTED_DATASET, folder)
    programs = pq.read_table(folder / "programs.parquet")
    pq.write_table(pa.concat_tables([programs, programs, programs]), folder / "programs.parquet")
    return folder


def test_the_store_lists_each_program_once(tmp_path):
    folder = _duplicated(tmp_path)
    assert pq.read_table(folder / "programs.parquet").num_rows == 9
    with Store.open(folder) as store:
        ids = [p.program_id for p in store.programs()]
    assert len(ids) == len(set(ids)) == 3


def test_show_finds_a_repeated_program_by_id_and_by_name(tmp_path):
    folder = _duplicated(tmp_path)
    for query in (RESIDENCIA, "Residencia Familiar de Administración Directa (RF)"):
        result = subprocess.run(
            [sys.executable, "-m", "fichas_tui", "show", query, "--json", "--data", str(folder)],
            capture_output=True,
            text=True,
            check=False,
        )
        assert result.returncode == 0, result.stderr
        assert RESIDENCIA in result.stdout
