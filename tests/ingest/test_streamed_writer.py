"""The streamed writer's external sort: bucketed or not, in chunks or at once, by one ingest or
several, the files hold the same rows in the same order."""

from __future__ import annotations

import pyarrow.parquet as pq
import pytest

from fichas_tui.data import writer
from fichas_tui.data.schema import TABLES
from fichas_tui.ingest import pipeline
from tests.helpers import CATALOG, SAMPLE_DIR
from tests.test_roundtrip import _load


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    out = tmp_path_factory.mktemp("streamed")
    _load().generate(out, fichas=40, seed=23, years=(2015, 2024), workers=1, catalog=CATALOG)
    return out / "fichas"


def _ingest(paths, folder):
    status = pipeline.ingest(paths, folder, echo=lambda _l: None, workers=1)
    assert status == pipeline.EXIT_OK


def _tables(folder):
    return {name: pq.read_table(folder / f"{name}.parquet") for name in TABLES}


def test_bucketed_chunked_and_incremental_writes_equal_one_plain_write(
    corpus, tmp_path, monkeypatch
):
    plain = tmp_path / "plain"
    _ingest([corpus, SAMPLE_DIR], plain)

    # Every ficha in its bucket, 7 files a chunk, and the dataset built in three ingests (the
    # later ones merge the rows already on disk, bucket by bucket).
    monkeypatch.setattr(writer, "BUCKETED_FROM_FICHAS", 0)
    monkeypatch.setattr(pipeline, "CHUNK_FILES", 7)
    streamed = tmp_path / "streamed"
    files = sorted(p for p in corpus.iterdir() if p.name != "manifest.csv")
    _ingest([SAMPLE_DIR], streamed)
    _ingest([corpus], streamed)  # everything again: replaces, never duplicates
    _ingest(files[:5], streamed)

    a, b = _tables(plain), _tables(streamed)
    assert a["fichas"].num_rows == 43
    for name in TABLES:
        assert a[name].schema.equals(b[name].schema), name
        assert a[name].to_pylist() == b[name].to_pylist(), name  # same rows, same order
    # Sorted by ficha (fichas by program), so a reader skips row groups.
    ids = b["budget"]["ficha_id"].to_pylist()
    assert ids == sorted(ids)
    fichas = b["fichas"]
    keys = list(zip(fichas["program_id"].to_pylist(), fichas["ficha_id"].to_pylist(), strict=True))
    assert keys == sorted(keys)
    assert not [p for p in streamed.iterdir() if p.name.startswith(".staging")]


def test_summaries_past_duckdbs_memory_limit_run_again_without_it(tmp_path, monkeypatch):
    """A limit too small for the query: the summaries are computed anyway, and the same."""
    normal = tmp_path / "normal"
    _ingest([SAMPLE_DIR], normal)
    monkeypatch.setattr(writer, "SUMMARY_MEMORY", "1MB")
    tight = tmp_path / "tight"
    _ingest([SAMPLE_DIR], tight)
    for name in ("measures", "region_presence"):
        a, b = _tables(normal)[name], _tables(tight)[name]
        assert a.num_rows > 0
        assert a.to_pylist() == b.to_pylist(), name


def test_rows_spooled_in_several_batches_equal_one_batch(corpus, tmp_path, monkeypatch):
    """The writer holds rows until SPOOL_ROWS and splits each batch into buckets with one
    sort: many small bucketed batches give the same files as one plain write."""
    once = tmp_path / "once"
    _ingest([corpus, SAMPLE_DIR], once)
    monkeypatch.setattr(writer, "BUCKETED_FROM_FICHAS", 0)
    monkeypatch.setattr(writer, "SPOOL_ROWS", 50)
    monkeypatch.setattr(pipeline, "CHUNK_FILES", 3)
    batches = tmp_path / "batches"
    _ingest([corpus, SAMPLE_DIR], batches)
    a, b = _tables(once), _tables(batches)
    assert a["budget"].num_rows > 200  # several batches of 50 rows
    for name in TABLES:
        assert a[name].to_pylist() == b[name].to_pylist(), name


def test_summaries_written_in_parts_equal_one_query_over_the_same_files(
    corpus, tmp_path, monkeypatch
):
    import duckdb

    from fichas_tui.data.schema import PARSED_TABLES
    from fichas_tui.data.summaries import MEASURES_SQL, REGION_PRESENCE_SQL

    # A part of a few regions, and row groups of 16 rows, so parts end inside row groups.
    monkeypatch.setattr(writer, "REGION_PART_ROWS", 40)
    monkeypatch.setattr(writer, "ROW_GROUP_ROWS", 16)
    folder = tmp_path / "parts"
    _ingest([corpus, SAMPLE_DIR], folder)

    con = duckdb.connect()
    for name in PARSED_TABLES:
        con.execute(f"CREATE VIEW {name} AS SELECT * FROM read_parquet('{folder / name}.parquet')")
    for name, sql in (("measures", MEASURES_SQL), ("region_presence", REGION_PRESENCE_SQL)):
        written = pq.ParquetFile(folder / f"{name}.parquet")
        whole = con.sql(sql).to_arrow_table().select(TABLES[name].names).cast(TABLES[name])
        assert written.read().to_pylist() == whole.to_pylist(), name  # same rows, same order
        groups = [written.metadata.row_group(i).num_rows for i in range(written.num_row_groups)]
        assert sum(groups) == whole.num_rows > 100
        assert set(groups[:-1]) == {16} and 0 < groups[-1] <= 16, name
    regions = pq.read_table(folder / "region_presence.parquet")["region"].unique().to_pylist()
    assert len(regions) >= 10  # several parts of a few regions each


def test_region_ranges_cover_every_region_in_order():
    counts = [("Aysén", 30), ("Biobío", 5), ("Los Lagos", 50), ("Maule", 10), ("Ñuble", 45)]
    assert writer._region_ranges(counts, 40) == [
        ("Aysén", "Biobío"),
        ("Los Lagos", "Los Lagos"),  # a region past the limit alone still makes one part
        ("Maule", "Maule"),
        ("Ñuble", "Ñuble"),
    ]
    assert writer._region_ranges(counts, 1000) == [("Aysén", "Ñuble")]
    assert writer._region_ranges([], 40) == []


def test_a_small_dataset_is_written_from_memory_and_the_same_when_spooled(
    corpus, tmp_path, monkeypatch
):
    """Below BUCKETED_FROM_FICHAS the rows are held, not spooled; past SMALL_HELD_BYTES they
    are spooled after all, and the files are the same."""
    spooled: list[str] = []
    real = writer.DatasetWriter._spool_writer

    def counted(self, name, bucket):
        spooled.append(name)
        return real(self, name, bucket)

    monkeypatch.setattr(writer.DatasetWriter, "_spool_writer", counted)
    held = tmp_path / "held"
    _ingest([corpus, SAMPLE_DIR], held)
    assert spooled == []
    monkeypatch.setattr(writer, "SMALL_HELD_BYTES", 1)
    monkeypatch.setattr(pipeline, "CHUNK_FILES", 5)
    spilled = tmp_path / "spilled"
    _ingest([corpus, SAMPLE_DIR], spilled)
    assert "budget" in spooled
    a, b = _tables(held), _tables(spilled)
    for name in TABLES:
        assert a[name].to_pylist() == b[name].to_pylist(), name
