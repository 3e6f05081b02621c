"""What `fichas totales` and `fichas regiones` print: a summary table as text, JSON or CSV."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import NamedTuple

from rich.console import Console

from ..data.across import Selection
from ..data.dataset import DatasetError
from ..data.queries import Store
from ..render.export import records_csv
from ..views.measure_filter import filters_note
from ..views.model import Table
from ..views.pesos import EACH_FICHA, Pesos
from .across_output import (
    Refused,
    _finite,
    consoles,
    open_store,
    refuse,
    resolve_filters,
    resolve_names,
    resolve_pesos,
    resolve_region,
    resolve_verdict,
)
from .show import dumps


class Filters(NamedTuple):
    """The filters of `fichas ranking`, as typed."""

    year: int | None = None
    region: str | None = None
    ministry: str | None = None
    service: str | None = None
    layout: str | None = None
    with_warnings: bool = False
    pesos: int | None = None
    measure_filters: tuple[str, ...] = ()  # --filtro, as typed
    hallazgo: str | None = None


def selection_of(store: Store, filters: Filters, pesos: Pesos = EACH_FICHA) -> Selection:
    """The Selection the filters mean (names resolved against the dataset; amounts of the
    numeric filters in `pesos`), or Refused."""
    facets = store.facets()
    verdict, topic = resolve_verdict(filters.hallazgo)
    conditions = resolve_filters(filters.measure_filters, pesos)
    return Selection(
        year=filters.year,
        ministries=resolve_names(filters.ministry, facets.ministries, "ministerio"),
        services=resolve_names(filters.service, facets.services, "servicio"),
        region=resolve_region(filters.region) if filters.region is not None else None,
        layout=filters.layout,
        with_warnings=filters.with_warnings,
        verdict=verdict,
        topic=topic,
        conditions=tuple(c.condition(pesos) for c in conditions),
    )


def stated(table: Table, filters: Filters, pesos: Pesos, head: dict) -> Table:
    """`table` with a note on its numeric filters (and `head` with them, for JSON)."""
    measure_filters = resolve_filters(filters.measure_filters, pesos)
    note = filters_note(measure_filters)
    if note is None:
        return table
    head["measure_filters"] = [f.record() for f in measure_filters]
    return replace(table, notes=(*table.notes, note))


def run_totals(
    by: str, data_dir: Path, filters: Filters, *, fmt: str = "text", console=None
) -> int:
    from ..data.totals import totals_inputs
    from ..views.totals import totals_view

    out, err = consoles(console)
    try:
        store = open_store(data_dir)
        try:
            pesos = resolve_pesos(store, filters.pesos)
            selection = selection_of(store, filters, pesos)
            view = totals_view(by, *totals_inputs(store, by, selection), pesos=pesos)
        finally:
            store.close()
    except (Refused, DatasetError) as exc:
        return refuse(err, exc)
    basis = view.basis
    head = {
        "por": by,
        "basis": basis.label if basis else None,
        "price_year": basis.price_year if basis else None,
        "unit": "M$",
        "filters": filters._asdict(),
    }
    table = stated(view.table, filters, pesos, head)
    emit(out, table, list(view.records), view.total, fmt, head)
    return 0


def run_regions(data_dir: Path, filters: Filters, *, fmt: str = "text", console=None) -> int:
    from ..data.totals import region_totals, selected_years
    from ..views.regions_summary import regions_view

    out, err = consoles(console)
    try:
        store = open_store(data_dir)
        try:
            pesos = resolve_pesos(store, filters.pesos)
            selection = selection_of(store, filters, pesos)
            sums = region_totals(store, selection)
            years = selected_years(store, selection)
            view = regions_view(sums, pesos=pesos, years=years)
        finally:
            store.close()
    except (Refused, DatasetError) as exc:
        return refuse(err, exc)
    basis = view.basis
    head = {
        "basis": basis.label if basis else None,
        "price_year": basis.price_year if basis else None,
        "unit": "M$",
        "per_inhabitant_unit": "$",
        "census": {"year": 2024, "source": "INE, Censo de Población y Vivienda 2024",
                   "licence": "CC BY 4.0"},
        "filters": filters._asdict(),
    }  # fmt: skip
    table = stated(view.table, filters, pesos, head)
    emit(out, table, list(view.records), view.total, fmt, head)
    return 0


def emit(
    out: Console, table: Table, records: list[dict], total: dict, fmt: str, head: dict
) -> None:
    """JSON: the groups in `rows`, the whole selection in `total`; CSV: the groups, then the
    total; text: the table as `fichas show` draws one (stacked when it does not fit)."""
    if fmt == "json":
        data = {**head, "notes": list(table.notes), "rows": [_finite(r) for r in records]}
        data["total"] = _finite(total)
        out.file.write(dumps(data) + "\n")
    elif fmt == "csv":
        out.file.write(records_csv([*records, total]))
    else:
        from ..render.rich_tables import table_parts

        for part in table_parts(table, fit=True):
            out.print(part)


def run_catalog(
    data_dir: Path, without_ficha: bool, ministry: str | None, *, fmt: str = "text", console=None
) -> int:
    from ..data.catalog_coverage import bips_programs
    from ..reference.catalog import CATALOG_YEAR, SOURCE, catalog
    from ..views.catalog import catalog_rows, catalog_table, coverage_text

    out, err = consoles(console)
    try:
        store = open_store(data_dir)
        try:
            covered = bips_programs(store)
        finally:
            store.close()
    except (Refused, DatasetError) as exc:
        return refuse(err, exc)
    entries = catalog().entries
    records = catalog_rows(entries, covered, without_ficha=without_ficha, ministry=ministry)
    if fmt == "json":
        data = {
            "catalog": {"year": CATALOG_YEAR, "source": SOURCE, "programs": len(entries)},
            "covered": len(covered),
            "coverage": coverage_text(covered, len(entries)),
            "filters": {"without_ficha": without_ficha, "ministry": ministry},
            "rows": records,
        }
        out.file.write(dumps(data) + "\n")
    elif fmt == "csv":
        out.file.write(records_csv(records))
    else:
        from ..render.rich_tables import table_parts

        for part in table_parts(catalog_table(records, covered, len(entries)), fit=True):
            out.print(part)
    return 0
