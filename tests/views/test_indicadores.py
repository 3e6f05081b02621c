"""Indicadores view: honest bar scales and units (hand-checked values from the fichas)."""

from __future__ import annotations

import pytest

from fichas_tui.data.detail_records import Indicator, IndicatorPoint
from fichas_tui.data.list_records import Value
from fichas_tui.views import indicadores
from fichas_tui.views.cells import display
from tests.helpers import P2019, P2023


def _indicator(name, sample, program):
    detail = sample.detail(program)
    i, indicator = next((i, x) for i, x in enumerate(detail.indicators) if name in x.name)
    return indicadores.table(i, indicator)


def test_32_percent_draws_a_third_of_a_bar(sample):
    # 003: "... cumplen el 100% de los objetivos de su PII ...": 32,00% in 2023, unit Porcentual.
    table = _indicator("cumplen el 100% de los objetivos", sample, P2023)
    assert table.columns[table.column("efectivo")].unit == "%"
    assert table.columns[table.column("chart")].scale == 100
    row = next(r for r in table.rows if r.key == "2023")
    assert row.cells[table.column("chart")].value.fraction == pytest.approx(0.32)


def test_missing_values_keep_the_ficha_marker_and_its_footnote(sample):
    table = _indicator("cumplen el 100% de los objetivos", sample, P2023)
    column = table.columns[table.column("efectivo")]
    cell = next(r for r in table.rows if r.key == "2021").cells[table.column("efectivo")]
    assert cell.value is None and cell.status == "N/C" and display(column, cell) == "N/C*"
    assert any(n.startswith("N/C: valor no comparable") for n in table.notes)


def test_2019_values_written_with_percent_show_the_unit(sample):
    # 002 writes 93,00% with no unit column: shown as %, drawn over 100.
    detail = sample.detail(P2019)
    table = indicadores.table(0, detail.indicators[0])
    assert table.columns[table.column("efectivo")].unit == "%"
    assert table.columns[table.column("chart")].scale == 100
    row = next(r for r in table.rows if r.key == "2019")
    assert row.cells[table.column("efectivo")].value == 93.0
    assert row.cells[table.column("chart")].value.fraction == pytest.approx(0.93)


def _series(unit, *points):
    return Indicator(
        "proposito",
        "x",
        None,
        unit,
        tuple(
            IndicatorPoint(year, Value(e), Value(m), year)
            for year, (e, m) in enumerate(points, 2020)
        ),
    )


def test_other_units_scale_to_the_largest_efectivo_or_meta():
    table = indicadores.table(0, _series("Número", (120.0, 150.0), (90.0, None)))
    assert table.columns[table.column("chart")].scale == 150
    first = table.rows[0].cells[table.column("chart")].value
    assert first.fraction == pytest.approx(0.8) and first.target == pytest.approx(1.0)
    assert not first.reached


def test_a_single_percentage_still_scales_to_100():
    table = indicadores.table(0, _series("Porcentual", (32.0, None)))
    assert table.rows[0].cells[table.column("chart")].value.fraction == pytest.approx(0.32)


def test_no_bar_without_a_scale():
    table = indicadores.table(0, _series("Número", (None, None)))
    assert table.columns[table.column("chart")].scale is None
    assert table.rows[0].cells[table.column("chart")].value.fraction is None
    assert table.notes[0].startswith("Sin gráfico")
