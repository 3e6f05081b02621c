"""The deflator series: chained from the fichas' inflator tables, written with the dataset."""

from __future__ import annotations

import math
import shutil
from pathlib import Path

import pytest

from fichas_tui.data.dataset import read_table, rows_to_table, write_dataset
from fichas_tui.data.derived import chain_deflators
from fichas_tui.data.list_records import Deflators
from fichas_tui.data.queries import Store
from fichas_tui.ingest.report import conflict_notes
from fichas_tui.views.pesos import series_lines

REPO = Path(__file__).resolve().parents[2]
SAMPLE_2023 = "ab86556523989ed3"  # 003_177960693a00c8d4.txt, the only sample with inflators

# The 2023 sample ficha's "Inflatores" table, as printed (pesos of each year -> pesos of 2024).
SAMPLE_SERIES = {2020: 1.2252, 2021: 1.1722, 2022: 1.1002, 2023: 1.035, 2024: 1.0}


def test_sample_dataset_yields_the_2023_fichas_table(sample_dataset):
    table = read_table(sample_dataset, "deflators").to_pylist()
    assert [(r["target_year"], r["year"], r["factor"]) for r in table] == [
        (2024, year, factor) for year, factor in SAMPLE_SERIES.items()
    ]
    assert {r["ficha_id"] for r in table} == {SAMPLE_2023}
    assert all(r["via_year"] is None and r["conflict_ficha_ids"] == [] for r in table)


def test_store_reads_the_series_and_nothing_else():
    store = Store.open(REPO / "data" / "parquet")
    try:
        deflators = store.deflators()
    finally:
        store.close()
    assert deflators.targets == (2024,)
    assert deflators.factor(2022, 2024).factor == 1.1002
    # 2019 and earlier: no ficha in the sample prints them, so there is no factor.
    assert deflators.factor(2019, 2024) is None
    # No 2022 table: pesos of 2020 in 2022 are both taken to 2024 and divided (1,2252 / 1,1002),
    # the printed factors only; nothing reaches 2019 either way.
    rebased = deflators.factor(2020, 2022)
    assert rebased.factor == 1.2252 / 1.1002 and rebased.divided and rebased.via_year == 2024
    assert deflators.factor(2019, 2022) is None
    assert series_lines(deflators) == (
        "M$ de 2024: 2020 1,2252 · 2021 1,1722 · 2022 1,1002 · 2023 1,0350 · 2024 1,0000",
    )


def test_a_dataset_without_the_derived_table_chains_its_inflators(tmp_path):
    """A dataset written before `deflators` existed gets the same series at open."""
    old = tmp_path / "old"
    shutil.copytree(REPO / "data" / "parquet", old)
    (old / "deflators.parquet").unlink()
    store = Store.open(old)
    try:
        factors = store.deflators().factors
    finally:
        store.close()
    assert [(f.target_year, f.year, f.factor) for f in factors] == [
        (2024, y, x) for y, x in SAMPLE_SERIES.items()
    ]


def test_a_dataset_without_inflators_has_no_series():
    store = Store.open(REPO / "tests" / "fixtures" / "fixture")
    try:
        deflators = store.deflators()
    finally:
        store.close()
    assert not deflators
    assert deflators.targets == ()
    assert deflators.factor(2022, 2024) is None
    assert "no tiene factores" in series_lines(deflators)[0]


# (ficha_id, evaluated_year, price_year, year, factor)
A2021 = [("a21", 2021, 2022, y, f) for y, f in ((2019, 1.0912), (2020, 1.0611), (2022, 1.0))]
B2023 = [("b23", 2023, 2024, y, f) for y, f in SAMPLE_SERIES.items()]
C2022 = [("c22", 2022, 2024, 2022, 1.1003), ("c22", 2022, 2024, 2018, 1.3)]


def test_a_year_no_table_reaches_is_chained_through_a_lower_target():
    series = {(f.year, f.target_year): f for f in chain_deflators(A2021 + B2023)}
    chained = series[(2019, 2024)]
    # 2019 -> 2022 from the 2021 ficha, times 2022 -> 2024 from the 2023 ficha.
    assert chained.factor == pytest.approx(1.0912 * 1.1002)
    assert (chained.ficha_id, chained.via_year) == ("a21", 2022)
    # Given directly by the 2024 table: never chained, even where a chain exists.
    assert series[(2020, 2024)].factor == 1.2252
    assert series[(2020, 2024)].via_year is None
    # The 2022 target keeps its own table only: no factor comes down from a later one.
    assert series[(2020, 2022)].factor == 1.0611
    assert (2021, 2022) not in series and (2023, 2022) not in series


def test_two_fichas_disagreeing_the_most_recent_wins_and_it_is_recorded():
    for rows in (B2023 + C2022, C2022 + B2023):  # whatever the row order
        series = {(f.year, f.target_year): f for f in chain_deflators(rows)}
        used = series[(2022, 2024)]
        assert (used.factor, used.ficha_id, used.conflicts) == (1.1002, "b23", (("c22", 1.1003),))
        assert series[(2018, 2024)].factor == 1.3  # given only by the older ficha: used
    notes = conflict_notes(Deflators(chain_deflators(B2023 + C2022)))
    assert notes == (
        "pesos de 2022 a 2024: se usa 1,1002 (ficha b23, la más reciente); la ficha c22 da 1,1003",
    )


def test_equal_factors_from_two_fichas_are_no_conflict():
    twice = [*B2023, ("d23", 2023, 2024, 2022, 1.1002)]
    assert all(not f.conflicts for f in chain_deflators(twice))


def test_what_is_not_a_factor_is_ignored():
    rows = [
        ("x", 2023, 2024, 2020, math.nan),
        ("x", 2023, 2024, 2021, math.inf),
        ("x", 2023, 2024, 2022, 0.0),
        ("x", 2023, None, 2019, 1.2),  # nominal ficha: no target to convert into
        ("x", 2023, 2024, None, 1.2),
        ("x", 2023, 2024, 2023, 1.035),
    ]
    assert [(f.year, f.factor) for f in chain_deflators(rows)] == [(2023, 1.035)]


def test_the_series_is_written_with_the_dataset_and_read_back(tmp_path):
    fichas = [
        {
            "ficha_id": fid,
            "program_id": fid,
            "program_name": fid,
            "evaluated_year": ev,
            "price_year": py,
        }
        for fid, ev, py in (("a21", 2021, 2022), ("b23", 2023, 2024), ("c22", 2022, 2024))
    ]
    inflators = [
        {"ficha_id": fid, "year": year, "factor": factor}
        for fid, _, _, year, factor in A2021 + B2023 + C2022
    ]
    written = write_dataset(
        tmp_path,
        {
            "fichas": rows_to_table("fichas", fichas),
            "inflators": rows_to_table("inflators", inflators),
        },
    )
    store = Store.open(tmp_path)
    try:
        read = store.deflators().factors
    finally:
        store.close()
    assert read == chain_deflators(A2021 + B2023 + C2022)
    assert written["deflators"].num_rows == len(read)


def test_ingest_says_when_two_fichas_disagree_on_a_factor(tmp_path):
    from fichas_tui.ingest.pipeline import run_ingest

    text = (REPO / "data" / "fichas" / "003_177960693a00c8d4.txt").read_text(encoding="utf-8")
    assert text.count("2022\t1,1002") == 1
    edited = tmp_path / "otra.txt"
    edited.write_text(text.replace("2022\t1,1002", "2022\t1,1010"), encoding="utf-8")
    data = tmp_path / "data"
    lines: list[str] = []
    assert run_ingest([REPO / "data" / "fichas"], data, echo=lambda *_: None)
    assert run_ingest([edited], data, name="Otro programa", echo=lines.append)
    (notice,) = [line for line in lines if line.startswith("aviso factores")]
    table = read_table(data, "deflators").to_pylist()
    (row,) = [r for r in table if r["year"] == 2022]
    # Both fichas are of 2023 in pesos of 2024: the tie goes to the ficha id, and the other
    # factor is kept beside the one used.
    assert sorted([row["factor"], *row["conflict_factors"]]) == [1.1002, 1.101]
    assert notice.startswith("aviso factores: pesos de 2022 a 2024: se usa ")
    assert "1,1002" in notice and "1,1010" in notice
