"""An indicator across years: years in a row meeting its meta, a meta lowered after a miss,
the sparkline on its stated scale (hand-checked series)."""

from __future__ import annotations

from fichas_tui.data.detail_records import Indicator, IndicatorPoint
from fichas_tui.data.list_records import Value
from fichas_tui.views import across_years, indicadores


def series(*points, direction=None, unit="%"):
    return Indicator(
        "proposito",
        "x",
        None,
        unit,
        tuple(
            IndicatorPoint(year, Value(e), Value(m), year)
            for year, (e, m) in enumerate(points, 2019)
        ),
        direction=direction,
    )


# 2019 missed (80 < 90); 2020 meta lowered to 85 and met; 2021 met; 2022 no meta
RISING = series((80.0, 90.0), (85.0, 85.0), (88.0, 85.0), (30.0, None))


def test_streak_and_lowered_meta():
    assert across_years.streak(RISING) == (2020, 2021)
    assert across_years.lowered(RISING) == [(2020, 90.0, 85.0, 2019)]
    assert indicadores.table(0, RISING).notes[:3] == (
        "Cumple su meta 2 años seguidos (2020–2021).",
        "⚑ Meta rebajada en 2020 (de 90 a 85) después de no cumplirse en 2019.",
        # height = int(value / 100 * 8) of ▁..█ (0..7): 80 -> 6 ▇, 85 -> 6 ▇, 88 -> 7 █,
        # 30 -> 2 ▃; metas 90 -> 7 █, 85 -> 6 ▇, 85 ▇, none ·
        "Efectivo ▇▇█▃ / meta █▇▇· (2019–2022, escala 0–100 %; · sin cifra).",
    )


def test_lower_is_better():
    # 2019: 10 against a meta of 8, missed; 2020 the meta goes up to 12 (easier), 11 meets it
    falling = series((10.0, 8.0), (11.0, 12.0), direction="Descendente")
    assert across_years.streak(falling) == (2020,)
    assert across_years.lowered(falling) == [(2020, 8.0, 12.0, 2019)]
    # a higher meta after a miss is not lowered when higher is better
    assert across_years.lowered(series((10.0, 8.0), (11.0, 12.0))) == []


def test_the_last_year_missed_breaks_the_run():
    missed = series((95.0, 90.0), (80.0, 90.0))
    assert across_years.streak(missed) == ()
    assert (
        "No cumplió su meta en 2020, el último año con meta." in indicadores.table(0, missed).notes
    )


def test_a_gap_year_breaks_the_run():
    gap = series((95.0, 90.0), (None, None), (95.0, 90.0))
    assert across_years.streak(gap) == (2021,)


def test_no_meta_no_streak_and_one_figure_no_sparkline():
    lone = series((50.0, None))
    assert across_years.lines(lone, 100.0, "%") == ()


def test_sparkline_heights():
    assert across_years.sparkline([0.0, 12.5, 50.0, 99.0, 100.0, None, 150.0], 100.0) == "▁▂▅██·█"
