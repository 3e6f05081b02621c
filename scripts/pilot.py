"""Pilot steps shared by the tests (tests/helpers.py) and scripts/screenshots.py: the keys that
open a program, settling after keys, and a cursor that does not blink.

Kept in scripts/ so a script never imports the test suite; the tests import it from here.
"""

from __future__ import annotations


def open_keys(text: str) -> tuple[str, ...]:
    """Keys that filter the list by `text` and open the highlighted program (one Enter)."""
    return ("slash", *text, "enter")


async def workers_done(app) -> None:
    """Wait for every worker. An exclusive worker replaced by a newer one is cancelled (a stale
    read): waiting on it raises WorkerCancelled, so wait again for the ones left."""
    from textual.worker import WorkerCancelled

    for _ in range(10):
        try:
            await app.workers.wait_for_complete()
            return
        except WorkerCancelled:
            continue


def _busy(app) -> bool:
    """A worker still running, or a program waiting for the typing pause to be read."""
    return getattr(app.screen, "read_pending", False) or any(w.is_running for w in app.workers)


async def settle(pilot) -> None:
    """Let queued messages, a read waiting for the typing pause, and every query worker
    finish: settled once two rounds of messages in a row find nothing under way (a worker's
    result, handled, may start a timer or another worker)."""
    quiet = 0
    for _ in range(200):  # a bound, never a hang: the longest wait is the 0.2 s typing pause
        await pilot.pause()
        if _busy(pilot.app):
            quiet = 0
            await workers_done(pilot.app)
            await pilot.pause(0.01)
        else:
            quiet += 1
            if quiet == 2:
                return


async def press(pilot, *keys: str) -> None:
    """Press the keys, each after the workers the previous one started have finished, then
    settle. Waiting on workers (not on a clock) keeps the tests exact under any load; a test that
    needs two keys to race presses them with `pilot.press` itself."""
    for key in keys:
        await pilot.press(key)
        await workers_done(pilot.app)
    await settle(pilot)


def quick_idle(monkeypatch) -> None:
    """Pilot's idle check in 5 ms windows instead of 20 ms (same 5 % CPU threshold).

    Textual's pilot waits, after every key, until the process used under 5 % of a window's CPU
    (textual._wait, private): two windows per key at least, 40 ms. With 5 ms windows a program
    opened by typing its name costs 0.43 s instead of 1.1 s, and the suite about a third less.
    Settling on workers (settle) is what the tests rely on for results, not this wait.
    tests/tui/test_compat.py fails if Textual renames these names."""
    import textual._wait as wait

    monkeypatch.setattr(wait, "SLEEP_GRANULARITY", 1 / 200)
    monkeypatch.setattr(wait, "SLEEP_IDLE", 1 / 200 / 20)


def steady_cursor() -> None:
    """No blinking cursor in inputs: its phase depends on timing, screenshots must not."""
    from textual.widgets import Input

    Input._toggle_cursor = lambda self: None
