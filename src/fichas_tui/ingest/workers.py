"""The ingest's worker processes: they die with the ingest, and a signal stops the pool at once."""

from __future__ import annotations

import contextlib
import os
import signal
import sys
import threading
from concurrent.futures import ProcessPoolExecutor

PR_SET_PDEATHSIG = 1  # <linux/prctl.h>
PARENT_POLL_SECONDS = 1.0  # elsewhere: how often a worker checks that its parent lives
# Besides SIGINT (Ctrl+C), these stop an ingest (and are reset to their default in workers).
STOP_SIGNALS = ("SIGTERM", "SIGHUP")


class Interrupted(Exception):
    """The ingest got a signal that ends it (SIGINT, SIGTERM, SIGHUP); `signum` says which."""

    def __init__(self, signum: int) -> None:
        super().__init__(signal.Signals(signum).name)
        self.signum = signum


@contextlib.contextmanager
def stop_on_signals():
    """While the ingest runs, SIGINT, SIGTERM and SIGHUP raise Interrupted in the main thread,
    so the pool is torn down and the staging folder removed (SIGTERM's default action would
    kill this process and leave both behind).

    Yields a check to call between steps: an exception raised by a handler inside a finalizer
    or a fork hook is swallowed by Python ("Exception ignored in ..."), and the ingest would
    run on; the check raises it again.
    """
    got: list[int] = []

    def check() -> None:
        if got:
            raise Interrupted(got[0])

    if threading.current_thread() is not threading.main_thread():
        yield check
        return

    def stop(signum, _frame):
        got.append(signum)
        raise Interrupted(signum)

    previous = {}
    for name in ("SIGINT", *STOP_SIGNALS):
        number = getattr(signal, name, None)
        if number is not None:
            previous[number] = signal.signal(number, stop)
    try:
        yield check
    finally:
        for number, handler in previous.items():
            signal.signal(number, handler)


def _die_with(parent: int) -> None:
    """Pool initializer: end this worker when `parent` (the ingest) ends, however it ends."""
    # Ctrl+C reaches the whole process group: the ingest decides, its workers do not print
    # tracebacks of their own. A forked worker also inherits the ingest's SIGTERM handler.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    for name in STOP_SIGNALS:
        if hasattr(signal, name):
            signal.signal(getattr(signal, name), signal.SIG_DFL)
    if sys.platform.startswith("linux"):
        with contextlib.suppress(OSError, AttributeError):
            import ctypes

            libc = ctypes.CDLL(None, use_errno=True)
            libc.prctl(PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)
    else:  # no parent-death signal: watch for being handed to another parent
        threading.Thread(target=_watch_parent, args=(parent,), daemon=True).start()
    if os.getppid() != parent:  # the parent died before the line above took effect
        os._exit(1)


def _watch_parent(parent: int) -> None:
    import time

    while os.getppid() == parent:
        time.sleep(PARENT_POLL_SECONDS)
    os._exit(1)


@contextlib.contextmanager
def worker_pool(workers: int):
    """A process pool whose workers die with this process; left early (an exception, a
    generator closed) the workers are killed instead of finishing their chunks."""
    pool = ProcessPoolExecutor(max_workers=workers, initializer=_die_with, initargs=(os.getpid(),))
    try:
        yield pool
    except BaseException:
        _kill(pool)
        raise
    pool.shutdown(wait=True)


def _kill(pool: ProcessPoolExecutor) -> None:
    # The executor has no public way to stop running tasks; its process table is the only
    # handle on them (stable from Python 3.8 to 3.13).
    processes = list((getattr(pool, "_processes", None) or {}).values())
    # Its manager thread too: on Python 3.11 it closes its wake-up pipe as it ends, and the
    # executor's atexit hook writing to that pipe printed a traceback after Ctrl+C. Joined here,
    # the thread is gone (and unlisted) before the interpreter exits.
    manager = getattr(pool, "_executor_manager_thread", None)
    pool.shutdown(wait=False, cancel_futures=True)
    for process in processes:
        with contextlib.suppress(Exception):
            process.kill()
    for process in processes:
        with contextlib.suppress(Exception):
            process.join(timeout=5)
    if manager is not None:
        manager.join(timeout=5)


__all__ = ["Interrupted", "stop_on_signals", "worker_pool"]
