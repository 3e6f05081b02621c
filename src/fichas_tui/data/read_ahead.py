"""One program read ahead of the user (the list's next row), handed over once to the read asking
for it: moving down the list then shows a program without waiting for its queries."""

from __future__ import annotations

import threading
from collections.abc import Callable, Hashable
from typing import Generic, TypeVar

T = TypeVar("T")

# How long a read asking for the program being read ahead waits for it (it is usually done).
WAIT = 1.0


class ReadAhead(Generic[T]):
    """At most one result read ahead, by key; taken once, then forgotten."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._key: Hashable | None = None
        self._done = threading.Event()
        self._result: T | None = None

    def run(self, key: Hashable, read: Callable[[], T | None]) -> None:
        """Call `read` now (in a worker thread) and keep what it returns for take(key); an
        error keeps nothing, so the read that asks repeats it and reports it."""
        with self._lock:
            if self._key == key:
                return  # read already, or being read
            done = threading.Event()
            self._key, self._done, self._result = key, done, None
        result: T | None = None
        try:
            result = read()
        finally:
            with self._lock:
                if self._key == key:
                    self._result = result
                    if result is None:
                        self._key = None
            done.set()

    def take(self, key: Hashable) -> T | None:
        """What was read ahead for `key` (waiting for a read in progress), once; else None."""
        with self._lock:
            if self._key != key:
                return None
            done = self._done
        done.wait(WAIT)
        with self._lock:
            if self._key != key or not done.is_set():
                return None
            result, self._key, self._result = self._result, None, None
        return result

    def peek(self, key: Hashable) -> T | None:
        """What was read ahead for `key` if the read is done; it stays for take(key)."""
        with self._lock:
            return self._result if self._key == key and self._done.is_set() else None

    def clear(self) -> None:
        with self._lock:
            self._key, self._result = None, None
