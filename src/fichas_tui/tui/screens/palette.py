"""The command palette (ctrl+p) in Spanish, and its providers: a program by name, Comparar, Tema."""

from __future__ import annotations

from functools import partial
from typing import TYPE_CHECKING

from textual.command import DiscoveryHit, Hit, Hits, Provider
from textual.content import Content

from ...text import one_line
from ...views.figures import years_label
from ..compat import NoMatchesPalette

MAX_HITS = 40
PROGRAM_PLACEHOLDER = "Buscar un programa por nombre, servicio o ministerio (o «Tema»)…"
NO_PROGRAM = "Ningún programa coincide"

if TYPE_CHECKING:
    from ..app import FichasApp


class Palette(NoMatchesPalette):
    """Textual's command palette with its texts in Spanish (placeholder, no matches)."""

    def __init__(self, *, no_matches: str = NO_PROGRAM, **kwargs) -> None:
        kwargs.setdefault("placeholder", PROGRAM_PLACEHOLDER)
        super().__init__(**kwargs)
        self.no_matches = no_matches


def _help(program) -> Content:
    # Content, not str: the palette parses a str as markup, and ficha text is data.
    return Content(f"{one_line(program.service or '')} · fichas {years_label(program.years)}")


class ProgramsProvider(Provider):
    """Programs whose name, ministry or service hold every typed word."""

    if TYPE_CHECKING:  # the explorer's app, typed

        @property
        def app(self) -> FichasApp: ...  # type: ignore[override]  # App[object]: invariant

    def _store(self):
        return getattr(self.app, "store", None)

    async def discover(self) -> Hits:
        store = self._store()
        if store is None:
            return
        for program in store.programs()[:MAX_HITS]:
            yield DiscoveryHit(
                Content(one_line(program.name)),
                partial(self.app.open_program, program.program_id),
                text=one_line(program.name),
                help=_help(program),  # type: ignore[arg-type]  # typed str, drawn as Content
            )

    async def search(self, query: str) -> Hits:
        store = self._store()
        if store is None:
            return
        matcher = self.matcher(query)
        style = matcher.match_style
        # The word filter narrows thousands of programs cheaply; the fuzzy matcher only ranks.
        for program in store.filter(query)[:MAX_HITS]:
            name = one_line(program.name)
            score = matcher.match(name) or 0.1
            yield Hit(
                score,
                highlight(matcher, name, style),
                partial(self.app.open_program, program.program_id),
                text=name,
                help=_help(program),  # type: ignore[arg-type]  # typed str, drawn as Content
            )


def highlight(matcher, name: str, style) -> Content:
    """The name with the matched letters styled; unlike Matcher.highlight, never as markup."""
    content = Content(name)
    _score, offsets = matcher.fuzzy_search.match(matcher.query, name)
    for offset in offsets:
        if offset < len(name) and not name[offset].isspace():
            content = content.stylize(style, offset, offset + 1)
    return content


class CompareCommand(Provider):
    """«Comparar» in the palette: the program under the cursor with another or another year."""

    if TYPE_CHECKING:  # the explorer's app, typed

        @property
        def app(self) -> FichasApp: ...  # type: ignore[override]  # App[object]: invariant

    async def search(self, query: str) -> Hits:
        label = "Comparar: este programa con otro o con otro año"
        score = self.matcher(query).match(label)
        # the palette is the screen on top now: ask for the main screen below it
        if score > 0 and self.app.store is not None and self.app.browser() is not None:
            yield Hit(score, label, self.app.action_compare, text=label)


class ThemeCommand(Provider):
    """«Tema» in the palette: Textual's theme picker (the choice is remembered)."""

    async def search(self, query: str) -> Hits:
        label = "Tema: cambiar los colores"
        score = self.matcher(query).match(label)
        if score > 0:
            yield Hit(score, label, self.app.action_change_theme, text=label)


def factors_command() -> type[Provider]:
    """«Factores» in the palette, imported when the palette opens (not at start-up)."""
    from .factors import FactorsCommand

    return FactorsCommand
