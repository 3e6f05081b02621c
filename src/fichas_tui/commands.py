"""Command palette provider (ctrl+p): jump to any program by name."""

from __future__ import annotations

from functools import partial

from textual.command import DiscoveryHit, Hit, Hits, Provider

from .formatting import clean, years_label

MAX_HITS = 40


class ProgramsProvider(Provider):
    """Programs whose name, ministry or service hold every typed word."""

    def _store(self):
        return getattr(self.app, "store", None)

    async def discover(self) -> Hits:
        store = self._store()
        if store is None:
            return
        for program in store.programs()[:MAX_HITS]:
            yield DiscoveryHit(
                clean(program.name),
                partial(self.app.open_program, program.program_id),
                help=f"{clean(program.service or '')} · fichas {years_label(program.years)}",
            )

    async def search(self, query: str) -> Hits:
        store = self._store()
        if store is None:
            return
        matcher = self.matcher(query)
        # The word filter narrows thousands of programs cheaply; the fuzzy matcher only ranks.
        for program in store.filter(query)[:MAX_HITS]:
            name = clean(program.name)
            score = matcher.match(name) or 0.1
            yield Hit(
                score,
                matcher.highlight(name),
                partial(self.app.open_program, program.program_id),
                text=name,
                help=f"{clean(program.service or '')} · fichas {years_label(program.years)}",
            )
