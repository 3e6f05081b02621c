"""What `fichas compare A B` prints: two fichas side by side as text, JSON or CSV."""

from __future__ import annotations

from pathlib import Path

from rich.console import Console
from rich.text import Text

from ..data.compare import compared_fichas
from ..data.dataset import DatasetError
from ..data.queries import Store
from ..render.export import records_csv
from ..text import clean
from ..views.compare import CompareView, Side, compare_view
from ..views.figures import years_label
from .across_output import (
    EXIT_NOT_FOUND,
    EXIT_USAGE,
    Refused,
    consoles,
    is_terminal,
    open_store,
    print_table,
    refuse,
    resolve_pesos,
)
from .show import dumps, find


def resolve_program(store: Store, text: str):
    """The one program `text` names (an id, an exact name or words of it), or Refused."""
    matches = find(store, text)
    if not matches:
        raise Refused(f"Ningún programa coincide con «{clean(text)}».", EXIT_NOT_FOUND)
    if len(matches) > 1:
        listed = "\n".join(f"  {clean(p.program_id)}  {clean(p.name)}" for p in matches[:15])
        more = f"\n  ... y {len(matches) - 15} más" if len(matches) > 15 else ""
        raise Refused(
            f"«{clean(text)}» coincide con {len(matches)} programas; precise el nombre o use "
            f"su id:\n{listed}{more}"
        )
    return matches[0]


def _sides(store: Store, picks: list[tuple[str, int | None]]) -> list[Side]:
    """The ficha each (text, year) names, read together (data/compare.py), or Refused."""
    programs = [resolve_program(store, text) for text, _ in picks]
    found = compared_fichas(
        store, [(p.program_id, y) for p, (_, y) in zip(programs, picks, strict=True)]
    )
    for program, (_, year), side in zip(programs, picks, found, strict=True):
        if side is None:
            raise Refused(f"«{clean(program.name)}» ya no está en el dataset.", EXIT_NOT_FOUND)
        if year is not None and side.year != year:
            raise Refused(
                f"«{clean(program.name)}» no tiene ficha de {year}; hay de "
                f"{years_label(side.years)}.",
                EXIT_NOT_FOUND,
            )
    return [side for side in found if side is not None]  # every one (refused above if not)


def run_compare(
    first: str,
    second: str,
    data_dir: Path,
    *,
    years: tuple[int, ...] = (),
    pesos: int | str | None = None,
    fmt: str = "text",
    console=None,
) -> int:
    out, err = consoles(console)
    try:
        if len(years) > 2:
            raise Refused("Use --year una vez (ambos) o dos veces (A y B).", EXIT_USAGE)
        year_a = years[0] if years else None
        year_b = years[-1] if years else None
        store = open_store(data_dir)
        try:
            a, b = _sides(store, [(first, year_a), (second, year_b)])
            basis = resolve_pesos(store, pesos)
            view = compare_view(a, b, basis)
        finally:
            store.close()
    except (Refused, DatasetError) as exc:
        return refuse(err, exc)
    if fmt == "json":
        out.file.write(dumps(to_json(view)) + "\n")
    elif fmt == "csv":
        out.file.write(records_csv(view.records, terminal=is_terminal(out)))
    else:
        print_compare(out, view)
    return 0


def to_json(view: CompareView) -> dict:
    return {
        "measure": "comparacion",
        "title": view.title,
        "unit": None,
        "basis": view.basis,
        "programs": [
            {
                "side": side,
                "program_id": s.program_id,
                "program_name": s.program_name,
                "ficha_id": s.ficha_id,
                "year": s.year,
            }
            for side, s in zip("AB", view.sides, strict=True)
        ],
        "rows": list(view.records),
    }


def print_compare(out: Console, view: CompareView) -> None:
    out.print(Text(clean(view.title), style="bold"))
    out.print(Text(f"A: {clean(view.sides[0].label)}\nB: {clean(view.sides[1].label)}"))
    out.print(Text(f"Montos en {view.basis}.", style="dim"))
    for table in view.tables:
        out.print()
        print_table(out, table)
