"""The list's keys for its summaries: s (Totales) and R (Regiones), on what the list shows."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.binding import Binding
from textual.command import Hit, Hits, Provider

from ...data.list_columns import Programs

if TYPE_CHECKING:
    from collections.abc import Sequence

    from ...data.queries import ProgramRow
    from ..app import FichasApp
    from ..filter_state import Filters
    from .summary import SummaryState

SUMMARY_BINDINGS = [
    Binding(
        "s",
        "summary('totales')",
        "Totales",
        id="lista.totales",
        tooltip="Totales de presupuesto de los programas de la lista (su búsqueda y filtros), "
        "por ministerio, servicio, región o hallazgo ([ ]), en una base de pesos",
    ),
    Binding(
        "R",
        "summary('regiones')",
        "Regiones",
        show=False,
        id="lista.regiones",
        tooltip="Gasto por región de los programas de la lista, por habitante (Censo 2024) y "
        "su parte del gasto junto a su parte de la población",
    ),
]


def summary_state(
    kind: str, shown: Sequence[ProgramRow], typed: str, filters: Filters, everyone: Programs
) -> SummaryState:
    """What s (Totales) or R (Regiones) sums: the programs the list shows (`shown`, under the
    search `typed` and `filters`), all of them when nothing narrows `everyone`."""
    from .summary import SummaryState

    typed = typed.strip()
    label = filters.label()
    whole = not typed and not label and len(shown) == len(everyone)
    if whole:
        ids = None
    elif isinstance(shown, Programs):  # the store's columns: no row made per program
        ids = tuple(shown.column("program_id"))
    else:
        ids = tuple(p.program_id for p in shown)
    parts = [f"«{typed}»"] if typed else []
    parts += [label] if label else []
    scope = f"{len(shown)} programas" + (f" ({' · '.join(parts)})" if parts else "")
    return SummaryState(kind, year=filters.year, ids=ids, scope=scope)


class SummaryCommands(Provider):
    """«Totales» and «Regiones» in the palette: the list's summaries, as s and R open them."""

    if TYPE_CHECKING:  # the explorer's app, typed

        @property
        def app(self) -> FichasApp: ...  # type: ignore[override]  # App[object]: invariant

    async def search(self, query: str) -> Hits:
        browser = self.app.browser()
        if self.app.store is None or browser is None:
            return
        matcher = self.matcher(query)
        for kind, label in (
            ("totales", "Totales: presupuesto de los programas de la lista, por grupo"),
            ("regiones", "Regiones: gasto por región y por habitante de los programas de la lista"),
        ):
            score = matcher.match(label)
            if score > 0:
                yield Hit(score, label, lambda kind=kind: browser.action_summary(kind), text=label)
