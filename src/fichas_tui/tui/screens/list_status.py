"""What the main screen's list says about itself: its status line, the text of an empty list,
and the order by executed amount; plain functions of the list's state."""

from __future__ import annotations

from bisect import bisect_left
from typing import NamedTuple

from rich.style import Style
from rich.text import Text

from ...data.list_columns import Programs
from ...text import one_line
from ...views.pesos import Pesos, executed, executed_key, main_pesos
from ..filter_state import Filters

_catalog: tuple[object, str] | None = None  # (the program table, its catalog count)


def no_match(typed: str, filters: Filters) -> str:
    """What an empty list says: the typed text and the filters that left nothing."""
    typed = one_line(typed).strip()
    which = [f"«{typed}»"] if typed else []
    if filters.label():
        which.append(f"los filtros ({filters.label()})")
    if not which:
        return "No hay programas en el dataset."
    return "Ningún programa coincide con " + " y ".join(which) + "."


def catalog_status(programs: Programs) -> str:
    """' · BIPS 2 de 677': the catalog's programs the dataset has (by the BIPS numbers
    ingest kept), counted once per program table from its column (no query)."""
    global _catalog
    from ...reference.catalog import catalog_size

    table = programs.table
    if _catalog is None or _catalog[0] is not table:
        numbers = {n for n in table.column("id_bips") if n is not None}
        _catalog = (table, f" · BIPS {len(numbers)} de {catalog_size()}")
    return _catalog[1]


def status_line(
    shown: int,
    programs: Programs,
    filters: Filters,
    filtering: bool,
    by_budget: bool,
    pesos: Pesos,
    source_label: str | None,
    warning: Style,
    unconverted: int = 0,
) -> Text:
    """' 5 de 677 programas · filtros: … · BIPS … · orden: nombre · pesos de cada ficha ·
    muestra incluida': what the list shows of the dataset, and how."""
    text = Text(f" {shown} de {len(programs)} programas", style="bold")
    if unconverted:  # converting, amounts no factor reaches: first, it must show at 60 columns
        text.append(f" · {unconverted} sin convertir", style=warning)
    if filters.label() or filtering:  # first: it must show at 60 columns
        text.append(" · ", style="dim")
        text.append("filtros: " + filters.label(), style=warning)
        if filtering:
            text.append(" (filtrando…)", style=warning)
    text.append(catalog_status(programs), style="dim")
    text.append(f" · orden: {'presupuesto' if by_budget else 'nombre'}", style="dim")
    text.append(f" · {pesos.label}", style="bold" if pesos.target else "dim")
    if source_label:  # which dataset: "muestra incluida" or its folder
        text.append(" · ", style="dim")
        text.append(source_label, style="dim")
    return text


class BudgetOrder(NamedTuple):
    """The order by executed amount: each program's place (by position in the store's table),
    and the places where the programs ranked apart (other pesos, no factor) start and end."""

    rank: list[int]
    apart_from: int
    apart_to: int


def budget_ranks(everyone: Programs, pesos: Pesos) -> BudgetOrder:
    """The order by executed amount, which compares one basis only (views.pesos.executed_key:
    0 ranked, 1 apart, 2 missing, first in each key)."""
    main = main_pesos(everyone, pesos)
    keys = [executed_key(p, executed(p, pesos), main) for p in everyone]
    order = sorted(range(len(keys)), key=keys.__getitem__)
    rank = [0] * len(keys)
    for place, position in enumerate(order):
        rank[position] = place
    groups = [keys[position][0] for position in order]
    return BudgetOrder(rank, bisect_left(groups, 1), bisect_left(groups, 2))


def apart_heading(programs: Programs, order: BudgetOrder, pesos: Pesos) -> tuple[int, str] | None:
    """Sorted by amount: the list's heading over the programs ranked apart (row, text), found
    by bisection over the programs' places; None when none of them is listed."""
    if order.apart_from == order.apart_to:
        return None
    every = programs.positions if programs.positions is not None else range(len(programs))
    i = bisect_left(every, order.apart_from, key=order.rank.__getitem__)
    if i >= len(every) or order.rank[every[i]] >= order.apart_to:
        return None
    if pesos.target is None:
        return i, "En otra base de pesos: ordenados aparte"
    return i, "Sin convertir (sin factor para su año): ordenados aparte"
