"""The program list's text filter over a prebuilt list of search keys, narrowing as you type.

At 200,000 programs a keystroke must answer in well under 100 ms. Each word is looked for with
one `in` per key over a plain list of strings (no per-program attribute access, no generator
per program), and a query that only extends the previous one (`resid` -> `reside`,
`residencia` -> `residencia f`) is looked for among the previous matches only.
"""

from __future__ import annotations

import threading
from collections.abc import Sequence


class KeyIndex:
    """Positions of the keys holding every word; remembers the last answer to narrow from."""

    def __init__(self, keys: Sequence[str]) -> None:
        self._keys = list(keys)
        self._lock = threading.Lock()
        self._last: tuple[tuple[str, ...], list[int]] | None = None

    def __len__(self) -> int:
        return len(self._keys)

    def matching(self, words: Sequence[str]) -> list[int] | None:
        """Positions (ascending) of the keys that contain every word; None: every key."""
        wanted = tuple(sorted(set(words), key=len, reverse=True))  # rarest (longest) first
        if not wanted:
            return None
        with self._lock:
            last = self._last
        if last is not None and last[0] == wanted:
            return last[1]
        keys = self._keys
        if last is not None and _narrows(last[0], wanted):
            # every key holding the new words holds the old ones: only the old matches qualify
            found = last[1]
            rest = wanted
        else:
            found = [i for i, key in enumerate(keys) if wanted[0] in key]
            rest = wanted[1:]
        for word in rest:
            found = [i for i in found if word in keys[i]]
        with self._lock:
            self._last = (wanted, found)
        return found


def _narrows(old: tuple[str, ...], new: tuple[str, ...]) -> bool:
    """Whether every key containing all of `new` also contains all of `old`."""
    return all(any(o in n for n in new) for o in old)
