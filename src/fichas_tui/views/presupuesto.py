"""Presupuesto: budget and execution by year, administrative share, subtitles, components and
spending per beneficiary, each amount in the pesos its rows say."""

from __future__ import annotations

from dataclasses import replace

from ..data.detail_records import ProgramDetail
from ..data.list_records import Value
from . import per_beneficiary as spb
from .cells import of
from .figures import COMPUTED_MARK, COMPUTED_NOTE, code_notes
from .model import (
    AMOUNT,
    COUNT,
    PERCENT,
    TEXT,
    YEAR,
    Basis,
    Cell,
    Column,
    PaneView,
    Paragraphs,
    Row,
    Table,
)
from .pesos import EACH_FICHA, Pesos, annotate
from .read_limits import left_out_lines
from .revisions import index, mark, with_notes


def basis_of(price_years) -> tuple[Basis | None, str]:
    """The basis shared by rows with these price years (None: nominal), and its label.

    Rows in different pesos: no column basis (each cell carries its own) and the label says so.
    """
    found = set(price_years)
    if len(found) == 1:
        basis = Basis(price_year=found.pop())
        return basis, basis.label
    if not found:
        return None, "M$"
    return None, "M$ de distintos años, ver cada fila"


def _amounts_present(values: list[Value]) -> bool:
    return any(v.value is not None or v.status for v in values)


def budget(detail: ProgramDetail, pesos: Pesos = EACH_FICHA) -> Table:
    rows_in = [
        b for b in detail.budget if _amounts_present([b.inicial, b.final, b.ejecutado])
    ] or list(detail.budget)
    basis, label = basis_of(
        b.price_year for b in rows_in if _amounts_present([b.inicial, b.final, b.ejecutado])
    )
    nominal = _nominal_note(basis) if pesos.target is None else ()
    basis, label = pesos.column(basis, label)
    columns = (
        Column("year", "Año", YEAR),
        Column("inicial", "Inicial", AMOUNT, basis=basis),
        Column("final", "Final", AMOUNT, basis=basis),
        Column("ejecutado", "Ejecutado", AMOUNT, basis=basis),
        Column("exec_inicial", "% ej. inicial", PERCENT, unit="%", decimals=1),
        Column("exec_final", "% ej. final", PERCENT, unit="%", decimals=1),
    )
    rows = []
    codes = []
    found = index(detail.revisions, detail.year)
    for b in detail.budget:
        own = Basis(price_year=b.price_year)
        values = (b.inicial, b.final, b.ejecutado, b.exec_inicial, b.exec_final)
        codes += [v.status for v in values if v.value is None and v.status]
        amounts = (
            mark(pesos.cell(of(v, own), b.year), found, m, "", b.year, detail.year)
            for v, m in ((b.inicial, "inicial"), (b.final, "final"), (b.ejecutado, "ejecutado"))
        )
        rows.append(
            Row(
                (
                    Cell(b.year),
                    *amounts,
                    of(b.exec_inicial),
                    of(b.exec_final),
                ),
                key=str(b.year),
            )
        )
    table = Table(
        "budget",
        f"Presupuesto por año ({label})",
        columns,
        tuple(rows),
        notes=nominal + code_notes(codes),
        empty="La ficha no trae cuadro de presupuesto.",
    )
    return with_notes(annotate(table, pesos))


def _nominal_note(basis: Basis | None) -> tuple[str, ...]:
    if basis is not None and basis.price_year is None:
        return ("Montos en miles de pesos de cada año (nominales): no comparables entre años.",)
    return ()


def admin_share(detail: ProgramDetail) -> Table | None:
    if not any(b.admin_share.value is not None for b in detail.budget):
        return None
    return Table(
        "admin_share",
        "Gasto administrativo (% del gasto ejecutado)",
        (
            Column("year", "Año", YEAR),
            Column("admin_share", "% gasto administrativo", PERCENT, unit="%", decimals=1),
        ),
        tuple(Row((Cell(b.year), of(b.admin_share)), key=str(b.year)) for b in detail.budget),
    )


def subtitles(detail: ProgramDetail, pesos: Pesos = EACH_FICHA) -> Table:
    basis, label = pesos.column(*basis_of(s.price_year for s in detail.subtitles))
    rows = []
    for s in detail.subtitles:
        name = f"{s.subtitle} {s.name}" if s.subtitle else s.name
        rows.append(
            Row(
                (
                    Cell(name),
                    Cell(s.year),
                    pesos.cell(of(s.amount, Basis(price_year=s.price_year)), s.year),
                ),
                key=str(s.subtitle or s.name),
            )
        )
    table = Table(
        "subtitles",
        f"Gasto por subtítulo ({label})",
        (
            Column("subtitle", "Subtítulo", TEXT),
            Column("year", "Año", YEAR),
            Column("amount", "Gasto ejecutado", AMOUNT, basis=basis),
        ),
        tuple(rows),
        empty="La ficha no desglosa el gasto por subtítulo.",
    )
    return annotate(table, pesos)


def components(detail: ProgramDetail, pesos: Pesos = EACH_FICHA) -> list[Table]:
    """One table per component: spending, production and unit cost by year."""
    tables: list[Table] = []
    for i, component in enumerate(detail.components):
        basis, _label = pesos.column(*basis_of(y.price_year for y in component.years))
        rows = []
        for y in component.years:
            own = Basis(price_year=y.price_year)
            rows.append(
                Row(
                    (
                        Cell(y.year),
                        pesos.cell(of(y.spending, own), y.year),
                        of(y.production),
                        pesos.cell(of(y.unit_cost, own), y.year),
                    ),
                    key=str(y.year),
                )
            )
        unit = component.unit
        tables.append(
            annotate(
                Table(
                    f"component:{i}",
                    component.name + (f" ({unit})" if unit else ""),
                    (
                        Column("year", "Año", YEAR),
                        Column("spending", "Gasto", AMOUNT, basis=basis),
                        Column("production", "Producción", COUNT),
                        Column("unit_cost", "Costo unit.", AMOUNT, basis=basis, decimals=1),
                    ),
                    tuple(rows),
                ),
                pesos,
                converted_note=not tables,  # said once, on the first component
            )
        )
    return tables


def per_beneficiary(detail: ProgramDetail, pesos: Pesos = EACH_FICHA) -> Table | None:
    """Gasto por beneficiario by year as the ficha prints it; the evaluated year computed with
    the template's own definition when the ficha does not print it (marked, views/
    per_beneficiary.py)."""
    extra = spb.compute(detail)
    entries = [(a.year, a.amount, a.price_year) for a in detail.spending_per_beneficiary]
    if extra is not None:
        entries = sorted(
            [e for e in entries if e[0] != extra.year]
            + [(extra.year, extra.amount, extra.price_year)],
            key=lambda e: e[0],
        )
    if not entries:
        return None
    basis, label = pesos.column(*basis_of(price for _y, _a, price in entries))
    found = index(detail.revisions, detail.year)
    rows = []
    for year, amount, price in entries:
        cell = of(amount, Basis(price_year=price))
        if extra is not None and year == extra.year:
            cell = replace(cell, note=COMPUTED_NOTE)
        cell = mark(pesos.cell(cell, year), found, "gasto-por-beneficiario", "", year, detail.year)
        rows.append(Row((Cell(year), cell), key=str(year)))
    definition = spb.definition_note(detail.ficha.layout)
    notes: tuple[str, ...] = (definition,) if definition else ()
    if extra is not None:
        notes += (
            f"{COMPUTED_MARK} {extra.year}: la ficha no lo imprime; calculado con su definición: "
            f"{extra.inputs}.",
        )
    table = Table(
        "spending_per_beneficiary",
        f"Gasto por beneficiario ({label})",
        (
            Column("year", "Año", YEAR),
            Column("amount", "Gasto por beneficiario", AMOUNT, basis=basis, decimals=1),
        ),
        tuple(rows),
        notes=notes,
    )
    return with_notes(annotate(table, pesos))


def history(detail: ProgramDetail, pesos: Pesos = EACH_FICHA) -> Table | None:
    """Every ficha's budget in one table, by year: a year two fichas give appears twice, each
    with its ficha; in `pesos` (one basis when converting), else each row in its ficha's."""
    if not detail.budget_history:
        return None
    entries = sorted(detail.budget_history, key=lambda e: (e[1].year, e[0] or 0))
    basis, label = pesos.column(*basis_of(b.price_year for _f, b in entries))
    rows = []
    found = index(detail.revisions)
    for ficha_year, b in entries:
        own = Basis(price_year=b.price_year)
        amounts = (
            mark(pesos.cell(of(v, own), b.year), found, m, "", b.year, ficha_year)
            for v, m in ((b.inicial, "inicial"), (b.final, "final"), (b.ejecutado, "ejecutado"))
        )
        rows.append(
            Row(
                (
                    Cell(b.year),
                    Cell(ficha_year),
                    Cell(own.label),
                    *amounts,
                ),
                key=f"{b.year}:{ficha_year}",
            )
        )
    notes: tuple[str, ...] = ()
    if basis is None:
        notes = ("Cada fila en los pesos de su ficha: con p, todas en M$ de un mismo año.",)
    table = Table(
        "budget_history",
        f"Presupuesto en todas las fichas ({label})",
        (
            Column("year", "Año", YEAR),
            Column("ficha", "Ficha", YEAR),
            Column("source", "Pesos de la ficha", TEXT),
            Column("inicial", "Inicial", AMOUNT, basis=basis),
            Column("final", "Final", AMOUNT, basis=basis),
            Column("ejecutado", "Ejecutado", AMOUNT, basis=basis),
        ),
        tuple(rows),
        notes=notes,
        order="año; un año que dan dos fichas aparece con cada una",
    )
    return with_notes(annotate(table, pesos))


def build(detail: ProgramDetail, pesos: Pesos = EACH_FICHA) -> PaneView:
    """The pane with every amount in `pesos` (each ficha's own by default)."""
    blocks: list = [budget(detail, pesos)]
    every = history(detail, pesos)
    if every is not None:
        blocks.append(every)
    share = admin_share(detail)
    if share is not None:
        blocks.append(share)
    blocks.append(subtitles(detail, pesos))
    parts = components(detail, pesos)
    heading = "Componentes: gasto, producción y costo unitario"
    if parts:
        _basis, label = pesos.column(
            *basis_of(y.price_year for c in detail.components for y in c.years)
        )
        blocks.append(Paragraphs("components", f"{heading} ({label})"))
        blocks += parts
    else:
        blocks.append(Paragraphs("components", heading, empty="La ficha no informa componentes."))
    spb = per_beneficiary(detail, pesos)
    if spb is not None:
        blocks.append(spb)
    left_out = left_out_lines(detail, "budget", "ratios", "subtitles", "components")
    if left_out:
        blocks.append(Paragraphs("truncated", "", left_out))
    return PaneView("presupuesto", "Presupuesto", tuple(blocks))
