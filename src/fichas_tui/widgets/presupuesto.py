"""Presupuesto pane: budget and execution by year, subtitles, components, admin share."""

from __future__ import annotations

from rich.console import Group, RenderableType
from rich.text import Text

from ..data.queries import ProgramDetail, Value
from ..text import clean
from ..views.figures import money_unit
from .pane import Pane, amount, note, pct, table, title


class PresupuestoPane(Pane):
    NAME = "presupuesto"

    def build(self, detail: ProgramDetail) -> RenderableType:
        unit = money_unit(detail.ficha.price_year)
        parts: list[RenderableType] = [
            note(
                f"Ficha {detail.ficha.evaluated_year}. Montos en {unit} (miles de pesos"
                + (
                    f" de {detail.ficha.price_year})."
                    if detail.ficha.price_year
                    else " de cada año)."
                )
            )
        ]
        parts += [Text(), title(f"Presupuesto por año ({unit})")]
        if detail.budget:
            grid = table("Año", "Inicial", "Final", "Ejecutado", "% ej. inicial", "% ej. final")
            for b in detail.budget:
                grid.add_row(
                    Text(str(b.year)),
                    amount(b.inicial),
                    amount(b.final),
                    amount(b.ejecutado),
                    pct(b.exec_inicial),
                    pct(b.exec_final),
                )
            parts.append(grid)
            if any(b.admin_share.value is not None for b in detail.budget):
                share = table("Año", "% gasto administrativo")
                for b in detail.budget:
                    share.add_row(Text(str(b.year)), pct(b.admin_share))
                parts += [Text(), title("Gasto administrativo (% del gasto ejecutado)"), share]
        else:
            parts.append(note("La ficha no trae cuadro de presupuesto."))
        parts += [Text(), title(f"Gasto por subtítulo ({unit})")]
        if detail.subtitles:
            grid = table("Subtítulo", "Año", "Gasto ejecutado", numeric_from=1)
            for s in detail.subtitles:
                label = f"{s.subtitle} {clean(s.name)}" if s.subtitle else clean(s.name)
                grid.add_row(Text(label), Text(str(s.year or "")), amount(s.amount))
            parts.append(grid)
        else:
            parts.append(note("La ficha no desglosa el gasto por subtítulo."))
        parts += [Text(), title(f"Componentes: gasto, producción y costo unitario ({unit})")]
        if detail.components:
            for component in detail.components:
                name = Text(clean(component.name), style="bold")
                if component.unit:
                    name += Text(f" ({clean(component.unit)})", style="dim")
                grid = table("Año", f"Gasto {unit}", "Producción", f"Costo unit. {unit}")
                for y in component.years:
                    grid.add_row(
                        Text(str(y.year)),
                        amount(y.spending),
                        amount(y.production),
                        amount(y.unit_cost, 1),
                    )
                parts += [name, grid]
        else:
            parts.append(note("La ficha no informa componentes."))
        return Group(*parts)


def executed(detail: ProgramDetail, year: int) -> Value | None:
    """The executed budget of `year` in this ficha (used by `fichas show` and tests)."""
    for b in detail.budget:
        if b.year == year:
            return b.ejecutado
    return None
