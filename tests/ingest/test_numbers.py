"""Chilean number formats and missing codes: examples from the fichas plus a round trip."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from fichas_tui.ingest.numbers import format_chilean, parse_amount, parse_cell


@pytest.mark.parametrize(
    ("text", "value", "percent"),
    [
        ("1.983.253", 1983253.0, False),
        ("1.198,6", 1198.6, False),
        ("92,00%", 92.0, True),
        ("45%", 45.0, True),
        ("100,00 %", 100.0, True),
        ("0", 0.0, False),
        ("<b>7.735.432</b>", 7735432.0, False),
        ("**8.146.335**", 8146335.0, False),
        ("M\\$ 2.155.493", 2155493.0, False),
        ("M$2.155.493", 2155493.0, False),
        ("1,2252", 1.2252, False),
        ("24.571,0", 24571.0, False),
        ("-3,5", -3.5, False),
    ],
)
def test_numbers_as_the_fichas_write_them(text, value, percent):
    cell = parse_cell(text)
    assert cell.value == value
    assert cell.percent is percent
    assert cell.status is None


@pytest.mark.parametrize(
    ("text", "status"),
    [
        ("N/C", "N/C"),
        ("N/C***", "N/C"),
        ("S/I*", "S/I"),
        ("N/A**", "N/A"),
        ("-", "-"),
        ("", "vacío"),
        ("   ", "vacío"),
        ("abc", "ilegible"),
        ("1.23.4", "ilegible"),
    ],
)
def test_missing_values_keep_their_code_and_are_never_zero(text, status):
    cell = parse_cell(text)
    assert cell.value is None
    assert cell.status == status


def test_inline_amount():
    assert parse_amount("M\\$ 1.530 por cada Eventos registrados") == 1530.0


@settings(max_examples=300, derandomize=True)
@given(
    st.integers(min_value=0, max_value=10**12),
    st.integers(min_value=0, max_value=3),
)
def test_format_then_parse_round_trip(units, decimals):
    value = units / (10**decimals)
    text = format_chilean(value, decimals)
    assert "," not in text or text.count(",") == 1
    assert parse_cell(text).value == pytest.approx(value, rel=0, abs=10 ** -(decimals + 1))
    assert parse_cell(text + "%").value == pytest.approx(value, abs=10 ** -(decimals + 1))
