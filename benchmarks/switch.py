"""Program switch alone: wall time and the explorer's CPU time per switch, per tab.

    .venv/bin/python benchmarks/switch.py DATA [--switches 20] [--tabs 12345] [--profile OUT]

Runs `fichas --data DATA` in a 120x40 pty (benchmarks/harness), shows each tab, goes back to
the list and moves its cursor down one program at a time, as benchmarks/run.py does. Wall: key
-> the last screen change before 0.25 s of calm. CPU: the explorer process's user + system
time over the same span (from /proc), less sensitive to other processes than wall time.
With --profile the explorer runs under cProfile (main thread) and the stats go to OUT.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from harness.dataset import NameFinder, load_programs  # noqa: E402
from harness.measure import (  # noqa: E402
    COLUMNS,
    LINES,
    SWITCH_QUIET,
    detail_shown,
    header_names,
    header_rows,
    list_filled,
    percentile,
)
from harness.pty_screen import PtyScreen  # noqa: E402

TICK = os.sysconf("SC_CLK_TCK")


def cpu_seconds(pid: int) -> float:
    """User + system time of a process (and its finished threads), in seconds."""
    with open(f"/proc/{pid}/stat") as fh:
        fields = fh.read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / TICK


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("data", type=Path)
    ap.add_argument("--switches", type=int, default=20, help="per tab")
    ap.add_argument("--tabs", default="12345")
    ap.add_argument("--profile", type=Path)
    args = ap.parse_args(argv)
    programs = load_programs(args.data)
    finder = NameFinder(programs)
    command = [sys.executable]
    if args.profile:
        command += ["-m", "cProfile", "-o", str(args.profile)]
    command += ["-m", "fichas_tui", "--data", str(args.data)]
    screen = PtyScreen(command, columns=COLUMNS, lines=LINES)
    results: dict[str, tuple[list[float], list[float]]] = {}
    try:
        start = screen.wait_until(detail_shown(finder), 60)
        if start.at is None:
            print("the detail never showed", file=sys.stderr)
            return 1
        print(f"detail visible after {start.at - screen.started:.3f} s")
        screen.wait_until(list_filled(finder, 3), 10)
        screen.settle(0.5, 15)
        for tab in args.tabs:
            screen.write(tab)
            screen.settle(0.3, 5)
            screen.write(b"\x1b")  # back to the list, the tab stays
            screen.settle(0.3, 5)
            walls: list[float] = []
            cpus: list[float] = []
            for _ in range(args.switches):
                before = header_rows(screen.rows())

                def changed(rows: list[str], before: list[str] = before) -> bool:
                    return header_rows(rows) != before and bool(header_names(finder, rows))

                cpu0 = cpu_seconds(screen.proc.pid)
                sent = screen.write(b"\x1b[B")
                waited = screen.wait_until(changed, 5, quiet=SWITCH_QUIET)
                cpus.append(1000 * (cpu_seconds(screen.proc.pid) - cpu0))
                if waited.at is not None:
                    walls.append(1000 * (waited.last_change - sent))
            results[tab] = (walls, cpus)
    finally:
        screen.write(b"\x1b")
        screen.settle(0.2, 2)
        screen.close(quit_keys=b"q", timeout=10)
    every_wall = [w for walls, _ in results.values() for w in walls]
    every_cpu = [c for _, cpus in results.values() for c in cpus]
    print(f"load average {os.getloadavg()[0]:.2f}; CPU ms are in 1/{TICK} s ticks")
    for tab, (walls, cpus) in results.items():
        print(
            f"tab {tab}: wall p50 {statistics.median(walls):6.1f} p95 {percentile(walls, 95):6.1f}"
            f" ms · CPU mean {statistics.mean(cpus):6.1f} p95 {percentile(cpus, 95):6.1f} ms"
        )
    print(
        f"all:   wall p50 {statistics.median(every_wall):6.1f} p95 "
        f"{percentile(every_wall, 95):6.1f} ms · CPU mean {statistics.mean(every_cpu):6.1f} "
        f"p95 {percentile(every_cpu, 95):6.1f} ms ({len(every_wall)} switches)"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
