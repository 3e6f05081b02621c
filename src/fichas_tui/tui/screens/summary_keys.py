"""The list's keys for its summaries: s (Totales) and R (Regiones), on what the list shows."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.binding import Binding
from textual.command import Hit, Hits, Provider
from textual.widgets import Input

from ...data.list_columns import Programs
from ..widgets.program_list import ProgramList
from .browser_host import BrowserHost

if TYPE_CHECKING:
    from ..app import FichasApp
    from ..filter_state import Filters

SUMMARY_BINDINGS = [
    Binding(
        "s",
        "summary('totales')",
        "Totales",
        id="lista.totales",
        tooltip="Totales de presupuesto de los programas de la lista (su búsqueda y filtros), "
        "por ministerio, servicio o región ([ ]), en una base de pesos",
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


class SummaryKeys(BrowserHost):
    """BrowserScreen's part that opens the summaries (a mixin: it reads the list's state)."""

    if TYPE_CHECKING:
        filters: Filters  # FacetFilter's

    _coverage: tuple[object, str] | None = None  # (the program table, its text)

    def catalog_status(self) -> str:
        """' · BIPS 2 de 677': the catalog's programs the dataset has (by the BIPS numbers
        ingest kept), counted once per program table from its column (no query)."""
        from ...reference.catalog import catalog_size

        table = self.store.programs().table
        if self._coverage is None or self._coverage[0] is not table:
            numbers = {n for n in table.column("id_bips") if n is not None}
            self._coverage = (table, f" · BIPS {len(numbers)} de {catalog_size()}")
        return self._coverage[1]

    def action_summary(self, kind: str) -> None:
        from .summary import SummaryScreen, SummaryState

        if self.app.store is None:
            return
        programs = self.query_one(ProgramList).programs
        typed = self.query_one("#filter", Input).value.strip()
        label = self.filters.label()
        whole = not typed and not label and len(programs) == len(self.store.programs())
        if whole:
            ids = None
        elif isinstance(programs, Programs):  # the store's columns: no row made per program
            ids = tuple(programs.column("program_id"))
        else:
            ids = tuple(p.program_id for p in programs)
        parts = [f"«{typed}»"] if typed else []
        parts += [label] if label else []
        scope = f"{len(programs)} programas" + (f" ({' · '.join(parts)})" if parts else "")
        state = SummaryState(kind, year=self.filters.year, ids=ids, scope=scope)
        self.app.push_screen(SummaryScreen(state, self.pesos))


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
