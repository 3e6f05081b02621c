"""No data lost: an ingest killed mid-write, a write that fails, two ingests at once."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import textwrap
import time

import pyarrow.parquet as pq

from fichas_tui.data.dataset import PENDING, read_dataset, write_lock
from fichas_tui.data.schema import TABLES
from fichas_tui.data.versions import CURRENT
from fichas_tui.ingest.pipeline import run_ingest
from tests.helpers import F2021, F2023, SAMPLE_DIR, dataset_copy, quiet

SLOW_INGEST = textwrap.dedent(
    """
    import sys, time
    import pyarrow.parquet as pq
    real = pq.ParquetWriter.close
    def slow(self):
        was_open = self.is_open
        real(self)
        if was_open:  # one finished table file
            print("wrote", flush=True)
            time.sleep(0.2)
    pq.ParquetWriter.close = slow
    from fichas_tui.ingest.pipeline import run_ingest
    run_ingest([sys.argv[1]], sys.argv[2], echo=lambda *a, **k: None)
    """
)


def snapshot(folder):
    return {name: sorted(map(repr, t.to_pylist())) for name, t in read_dataset(folder).items()}


def test_ingest_killed_mid_write_leaves_previous_dataset(tmp_path):
    out = tmp_path / "ds"
    assert run_ingest([SAMPLE_DIR / F2021], out, echo=quiet)
    before = snapshot(out)
    proc = subprocess.Popen(
        [sys.executable, "-c", SLOW_INGEST, str(SAMPLE_DIR / F2023), str(out)],
        stdout=subprocess.PIPE,
        text=True,
    )
    for _ in range(5):  # let it write a few of the new table files, then kill it
        assert proc.stdout.readline().strip() == "wrote"
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    assert snapshot(out) == before
    for name in TABLES:  # every file is a whole, readable Parquet file
        pq.read_table(out / f"{name}.parquet")
    # The killed ingest's lock is stale: the next ingest goes ahead and cleans up.
    assert run_ingest([SAMPLE_DIR / F2023], out, echo=quiet)
    assert read_dataset(out)["fichas"].num_rows == 2
    assert not list(out.glob(".staging-*"))
    assert not (out / ".lock").exists()


def test_an_older_writers_interrupted_swap_is_finished_by_the_next_ingest(tmp_path):
    """A dataset of plain files whose writer (an older fichas) was killed mid-swap, with
    `.pending`: the next ingest finishes that swap, then makes the folder versioned."""
    newer = tmp_path / "newer"
    assert run_ingest([SAMPLE_DIR / F2021, SAMPLE_DIR / F2023], newer, echo=quiet)
    out = dataset_copy(newer, tmp_path)  # plain files
    pending = out / PENDING
    pending.mkdir()
    older = tmp_path / "older"
    assert run_ingest([SAMPLE_DIR / F2021], older, echo=quiet)
    for i, name in enumerate(TABLES):  # the new files half moved into place already
        if i >= 4:
            os.replace(out / f"{name}.parquet", pending / f"{name}.parquet")
            shutil.copy(older / f"{name}.parquet", out / f"{name}.parquet")
    read_dataset(out)  # a reader reads what is there, and never writes
    assert pending.exists()
    assert run_ingest([SAMPLE_DIR / F2023], out, echo=quiet)
    assert read_dataset(out)["fichas"].num_rows == 2
    assert not pending.exists() and (out / CURRENT).is_symlink()


def test_second_ingest_at_once_is_refused_clearly(tmp_path):
    out = tmp_path / "ds"
    assert run_ingest([SAMPLE_DIR / F2021], out, echo=quiet)
    lines: list[str] = []
    with write_lock(out):
        assert run_ingest([SAMPLE_DIR / F2023], out, echo=lines.append) is False
    assert any("otro proceso" in line and "está escribiendo" in line for line in lines)
    assert read_dataset(out)["fichas"].num_rows == 1


def test_readers_see_old_or_new_never_an_error(tmp_path):
    """Read the dataset in a loop while another process replaces it, over and over."""
    out = tmp_path / "ds"
    assert run_ingest([SAMPLE_DIR / F2021], out, echo=quiet)
    writer = subprocess.Popen(
        [
            sys.executable,
            "-c",
            textwrap.dedent(
                """
                import sys
                from fichas_tui.ingest.pipeline import run_ingest
                for i in range(6):
                    run_ingest([sys.argv[i % 2 + 1]], sys.argv[3], echo=lambda *a, **k: None)
                """
            ),
            str(SAMPLE_DIR / F2023),
            str(SAMPLE_DIR / F2021),
            str(out),
        ]
    )
    import duckdb

    con = duckdb.connect()
    reads = 0
    deadline = time.time() + 30
    while writer.poll() is None and time.time() < deadline:
        for name in ("fichas", "budget", "regions"):
            path = (out / f"{name}.parquet").as_posix()
            con.execute(f"SELECT count(*) FROM read_parquet('{path}')").fetchone()
            reads += 1
    writer.wait(timeout=30)
    assert writer.returncode == 0
    assert reads > 0
