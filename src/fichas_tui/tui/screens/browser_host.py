"""What BrowserScreen's mixins (ProgramLoading, PesosSwitch, FacetFilter) use of the screen they
are mixed into, declared for the type checker; at run time the mixins stay plain classes."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Callable

    from textual import getters
    from textual.screen import Screen

    from ...data.queries import Store
    from ...views.pesos import Pesos
    from ..app import FichasApp

    class BrowserHost(Screen[None]):
        app = getters.app(FichasApp)
        pesos: Pesos
        sort: str
        shown_count: int
        _budget_keys: list[int] | None

        @property
        def store(self) -> Store: ...

        def refilter(self) -> None: ...

        def _update_header(self) -> None: ...

        # the browser's takes the programs shown; the across screen's (which has its own
        # set_pesos) none
        _update_status: Callable[..., None]

else:
    BrowserHost = object
