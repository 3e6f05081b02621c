"""The time of the refusals and caps the tests check without a clock.

    .venv/bin/python benchmarks/bounds.py [--runs 5]

- `fichas` with stdin from /dev/null (ssh without -t, cron) refuses with its message and exit 2:
  wall time per run (was under 2 s when tests/cli/test_cli.py timed it).
- `fichas show` on an oversized ficha (46,000 indicator rows, 2,000,000 budget rows; made with
  tests/helpers.oversized_dataset): wall time and peak memory (43-54 s and 0.9 GB before the
  row caps of data/bounds.py; tests/data/test_bounds.py checks the memory and the warnings).
- The explorer opening that program's Indicadores tab in Textual's pilot (over 120 s before).
"""

from __future__ import annotations

import argparse
import asyncio
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tests.helpers import RESIDENCIA, oversized_dataset, press, settle  # noqa: E402

PROGRAM = "residencia-familiar-adolescentes"


def no_terminal() -> float:
    start = time.perf_counter()
    with open(os.devnull) as stdin:
        result = subprocess.run(
            [sys.executable, "-m", "fichas_tui"], stdin=stdin, capture_output=True, timeout=60
        )
    elapsed = time.perf_counter() - start
    assert result.returncode == 2, result.stderr
    return elapsed


def show(folder: Path) -> tuple[float, int]:
    script = (
        "import re, sys\nfrom fichas_tui.cli.commands import main\ntry:\n    main(sys.argv[1:])\n"
        "finally:\n    status = open('/proc/self/status').read()\n"
        "    sys.stderr.write('\\nVmHWM ' + re.search(r'VmHWM:\\s+(\\d+)', status).group(1))\n"
    )
    start = time.perf_counter()
    result = subprocess.run(
        [sys.executable, "-c", script, "show", PROGRAM, "--data", str(folder)],
        capture_output=True,
        text=True,
        timeout=600,
    )
    elapsed = time.perf_counter() - start
    assert result.returncode == 0, result.stderr
    return elapsed, int(result.stderr.rsplit("VmHWM ", 1)[1])


async def explorer(folder: Path) -> float:
    from fichas_tui.tui.app import make_app

    app = make_app(folder)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        start = time.perf_counter()
        await press(pilot, *RESIDENCIA, "3")
        return time.perf_counter() - start


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    times = [no_terminal() for _ in range(args.runs)]
    print(f"no terminal, refusal: median {statistics.median(times):.2f} s, max {max(times):.2f} s")
    with tempfile.TemporaryDirectory() as tmp:
        folder = oversized_dataset(Path(tmp) / "ds", indicators=46_000, budget=2_000_000)
        elapsed, peak = show(folder)
        print(f"show, oversized ficha: {elapsed:.1f} s, peak {peak / 1024:.0f} MB")
        print(f"explorer, its Indicadores tab: {asyncio.run(explorer(folder)):.1f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
