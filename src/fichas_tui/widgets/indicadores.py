"""Indicadores pane: each indicator's history across the program's fichas, with a chart."""

from __future__ import annotations

from rich.console import Group, RenderableType
from rich.text import Text

from ..data.queries import Indicator, ProgramDetail
from ..text import clean
from ..views.figures import figure, level_label
from .chart import target_bar
from .pane import Pane, note, table, title

CHART_WIDTH = 20


def scale(indicator: Indicator) -> float:
    """Full scale of the chart: 100 for percentages up to 100, else the largest value."""
    values = [
        v.value for p in indicator.points for v in (p.efectivo, p.meta) if v.value is not None
    ]
    top = max(values, default=0.0)
    return 100.0 if indicator.unit == "%" and top <= 100 else top


class IndicadoresPane(Pane):
    NAME = "indicadores"
    show_formulas = False

    def build(self, detail: ProgramDetail) -> RenderableType:
        if not detail.indicators:
            return note(f"La ficha {detail.ficha.evaluated_year} no informa indicadores.")
        parts: list[RenderableType] = [
            note(
                "Efectivo y meta por año, de todas las fichas del programa. "
                "┃ marca la meta. f muestra u oculta las fórmulas."
            )
        ]
        level = None
        for indicator in detail.indicators:
            if indicator.level != level:
                level = indicator.level
                parts += [Text(), title(level_label(level))]
            parts.append(Text(clean(indicator.name), style="bold"))
            if self.show_formulas:
                formula = clean(indicator.formula) or "La ficha no da la fórmula."
                parts.append(Text("Fórmula: ", style="italic") + Text(formula, style="italic"))
            unit = clean(indicator.unit) or ""
            suffix = f" ({unit})" if unit else ""
            grid = table(
                "Año", f"Efectivo{suffix}", f"Meta{suffix}", "Gráfico", "Ficha", charts=(3,)
            )
            top = scale(indicator)
            for p in indicator.points:
                grid.add_row(
                    Text(str(p.year)),
                    _value(p.efectivo.value, p.efectivo.status),
                    _value(p.meta.value, p.meta.status),
                    target_bar(p.efectivo.value, p.meta.value, top, CHART_WIDTH),
                    Text(str(p.ficha_year or ""), style="dim"),
                )
            parts.append(grid)
        return Group(*parts)

    def toggle_formulas(self) -> None:
        self.show_formulas = not self.show_formulas
        self.refresh_body()


def _value(value: float | None, status: str | None) -> Text:
    return Text(figure(value, status), style="dim" if value is None else "")
