"""Totales: the selection's budget summed in one peso basis, by group, with what was left out.

Sums come from data/totals.py per peso basis. Each is converted to the basis in force (a sum
of figures in one basis converts as its figures would, one factor each); without a target, the
basis is the newest pesos among the executed figures. Figures in another basis, or without a
factor for theirs, are never added in: they are counted apart, as are programs with no figure
(never as 0).
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from typing import Any

from ..data.totals import CONCEPTS, BudgetSum, GroupCount
from ..text import fold
from .across import main_basis, peso_groups
from .model import AMOUNT, BAR, COUNT, PERCENT, TEXT, TOTAL, Bar, Basis, Cell, Column, Row, Table
from .pesos import EACH_FICHA, Pesos

# --por / the screen's [ ]: key -> (column title, label of a program without the field)
GROUP_TITLES = {
    "ministerio": ("Ministerio", "(sin ministerio)"),
    "servicio": ("Servicio", "(sin servicio)"),
    "region": ("Región", "(sin región)"),
    "hallazgo": ("Hallazgo", "(ficha sin veredictos)"),
}
CONCEPT_TITLES = {"inicial": "Inicial", "final": "Final", "ejecutado": "Ejecutado"}
SHARE_NOTE = "% total: ejecutado del grupo sobre el de todo el dataset, en la misma base."


@dataclass
class _Sum:
    total: float = 0.0
    figures: int = 0  # in the basis summed
    apart: int = 0  # in another basis, or without a factor: not summed

    @property
    def value(self) -> float | None:
        return self.total if self.figures else None


def in_one_basis(
    sums: list[BudgetSum], pesos: Pesos, main: int | None = None
) -> tuple[int | None, dict[tuple, _Sum]]:
    """(the year of the pesos summed, {(group, concept): _Sum}).

    With a target, every basis is converted to it and a basis without a factor is kept apart;
    without one, the pesos of `main` (else the newest among the executed figures) are summed
    and the others kept apart. Nominal pesos of a year count as pesos of that year.
    """
    convert = peso_groups(pesos)
    converted = [(s, *convert(s.total, s.price_year, s.year)) for s in sums]
    if pesos.target is not None:
        main = pesos.target
    elif main is None:
        years = [y for s, _, y in converted if s.concept == "ejecutado" and y is not None]
        years = years or [y for _, _, y in converted if y is not None]
        main = max(years, default=None)
    out: dict[tuple, _Sum] = defaultdict(_Sum)
    for s, value, year in converted:
        acc = out[(s.group, s.concept)]
        if year == main and value is not None:
            acc.total += value
            acc.figures += s.figures
        else:
            acc.apart += s.figures
    return main, out


@dataclass(frozen=True)
class TotalsView:
    by: str
    basis: Basis | None  # the pesos summed (None: no figure at all)
    table: Table
    records: tuple[dict[str, Any], ...]
    total: dict[str, Any]  # the whole selection, as a record


def _record(
    group, count: GroupCount | None, sums: dict, whole: float | None, apart: str
) -> dict:
    executed = sums.get("ejecutado", _Sum())
    programs = count.programs if count else 0
    record: dict[str, Any] = {
        "group": group,
        "programs": programs,
        "fichas": count.fichas if count else 0,
    }
    for concept in CONCEPTS:
        record[concept] = sums.get(concept, _Sum()).value
    record["share_pct"] = (
        executed.value / whole * 100 if executed.value is not None and whole else None
    )
    record["missing"] = programs - executed.figures - executed.apart
    record[apart] = executed.apart
    for concept in ("inicial", "final"):
        got = sums.get(concept, _Sum())
        record[f"missing_{concept}"] = programs - got.figures - got.apart
        record[f"{apart}_{concept}"] = got.apart
    return record


def totals_view(
    by: str,
    grouped: tuple[list[GroupCount], list[BudgetSum]],
    selection: tuple[list[GroupCount], list[BudgetSum]],
    dataset: tuple[list[GroupCount], list[BudgetSum]],
    *,
    pesos: Pesos = EACH_FICHA,
) -> TotalsView:
    """The groups of `grouped` by executed amount (missing last), the whole selection last.

    `selection` and `dataset` are the same sums ungrouped (one group, None): the selection's
    own total (a program in several regions counts once there) and the dataset's, which the
    shares are of. All three are summed in the basis chosen on the selection's figures.
    """
    counts, sums = grouped
    main, summed = in_one_basis(sums, pesos)
    # the same pesos for all three (the dataset's newest could be other than the selection's)
    _, whole = in_one_basis(dataset[1], pesos, main)
    _, mine = in_one_basis(selection[1], pesos, main)
    whole_executed = whole.get((None, "ejecutado"), _Sum()).value
    by_group: dict[Any, dict] = defaultdict(dict)
    for (group, concept), acc in summed.items():
        by_group[group][concept] = acc
    apart = apart_key(pesos)
    records = [
        _record(c.group, c, by_group.get(c.group, {}), whole_executed, apart) for c in counts
    ]
    title, nameless = GROUP_TITLES[by]
    for r in records:
        if by == "hallazgo":
            _verdict_group(r)
        r["group"] = r["group"] if r["group"] is not None else nameless
    records.sort(
        key=lambda r: (r["ejecutado"] is None, -(r["ejecutado"] or 0.0), fold(str(r["group"])))
    )
    sel_counts = selection[0][0] if selection[0] else None
    total = _record(
        "Total", sel_counts, {c: a for (_g, c), a in mine.items()}, whole_executed, apart
    )
    basis = main_basis(main, pesos)
    table = _table(by, title, basis, records, total, pesos)
    return TotalsView(by, basis, table, tuple(records), total)


def _verdict_group(record: dict) -> None:
    """A `verdict:topic` group (data.totals) read as the filter dialog reads it, with its
    verdict and topic apart for scripts."""
    from .verdicts import option_label

    verdict, topic = None, None
    if record["group"] is not None:
        verdict, _, topic = str(record["group"]).partition(":")
        record["group"] = option_label(verdict, topic or None)
    record["verdict"], record["topic"] = verdict, topic or None


def apart_key(pesos: Pesos) -> str:
    """What figures not summed are: in other pesos (each ficha's) or without a factor."""
    return "other_basis" if pesos.target is None else "no_factor"


def _table(by, title, basis, records, total, pesos: Pesos) -> Table:
    apart = apart_key(pesos)
    top = max((r["ejecutado"] for r in records if r["ejecutado"] is not None), default=None)

    def row(r: dict, role: str = "data") -> Row:
        fraction = (
            r["ejecutado"] / top if r["ejecutado"] is not None and top and role == "data" else None
        )
        money = {
            c: Cell(r[c], None if r[c] is not None else "sin dato", basis=basis) for c in CONCEPTS
        }
        share = r["share_pct"]
        cells = [
            Cell(r["group"]),
            money["ejecutado"],
            Cell(share, None if share is not None else "-"),
            Cell(Bar(max(0.0, min(fraction, 1.0)) if fraction is not None else None)),
            Cell(r["programs"]),
            Cell(r["missing"]),
            Cell(r[apart]),
            Cell(r["fichas"]),
            money["inicial"],
            money["final"],
        ]
        return Row(tuple(cells), role=role, key=str(r["group"]))

    # what matters first (a narrow screen scrolls sideways to the rest); JSON and CSV keep
    # the records' order
    columns = (
        Column("group", title, TEXT),
        Column("ejecutado", CONCEPT_TITLES["ejecutado"], AMOUNT, basis=basis),
        Column("share_pct", "% total", PERCENT, unit="%", decimals=1),
        Column("chart", "", BAR, scale=top),
        Column("programs", "Progr.", COUNT),
        Column("missing", "Sin dato", COUNT),
        Column(apart, "Otra base" if apart == "other_basis" else "Sin factor", COUNT),
        Column("fichas", "Fichas", COUNT),
        *(Column(c, CONCEPT_TITLES[c], AMOUNT, basis=basis) for c in ("inicial", "final")),
    )
    notes = [
        f"Montos en {basis.label}." if basis else "Ninguna ficha de la selección trae montos.",
        SHARE_NOTE,
        "Sin dato: programas sin cifra de ejecutado (no cuentan como 0). "
        + (
            "Otra base: cifras en otros pesos, no sumadas."
            if pesos.target is None
            else "Sin factor: cifras en pesos sin factor hacia ese año, no sumadas."
        ),
    ]
    if by == "region":
        notes.append("Un programa que opera en varias regiones cuenta en cada una.")
    if by == "hallazgo":
        notes.append("Un programa con varios veredictos cuenta en cada uno.")
    return Table(
        f"totals:{by}",
        f"Totales por {title.lower()}",
        columns,
        (*(row(r) for r in records), row(total, TOTAL)),
        notes=tuple(notes),
        empty="Ningún programa en la selección.",
        order="ejecutado, de mayor a menor; sin dato al final",
    )
