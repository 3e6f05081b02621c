"""compact() joins segments without changing a cell: same characters, same look, same meta."""

from __future__ import annotations

from rich.segment import Segment
from rich.style import Style
from textual.strip import Strip

from fichas_tui.tui.widgets.strip_compact import compact

BG = "#121212"
PLAIN = Style(color="#e0e0e0", bgcolor=BG)
BOLD = Style(color="#e0e0e0", bgcolor=BG, bold=True)
ROW = Style.from_meta({"fichas_row": 3})


def cells(strip: Strip) -> list[tuple[str, str | None, object]]:
    """Each cell's character, what it shows of its style, and its meta."""
    out = []
    for text, style, _control in strip:
        for char in text:
            style = style or Style()
            blank = Style(bgcolor=style.bgcolor, underline=style.underline)
            shown = style if char != " " else blank
            out.append((char, str(shown), style.meta))
    return out


def test_a_table_row_becomes_one_segment_per_look():
    row = [
        Segment("Coquimbo  ", PLAIN + ROW),
        Segment(" ", PLAIN),  # the gap between columns, without the row's meta
        Segment("1.745.448", PLAIN + ROW),
        Segment(" ", PLAIN),
        Segment("22,6 %", BOLD + ROW),
    ]
    strip = Strip(row)
    joined = compact(strip)
    assert [s.text for s in joined] == ["Coquimbo   1.745.448 ", "22,6 %"]
    assert joined.cell_length == strip.cell_length
    # the gaps now carry the row: a click between two cells still finds it
    assert all(style.meta == {"fichas_row": 3} for _text, style, _c in joined)


def test_spaces_keep_a_style_that_shows_on_them():
    underlined = Style(color="#e0e0e0", bgcolor=BG, underline=True)
    other_bg = Style(color="#e0e0e0", bgcolor="#303030")
    strip = Strip(
        [
            Segment("a", PLAIN),
            Segment("  ", underlined),
            Segment("b", PLAIN),
            Segment(" ", other_bg),
            Segment("c", PLAIN),
        ]
    )
    assert compact(strip) is strip  # nothing could be joined
    assert cells(compact(strip)) == cells(strip)


def test_two_rows_meta_are_never_mixed():
    first, second = Style.from_meta({"fichas_row": 1}), Style.from_meta({"fichas_row": 2})
    strip = Strip([Segment("x ", PLAIN + first), Segment(" y", PLAIN + second)])
    joined = compact(strip)
    assert [s.style.meta for s in joined] == [{"fichas_row": 1}, {"fichas_row": 2}]


def test_bold_spaces_join_plain_text_without_changing_what_is_seen():
    strip = Strip([Segment("Total ", BOLD), Segment("  ", PLAIN), Segment("12", PLAIN)])
    joined = compact(strip)
    assert len(joined) == 2
    assert cells(joined) == cells(strip)
