"""Reading the next program ahead: handed over once, to the same read only, never an error."""

from __future__ import annotations

import threading
import time

import pytest

from fichas_tui.data.queries import Store
from fichas_tui.data.read_ahead import ReadAhead
from tests.helpers import FIXTURE


def test_taken_once_and_only_for_its_key():
    ahead = ReadAhead()
    ahead.run("a", lambda: {"program": "a"})
    assert ahead.take("b") is None
    assert ahead.take("a") == {"program": "a"}
    assert ahead.take("a") is None  # once: a later read goes to the files again


def test_a_failed_read_leaves_nothing():
    ahead = ReadAhead()

    def fail():
        raise OSError("gone")

    with pytest.raises(OSError):
        ahead.run("a", fail)
    assert ahead.take("a") is None


def test_take_waits_for_the_read_in_progress():
    ahead = ReadAhead()
    started = threading.Event()

    def slow():
        started.set()
        time.sleep(0.2)
        return "done"

    worker = threading.Thread(target=ahead.run, args=("a", slow))
    worker.start()
    started.wait(5)
    assert ahead.take("a") == "done"
    worker.join(5)


def test_the_store_hands_over_the_same_read():
    tables = ("budget", "subtitles", "components")
    with Store.open(FIXTURE) as store:
        pid = "alimentacion-escolar"
        store.read_ahead(pid, tables=tables)
        ahead = store.detail(pid, partial=True, tables=tables)
        again = store.detail(pid, partial=True, tables=tables)
        assert ahead == again  # the same figures as a read from the files
        assert ahead.budget and ahead.tables == frozenset(tables)
        # another tab's tables or another year are not the read made ahead
        store.read_ahead(pid, tables=tables)
        other = store.detail(pid, partial=True, tables=("regions",))
        assert other.tables == frozenset({"regions"})
        assert store.detail(pid, 2019, partial=True, tables=tables).year == 2019
