"""A bare Textual app that paints a program list from a small CSV: the floor for first paint.

    python benchmarks/bare_app.py programs.csv

The benchmark runs it beside the explorer and VisiData on the same programs (the CSV written for
VisiData: name, ministry, service, years, executed). It reads the file with the csv module and
draws only the visible rows with the Line API, as the explorer's list does, so what it costs is
Python, Textual's import and its first frame: what any Textual app pays before it shows a list.
"""

from __future__ import annotations

import csv
import sys

from rich.segment import Segment
from textual.app import App, ComposeResult
from textual.geometry import Size
from textual.scroll_view import ScrollView
from textual.strip import Strip


class Rows(ScrollView):
    def __init__(self, rows: list[list[str]]) -> None:
        super().__init__()
        self.rows = rows
        self.virtual_size = Size(0, len(rows))

    def render_line(self, y: int) -> Strip:
        index = int(self.scroll_y) + y
        width = self.size.width
        if index >= len(self.rows):
            return Strip.blank(width)
        name, _ministry, service, years, executed = (self.rows[index] + [""] * 5)[:5]
        text = f" {name[:50]:<50} {service[:35]:<35} {years:<11} {executed:>15}"
        return Strip([Segment(text)]).adjust_cell_length(width)


class Bare(App[None]):
    def __init__(self, path: str) -> None:
        super().__init__()
        with open(path, encoding="utf-8", newline="") as fh:
            reader = csv.reader(fh)
            next(reader, None)  # header
            self.rows = list(reader)

    def compose(self) -> ComposeResult:
        yield Rows(self.rows)


if __name__ == "__main__":
    Bare(sys.argv[1]).run()
