"""The timed measurements, all made from outside the process through `PtyScreen`."""

from __future__ import annotations

import os
import re
import statistics
import tempfile
import time
from collections.abc import Sequence
from dataclasses import dataclass, field

from .dataset import NameFinder, Program, matches, prefix_of
from .pty_screen import PtyScreen

COLUMNS, LINES = 120, 40
PANE_DIVIDERS = "▕│┃"
FIRST_PAINT_TIMEOUT = 60.0
STEP_TIMEOUT = 5.0
SWITCH_QUIET = 0.25  # s without screen changes that ends one program switch
SETTLE_QUIET = 0.5
FILTER_QUIET = 0.15  # s of calm after a keystroke's list update before the next key
REDRAW_BYTES = 1024  # output after a key that is a redraw (the echo and a cursor blink are ~130 B)


def percentile(values: Sequence[float], pct: float) -> float | None:
    """Nearest-rank percentile (p95 of 30 samples is the 29th smallest)."""
    if not values:
        return None
    ordered = sorted(values)
    rank = max(1, min(len(ordered), round(pct / 100 * len(ordered) + 0.5 - 1e-9)))
    return ordered[rank - 1]


def summary(values: Sequence[float]) -> dict:
    if not values:
        return {"n": 0}
    return {
        "n": len(values),
        "p50": percentile(values, 50),
        "p95": percentile(values, 95),
        "min": min(values),
        "max": max(values),
        "median": statistics.median(values),
    }


def split_panes(row: str) -> tuple[str, str]:
    """(list side, detail side) of a screen row, cut at the first pane divider."""
    for i, ch in enumerate(row):
        if ch in PANE_DIVIDERS:
            return row[:i], row[i + 1 :]
    return row, ""


def list_filled(finder: NameFinder, wanted: int):
    def condition(rows: list[str]) -> bool:
        return len(finder.visible(rows)) >= wanted

    return condition


# -- first paint -------------------------------------------------------------------------------


@dataclass
class FirstPaint:
    seconds: list[float] = field(default_factory=list)
    detail_seconds: list[float] = field(default_factory=list)  # when `detail` was asked for
    timeouts: int = 0
    bytes_first: int = 0


def detail_shown(finder: NameFinder, body_rows: int = 3):
    """The detail side names a dataset program in its header (the one the list highlights at
    start) and shows at least `body_rows` rows of text under its tabs (the pane's content)."""

    def condition(rows: list[str]) -> bool:
        if not header_names(finder, rows):
            return False
        body = [split_panes(r)[1].strip() for r in rows[4:]]
        return sum(1 for r in body if r) >= body_rows

    return condition


def first_paint(
    argv: Sequence[str],
    programs: list[Program],
    runs: int,
    env: dict | None = None,
    detail: bool = False,
) -> FirstPaint:
    """exec -> at least min(3, programs) program names of the dataset visible on screen; with
    `detail`, also exec -> the first program's detail visible (see detail_shown)."""
    finder = NameFinder(programs)
    condition = list_filled(finder, min(3, len(programs)))
    shown = detail_shown(finder) if detail else None
    result = FirstPaint()
    for _ in range(runs):
        screen = PtyScreen(argv, columns=COLUMNS, lines=LINES, env=env)
        try:
            waited = screen.wait_until(condition, FIRST_PAINT_TIMEOUT)
            if waited.at is None:
                result.timeouts += 1
                continue
            result.seconds.append(waited.at - screen.started)
            result.bytes_first = result.bytes_first or screen.bytes_read
            if shown is not None:
                if shown(screen.rows()):
                    result.detail_seconds.append(waited.at - screen.started)
                else:
                    more = screen.wait_until(shown, FIRST_PAINT_TIMEOUT)
                    if more.at is None:
                        result.timeouts += 1
                    else:
                        result.detail_seconds.append(more.at - screen.started)
        finally:
            screen.close()
        time.sleep(0.2)
    return result


def visidata_env() -> dict[str, str]:
    home = tempfile.mkdtemp(prefix="vd-home-")
    env = dict(os.environ)
    env["HOME"] = home
    return env


# -- the interactive session ---------------------------------------------------------------


def _number_pattern(n: int) -> re.Pattern[str]:
    forms = {str(n), f"{n:,}", f"{n:,}".replace(",", ".")}
    alts = "|".join(re.escape(f) for f in sorted(forms, key=len, reverse=True))
    return re.compile(rf"(?<![\d.,])(?:{alts})(?![\d.,])")


def filter_condition(finder: NameFinder, typed: str, expected: list[Program]):
    """The filter box shows `typed`, the list's count is the expected one, and (when something
    matches) a matching program's name is visible on the list side."""
    count = _number_pattern(len(expected))
    wanted = {prefix_of(p.name) for p in expected}

    def condition(rows: list[str]) -> bool:
        left = [split_panes(r)[0] for r in rows]
        top = left[:3]
        if not any(r.strip().endswith(typed) for r in top):
            return False
        if not any(count.search(r) for r in top):
            return False
        return not wanted or bool(finder.visible(left[2:]) & wanted)

    return condition


def header_names(finder: NameFinder, rows: list[str]) -> set[str]:
    return finder.visible(header_rows(rows))


def header_rows(rows: list[str]) -> list[str]:
    """The detail side of the top two rows (where the selected program's name is shown)."""
    return [split_panes(r)[1] for r in rows[:2]]


@dataclass
class Session:
    first_paint: float | None = None
    filter_ms: list[float] = field(default_factory=list)
    filter_unverified: int = 0
    filter_detail_reloaded: list[bool] = field(default_factory=list)  # per sample
    switch_ms: list[float] = field(default_factory=list)
    switch_first_ms: list[float] = field(default_factory=list)
    switch_unexpected: int = 0
    switch_timeouts: int = 0
    queries: list[str] = field(default_factory=list)
    vm_hwm_kb: int | None = None
    vm_rss_kb: int | None = None
    parse_ms_per_kb: float | None = None
    notes: list[str] = field(default_factory=list)


def explorer_session(
    argv: Sequence[str],
    programs: list[Program],
    queries: list[str],
    switches_per_tab: int = 5,
    tabs: str = "1234",
) -> Session:
    """One run of the explorer: first paint, program switches on every tab, typed queries, RSS."""
    finder = NameFinder(programs)
    out = Session(queries=list(queries))
    screen = PtyScreen(argv, columns=COLUMNS, lines=LINES)
    try:
        waited = screen.wait_until(list_filled(finder, min(3, len(programs))), FIRST_PAINT_TIMEOUT)
        if waited.at is None:
            out.notes.append("the list never showed program names")
            return out
        out.first_paint = waited.at - screen.started
        # let the post-paint background work (warming tables) finish, as a user reading would
        screen.settle(SETTLE_QUIET, 15)
        time.sleep(1.0)
        screen.settle(SETTLE_QUIET, 15)
        _switches(screen, finder, programs, out, switches_per_tab, tabs)
        _filters(screen, finder, programs, out)
        out.vm_hwm_kb = screen.status_field("VmHWM")
        out.vm_rss_kb = screen.status_field("VmRSS")
        if screen.bytes_read:
            out.parse_ms_per_kb = 1000 * screen.parse_seconds / (screen.bytes_read / 1024)
    finally:
        screen.write(b"\x1b")
        screen.settle(0.2, 2)
        screen.close(quit_keys=b"q")
    return out


def _switches(
    screen: PtyScreen,
    finder: NameFinder,
    programs: list[Program],
    out: Session,
    per_tab: int,
    tabs: str,
) -> None:
    """Move the list cursor down one program at a time with each detail tab showing, timing
    key -> the detail header shows another program and the screen stays still for SWITCH_QUIET
    (the time of the last change counts, so every pane repaint after the header is included)."""
    order = [prefix_of(p.name) for p in programs]
    position = 0
    for tab in tabs:
        screen.write(tab)
        screen.settle(0.3, 5)
        screen.write(b"\x1b")  # back to the list, the tab stays active
        screen.settle(0.3, 5)
        for _ in range(per_tab):
            before = header_rows(screen.rows())
            position = min(position + 1, len(programs) - 1)
            expected = order[position]

            # another program's name in the header (whole text compared: names may share a
            # prefix, e.g. the generator's "<name> - Fase <word> 1")
            def changed(rows: list[str], before: list[str] = before) -> bool:
                return header_rows(rows) != before and bool(header_names(finder, rows))

            sent = screen.write(b"\x1b[B")
            waited = screen.wait_until(changed, STEP_TIMEOUT, quiet=SWITCH_QUIET)
            if waited.at is None:
                out.switch_timeouts += 1
                continue
            out.switch_first_ms.append(1000 * (waited.at - sent))
            out.switch_ms.append(1000 * (waited.last_change - sent))
            if expected not in header_names(finder, screen.rows()):
                out.switch_unexpected += 1


def _filters(screen: PtyScreen, finder: NameFinder, programs: list[Program], out: Session) -> None:
    """Focus the filter and type each query one key at a time, timing key -> list updated."""
    everyone = _number_pattern(len(programs))
    for query in out.queries:
        screen.write("/")
        screen.settle(0.3, 5)
        for k in range(1, len(query) + 1):
            typed = query[:k]
            condition = filter_condition(finder, typed, matches(programs, typed))
            header = header_rows(screen.rows())
            sent = screen.write(query[k - 1])
            waited = screen.wait_until(
                condition, STEP_TIMEOUT, quiet=FILTER_QUIET, min_bytes=REDRAW_BYTES
            )
            if waited.at is None:  # not the expected count: keep the last change, flagged
                out.filter_unverified += 1
                top = " | ".join(split_panes(r)[0].strip() for r in screen.rows()[:2])
                out.notes.append(
                    f"filter {typed!r}: expected {len(matches(programs, typed))}, screen: {top}"
                )
                if waited.last_change is not None:
                    out.filter_ms.append(1000 * (waited.last_change - sent))
                    out.filter_detail_reloaded.append(header_rows(screen.rows()) != header)
                continue
            out.filter_ms.append(1000 * (waited.at - sent))
            # the filter moved the cursor to another program: the detail reloaded meanwhile
            out.filter_detail_reloaded.append(header_rows(screen.rows()) != header)
        screen.write(b"\x7f" * len(query))
        screen.wait_until(
            lambda rows: any(everyone.search(split_panes(r)[0]) for r in rows[:4]), 10, quiet=0.3
        )
        screen.write(b"\x1b")
        screen.settle(0.3, 5)


__all__ = [
    "FirstPaint",
    "Session",
    "explorer_session",
    "first_paint",
    "percentile",
    "summary",
    "visidata_env",
]
