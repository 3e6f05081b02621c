"""The benchmark's pty screen reader works on trivial programs (no timing asserted)."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

pytest.importorskip("pyte")
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))

from harness.pty_screen import PtyScreen


def test_reads_what_a_program_prints_at_the_pty_size():
    code = "import os; s = os.get_terminal_size(); print('hola', s.columns, s.lines)"
    screen = PtyScreen([sys.executable, "-c", code], columns=120, lines=40)
    try:
        waited = screen.wait_until(lambda rows: any("hola 120 40" in r for r in rows), timeout=20)
        assert waited.ok, screen.text()
    finally:
        screen.close()


def test_close_ends_a_program_that_does_not_quit():
    screen = PtyScreen([sys.executable, "-c", "import time; time.sleep(60)"])
    screen.close(quit_keys=b"q", timeout=0.5)
    assert screen.proc.poll() is not None
    assert screen.proc.returncode < 0  # ended by a signal, not by its own 60 s sleep


def test_tree_rss_counts_a_grandchild():
    from harness.rss import run_sampled

    # the child starts a grandchild that holds 120 MB for a moment: the tree's peak sees it
    grandchild = "b = bytearray(120 * 1024 * 1024); import time; time.sleep(1.0)"
    child = f"import subprocess, sys; subprocess.run([sys.executable, '-c', {grandchild!r}])"
    run = run_sampled([sys.executable, "-c", child], timeout=60)
    assert run.returncode == 0
    assert 120 <= run.peak_tree_rss_mb < 400


def test_ratios_pair_runs_of_the_same_round():
    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))
    from run import ratios

    out = ratios([0.30, 0.40, 0.50], [0.60, 0.40, 0.25])
    assert out["ratio"] == pytest.approx(0.40 / 0.40)
    assert out["paired_min"] == pytest.approx(0.5)
    assert out["paired_max"] == pytest.approx(2.0)
    assert ratios([], [0.1]) == {}


def test_detail_shown_needs_a_program_in_the_header_and_its_pane():
    from harness.dataset import NameFinder, Program
    from harness.measure import detail_shown

    first = Program("a", "Programa Alfa de Prueba", None, None, 2020, 2020, None, "alfa")
    other = Program("b", "Programa Beta de Prueba", None, None, 2020, 2020, None, "beta")
    shown = detail_shown(NameFinder([first, other]))
    header = [" lista ▕ Programa Alfa de Prueba", " x ▕ 1 Resumen", " ▕", " ▕"]
    assert not shown([*header, " ▕ Cargando…"])
    assert not shown([" Programa Alfa de Prueba ▕", *header[1:], *[" ▕ texto"] * 5])
    assert shown([*header, " ▕ Ministerio X", " ▕ Servicio Y", " ▕ Fichas 2020"])


def test_report_marks_targets_per_dataset():
    from harness.report import rows

    base = {"programs": 10, "switch": {"p50": 20, "p95": 45}, "switch_header": {}}
    results = {"sizes": [{**base, "size": "10000"}, {**base, "size": "50000"}]}
    switch = next(r for r in rows(results) if r[0].startswith("Program switch p95"))
    assert switch[1] == "45 (≤ 40 ✗)"
    assert switch[2] == "45 (≤ 50 ✓)"


def test_report_shows_the_parse_rate_beside_the_floor():
    from harness.report import rows

    base = {
        "ingest_one_core": {"files": 10000, "cpu_seconds": 20.0},
        "ingest": {"peak_rss_mb": 420},
        "ingest_rates": {"floor_per_cpu_s": 16000, "parse_per_cpu_s": 500},
    }
    table = rows({"sizes": [{**base, "size": "50000"}]})
    by_label = {r[0]: r[1] for r in table}
    assert by_label["Ingest, 1 worker, per CPU second (fichas)"] == "500 (≥ 1,200 ✗)"
    assert by_label["Ingest peak RSS, default workers (MB)"] == "420 (≤ 400 ✗)"
    floor = by_label["Parse only / read-and-split floor (fichas per CPU s)"]
    assert floor == "500 / 16,000 (32× the floor's cost)"
