"""`fichas cite PROGRAMA --medida M --año A`: one figure and where the ficha prints it."""

from __future__ import annotations

from pathlib import Path

from rich.console import Console
from rich.text import Text

from ..data.dataset import DatasetError
from ..data.diagnosis import ingest_command
from ..data.queries import DatasetMissing, Store
from ..text import clean, one_line
from ..views import citation
from ..views.program import program_view
from ..views.serialize import dumps
from .show import EXIT_AMBIGUOUS, EXIT_NO_DATA, EXIT_NOT_FOUND, find

_LINE_CHARS = 300  # a table row of 3,000 characters is cut: the figure is named above


def run_cite(
    text: str,
    data_dir: Path,
    measure: str,
    year: int,
    *,
    ficha_year: int | None = None,
    as_json: bool = False,
    console: Console | None = None,
) -> int:
    """Print the figure and its source; the exit code as `fichas show`'s."""
    out = console or Console(highlight=False)
    err = Console(stderr=True, highlight=False) if console is None else console
    try:
        store = Store.open(data_dir)
    except (DatasetMissing, DatasetError, OSError) as exc:
        err.print(Text(f"{clean(str(exc))}\nEjecute: {ingest_command(data_dir)}"))
        return EXIT_NO_DATA
    try:
        matches = find(store, text)
        if len(matches) != 1:
            names = ", ".join(one_line(m.name) for m in matches[:5])
            why = f"coinciden varios: {names}" if matches else "ninguno coincide"
            err.print(Text(f"Programa «{clean(text)}»: {why}.", style="bold red"))
            return EXIT_AMBIGUOUS if matches else EXIT_NOT_FOUND
        detail = store.detail(matches[0].program_id, ficha_year)
        if detail is None or (ficha_year is not None and detail.year != ficha_year):
            err.print(Text(f"«{clean(matches[0].name)}» no tiene ficha de {ficha_year}."))
            return EXIT_NOT_FOUND
        view = program_view(detail)
        figure = citation.find(view, measure, year)
        if figure is None:
            err.print(
                Text(f"La ficha {detail.year} no trae {measure} de {year}.", style="bold red")
            )
            return EXIT_NOT_FOUND
        if as_json:
            out.file.write(dumps(citation.as_dict(view, measure, year, figure)) + "\n")
            return 0
        out.print(Text(citation.text_of(view.name, measure, year, figure)), soft_wrap=True)
        origin = figure.cell.origin
        if origin is not None and origin.line is not None:
            stored = store.ficha_text(origin.ficha.ficha_id)
            lines = stored.split("\n") if stored else []
            if 0 < origin.line <= len(lines):  # the line as the ficha prints it: data, not markup
                line = one_line(lines[origin.line - 1])
                line = line if len(line) <= _LINE_CHARS else line[:_LINE_CHARS] + "…"
                out.print(Text(f"Línea {origin.line}: {line}"), soft_wrap=True)
        return 0
    finally:
        store.close()
