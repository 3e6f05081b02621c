"""Oversized fichas (tens of thousands of rows in one table) are read up to a cap, with a note."""

from __future__ import annotations

import subprocess
import sys

import pytest
from click.testing import CliRunner

from fichas_tui.cli.commands import main
from fichas_tui.data.bounds import INDICATOR_LIMIT, ROW_LIMIT
from fichas_tui.data.queries import Store
from fichas_tui.views.read_limits import notes as warnings
from tests.helpers import FIXTURE, oversized_dataset

PROGRAM = "residencia-familiar-adolescentes"


@pytest.fixture(scope="module")
def huge(tmp_path_factory):
    """46,000 indicator rows in one ficha (the issue's 4.9 MB ficha) and 2,000,000 budget rows."""
    return oversized_dataset(
        tmp_path_factory.mktemp("huge") / "ds", indicators=46_000, budget=2_000_000
    )


def test_detail_reads_up_to_the_cap_and_says_how_many_were_left_out(huge):
    with Store.open(FIXTURE) as fixture:
        clean = fixture.detail(PROGRAM)
        n_fichas = len(clean.fichas)
    with Store.open(huge) as store:
        detail = store.detail(PROGRAM)  # minutes and gigabytes before the caps
    cuts = {(c.table, c.unit): c for c in detail.truncated}
    # every row of the fixture, plus the added ones; the cap keeps ROW_LIMIT per ficha
    with Store.open(huge) as store:
        rows = {
            table: store.query(f"SELECT count(*) FROM {table} WHERE ficha_id IN ?", [ids])[0][0]
            for table, ids in (
                ("indicators", [f.ficha_id for f in clean.fichas]),
                ("budget", [clean.ficha.ficha_id]),
            )
        }
    assert rows["budget"] > 2_000_000 and rows["indicators"] > 46_000
    assert set(cuts) == {
        ("indicators", "filas"),
        ("budget", "filas"),
        ("indicators", "indicadores"),
    }
    assert cuts["indicators", "filas"].total == rows["indicators"]
    assert cuts["indicators", "filas"].shown == ROW_LIMIT * n_fichas
    assert cuts["budget", "filas"].total == rows["budget"]
    assert cuts["budget", "filas"].shown == ROW_LIMIT
    assert cuts["indicators", "indicadores"].shown == INDICATOR_LIMIT == len(detail.indicators)
    # the rows kept, ROW_LIMIT * 2, hold about half as many distinct indicators
    assert cuts["indicators", "indicadores"].total > INDICATOR_LIMIT
    # what was kept is the start of the ficha's own order: its real indicators come first
    assert [i.name for i in detail.indicators[: len(clean.indicators)]] == [
        i.name for i in clean.indicators
    ]
    notes = [(w.topic, w.text) for w in warnings(detail) if "se muestran" in w.text]
    assert sorted(topic for topic, _ in notes) == ["indicadores", "indicadores", "presupuesto"]
    expected = f"se muestran {ROW_LIMIT * n_fichas:,} de {rows['indicators']:,} filas"
    assert any(expected.replace(",", ".") in text for _, text in notes)


def test_no_limit_reads_everything(tmp_path):
    # past both caps (rows per ficha, indicators), like `huge`, at a fraction of its cost
    folder = oversized_dataset(tmp_path / "ds", indicators=2 * ROW_LIMIT + 40)
    with Store.open(folder) as store:
        capped = store.detail(PROGRAM, tables={"indicators"})
        detail = store.detail(PROGRAM, tables={"indicators"}, limit=None)
        rows = store.query(
            "SELECT count(DISTINCT indicator) FROM indicators WHERE ficha_id = ?",
            [detail.ficha.ficha_id],
        )[0][0]
    assert capped.truncated and len(capped.indicators) == INDICATOR_LIMIT
    assert detail.truncated == ()
    assert len(detail.indicators) == rows > INDICATOR_LIMIT


def test_real_fichas_are_never_cut():
    with Store.open(FIXTURE) as store:
        for program in store.programs():
            assert store.detail(program.program_id).truncated == ()


# `fichas show`, then its own peak memory (VmHWM belongs to the process image: a fork of this
# large test process does not count, unlike ru_maxrss) on the last line of stderr.
PEAK_SCRIPT = """
import re, sys
from fichas_tui.cli.commands import main
try:
    main(sys.argv[1:])
finally:
    status = open("/proc/self/status").read()
    sys.stderr.write("\\nVmHWM " + re.search(r"VmHWM:\\s+(\\d+)", status).group(1) + "\\n")
"""


def test_show_is_bounded_in_memory(huge):
    """Its time: benchmarks/bounds.py."""
    result = subprocess.run(
        [sys.executable, "-c", PEAK_SCRIPT, "show", PROGRAM, "--data", str(huge)],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    peak_kib = int(result.stderr.rsplit("VmHWM ", 1)[1])
    assert peak_kib < 300_000  # 4.5 GB before with 20 M budget rows
    assert "Aviso: indicadores:" in result.stderr and "--todo" in result.stderr
    assert "Aviso: presupuesto:" in result.stderr


def test_show_todo_shows_every_row(tmp_path):
    folder = oversized_dataset(tmp_path / "ds", indicators=2 * ROW_LIMIT + 40)
    capped = CliRunner().invoke(main, ["show", PROGRAM, "--data", str(folder)])
    everything = CliRunner().invoke(main, ["show", PROGRAM, "--todo", "--data", str(folder)])
    assert capped.exit_code == everything.exit_code == 0
    last = f"Indicador {ROW_LIMIT + 19}"  # the last added indicator, past both limits
    assert last in everything.output and last not in capped.output
    assert "Aviso" not in everything.output
