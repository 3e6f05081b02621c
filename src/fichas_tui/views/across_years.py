"""An indicator followed across a program's fichas: the years in a row it met its meta, a meta
lowered after a year it was missed, and a sparkline of efectivo against meta on a stated scale."""

from __future__ import annotations

import itertools

from ..data.detail_records import Indicator
from ..text import fold
from .figures import figure, years_label
from .model import Paragraphs

# Eight heights, lowest to highest; a year without a figure is a dot (never a zero-height bar).
BLOCKS = "▁▂▃▄▅▆▇█"
NO_FIGURE = "·"
# Flags a meta lowered after a year it was missed (explained in the note that carries it).
LOWERED_MARK = "⚑"


def lower_is_better(indicator: Indicator) -> bool:
    """The ficha's `Sentido de medición: Descendente`."""
    return fold(indicator.direction).startswith("desc")


def met(indicator: Indicator, efectivo: float | None, meta: float | None) -> bool | None:
    """Whether a year's efectivo reached its meta (None: one of them is missing)."""
    if efectivo is None or meta is None:
        return None
    return efectivo <= meta if lower_is_better(indicator) else efectivo >= meta


def assessed(indicator: Indicator) -> list[tuple[int, float, float, bool]]:
    """(year, efectivo, meta, met) of every year with both figures, oldest first."""
    out = []
    for p in indicator.points:
        efectivo, meta = p.efectivo.value, p.meta.value
        reached = met(indicator, efectivo, meta)
        if reached is not None and efectivo is not None and meta is not None:
            out.append((p.year, efectivo, meta, reached))
    return out


def streak(indicator: Indicator) -> tuple[int, ...]:
    """The years in a row, up to the last year with both figures, that met the meta (a year
    missing between two assessed ones breaks the run); () when the last one missed."""
    years: list[int] = []
    for year, _e, _m, reached in reversed(assessed(indicator)):
        if not reached or (years and year != years[-1] - 1):
            break
        years.append(year)
    return tuple(reversed(years))


def lowered(indicator: Indicator) -> list[tuple[int, float, float, int]]:
    """(year, meta before, meta now, the missed year) for each meta made easier the year after
    it was missed (lower; higher when lower is better)."""
    found = []
    points = assessed(indicator)
    down = lower_is_better(indicator)
    for (y1, _e, m1, reached), (y2, _e2, m2, _r2) in itertools.pairwise(points):
        easier = m2 > m1 if down else m2 < m1
        if not reached and easier and y2 == y1 + 1:
            found.append((y2, m1, m2, y1))
    return found


def sparkline(values: list[float | None], top: float) -> str:
    """One character per year, its height the value's share of 0..`top`."""
    out = []
    for value in values:
        if value is None:
            out.append(NO_FIGURE)
        else:
            share = max(0.0, min(value / top, 1.0)) if top > 0 else 0.0
            out.append(BLOCKS[min(int(share * len(BLOCKS)), len(BLOCKS) - 1)])
    return "".join(out)


def lines(indicator: Indicator, top: float | None, unit: str | None) -> tuple[str, ...]:
    """The indicator across years in words, for its table's notes: the run of years meeting
    its meta, a lowered meta, and the sparkline with its scale."""
    out = []
    points = assessed(indicator)
    if points:
        run = streak(indicator)
        if run:
            n = len(run)
            out.append(
                f"Cumple su meta {n} año{'s' if n > 1 else ''} seguido{'s' if n > 1 else ''} "
                f"({years_label(run)})."
            )
        else:
            out.append(f"No cumplió su meta en {points[-1][0]}, el último año con meta.")
    for year, before, now, missed in lowered(indicator):
        out.append(
            f"{LOWERED_MARK} Meta rebajada en {year} (de {figure(before)} a {figure(now)}) "
            f"después de no cumplirse en {missed}."
        )
    years = [p.year for p in indicator.points]
    efectivo = [p.efectivo.value for p in indicator.points]
    if top is not None and len(years) > 1 and sum(v is not None for v in efectivo) > 1:
        meta = [p.meta.value for p in indicator.points]
        scale = f"escala 0–{figure(top)}{' ' + unit if unit else ''}"
        text = f"Efectivo {sparkline(efectivo, top)}"
        if any(v is not None for v in meta):
            text += f" / meta {sparkline(meta, top)}"
        out.append(f"{text} ({years[0]}–{years[-1]}, {scale}; {NO_FIGURE} sin cifra).")
    return tuple(out)


MARK_LABELS = {"nuevo": "nuevo", "persiste": "persiste", "superado": "superado"}


def findings_block(detail) -> Paragraphs | None:
    """The ficha's problem findings marked nuevo / persiste / superado (data/finding_history),
    for Resumen and `fichas show`; None when there is nothing to mark."""
    marks = detail.finding_marks
    if not marks:
        return None
    previous = next((m.previous_year for m in marks if m.previous_year is not None), None)
    if previous is None:
        title = "Hallazgos que persisten, según la sección «Hallazgos no superados» de la ficha"
    else:
        title = f"Hallazgos frente a la ficha {previous}: nuevos, que persisten y superados"
    items = []
    for m in marks:
        heading = f"{MARK_LABELS.get(m.mark, m.mark)} · {m.dimension or 'Sin dimensión'}"
        text = f"{m.verdict}: {m.finding}"
        if m.mark == "superado":
            text = f"{m.verdict} en la ficha {m.previous_year}, ya no: {m.finding}"
        items.append((heading, text))
    return Paragraphs("finding_marks", title, tuple(items), bullets=True)
