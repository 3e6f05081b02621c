"""The list's filters on the main screen: `t` opens the dialog; facets read from the dataset
(region, executors, warnings, findings) resolve to a set of programs in a worker."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import TYPE_CHECKING

from textual.message import Message
from textual.screen import Screen

from ...data.dataset import DatasetError
from ...data.queries import Store
from ...text import clean
from ..filter_state import Filters

if TYPE_CHECKING:
    from ...data.facets import FacetQuery


class FacetsRead(Message):
    """The programs the facets of `filters` keep (`problem`: why they could not be read)."""

    def __init__(
        self, filters: Filters, ids: frozenset[str] | None, problem: str | None = None
    ) -> None:
        super().__init__()
        self.filters, self.ids, self.problem = filters, ids, problem


class FacetFilter:
    """The filters the list is under, and the programs their facets keep.

    `ids` are the programs the facets keep (None: no facet on); the list intersects them with
    the typed search. While a facet query runs (`reading`), the list keeps what it shows and
    the status line says it is filtering; the query runs in the screen's "facets" worker and
    its answer comes back to the screen as FacetsRead, dropped when the filters changed since.
    """

    def __init__(self, screen: Screen, store: Callable[[], Store]) -> None:
        self._screen = screen
        self._store = store
        self.filters = Filters()
        self.ids: frozenset[str] | None = None
        self.reading = False

    def apply(self, filters: Filters) -> bool:
        """Filter by `filters`: True when the list can be filtered now (memory is enough),
        False when a query was started (its FacetsRead says when)."""
        self.filters = filters
        query = filters.facets()
        self._screen.workers.cancel_group(self._screen, "facets")
        if query is None:
            self.ids, self.reading = None, False
            return True
        self.reading = True
        read = partial(_read_facets, self._screen, self._store(), filters, query)
        self._screen.run_worker(read, thread=True, exclusive=True, group="facets")
        return False

    def clear(self) -> None:
        """No filter (a program opened from elsewhere must be in the list)."""
        self.apply(Filters())

    def take(self, message: FacetsRead) -> bool:
        """The answer of a facet query: True when it is for the filters in force (the
        list is filtered by it; with a problem, the caller says so and drops the facets)."""
        if message.filters != self.filters:
            return False  # stale: the user chose other filters meanwhile
        self.reading = False
        if message.problem is None:
            self.ids = message.ids
        return True


def _read_facets(screen: Screen, store: Store, filters: Filters, query: FacetQuery) -> None:
    """In a worker thread: the programs the facets keep, posted to the screen."""
    from ...data.facets import program_ids

    try:
        if filters.measure is not None:  # its condition needs the deflators (read here)
            from dataclasses import replace

            from ...views.pesos import Pesos

            pesos = Pesos(filters.measure.target, store.deflators())
            query = replace(query, conditions=(filters.measure.condition(pesos),))
        ids = program_ids(store, query)
    except (DatasetError, OSError) as exc:
        screen.post_message(FacetsRead(filters, None, clean(str(exc))))
        return
    screen.post_message(FacetsRead(filters, ids))
