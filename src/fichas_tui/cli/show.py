"""`fichas show TEXT`: one program's summary as Rich tables or JSON, without the full-screen UI."""

from __future__ import annotations

import sys
from collections.abc import Sequence
from pathlib import Path

from rich.console import Console
from rich.padding import Padding
from rich.text import Text

from ..data.bounds import ROW_LIMIT
from ..data.dataset import DatasetError
from ..data.detail_records import ProgramDetail
from ..data.diagnosis import folder_problem, ingest_command, missing_message, missing_tables
from ..data.queries import DatasetMissing, ProgramRow, Store
from ..render.rich_tables import renderable
from ..text import clean, fold
from ..views import read_limits
from ..views.figures import number, years_label
from ..views.panes import REQUIRED_TABLES
from ..views.pesos import EACH_FICHA, NoFactors, Pesos, resolve
from ..views.program import program_view
from ..views.serialize import dumps, program

EXIT_NOT_FOUND = 1
EXIT_AMBIGUOUS = 2
EXIT_NO_DATA = 3


def run_show(
    text: str,
    data_dir: Path,
    *,
    year: int | None = None,
    as_json: bool = False,
    pesos: int | None = None,
    console: Console | None = None,
    everything: bool = False,
) -> int:
    """Print one program and return the exit code (0 found, 1 none, 2 several or a `pesos`
    year the dataset's factors do not reach, 3 no dataset). With `pesos`, amounts in M$ of
    that year, each with its factor and the basis the ficha prints it in. Each table shows up
    to ROW_LIMIT rows per ficha unless `everything` (`--todo`)."""
    out = console or Console(highlight=False)
    err = Console(stderr=True, highlight=False) if console is None else console
    try:
        store = Store.open(data_dir)
    except DatasetMissing as exc:
        problem = folder_problem(data_dir) or str(exc)
        err.print(Text(f"{clean(problem)}\nEjecute primero: {ingest_command(data_dir)}"))
        return EXIT_NO_DATA
    except (DatasetError, OSError) as exc:
        err.print(
            Text(
                f"No se puede leer el dataset: {clean(str(exc))}\n"
                f"Vuelva a generarlo con: {ingest_command(data_dir)}"
            )
        )
        return EXIT_NO_DATA
    try:
        try:
            basis = resolve(store.deflators(), pesos)
        except NoFactors as exc:
            err.print(Text(str(exc), style="bold red"))
            return EXIT_AMBIGUOUS
        except (DatasetError, OSError) as exc:
            err.print(Text(f"No se pueden leer los factores: {clean(str(exc))}"))
            return EXIT_NO_DATA
        matches = find(store, text)
        if not matches:
            err.print(Text(f"Ningún programa coincide con «{clean(text)}».", style="bold red"))
            return EXIT_NOT_FOUND
        if len(matches) > 1:
            return _candidates(out, text, matches, as_json)
        try:
            detail = store.detail(
                matches[0].program_id, year, limit=None if everything else ROW_LIMIT
            )
        except (DatasetError, OSError) as exc:
            err.print(
                Text(
                    f"No se puede leer «{clean(matches[0].name)}»: {clean(str(exc))}\n"
                    f"Vuelva a generar el dataset con: {ingest_command(data_dir)}"
                )
            )
            return EXIT_NO_DATA
        if detail is None:
            err.print(Text(f"«{clean(matches[0].name)}» ya no está en el dataset."))
            return EXIT_NOT_FOUND
        absent = missing_tables(data_dir, REQUIRED_TABLES)
        if absent:
            err.print(Text("Aviso: " + missing_message(data_dir, sorted(absent))))
        for cut in detail.truncated:
            err.print(
                Text(
                    f"Aviso: {read_limits.label(cut.table)}: {number(cut.left_out)} "
                    f"{cut.unit} más no se muestran (--todo muestra todo)"
                )
            )
        if year is not None and detail.year != year:
            err.print(
                Text(
                    f"«{clean(detail.program.name)}» no tiene ficha de {year}; "
                    f"hay de {years_label(detail.years)}.",
                    style="bold red",
                )
            )
            return EXIT_NOT_FOUND
        if as_json:
            out.file.write(dumps(program(program_view(detail, pesos=basis))) + "\n")
        else:
            print_detail(out, detail, basis)
        return 0
    finally:
        store.close()


def find(store: Store, text: str) -> Sequence[ProgramRow]:
    """Programs matching TEXT; an exact name or id wins over partial matches."""
    exact = [p for p in store.programs() if text == p.program_id or fold(text) == fold(p.name)]
    return tuple(exact) if exact else store.filter(text)


def _candidates(out: Console, text: str, matches, as_json: bool) -> int:
    if as_json:
        rows = [
            {
                "program_id": p.program_id,
                "name": p.name,
                "service": p.service,
                "years": list(p.years),
            }
            for p in matches
        ]
        out.file.write(dumps({"candidates": rows}) + "\n")
        return EXIT_AMBIGUOUS
    # One entry per program, its id first and whole (it is what the user types next: a table
    # column cut or folded it at 80 columns), then name, service and fichas, wrapped.
    out.print(Text(f"{len(matches)} programas coinciden con «{clean(text)}»:", style="bold"))
    for p in matches:
        out.print(Text(f"  {p.program_id}"))
        about = " · ".join((clean(p.name), clean(p.service or "—"), years_label(p.years)))
        out.print(Padding(Text(about, style="dim", overflow="fold"), (0, 0, 0, 4)))
    out.print(Text("Precise el nombre (o use el id) para ver uno."))
    return EXIT_AMBIGUOUS


def print_detail(out: Console, detail: ProgramDetail, pesos: Pesos = EACH_FICHA) -> None:
    """Every pane of the program, as the explorer shows them; a table too wide for the
    terminal (or a pipe's 80 columns) is stacked row by row, never cut."""
    view = program_view(detail, pesos=pesos)
    out.print(Text(clean(view.name), style="bold"))
    if view.subtitle:
        out.print(Text(clean(view.subtitle), style="dim"))
    for pane in view.panes:
        out.print()
        out.print(Text(f"── {pane.title} ", style="bold magenta"))
        out.print(renderable(pane, fit=True))


if __name__ == "__main__":  # pragma: no cover
    sys.exit(run_show(sys.argv[1], Path(sys.argv[2])))
