"""`--csv` text is data, never a command to the terminal or a spreadsheet formula."""

from __future__ import annotations

import csv
import io

from rich.console import Console

from fichas_tui.cli.across_output import _emit
from fichas_tui.data.across import MeasureRow
from fichas_tui.views.across import ranking_view

OSC52 = "\x1b]52;c;cm0gLXJmIH4K\x07"  # writes the clipboard
TITLE = "\x1b]0;pwned\x07"  # sets the terminal's title
RLO, ZWSP, C1_CSI = "\u202e", "\u200b", "\x9b"
NAME = f"Programa{OSC52}{TITLE} {RLO}olleh{ZWSP}x{C1_CSI}2J\tcon\ttab\ny línea"
ROWS = [
    MeasureRow("p1", NAME, "f1", 2023, 5.0, None, None),
    MeasureRow("p2", '=HYPERLINK("http://x")', "f2", 2023, 4.0, None, None),
]


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def _csv(file: io.StringIO) -> tuple[str, list[list[str]]]:
    _emit(Console(file=file), ranking_view(ROWS, "cobertura"), "csv", {})
    text = file.getvalue()
    return text, list(csv.reader(io.StringIO(text)))


def _names(rows: list[list[str]]) -> list[str]:
    return [r[rows[0].index("program_name")] for r in rows[1:]]


def test_csv_on_a_terminal_is_cleaned_like_the_tables():
    text, rows = _csv(Terminal())
    for raw in ("\x1b", "\x07", C1_CSI, RLO, ZWSP):
        assert raw not in text, repr(raw)
    assert _names(rows)[0] == (
        "Programa␛]52;c;cm0gLXJmIH4K␇␛]0;pwned␇ �olleh�x�2J\tcon\ttab\ny línea"
    )
    assert _names(rows)[1] == '\'=HYPERLINK("http://x")'


def test_csv_to_a_file_keeps_the_data_but_no_control_character():
    text, rows = _csv(io.StringIO())
    for raw in ("\x1b", "\x07", C1_CSI):
        assert raw not in text, repr(raw)
    # The data as it is: bidirectional and invisible characters, tabs and line breaks (quoted).
    assert _names(rows)[0] == f"Programa␛]52;c;cm0gLXJmIH4K␇␛]0;pwned␇ {RLO}olleh{ZWSP}x�2J" + (
        "\tcon\ttab\ny línea"
    )
    assert '"Programa' in text  # the field with a line break is quoted
    assert _names(rows)[1] == '\'=HYPERLINK("http://x")'
