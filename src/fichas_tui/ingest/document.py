"""A ficha's lines with the look-ups every layout needs: headings, tables, paragraphs."""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable
from functools import lru_cache
from itertools import accumulate

from .markup import cells, heading_keys, normalize_text, plain
from .provenance import Row

# A line that starts a footnote under a table: `* Cobertura: ...`, `\*\* N/A: ...`, `<sup>1</sup>`.
_FOOTNOTE_RE = re.compile(r"^\s*(?:\\?\*)+\s|^\s*<sup>")


MIN_LITERAL = 4
_SPECIAL = set("\\()[]{}?*+|^$.")
# What can match a line break: a pattern with none of these matches within one key.
_CROSSES_LINES = ("\\s", "\\W", "\\D", "[^", "\\n", "(?")


def _branches(pattern: str) -> list[tuple[str, list[str]]] | None:
    """Each top-level alternative as (the plain run right after its leading `^`, or "";
    every plain run it must contain). None when the pattern sets flags.

    `^(EVOLUCION )?GASTO POR BENEFICIARIO` -> [("", ["", "", "GASTO POR BENEFICIARIO"])];
    `^EFICACIA COMPONENTES?` -> [("EFICACIA COMPONENTE", [...])]: a character a quantifier
    applies to is not part of a run.
    """
    if "(?" in pattern:
        return None
    branches: list[tuple[str, list[str]]] = []
    runs: list[str] = []
    run = lead = ""
    depth = 0
    branch_start = 0
    leading = False  # the run being read follows the branch's leading `^`
    i = 0
    while i <= len(pattern):
        c = pattern[i] if i < len(pattern) else "|"
        if depth == 0 and c not in _SPECIAL:
            run += c
            i += 1
            continue
        if c in "?*+{":  # the character before is optional or repeated
            run = run[:-1]
        runs.append(run)
        if leading:
            lead = run
        leading = c == "^" and i == branch_start and depth == 0
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
            branches.append((lead, runs))
            runs, lead, branch_start = [], "", i + 1
        i += 1
    return branches


@lru_cache(maxsize=512)
def required_text(pattern: str) -> tuple[str, ...] | None:
    """Strings one of which every match of `pattern` contains (one per top-level branch).

    `^(EVOLUCION )?GASTO POR BENEFICIARIO` -> (`GASTO POR BENEFICIARIO`,); `^A X|^B Y` ->
    (`A X`, `B Y`). None when a branch has no plain run of MIN_LITERAL characters, or the
    pattern sets flags. Most headings are absent from most fichas: one `str.find` tells.
    """
    branches = _branches(pattern)
    if branches is None:
        return None
    needles = tuple(max(runs, key=len) for _lead, runs in branches)
    return needles if all(len(n) >= MIN_LITERAL for n in needles) else None


@lru_cache(maxsize=512)
def line_prefixes(pattern: str) -> tuple[str, ...] | None:
    """The literal every match starts a line with, one per branch (`^NOMBRE DEL PROGRAMA`,
    `^INFLATORES|^INFLADORES`), or None when a branch does not start with `^` and one."""
    branches = _branches(pattern)
    if branches is None or any(x in pattern for x in _CROSSES_LINES):
        return None
    leads = tuple(lead for lead, _runs in branches)
    return leads if all(len(lead) >= MIN_LITERAL for lead in leads) else None


@lru_cache(maxsize=512)
def _plan(pattern: str):
    """How to search for a pattern: (regex, line prefixes, required strings, whether the
    pattern is only a literal, whether a match stays within one line)."""
    needles = required_text(pattern)
    literal = needles == (pattern,)
    one_line = not any(x in pattern for x in _CROSSES_LINES)
    # MULTILINE: `^` and `$` anchor at each line of the joined key text.
    regex = re.compile(pattern, re.MULTILINE)
    return regex, line_prefixes(pattern), needles, literal, one_line


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
        # Where each key starts in it; C iterators only (this runs for every ficha).
        self._offsets = list(accumulate(map((1).__add__, map(len, self.keys[:-1])), initial=0))
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
        regex, prefixes, needles, literal, one_line = _plan(pattern)
        keytext, offsets = self._keytext, self._offsets
        pos = offsets[start] if start > 0 else 0
        endpos = len(keytext) if end is None or end >= n else offsets[end] - 1
        if prefixes is not None:  # only lines whose key starts with a prefix can match
            best = None
            for prefix in prefixes:
                at = keytext.find(prefix, pos, endpos)
                while at >= 0:
                    if at == 0 or keytext[at - 1] == "\n":
                        i = bisect_right(offsets, at) - 1
                        if best is not None and i >= best:
                            break
                        if regex.match(self.keys[i]):
                            best = i
                            break
                    at = keytext.find(prefix, at + 1, endpos)
            return best
        if needles is not None:  # a match contains one of them: search from the first
            first = -1
            for needle in needles:
                at = keytext.find(needle, pos, endpos)
                if at >= 0 and (first < 0 or at < first):
                    first = at
            if first < 0:
                return None
            if literal:
                return bisect_right(offsets, first) - 1
            if one_line:
                pos = offsets[bisect_right(offsets, first) - 1]
        found = regex.search(keytext, pos, endpos)
        return None if found is None else bisect_right(offsets, found.start()) - 1

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
        """The tab-separated rows from line `start` on (each a Row knowing its line), and the
        index after the last one.

        The table ends at a line without a tab. Up to `gaps` blank lines are skipped when the
        next non-blank line is still a row that `keep` accepts (a PDF page break inside a table).
        """
        rows: list[list[str]] = []  # Rows: each knows its line (provenance.Row)
        i = start
        n = len(self.lines)
        while i < n:
            line = self.lines[i]
            if "\t" in line:
                row = line.rstrip()  # `cells(line)`, inlined: tables are most of a ficha
                rows.append(Row(row.split("\t") if row else (), i))
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
