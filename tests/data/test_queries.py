"""The query layer on the fixture: filtering, one program's figures, damaged datasets."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from fichas_tui.data.dataset import DatasetError
from fichas_tui.data.queries import SORT_BUDGET, DatasetMissing, Store
from fichas_tui.views.figures import figure, number, percent
from tests.helpers import FIXTURES

FIXTURE = FIXTURES / "fixture"


@pytest.fixture(scope="module")
def store():
    s = Store.open(FIXTURE)
    yield s
    s.close()


def names(programs):
    return [p.name for p in programs]


def test_one_row_per_program(store):
    programs = store.programs()
    assert len(programs) == 5
    pae = store.program_row("alimentacion-escolar")
    assert pae.years == (2019, 2022, 2023)
    assert pae.latest_year == 2023 and pae.executed.value == 1_283_987_654


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("residencia adolesc", ["Residencia Familiar para Adolescentes"]),
        ("ADOLESC residencia", ["Residencia Familiar para Adolescentes"]),
        ("vinculos", ["Programa Vínculos"]),
        ("educación", ["Programa de Alimentación Escolar"]),
        ("ninez", ["Residencia Familiar para Adolescentes"]),
        ("%", []),
        ("_", []),
        ("' OR 1=1 --", []),
        ("\\", []),
    ],
)
def test_filter_words_accents_and_literal_characters(store, text, expected):
    assert names(store.filter(text)) == expected


def test_filters_and_sort(store):
    assert names(store.filter(year=2019)) == ["Programa de Alimentación Escolar"]
    mds = store.filter(ministry="Ministerio de Desarrollo Social y Familia")
    assert len(mds) == 2
    by_budget = store.filter(sort=SORT_BUDGET)
    assert by_budget[0].program_id == "alimentacion-escolar"
    assert store.facets().years == (2023, 2022, 2021, 2019)


def test_detail_figures(store):
    d = store.detail("residencia-familiar-adolescentes")
    assert d.year == 2023 and d.years == (2021, 2023)
    b2023 = next(b for b in d.budget if b.year == 2023)
    assert (b2023.inicial.value, b2023.final.value, b2023.ejecutado.value) == (
        9_800_000,
        9_900_000,
        8_146_335,
    )
    assert b2023.exec_inicial.value == 83.1  # from the ficha's own ratio
    assert b2023.admin_share.value == 5.0
    ohiggins = next(r for r in d.regions if "Higgins" in r.region)
    assert ohiggins.spending.value is None and ohiggins.spending.status == "-"
    assert [r.region for r in d.regions if r.central] == ["Nivel central"]
    propos = d.indicators[0]
    assert propos.level == "proposito"
    assert [p.year for p in propos.points] == [2019, 2020, 2021, 2022, 2023]
    by_year = {p.year: p for p in propos.points}
    assert by_year[2022].efectivo.status == "N/C"
    assert by_year[2021].efectivo.value == 80.0  # the 2023 ficha replaces the 2021 ficha's S/I


def test_computed_execution_and_missing_codes(store):
    d = store.detail("alimentacion-escolar", 2019)
    assert d.ficha.price_year is None
    b2018 = next(b for b in d.budget if b.year == 2018)
    assert b2018.final.status == "S/I"
    assert b2018.exec_final.value is None and b2018.exec_final.status == "S/I"
    assert round(b2018.exec_inicial.value, 2) == round(890_250_000 / 900_000_000 * 100, 2)
    assert store.detail("subsidio-empleo-joven").regions == ()


def test_chilean_formatting():
    assert number(1_983_253) == "1.983.253"
    assert number(1198.6, 1) == "1.198,6"
    assert percent(45.0) == "45,0 %"
    assert number(None, status="N/C") == "N/C"
    assert figure(61.25) == "61,25" and figure(92.0) == "92"


def test_missing_dataset(tmp_path):
    with pytest.raises(DatasetMissing):
        Store.open(tmp_path)


def _copy(tmp_path) -> Path:
    folder = tmp_path / "ds"
    shutil.copytree(FIXTURE, folder)
    return folder


def test_truncated_parquet_names_the_file(tmp_path):
    folder = _copy(tmp_path)
    data = (folder / "fichas.parquet").read_bytes()
    (folder / "fichas.parquet").write_bytes(data[: len(data) // 2])
    with pytest.raises(DatasetError, match=r"fichas\.parquet"):
        Store.open(folder)


def test_missing_table_file_is_empty(tmp_path):
    folder = _copy(tmp_path)
    (folder / "regions.parquet").unlink()
    store = Store.open(folder)
    assert store.detail("residencia-familiar-adolescentes").regions == ()


def test_wrong_column_type_names_the_file(tmp_path):
    folder = _copy(tmp_path)
    table = pq.read_table(folder / "budget.parquet")
    bad = table.set_column(
        table.schema.get_field_index("amount_kclp"),
        "amount_kclp",
        pa.array(["mucho"] * table.num_rows),
    )
    pq.write_table(bad, folder / "budget.parquet")
    with pytest.raises(DatasetError, match=r"budget\.parquet"):
        Store.open(folder)


@pytest.mark.parametrize(
    "module", ["fichas_tui.data.queries", "fichas_tui.cli.show", "fichas_tui.views.figures"]
)
def test_no_textual_import(module):
    code = f"import sys, {module}; sys.exit('textual' in sys.modules)"
    assert subprocess.run([sys.executable, "-c", code], check=False).returncode == 0
