"""Restated figures on the fixture pair: exactly the two cells changed by hand, not the
differences the printed factors' rounding explains; the tolerance rule, hand-checked."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from fichas_tui.data.list_records import Factor
from fichas_tui.data.queries import Store
from fichas_tui.data.restatements import Comparer, _Point, decimals, factor_error
from fichas_tui.data.versions import current
from tests.helpers import restated_dataset


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    folder = restated_dataset(tmp_path_factory.mktemp("restated") / "ds")
    with Store.open(folder) as store:
        yield store


def test_exactly_the_two_hand_changed_cells_are_reported(store):
    found = store.restatements()
    assert [(r.measure, r.year) for r in found] == [("cobertura", 2022), ("ejecutado", 2023)]
    coverage, executed = found
    # coverage: 83,8 % in the 2023 ficha, 80,3 % in the 2024 one, each to the tenth
    assert (coverage.before.value, coverage.after.value) == (83.8, 80.3)
    assert (coverage.before.evaluated_year, coverage.after.evaluated_year) == (2023, 2024)
    assert coverage.difference == pytest.approx(-3.5)
    assert coverage.tolerance == pytest.approx(0.1)
    assert (coverage.before.source_file, coverage.after.source_file) == (
        "rf_2023.txt",
        "rf_2024.txt",
    )
    # executed 2023: 8.146.335 M$ 2024 / 1,035 against 8.683.399 M$ 2025 / 1,0711
    assert (executed.before.value, executed.after.value) == (8_146_335, 8_683_399)
    assert (executed.before.factor, executed.after.factor) == (1.035, 1.0711)
    assert executed.before.compared == pytest.approx(8_146_335 / 1.035)
    assert executed.after.compared == pytest.approx(8_683_399 / 1.0711)
    assert executed.relative == pytest.approx(8_683_399 / 1.0711 / (8_146_335 / 1.035) - 1)
    # largest first: 4,2 % of coverage before 2,9 % of spending
    assert coverage.size > executed.size


def test_the_factors_rounding_is_not_a_restatement(store):
    """Executed 2022: 5.227.400 (M$ 2024, 1,1002) and 5.409.369 (M$ 2025, 1,1385) differ in
    nominal pesos by far more than the amounts' rounding, within the factors' rounding."""
    a, b = 5_227_400 / 1.1002, 5_409_369 / 1.1385
    units = 0.5 / 1.1002 + 0.5 / 1.1385
    factors = a * 0.00005 / 1.1002 + b * 0.00005 / 1.1385
    assert units < abs(a - b) <= units + factors
    assert ("ejecutado", 2022) not in [(r.measure, r.year) for r in store.restatements()]


def test_one_program_and_its_detail(store):
    program_id = store.restatements()[0].program_id
    assert len(store.restatements(program_id)) == 2
    assert store.restatements("no-existe") == []
    detail = store.detail(program_id)
    assert {(r.measure, r.year) for r in detail.revisions} == {
        ("cobertura", 2022),
        ("ejecutado", 2023),
    }
    # the Indicadores pane's read brings them too; Resumen's does not
    assert len(store.detail(program_id, tables=["indicators"]).revisions) == 2
    assert store.detail(program_id, tables=["findings"]).revisions == ()


@pytest.mark.parametrize(
    ("value", "text", "places"),
    [
        (36.5, None, 1),
        (92.0, "92,00%", 2),
        (1.2252, None, 4),
        (1.035, None, 3),
        (1_745_448.0, None, 0),
        (84.0, None, 0),  # 84,0 printed: the trailing zero is not seen (a looser bound)
        (None, "N/C***", None),
    ],
)
def test_printed_decimals(value, text, places):
    if value is None:
        return
    assert decimals(value, text) == places


def test_factor_error():
    assert factor_error(1.2252) == pytest.approx(0.00005 / 1.2252)
    assert factor_error(1.035) == pytest.approx(0.0005 / 1.035)
    assert factor_error(1.0) == 0.0


FICHAS = {
    "a": ("p", "P", 2022, 2023, "a.txt"),
    "b": ("p", "P", 2023, 2024, "b.txt"),
}


def point(fid, value, price_year, year=2021, half=0.5):
    return _Point(fid, "ejecutado", "", "", None, year, value, None, price_year, half)


def test_chained_factor_adds_both_steps_errors():
    series = [
        Factor(2022, 2021, 1.05, "x"),
        Factor(2024, 2022, 1.1, "y"),
        Factor(2024, 2021, 1.155, "x", 2022),
    ]
    comparer = Comparer(FICHAS, [], series)
    factor, error = comparer.factor("b", 2021, 2024)
    assert factor == 1.155
    assert error == pytest.approx(0.005 / 1.05 + 0.05 / 1.1)


def test_no_factor_no_comparison():
    comparer = Comparer(FICHAS, [], [])
    assert comparer.restatements([point("a", 100.0, 2023), point("b", 900.0, 2024)]) == []
    # nominal pesos of the year: factor 1, exact
    found = Comparer(FICHAS, [], []).restatements(
        [point("a", 100.0, None), point("b", 102.0, None)]
    )
    assert [(r.before.value, r.after.value, r.tolerance) for r in found] == [(100.0, 102.0, 1.0)]


def without_table(folder: Path, into: Path) -> Path:
    """A copy of the dataset at `folder` as written before the `restatements` table existed."""
    shutil.copytree(folder, into, symlinks=True)
    for path in {into / "restatements.parquet", current(into) / "restatements.parquet"}:
        path.unlink()  # the link and its file, or the plain file
    return into


@pytest.fixture(scope="module")
def older(store, tmp_path_factory):
    folder = without_table(store.folder, tmp_path_factory.mktemp("older") / "ds")
    with Store.open(folder) as older:
        yield older


def counting(monkeypatch) -> list[str]:
    """Each computation of restatements from the tables they come from, as 'read'."""
    from fichas_tui.data import restatements

    asked: list[str] = []
    real = restatements.for_fichas
    monkeypatch.setattr(
        restatements, "for_fichas", lambda *a, **k: asked.append("read") or real(*a, **k)
    )
    return asked


def test_the_table_is_the_per_program_computation(store):
    """The `restatements` table written at ingest holds exactly what the per-program rule
    computes from the parsed tables (and in the dataset's order)."""
    from fichas_tui.data import restatement_table, restatements
    from fichas_tui.data.detail_reads import FICHAS_SQL
    from fichas_tui.data.detail_records import Ficha

    program_id = store.restatements()[0].program_id
    rows = store.query
    for table in (*restatements.TABLES, "fichas", restatement_table.TABLE):
        store._attach(table)
    fichas = [Ficha(*row[:9], tuple(row[9]), *row[10:14]) for row in rows(FICHAS_SQL, [program_id])]
    computed = restatements.of_program(rows, store._attach, program_id, fichas)
    stored = restatement_table.stored(rows, program_id)
    assert len(stored) == 2 and tuple(stored) == computed
    assert restatement_table.stored(rows) == stored  # the only program with two fichas
    table = rows("SELECT position, program_id FROM restatements ORDER BY position", [])
    assert table == [(0, program_id), (1, program_id)]


def test_detail_and_listing_read_the_table(store, monkeypatch):
    """With the table, neither a program's detail nor `fichas revisiones` computes anything."""
    asked = counting(monkeypatch)
    program_id = store.restatements()[0].program_id
    with Store.open(store.folder) as fresh:
        assert len(fresh.detail(program_id).revisions) == 2
        assert fresh.restatements(program_id) == fresh.restatements()
    assert asked == []


def test_a_dataset_without_the_table_computes_them(store, older, monkeypatch):
    """A dataset written before the table existed: the same restatements, computed."""
    asked = counting(monkeypatch)
    assert older.restatements() == store.restatements()
    program_id = store.restatements()[0].program_id
    assert older.restatements(program_id) == store.restatements(program_id)
    assert asked == ["read", "read"]
    assert older.detail(program_id).revisions == store.detail(program_id).revisions


def test_without_the_table_a_programs_restatements_are_computed_once_per_store(
    store, tmp_path, monkeypatch
):
    """A tab shown later or a program come back to reads its restatements from the store's
    memo (data.restatements.Restated): the same restatements, no query of their tables."""
    folder = without_table(store.folder, tmp_path / "ds")
    program_id = store.restatements()[0].program_id
    with Store.open(folder) as older:
        first = older.detail(program_id)
        asked = counting(monkeypatch)
        again = older.detail(program_id)
        assert again.revisions == first.revisions and len(again.revisions) == 2
        assert asked == []
    with Store.open(folder) as fresh:  # another store (a reload): computed again
        assert fresh.detail(program_id).revisions == first.revisions
    assert asked == ["read"]


def test_a_row_without_its_figures_is_not_read(store, tmp_path):
    """A damaged or hostile table: a row whose compared figure is missing is left out."""
    import pyarrow.parquet as pq

    folder = without_table(store.folder, tmp_path / "ds")
    table = pq.read_table(current(store.folder) / "restatements.parquet")
    rows = table.to_pylist()
    rows[0]["after_compared"] = None
    pq.write_table(
        type(table).from_pylist(rows, schema=table.schema), current(folder) / "restatements.parquet"
    )
    with Store.open(folder) as damaged:
        found = damaged.restatements()
        assert len(found) == 1 and found[0] == next(
            r for r in store.restatements() if r.measure == rows[1]["measure"]
        )
