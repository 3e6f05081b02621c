"""A region's programs: spending there, its share, beneficiaries, M$ per beneficiary.

Programs whose ficha breaks spending down for the region are ranked by spending there (in one
peso basis, as views/across.py orders amounts); those that only list it are kept apart.
"""

from __future__ import annotations

from dataclasses import replace

from ..data.origin import computed
from ..geography import CANONICAL_REGIONS, canonical_region
from .across import (
    AcrossView,
    amount_cell,
    amount_record,
    base_record,
    basis_notes,
    group_counts,
    main_basis,
    peso_groups,
    pesos_notes,
)
from .across_order import count_other, name_key, order, section_of
from .figures import rounded
from .model import AMOUNT, COUNT, PERCENT, TEXT, YEAR, Bar, Cell, Column, Row, Table
from .pesos import EACH_FICHA, NO_FACTOR, Pesos
from .population import (
    census_note,
    per_inhabitant,
    per_inhabitant_column,
    population_share,
    population_share_column,
)
from .region_share import (
    COMPUTED_NOTE,
    legend,
    per_beneficiary,
    share_cell,
)
from .sources import region_origins


def region_view(rows: list, region: str, *, pesos: Pesos = EACH_FICHA) -> AcrossView:
    """Programs that break down spending for `region` (by spending there), and those that only
    list it among their regions (apart, by name). Amounts in `pesos`."""
    broken = [r for r in rows if r.has_breakdown]
    listed = sorted((r for r in rows if not r.has_breakdown), key=name_key)
    convert = peso_groups(pesos)
    entries = [(r, *convert(r.spending, r.price_year, r.year)) for r in broken]
    ordered, ranks, main_year, sections, places = order(entries, amount=True, target=pesos.target)
    basis = main_basis(main_year, pesos, ordered, ranks)
    columns = (
        Column("rank", "N°", COUNT),
        Column("program_name", "Programa", TEXT),
        Column("year", "Año", YEAR),
        Column("value", "Gasto en la región", AMOUNT, basis=basis),
        per_inhabitant_column(basis),
        Column("share_pct", "% del programa", PERCENT, unit="%", decimals=1),
        population_share_column(),
        Column("beneficiaries", "Beneficiarios", COUNT, unit="personas"),
        Column("per_beneficiary", "M$/benef.", AMOUNT, basis=basis, decimals=1),
    )
    shown = list(zip(ordered, ranks, places, strict=True))
    apart_kind = section_of(sections, len(shown))

    def build(i: int) -> tuple[Row, dict]:
        (r, _, _), rank, place = shown[i]
        spent = amount_cell(r.spending, r.spending_status, r.price_year, r.year, pesos)
        per_value, per_status = per_beneficiary(
            r.spending, r.spending_status, r.beneficiaries, r.beneficiaries_status
        )
        per = amount_cell(per_value, per_status, r.price_year, r.year, pesos)
        share = share_cell(r.share, None, r.share_computed, r.spending_status)
        beneficiaries = Cell(r.beneficiaries, r.beneficiaries_status)
        spent_at, row_at = region_origins(r)
        if spent_at is not None and row_at is not None:  # the regional row: line and header
            spent = replace(spent, origin=spent_at)
            share = replace(
                share,
                origin=row_at
                if share.note != COMPUTED_NOTE
                else computed("gasto de la región / gasto regional del programa x 100", row_at),
            )
            beneficiaries = replace(beneficiaries, origin=row_at)
            per = replace(per, origin=computed("gasto / beneficiarios", row_at))
        per_head = per_inhabitant(spent, region)
        if spent_at is not None:
            rule = "gasto / población de la región (censo 2024)"
            per_head = replace(per_head, origin=computed(rule, spent_at))
        people = population_share(region)
        cells = (Cell(place), Cell(r.program_name), Cell(r.year), spent, per_head, share, people,
                 beneficiaries, per)  # fmt: skip
        record = base_record(r, rank, spent)
        record.update(group=apart_kind[i], group_rank=place if apart_kind[i] else None)
        record.update(amount_record(spent, pesos))
        if spent.note == NO_FACTOR and pesos.target is not None:
            record.update(value=None, status=NO_FACTOR)
        record.update(
            per_inhabitant_clp=per_head.value if per_head.note != NO_FACTOR else None,
            share_pct=share.value,
            share_computed=share.note == COMPUTED_NOTE,
            population_pct=people.value,
            beneficiaries=r.beneficiaries,
            beneficiaries_status=r.beneficiaries_status,
            per_beneficiary_kclp=(
                None
                if per.note == NO_FACTOR
                else rounded(per.value, 1)
                if per.factor is not None
                else per.value
            ),
            breakdown=True,
        )
        return Row(cells, key=r.program_id), record

    apart_rows, apart_records = [], []
    for r in listed:
        apart_rows.append(Row((Cell(r.program_name), Cell(r.year)), key=r.program_id))
        record = base_record(r, None, Cell(None, "sin desglose regional"))
        record.update(unit="M$", breakdown=False)
        apart_records.append(record)
    n_missing = sum(1 for r in broken if r.spending is None)
    n_other = count_other(sections)
    header = Table(
        key="region",
        title=f"Programas con gasto en {region}",
        columns=columns,
        # What the marks and M$/benef. mean before the census source: the screen's notes box
        # shows five lines.
        notes=tuple(basis_notes(True, basis, pesos))
        + (
            (legend(any(r.share is None and r.share_computed is not None for r in broken)),)
            if broken
            else ()
        )
        + pesos_notes(
            [build(i)[0].cells[3] for i in range(len(shown))] if pesos.target else [], pesos
        )
        + ((census_note(r.year for r in broken),) if broken else ()),
        empty=f"Ningún programa desglosa gasto para {region}.",
        order="gasto en la región, de mayor a menor; sin dato al final",
    )
    apart = Table(
        key="region:sin-desglose",
        title="Sin desglose regional (la ficha lista la región, sin montos para ella)",
        columns=(Column("program_name", "Programa", TEXT), Column("year", "Año", YEAR)),
        rows=tuple(apart_rows),
        empty="Ninguno.",
        order="nombre",
    )
    view = AcrossView(
        measure="region",
        title=region,
        unit="M$",
        basis=basis,
        header=header,
        size=len(shown),
        build=build,
        counts={
            **group_counts(len(rows), n_missing, n_other, pesos),
            "breakdown": len(broken),
            "without_breakdown": len(listed),
        },
        apart=apart,
        sections=sections,
    )
    view._apart_records = tuple(apart_records)
    return view


def region_bars(view: AcrossView, rows) -> list[tuple[Bar, Bar]]:
    """Bars of the rows shown: (spending there, share of the program's spending).

    The spending bar scales to the largest spending shown among the ranked rows (those in the
    view's one peso basis); a figure in other pesos or without a factor is listed unranked and
    gets no bar, since it cannot be drawn against the others. The share scales to 100 %.
    """
    i_value = view.header.column("value")
    i_share = view.header.column("share_pct")
    apart = section_of(view.sections, len(rows))  # `rows` are the view's first ones

    def spent(row, kind) -> float | None:
        value = row.cells[i_value].value
        return value if kind is None and value is not None and value > 0 else None

    top = max((v for v in map(spent, rows, apart) if v is not None), default=None)
    out = []
    for row, kind in zip(rows, apart, strict=True):
        value, share = spent(row, kind), row.cells[i_share].value
        out.append(
            (
                Bar(value / top if value is not None and top else None),
                Bar(min(1.0, share / 100) if share is not None and share > 0 else None),
            )
        )
    return out


def largest_region(regions) -> str | None:
    """The region where a program spends most (data.detail_records.Region rows, in one ficha's
    pesos), canonical; None when its ficha breaks down no spending by region."""
    spent = []
    for r in regions:
        region = canonical_region(r.region)
        value = r.spending.value
        if region in CANONICAL_REGIONS and value is not None and value > 0:
            spent.append((-value, CANONICAL_REGIONS.index(region), region))
    return min(spent)[2] if spent else None
