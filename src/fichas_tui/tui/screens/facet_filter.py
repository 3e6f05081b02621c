"""The list's filters on the main screen: `t` opens the dialog; facets read from the dataset
(region, executors, warnings, findings) resolve to a set of programs in a worker."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual import work

from ...data.dataset import DatasetError
from ...text import clean
from ..filter_state import Filters
from .browser_host import BrowserHost

if TYPE_CHECKING:
    from ...data.facets import FacetQuery


class FacetFilter(BrowserHost):
    """BrowserScreen's part that applies the filters (a mixin: it uses the screen's list).

    `facet_ids` are the programs the facets keep (None: no facet on); the list intersects them
    with the typed search. While a facet query runs, the list keeps what it shows and the status
    line says it is filtering; a result for filters that changed meanwhile is dropped.
    """

    filters: Filters = Filters()
    facet_ids: frozenset[str] | None = None
    facets_reading: bool = False

    def action_filters(self) -> None:
        def done(filters: Filters | None) -> None:
            if filters is not None:
                self.apply_filters(filters)

        from .filters import FiltersScreen  # loaded on first use: not needed for the first paint

        self.app.push_screen(FiltersScreen(self.store, self.store.facets(), self.filters), done)

    def apply_filters(self, filters: Filters) -> None:
        """Filter the list by `filters`: at once when memory is enough, else once the dataset
        has answered which programs the facets keep."""
        self.filters = filters
        query = filters.facets()
        if query is None:
            self.facet_ids, self.facets_reading = None, False
            self.workers.cancel_group(self, "facets")
            self.refilter()
            return
        self.facets_reading = True
        self._update_status(self.shown_count)  # says it is filtering; the rows wait for it
        self.read_facets(filters, query)

    @work(thread=True, exclusive=True, group="facets")
    def read_facets(self, filters: Filters, query: FacetQuery) -> None:
        from ...data.facets import program_ids

        try:
            ids = program_ids(self.store, query)
        except (DatasetError, OSError) as exc:
            self.app.call_from_thread(self._facets_failed, filters, clean(str(exc)))
            return
        self.app.call_from_thread(self._facets_read, filters, ids)

    def _facets_read(self, filters: Filters, ids: frozenset[str]) -> None:
        if filters != self.filters:
            return  # stale: the user chose other filters meanwhile
        self.facet_ids, self.facets_reading = ids, False
        self.refilter()

    def _facets_failed(self, filters: Filters, message: str) -> None:
        if filters != self.filters:
            return
        self.notify(f"No se pudo filtrar: {message}", severity="error", timeout=8, markup=False)
        self.apply_filters(Filters(filters.ministry, filters.service, filters.year))
