"""The write lock dies with its holder; an ingest's workers die with the ingest; signals stop it."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from fichas_tui.data import dataset
from fichas_tui.data.dataset import DatasetError, DatasetLocked, write_lock
from fichas_tui.data.versions import VERSIONS
from tests.helpers import F2023, SAMPLE_DIR

HOLD_LOCK = textwrap.dedent(
    """
    import sys, time
    from fichas_tui.data.dataset import write_lock
    with write_lock(sys.argv[1]):
        print("held", flush=True)
        time.sleep(60)
    """
)


@pytest.fixture
def holder(tmp_path):
    """Another process holding the lock of tmp_path/ds (killed at the end)."""
    folder = tmp_path / "ds"
    proc = subprocess.Popen(
        [sys.executable, "-c", HOLD_LOCK, str(folder)], stdout=subprocess.PIPE, text=True
    )
    assert proc.stdout.readline().strip() == "held"
    yield folder, proc
    proc.kill()
    proc.wait()


def test_a_dead_pid_in_the_lock_file_takes_nothing_over(holder):
    """The PID file said a dead process held it: a second ingest took over the live one's
    lock (and removed its staging). The lock is the OS's now; what the file says is a hint."""
    folder, _proc = holder
    (folder / dataset.LOCK).write_text("999999999")  # no such process
    with pytest.raises(DatasetLocked), write_lock(folder):
        pass


def test_a_killed_holder_releases_the_lock_at_once(holder):
    folder, proc = holder
    proc.kill()
    proc.wait()
    with write_lock(folder):  # no stale lock to detect, nothing to delete
        assert (folder / dataset.LOCK).read_text() == str(os.getpid())
    assert not (folder / dataset.LOCK).exists()


def test_a_link_planted_at_the_lock_is_never_followed(tmp_path):
    folder = tmp_path / "ds"
    folder.mkdir()
    victim = tmp_path / "victim"
    victim.write_text("precious")
    (folder / dataset.LOCK).symlink_to(victim)
    with pytest.raises(DatasetError, match="enlace simbólico"), write_lock(folder):
        pass
    assert victim.read_text() == "precious"


def _children(pid: int) -> set[int]:
    """Processes whose parent is `pid` (from /proc)."""
    out = set()
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                stat = (entry / "stat").read_text()
            except OSError:
                continue
            if int(stat.rsplit(")", 1)[1].split()[1]) == pid:
                out.add(int(entry.name))
    return out


def _running(pid: int) -> bool:
    """Alive and not a zombie (a container's init may never reap an orphan)."""
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


def _wait_until(predicate, seconds: float = 30) -> bool:
    for _ in range(int(seconds / 0.02)):
        if predicate():
            return True
        time.sleep(0.02)
    return predicate()


@pytest.fixture
def many_fichas(tmp_path) -> Path:
    """Enough fichas that two workers are busy for a while."""
    folder = tmp_path / "in"
    folder.mkdir()
    data = (SAMPLE_DIR / F2023).read_bytes()
    for i in range(1200):
        (folder / f"f{i:04}.txt").write_bytes(data + f"\nNota {i}\n".encode())
    return folder


def _start_ingest(many_fichas: Path, out: Path) -> tuple[subprocess.Popen, set[int]]:
    proc = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "fichas_tui",
            "ingest",
            str(many_fichas),
            "--data",
            str(out),
            "--workers",
            "2",
            "--quiet",
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    assert _wait_until(lambda: len(_children(proc.pid)) >= 2), "the workers never started"
    return proc, _children(proc.pid)


@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="reads /proc")
def test_workers_die_when_the_ingest_is_killed(many_fichas, tmp_path):
    proc, workers = _start_ingest(many_fichas, tmp_path / "ds")
    proc.kill()  # kill -9: no handler runs in the ingest
    proc.wait()
    assert _wait_until(lambda: not any(map(_running, workers)), 15), "orphaned workers"


@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="reads /proc")
@pytest.mark.parametrize(("signum", "status"), [(signal.SIGTERM, 143), (signal.SIGINT, 130)])
def test_a_signal_stops_the_pool_at_once(many_fichas, tmp_path, signum, status):
    out = tmp_path / "ds"
    proc, workers = _start_ingest(many_fichas, out)
    proc.send_signal(signum)
    _, stderr = proc.communicate(timeout=30)
    assert proc.returncode == status, stderr
    name = signal.Signals(signum).name
    assert f"ERROR interrumpido ({name}); el dataset anterior se conserva" in stderr
    assert "Traceback" not in stderr
    assert _wait_until(lambda: not any(map(_running, workers)), 15)
    assert not list(out.glob(f"{VERSIONS}/*")) and not (out / dataset.LOCK).exists()
