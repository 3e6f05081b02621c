"""Run a command and sample the resident memory of its whole process tree (workers included)."""

from __future__ import annotations

import os
import subprocess
import tempfile
import time
from collections.abc import Sequence
from dataclasses import dataclass

PAGE_KB = os.sysconf("SC_PAGE_SIZE") // 1024
INTERVAL = 0.05


@dataclass
class Run:
    seconds: float
    returncode: int
    stdout: str
    stderr: str
    peak_tree_rss_mb: float  # largest sum of RSS over the process and its descendants


def _children() -> dict[int, list[int]]:
    tree: dict[int, list[int]] = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat", "rb") as fh:
                stat = fh.read()
        except OSError:
            continue
        # the name field may hold spaces and parentheses: fields after the last ')'
        fields = stat[stat.rfind(b")") + 2 :].split()
        tree.setdefault(int(fields[1]), []).append(int(entry))
    return tree


def _tree_rss_kb(root: int) -> int:
    tree = _children()
    total, todo = 0, [root]
    while todo:
        pid = todo.pop()
        todo.extend(tree.get(pid, ()))
        try:
            with open(f"/proc/{pid}/statm", "rb") as fh:
                total += int(fh.read().split()[1]) * PAGE_KB
        except (OSError, IndexError, ValueError):
            continue
    return total


def run_sampled(argv: Sequence[str], timeout: float) -> Run:
    """Run `argv` to its end (killed after `timeout` s), sampling its tree's RSS meanwhile."""
    peak = 0
    # output to files, not pipes: a chatty run cannot block on a full pipe while we sample
    with tempfile.TemporaryFile("w+") as out, tempfile.TemporaryFile("w+") as err:
        t0 = time.perf_counter()
        proc = subprocess.Popen(list(argv), stdout=out, stderr=err, text=True)
        try:
            while proc.poll() is None:
                if time.perf_counter() - t0 > timeout:
                    break
                peak = max(peak, _tree_rss_kb(proc.pid))
                time.sleep(INTERVAL)
        finally:
            if proc.poll() is None:
                proc.kill()
            proc.wait()
        seconds = time.perf_counter() - t0
        out.seek(0)
        err.seek(0)
        return Run(seconds, proc.returncode, out.read(), err.read(), peak / 1024)
