"""Regiones pane: spending and beneficiaries by region, sortable, Nivel central apart."""

from __future__ import annotations

from rich.console import Group, RenderableType
from rich.text import Text

from ..data.queries import ProgramDetail, Region
from ..text import clean
from ..views.figures import money_unit
from .chart import bar
from .pane import Pane, amount, note, pct, table, title

BAR_WIDTH = 8

# (label shown, sort key); missing values sort last.
SORTS = (
    ("gasto", lambda r: -(r.spending.value if r.spending.value is not None else -1)),
    (
        "beneficiarios",
        lambda r: -(r.beneficiaries.value if r.beneficiaries.value is not None else -1),
    ),
    (
        "gasto por beneficiario",
        lambda r: -(r.per_beneficiary.value if r.per_beneficiary.value is not None else -1),
    ),
    ("región", lambda r: r.region),
)


class RegionesPane(Pane):
    NAME = "regiones"
    sort_index = 0

    def build(self, detail: ProgramDetail) -> RenderableType:
        year = detail.ficha.evaluated_year
        unit = money_unit(detail.ficha.price_year)
        if not detail.regions:
            listed = ", ".join(clean(r) for r in detail.ficha.regions)
            parts = [
                title(f"Regiones, ficha {year}"),
                Text("Esta ficha no trae desglose regional del gasto ni de los beneficiarios."),
            ]
            if listed:
                parts += [
                    Text(),
                    Text("Regiones donde se implementa: ", style="bold") + Text(listed),
                ]
            return Group(*parts)
        label, key = SORTS[self.sort_index]
        regional = sorted((r for r in detail.regions if not r.central), key=key)
        central = [r for r in detail.regions if r.central]
        top = max((r.spending_pct.value or 0 for r in regional), default=0)
        grid = table("Región", "Gasto", "%", "", "Benef.", "%", "M$/benef.", charts=(3,))
        for i, r in enumerate(regional):
            self._row(grid, r, top, end=i == len(regional) - 1 and bool(central))
        for r in central:
            self._row(grid, r, top)
        return Group(
            title(f"Gasto y beneficiarios por región, ficha {year} ({unit})"),
            note(
                f"Gasto en {unit}; M$/benef. = gasto por beneficiario. Orden: {label} "
                "(o cambia el orden). Nivel central va aparte, al final."
            ),
            grid,
        )

    @staticmethod
    def _row(grid, r: Region, top: float, end: bool = False) -> None:
        grid.add_row(
            Text(clean(r.region), style="italic" if r.central else ""),
            amount(r.spending),
            pct(r.spending_pct),
            bar(r.spending_pct.value, top, BAR_WIDTH),
            amount(r.beneficiaries),
            pct(r.beneficiaries_pct),
            amount(r.per_beneficiary, 1),
            end_section=end,
        )

    def cycle_sort(self) -> str:
        self.sort_index = (self.sort_index + 1) % len(SORTS)
        self.refresh_body()
        return SORTS[self.sort_index][0]
