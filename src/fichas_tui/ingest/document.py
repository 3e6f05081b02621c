"""A ficha's lines with the look-ups every layout needs: headings, tables, paragraphs."""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable
from functools import lru_cache
from itertools import accumulate

from .markup import cells, heading_keys, normalize_text, plain

# A line that starts a footnote under a table: `* Cobertura: ...`, `\*\* N/A: ...`, `<sup>1</sup>`.
_FOOTNOTE_RE = re.compile(r"^\s*(?:\\?\*)+\s|^\s*<sup>")


_LEADING_LITERAL_RE = re.compile(r"\^([A-Z0-9 ]+)")
MIN_LITERAL = 4
_SPECIAL = set("\\()[]{}?*+|^$.")


@lru_cache(maxsize=512)
def _compile(pattern: str) -> re.Pattern:
    # MULTILINE: `^` and `$` anchor at each line of the joined key text.
    return re.compile(pattern, re.MULTILINE)


@lru_cache(maxsize=512)
def _literal_prefix(pattern: str) -> str | None:
    """`^NOMBRE DEL PROGRAMA` -> `NOMBRE DEL PROGRAMA`; None when no plain literal leads."""
    match = _LEADING_LITERAL_RE.match(pattern)
    if not match or "|" in pattern or len(match.group(1)) < MIN_LITERAL:
        return None
    rest = pattern[match.end() :]
    # A quantifier right after the literal would apply to its last character.
    if rest[:1] in ("?", "*", "{", "+"):
        return None
    return match.group(1)


@lru_cache(maxsize=512)
def required_text(pattern: str) -> tuple[str, ...] | None:
    """Strings one of which every match of `pattern` contains (one per top-level branch).

    `^(EVOLUCION )?GASTO POR BENEFICIARIO` -> (`GASTO POR BENEFICIARIO`,); `^A X|^B Y` ->
    (`A X`, `B Y`). None when a branch has no plain run of MIN_LITERAL characters, or the
    pattern sets flags. Most headings are absent from most fichas: one `str.find` tells.
    """
    if "(?" in pattern:
        return None
    found: list[str] = []
    runs: list[str] = []
    run = ""
    depth = 0
    i = 0
    while i <= len(pattern):
        c = pattern[i] if i < len(pattern) else "|"
        if depth == 0 and c not in _SPECIAL:
            run += c
            i += 1
            continue
        if c in "?*+{":  # the character before is optional or repeated: not part of the run
            run = run[:-1]
        runs.append(run)
        run = ""
        if c == "\\":
            i += 1  # the escaped character is no plain literal
        elif c in "[{":  # a class (`[]...]` too) or a repeat count: no plain literal
            i = pattern.find("]" if c == "[" else "}", i + 2)
            if i < 0:
                return None
        elif c == "(":
            depth += 1
        elif c == ")":
            depth -= 1
        elif c == "|" and depth == 0:
            best = max(runs, key=len)
            if len(best) < MIN_LITERAL:
                return None
            found.append(best)
            runs = []
        i += 1
    return tuple(found)


# The longest line of a real ficha is ~3,000 characters (002's HTML production tables).
# Longer ones are cut so that no pattern can take quadratic time on a damaged file.
MAX_LINE_CHARS = 20_000


class Document:
    """The normalized lines of one ficha, with their heading keys precomputed."""

    def __init__(self, text: str) -> None:
        self.text = normalize_text(text)
        self.lines = self.text.split("\n")
        self.cut_lines = 0
        if len(self.text) > MAX_LINE_CHARS and max(map(len, self.lines)) > MAX_LINE_CHARS:
            self.cut_lines = sum(1 for line in self.lines if len(line) > MAX_LINE_CHARS)
            self.lines = [line[:MAX_LINE_CHARS] for line in self.lines]
            self.text = "\n".join(self.lines)
        self.keys = heading_keys(self.lines)
        # All keys as one string, so a heading search is one pass in C, not a loop over lines.
        self._keytext = "\n".join(self.keys)
        self._offsets = list(accumulate((len(k) + 1 for k in self.keys[:-1]), initial=0))
        self._plain: list[str | None] = [None] * len(self.lines)
        self._found: dict[str, int | None] = {}

    def plain(self, i: int) -> str:
        """Line `i` as plain text, computed once: layouts read the same lines many times."""
        text = self._plain[i]
        if text is None:
            text = self._plain[i] = plain(self.lines[i])
        return text

    def has_heading(self, pattern: str) -> bool:
        """Whether any line's heading key matches."""
        return self.find(pattern) is not None

    def __len__(self) -> int:
        return len(self.lines)

    def find(self, pattern: str, start: int = 0, end: int | None = None) -> int | None:
        """Index of the first line whose heading key matches `pattern` (a regex on UPPERCASE)."""
        if start == 0 and end is None:  # the common case, asked again by several parsers
            if pattern not in self._found:
                self._found[pattern] = self._find(pattern, 0, None)
            return self._found[pattern]
        return self._find(pattern, start, end)

    def _find(self, pattern: str, start: int, end: int | None) -> int | None:
        n = len(self.lines)
        if start >= n or (end is not None and end <= start):
            return None
        keytext = self._keytext
        pos = self._offsets[max(start, 0)]
        endpos = len(keytext) if end is None or end >= n else self._offsets[end] - 1
        needles = required_text(pattern)
        if needles is not None and all(keytext.find(s, pos, endpos) < 0 for s in needles):
            return None  # a match would contain one of them
        literal = _literal_prefix(pattern)
        if literal is not None:  # only lines whose key starts with the literal can match
            regex = _compile(pattern)
            at = keytext.find(literal, pos, endpos)
            while at >= 0:
                if at == 0 or keytext[at - 1] == "\n":
                    i = bisect_right(self._offsets, at) - 1
                    if regex.match(self.keys[i]):
                        return i
                at = keytext.find(literal, at + 1, endpos)
            return None
        found = _compile(pattern).search(keytext, pos, endpos)
        return None if found is None else bisect_right(self._offsets, found.start()) - 1

    def find_all(self, pattern: str, start: int = 0, end: int | None = None) -> list[int]:
        out = []
        while (i := self.find(pattern, start, end)) is not None:
            out.append(i)
            start = i + 1
        return out

    def table(
        self,
        start: int,
        *,
        gaps: int = 0,
        keep: Callable[[list[str]], bool] | None = None,
    ) -> tuple[list[list[str]], int]:
        """The tab-separated rows from line `start` on, and the index after the last one.

        The table ends at a line without a tab. Up to `gaps` blank lines are skipped when the
        next non-blank line is still a row that `keep` accepts (a PDF page break inside a table).
        """
        rows: list[list[str]] = []
        i = start
        n = len(self.lines)
        while i < n:
            line = self.lines[i]
            if "\t" in line:
                rows.append(cells(line))
                i += 1
                continue
            if not line.strip() and gaps:
                j = i
                while j < n and not self.lines[j].strip() and j - i < gaps:
                    j += 1
                if j < n and "\t" in self.lines[j] and (keep is None or keep(cells(self.lines[j]))):
                    i = j
                    continue
            break
        return rows, i

    def next_table(self, start: int, limit: int = 6) -> tuple[list[list[str]], int]:
        """The first table that begins within `limit` lines after `start` (blank lines allowed)."""
        for i in range(start, min(start + limit + 1, len(self.lines))):
            if "\t" in self.lines[i]:
                return self.table(i)
        return [], start

    def paragraphs(self, start: int, end: int | None = None) -> list[str]:
        """The non-empty, non-heading text lines between two indexes, as plain text."""
        stop = len(self.lines) if end is None else end
        out = []
        for i in range(start, stop):
            text = self.plain(i)
            if text:
                out.append(text)
        return out

    def section_end(self, start: int, heading: Callable[[int], bool]) -> int:
        """The first line after `start` that `heading` says starts another section."""
        for i in range(start + 1, len(self.lines)):
            if heading(i):
                return i
        return len(self.lines)

    def is_footnote(self, i: int) -> bool:
        return bool(_FOOTNOTE_RE.match(self.lines[i]))
