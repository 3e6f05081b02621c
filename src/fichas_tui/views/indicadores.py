"""Indicadores: each indicator's efectivo and meta by year across the program's fichas, with a
bar on an honest scale (percentages 0-100, other units 0 to the series' largest value)."""

from __future__ import annotations

from ..data.detail_records import Indicator, ProgramDetail
from ..data.restatements import indicator_key
from ..text import fold
from . import across_years
from .cells import of
from .figures import PERCENT_UNITS, code_notes, decimals_of, level_label
from .model import BAR, FIGURE, YEAR, Bar, Cell, Column, PaneView, Paragraphs, Row, Table
from .read_limits import left_out_lines
from .revisions import Index, index, mark, with_notes


def _written_percent(indicator: Indicator) -> bool:
    """2019 fichas give no unit but write the values as `93,00%`."""
    return any(
        (v.text or "").strip().endswith("%")
        for p in indicator.points
        for v in (p.efectivo, p.meta)
        if v.value is not None
    )


def is_percent(indicator: Indicator) -> bool:
    # `%` itself folds to nothing (fold drops signs): compared as written
    unit = (indicator.unit or "").strip()
    return (
        unit == "%"
        or fold(unit) in PERCENT_UNITS
        or (not indicator.unit and _written_percent(indicator))
    )


def unit_of(indicator: Indicator) -> str | None:
    """`%` for a percentage however the ficha names it (`Porcentual`, or a 2019 value written
    `93,00%`), else the ficha's unit."""
    return "%" if is_percent(indicator) else indicator.unit


def scale(indicator: Indicator) -> float | None:
    """The chart's full scale: 100 for a percentage (more if a value exceeds it), else the
    largest efectivo or meta of the series; None (no bars) when there is nothing to scale to."""
    values = [
        v.value for p in indicator.points for v in (p.efectivo, p.meta) if v.value is not None
    ]
    top = max(values, default=None)
    if is_percent(indicator):
        return max(100.0, top or 0.0)
    return top if top is not None and top > 0 else None


def bar(value: float | None, meta: float | None, top: float | None) -> Bar:
    if top is None:
        return Bar(None)
    fraction = None if value is None else max(0.0, min(value / top, 1.0))
    target = None if meta is None else max(0.0, min(meta / top, 1.0))
    return Bar(fraction, target, reached=value is not None and meta is not None and value >= meta)


JUDGEMENT_LABELS = ("Calidad", "Pertinencia", "Resultado")


def judgement_line(indicator: Indicator) -> str | None:
    """`Calidad: Cumple · Pertinencia: Cumple · Resultado: No es posible evaluar`: the ficha's
    own judgement of the indicator, as written; None when it gives none."""
    parts = [
        f"{label}: {text.strip()}"
        for label, text in zip(JUDGEMENT_LABELS, indicator.judgement, strict=True)
        if text and text.strip()
    ]
    return " · ".join(parts) or None


def table(i: int, indicator: Indicator, formula: bool = False, found: Index | None = None) -> Table:
    unit = unit_of(indicator)
    top = scale(indicator)
    rows = []
    codes = []
    key = indicator_key(indicator.level, indicator.name)
    for p in indicator.points:
        efectivo, meta = of(p.efectivo, written=True), of(p.meta, written=True)
        if found:
            efectivo = mark(efectivo, found, "efectivo", key, p.year, p.ficha_year)
            meta = mark(meta, found, "meta", key, p.year, p.ficha_year)
        codes += [c.status for c in (efectivo, meta) if c.missing]
        rows.append(
            Row(
                (
                    Cell(p.year),
                    efectivo,
                    meta,
                    Cell(bar(efectivo.value, meta.value, top)),
                    Cell(p.ficha_year),
                ),
                key=str(p.year),
            )
        )
    notes = (*across_years.lines(indicator, top, unit), *code_notes(codes))
    # One column, one number of decimals: as many as the ficha's most precise figure.
    decimals = decimals_of(c.value for row in rows for c in row.cells[1:3])
    judged = judgement_line(indicator)
    if judged:
        notes = (judged, *notes)
    if top is None:
        notes = ("Sin gráfico: la serie no tiene valores con qué dar una escala.", *notes)
    if formula:
        notes = ("Fórmula: " + (indicator.formula or "la ficha no da la fórmula."), *notes)
    return with_notes(
        Table(
            f"indicator:{i}",
            indicator.name,
            (
                Column("year", "Año", YEAR),
                Column("efectivo", "Efectivo", FIGURE, unit=unit, decimals=decimals),
                Column("meta", "Meta", FIGURE, unit=unit, decimals=decimals),
                Column("chart", "Gráfico", BAR, unit=unit, scale=top),
                Column("ficha", "Ficha", YEAR),
            ),
            tuple(rows),
            notes=notes,
        )
    )


def build(detail: ProgramDetail, formulas: bool = False) -> PaneView:
    if not detail.indicators:
        empty = f"La ficha {detail.ficha.evaluated_year} no informa indicadores."
        return PaneView("indicadores", "Indicadores", (Paragraphs("none", "", empty=empty),))
    blocks: list = [
        Paragraphs(
            "legend",
            "",
            (
                (
                    "",
                    "Efectivo y meta por año, de todas las fichas del programa. ┃ marca la meta; "
                    "los porcentajes se dibujan sobre 100.",
                ),
            ),
        )
    ]
    level = None
    found = index(detail.revisions)
    for i, indicator in enumerate(detail.indicators):
        if indicator.level != level:
            level = indicator.level
            blocks.append(Paragraphs(f"level:{level}", level_label(level)))
        blocks.append(table(i, indicator, formulas, found))
    left_out = left_out_lines(detail, "indicators")
    if left_out:
        blocks.append(Paragraphs("truncated", "", left_out))
    return PaneView("indicadores", "Indicadores", tuple(blocks))
