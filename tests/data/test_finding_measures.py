"""The ranking measures from the findings: years in a row with under-execution and findings that
persist (data/summaries.py), on hand-made rows, the sample fichas and the restated pair."""

from __future__ import annotations

import duckdb
import pyarrow.parquet as pq
import pytest

from fichas_tui.data.across import Selection, measure_rows
from fichas_tui.data.finding_history import PERSISTS, Judged, marks
from fichas_tui.data.queries import Store
from fichas_tui.data.summaries import MEASURE_SQL
from fichas_tui.data.versions import current
from tests.helpers import P2019, P2021, P2023, dataset_copy, restated_dataset

EFF = "Eficiencia y ejecución presupuestaria"
UNDER = "subejecución"


def _run(measure: str, fichas, verdicts, findings=()) -> dict[str, tuple]:
    """The measure's SQL over these rows: ficha_id -> (value, status, a, b)."""
    con = duckdb.connect()
    con.execute("CREATE TABLE fichas (ficha_id VARCHAR, program_id VARCHAR, evaluated_year INT)")
    con.execute(
        "CREATE TABLE verdicts (ficha_id VARCHAR, position INT, dimension VARCHAR, "
        "topic VARCHAR, verdict VARCHAR)"
    )
    con.execute(
        "CREATE TABLE findings (ficha_id VARCHAR, position INT, dimension VARCHAR, kind VARCHAR, "
        "source_line INT)"
    )
    con.executemany("INSERT INTO fichas VALUES (?, ?, ?)", fichas)
    con.executemany("INSERT INTO verdicts VALUES (?, ?, ?, ?, ?)", verdicts)
    if findings:
        con.executemany("INSERT INTO findings VALUES (?, ?, ?, ?, NULL)", findings)
    rows = con.sql(MEASURE_SQL[measure]).fetchall()
    return {fid: (value, status, a, b) for fid, _y, value, status, _p, a, b, *_l in rows}


def test_years_in_a_row_with_under_execution():
    fichas = [(f"p{y}", "p", y) for y in range(2019, 2025)] + [
        ("q2020", "q", 2020),
        ("q2022", "q", 2022),
        ("r2023", "r", 2023),
    ]
    verdicts = [
        ("p2019", 1, EFF, "ejecucion-inicial", UNDER),
        ("p2020", 1, EFF, "ejecucion-final", UNDER),  # the final budget counts too
        ("p2021", 1, EFF, "ejecucion-inicial", "dentro de rango"),  # the run breaks
        ("p2022", 1, EFF, "ejecucion-inicial", UNDER),
        ("p2023", 1, EFF, "ejecucion-inicial", UNDER),
        ("p2023", 2, EFF, "persistencia-subejecucion", "sin problemas"),
        ("p2024", 1, EFF, "ejecucion-inicial", UNDER),
        ("q2020", 1, EFF, "ejecucion-inicial", UNDER),
        ("q2022", 1, EFF, "ejecucion-inicial", UNDER),  # no ficha of 2021: a new run
        ("r2023", 1, "Eficacia", "indicador", "insuficiente"),  # nothing on its execution
    ]
    got = _run("subejecucion-seguida", fichas, verdicts)
    assert {k: v[:2] for k, v in got.items()} == {
        "p2019": (1, None),
        "p2020": (2, None),
        "p2021": (0, None),
        "p2022": (1, None),
        "p2023": (2, None),
        "p2024": (3, None),
        "q2020": (1, None),
        "q2022": (1, None),
        "r2023": (None, "sin dato"),  # not 0: the ficha does not judge its execution
    }
    # a ficha that states the persistence (its three years in a row) counts at least 3
    persistent = [*verdicts, ("p2020", 2, EFF, "persistencia-subejecucion", UNDER)]
    got = _run("subejecucion-seguida", fichas, persistent)
    assert got["p2020"][:2] == (3, None) and got["p2020"][2] == 2  # a: the run of fichas


def test_findings_that_persist_match_the_marks():
    fichas = [("a", "p", 2022), ("b", "p", 2023), ("c", "q", 2023), ("d", "s", 2021)]
    verdicts = [
        ("a", 0, EFF, "ejecucion-inicial", UNDER),
        ("a", 1, "Eficacia", "indicador", "insuficiente"),
        ("a", 2, "Focalización", "focalizacion", "adecuado"),  # not a problem
        # the same dimension written in capitals without accents: the same finding
        ("b", 0, "EFICIENCIA Y EJECUCION PRESUPUESTARIA", "ejecucion-inicial", UNDER),
        ("b", 1, "Focalización", "focalizacion", "inadecuado"),  # new
        ("c", 0, EFF, "ejecucion-inicial", UNDER),
        ("c", 1, "Eficacia", "indicador", "insuficiente"),
        ("d", 0, EFF, "ejecucion-inicial", UNDER),
    ]
    # c has no previous ficha: its 2023 "no superados" section (kind hallazgo) says which
    findings = [("c", 0, EFF, "hallazgo"), ("c", 1, "Eficacia", "resultado")]
    got = _run("hallazgos-persisten", fichas, verdicts, findings)
    assert got == {
        "a": (None, "sin ficha anterior", 2, 0),
        "b": (1, None, 2, 2),  # under-execution persists; the targeting finding is new
        "c": (1, None, 2, 0),
        "d": (None, "sin ficha anterior", 1, 0),
    }

    def judged(fid):
        kinds = {(f, p): k for f, p, _d, k in findings}
        return [
            Judged(f, p, d, t, v, "", kinds.get((f, p))) for f, p, d, t, v in verdicts if f == fid
        ]

    for fid, previous, year in (("b", "a", 2022), ("c", None, None)):
        found = marks(judged(fid), judged(previous) if previous else None, year)
        assert got[fid][0] == sum(1 for m in found if m.mark == PERSISTS)


def _values(folder, measure):
    store = Store.open(folder)
    try:
        rows = measure_rows(store, measure, Selection())
        return {r.program_id: (r.value, r.status) for r in rows}
    finally:
        store.close()


def test_on_the_sample_fichas(sample_dataset):
    # 003 (2023): under-execution of its initial budget, in its "no superados" section;
    # 000 (2021): over-execution, persistence "sin problemas"; 002 (2019): within range.
    # None has an earlier ficha in the dataset.
    under = _values(sample_dataset, "subejecucion-seguida")
    assert (under[P2023], under[P2021], under[P2019]) == ((1, None), (0, None), (0, None))
    persist = _values(sample_dataset, "hallazgos-persisten")
    assert persist[P2023] == (1, None)
    assert persist[P2021] == persist[P2019] == (None, "sin ficha anterior")


def test_on_the_restated_pair(tmp_path):
    folder = restated_dataset(tmp_path / "pair")
    under = _values(folder, "subejecucion-seguida")
    persist = _values(folder, "hallazgos-persisten")
    name = next(iter(under))
    # 2023 and 2024 both find under-execution of the initial budget
    assert under[name] == (2, None)
    # of 2024's problems (targeting, under-execution) only under-execution was in 2023's
    assert persist[name] == (1, None)
    store = Store.open(folder)
    try:
        detail = store.detail(name, None)
        assert sum(1 for m in detail.finding_marks if m.mark == PERSISTS) == 1
    finally:
        store.close()


def test_a_fresh_ingest_writes_every_measure(sample_dataset):
    # The summaries read every parsed table: a measure over `verdicts` once failed them (the
    # ingest kept the previous dataset, whose `measures` lacked the new measure).
    table = pq.read_table(current(sample_dataset) / "measures.parquet", columns=["measure"])
    assert set(table.column("measure").to_pylist()) == set(MEASURE_SQL)


def test_a_dataset_written_before_a_measure_computes_it_in_place(sample_dataset, tmp_path):
    folder = dataset_copy(current(sample_dataset), tmp_path)
    path = folder / "measures.parquet"
    old = pq.read_table(path)
    keep = [m != "hallazgos-persisten" for m in old.column("measure").to_pylist()]
    pq.write_table(old.filter(keep), path)
    persist = _values(folder, "hallazgos-persisten")
    assert persist[P2023] == (1, None)


@pytest.mark.parametrize("measure", ["subejecucion-seguida", "hallazgos-persisten"])
def test_the_committed_dataset_has_the_measures(measure):
    from tests.helpers import COMMITTED_DATASET

    table = pq.read_table(COMMITTED_DATASET / "measures.parquet", columns=["measure"])
    assert measure in table.column("measure").to_pylist()
