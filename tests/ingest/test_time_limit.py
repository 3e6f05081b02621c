"""A file that takes longer than any ficha fails alone, and the alarm handler is given back."""

from __future__ import annotations

import shutil
import signal
import time

from fichas_tui.ingest import pipeline, reader
from tests.helpers import F2019, F2021, SAMPLE_DIR


def test_a_file_that_parses_too_long_fails_alone_and_the_handler_is_restored(monkeypatch, tmp_path):
    for name in (F2019, F2021):
        shutil.copy(SAMPLE_DIR / name, tmp_path / name)
    shutil.copy(SAMPLE_DIR / F2019, tmp_path / "lenta.txt")
    monkeypatch.setattr(reader, "SECONDS_PER_FILE", 0.2)
    real = reader.parse_bytes

    def slow(data, source_file, *args, **kwargs):
        if source_file == "lenta.txt":
            time.sleep(30)  # the alarm interrupts it
        return real(data, source_file, *args, **kwargs)

    monkeypatch.setattr(reader, "parse_bytes", slow)
    before = signal.getsignal(signal.SIGALRM)
    jobs = [(path, {}, None) for path in sorted(tmp_path.iterdir())]
    started = time.monotonic()
    outcomes, tables = pipeline._parse_chunk(jobs)
    assert time.monotonic() - started < 20
    errors = {o.path.name: o.error for o in outcomes}
    assert errors == {F2019: None, F2021: None, "lenta.txt": errors["lenta.txt"]}
    assert "tardó más de 0.2 s" in (errors["lenta.txt"] or "")
    assert tables["fichas"].num_rows == 2
    assert signal.getsignal(signal.SIGALRM) is before
    # One file alone (no chunk around it) installs and restores the handler itself.
    outcome, _ = reader.parse_path(tmp_path / "lenta.txt")
    assert "tardó más de 0.2 s" in (outcome.error or "")
    assert signal.getsignal(signal.SIGALRM) is before
