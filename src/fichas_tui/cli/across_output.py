"""What `fichas region|ranking|compare` print: a view across programs as text, JSON or CSV."""

from __future__ import annotations

import math
from dataclasses import replace
from pathlib import Path

from rich.console import Console
from rich.text import Text

from ..data.across import MEASURE_TABLES, Selection, measure_rows, region_rows
from ..data.dataset import DatasetError
from ..data.diagnosis import folder_problem, ingest_command, missing_message, missing_tables
from ..data.queries import DatasetMissing, Store
from ..geography import CANONICAL_REGIONS, NIVEL_CENTRAL, canonical_region
from ..render.export import records_csv
from ..text import clean, fold
from ..views.across import MEASURES, AcrossView, ranking_view
from ..views.measure_filter import BadFilter, MeasureFilter, filters_note, parse_filter
from ..views.pesos import (
    EACH_FICHA,
    NoFactors,
    Pesos,
    default_across,
    factor_steps,
    factors_table,
    how_text,
    printing_fichas,
    resolve,
    series_lines,
)
from ..views.region_programs import region_view
from ..views.sources import source_fields, with_sources
from ..views.verdicts import UnknownVerdict, parse_verdict
from .across_text import print_table, print_view
from .show import dumps

EXIT_NOT_FOUND = 1
EXIT_USAGE = 2
EXIT_NO_DATA = 3


class Refused(Exception):
    """Bad input from the user: the message says what is valid; exit `code`."""

    def __init__(self, message: str, code: int = EXIT_USAGE) -> None:
        super().__init__(message)
        self.code = code


def consoles(console: Console | None) -> tuple[Console, Console]:
    out = console or Console(highlight=False)
    err = Console(stderr=True, highlight=False) if console is None else console
    return out, err


def open_store(data_dir: Path) -> Store:
    """The dataset, or Refused with what to run (exit 3)."""
    try:
        return Store.open(data_dir)
    except DatasetMissing as exc:
        problem = folder_problem(data_dir) or str(exc)
        raise Refused(
            f"{clean(problem)}\nEjecute primero: {ingest_command(data_dir)}", EXIT_NO_DATA
        ) from exc
    except (DatasetError, OSError) as exc:
        raise Refused(
            f"No se puede leer el dataset: {clean(str(exc))}\n"
            f"Vuelva a generarlo con: {ingest_command(data_dir)}",
            EXIT_NO_DATA,
        ) from exc


def resolve_region(text: str) -> str:
    """The canonical region the user means (`nuble`, `ohiggins`, `COQUIMBO`), or Refused."""
    region = canonical_region(text) if text.strip() else None
    if region is None:
        valid = ", ".join((*CANONICAL_REGIONS, NIVEL_CENTRAL))
        raise Refused(f"Región desconocida: «{clean(text)}». Regiones válidas: {valid}.")
    return region


def resolve_measure(text: str) -> str:
    key = fold(text).replace(" ", "-")
    if key not in MEASURES:
        valid = "\n".join(f"  {m.key}: {m.help} ({m.unit})" for m in MEASURES.values())
        raise Refused(f"Medida desconocida: «{clean(text)}». Medidas válidas:\n{valid}")
    return key


def resolve_names(text: str | None, names: tuple[str, ...], what: str) -> tuple[str, ...] | None:
    """Every name of the dataset holding all the words typed (folded), or Refused."""
    if text is None:
        return None
    words = fold(text).split()
    found = tuple(n for n in names if words and all(w in fold(n) for w in words))
    if not found:
        listed = "\n".join(f"  {clean(n)}" for n in names) or "  (ninguno)"
        raise Refused(f"Ningún {what} coincide con «{clean(text)}». En el dataset:\n{listed}")
    return found


def resolve_verdict(text: str | None) -> tuple[str | None, str | None]:
    """--hallazgo VEREDICTO[:TEMA] as (verdict, topic), accents optional, or Refused."""
    if text is None:
        return None, None
    try:
        return parse_verdict(text)
    except UnknownVerdict as exc:
        raise Refused(clean(str(exc))) from None


def resolve_filters(texts: tuple[str, ...], pesos: Pesos) -> tuple[MeasureFilter, ...]:
    """--filtro MEDIDA<VALOR (each), amounts in the command's basis, or Refused."""
    try:
        return tuple(parse_filter(text, pesos) for text in texts)
    except BadFilter as exc:
        raise Refused(clean(str(exc))) from None


def filtered(view: AcrossView, filters: tuple[MeasureFilter, ...], extra: dict) -> None:
    """The filters stated in the view's notes and in `extra` (JSON), with their basis."""
    note = filters_note(filters)
    if note is None:
        return
    view.header = replace(view.header, notes=(*view.header.notes, note))
    extra["measure_filters"] = [f.record() for f in filters]


def resolve_pesos(store: Store, target: int | str | None) -> Pesos:
    """The basis asked for with --pesos AÑO, if the dataset's deflators reach it, or Refused;
    `ficha`: each ficha's own pesos; None: the default across programs (views.pesos)."""
    if target is None:
        return default_across(store.deflators())
    if target == "ficha":
        return EACH_FICHA
    try:
        return resolve(store.deflators(), int(target))
    except NoFactors as exc:
        raise Refused(str(exc)) from None


def run_region(
    text: str,
    data_dir: Path,
    *,
    year: int | None = None,
    pesos: int | str | None = None,
    hallazgo: str | None = None,
    filtros: tuple[str, ...] = (),
    fmt: str = "text",
    sources: bool = False,
    console=None,
) -> int:
    out, err = consoles(console)
    try:
        region = resolve_region(text)
        verdict, topic = resolve_verdict(hallazgo)
        store = open_store(data_dir)
        try:
            basis = resolve_pesos(store, pesos)
            conditions = resolve_filters(filtros, basis)
            selection = Selection(
                year=year,
                verdict=verdict,
                topic=topic,
                conditions=tuple(c.condition(basis) for c in conditions),
            )
            rows = region_rows(store, region, selection)
            view = region_view(rows, region, pesos=basis)
        finally:
            store.close()
    except (Refused, DatasetError) as exc:
        return refuse(err, exc)
    if missing_tables(data_dir, ("regions",)):
        err.print(Text("Aviso: " + missing_message(data_dir, ("regions",))))
    extra: dict[str, object] = {"region": region, "year": year, "pesos": pesos}
    if verdict is not None:
        extra["hallazgo"] = {"verdict": verdict, "topic": topic}
    filtered(view, conditions, extra)
    _emit(out, view, fmt, extra=extra, sources=sources)
    return 0


def run_ranking(
    measure: str,
    data_dir: Path,
    *,
    year: int | None = None,
    region: str | None = None,
    ministry: str | None = None,
    service: str | None = None,
    layout: str | None = None,
    with_warnings: bool = False,
    limit: int | None = None,
    descending: bool = True,
    pesos: int | str | None = None,
    hallazgo: str | None = None,
    filtros: tuple[str, ...] = (),
    fmt: str = "text",
    sources: bool = False,
    console=None,
) -> int:
    out, err = consoles(console)
    try:
        key = resolve_measure(measure)
        verdict, topic = resolve_verdict(hallazgo)
        canonical = resolve_region(region) if region is not None else None
        store = open_store(data_dir)
        try:
            facets = store.facets()
            basis = resolve_pesos(store, pesos)
            conditions = resolve_filters(filtros, basis)
            selection = Selection(
                year=year,
                ministries=resolve_names(ministry, facets.ministries, "ministerio"),
                services=resolve_names(service, facets.services, "servicio"),
                region=canonical,
                layout=layout,
                with_warnings=with_warnings,
                verdict=verdict,
                topic=topic,
                conditions=tuple(c.condition(basis) for c in conditions),
            )
            rows = measure_rows(store, key, selection)
        finally:
            store.close()
    except (Refused, DatasetError) as exc:
        return refuse(err, exc)
    absent = missing_tables(data_dir, MEASURE_TABLES[key])
    if absent:  # an absent table reads as empty: every program would show "sin dato"
        err.print(Text("Aviso: " + missing_message(data_dir, absent)))
    view = ranking_view(rows, key, descending=descending, limit=limit, pesos=basis)
    filters = {
        "year": year,
        "region": canonical,
        "ministry": ministry,
        "service": service,
        "layout": layout,
        "with_warnings": with_warnings,
        "pesos": pesos,
        "hallazgo": {"verdict": verdict, "topic": topic} if verdict is not None else None,
    }
    extra: dict[str, object] = {"filters": filters}
    filtered(view, conditions, extra)
    _emit(out, view, fmt, extra=extra, sources=sources)
    return 0


def run_factors(
    data_dir: Path, *, target: int | None = None, as_json: bool = False, console=None
) -> int:
    """`fichas pesos`: the factors into M$ of `target` (default: the basis the views across
    programs open in), each year's, printed, chained or divided, and which ficha printed it."""
    out, err = consoles(console)
    try:
        store = open_store(data_dir)
        try:
            deflators = store.deflators()
            names = store.ficha_names(printing_fichas(deflators))
        finally:
            store.close()
        basis = default_across(deflators) if target is None else resolve(deflators, target)
    except NoFactors as exc:
        return refuse(err, Refused(str(exc)))
    except (Refused, DatasetError) as exc:
        return refuse(err, exc)
    if basis.target is None:
        out.print(Text(series_lines(deflators)[0]))
        return 0
    table = factors_table(deflators, basis.target, names)
    if as_json:
        records = [
            {
                "year": year,
                "factor": 1.0 if year == basis.target else (step.factor if step else None),
                "how": how_text(step) if step else ("mismo año" if year == basis.target else None),
                "ficha_id": step.ficha_id if step else None,
            }
            for year, step in factor_steps(deflators, basis.target)
        ]
        payload = {"target_year": basis.target, "factors": records}
        out.file.write(dumps(payload) + "\n")
    else:
        print_table(out, table)
    return 0


def refuse(err: Console, exc: Exception) -> int:
    err.print(Text(str(exc), style="bold red"))
    return exc.code if isinstance(exc, Refused) else EXIT_NO_DATA


def _emit(out: Console, view: AcrossView, fmt: str, extra: dict, sources: bool = False) -> None:
    """The view as JSON, CSV or text; `sources` (--fuentes) adds each figure's source and the
    ficha's file and SHA-256, the columns the export dialog's «Con fuentes» adds."""
    records = view.records
    if sources:
        fields = source_fields(view.table)
        # the rows apart (a region listed without figures) have no figure to cite
        keys = dict.fromkeys(fields[0]) if fields else {}
        fields += [keys] * (len(records) - len(fields))
        records = tuple({**r, **f} for r, f in zip(records, fields, strict=True))
    if fmt == "json":
        out.file.write(dumps(to_json(view, extra, records)) + "\n")
    elif fmt == "csv":
        out.file.write(records_csv(records, terminal=is_terminal(out)))
    elif sources:
        print_table(out, with_sources(view.table))
        if view.apart is not None:
            out.print()
            print_table(out, view.apart)
    else:
        print_view(out, view)


def to_json(view: AcrossView, extra: dict | None = None, records=None) -> dict:
    return {
        "measure": view.measure,
        "title": view.title,
        "unit": view.unit,
        "basis": view.basis.label if view.basis else None,
        "price_year": view.basis.price_year if view.basis else None,
        **(extra or {}),
        "order": view.table.order,
        "notes": list(view.table.notes),
        "counts": view.counts,
        "rows": [_finite(r) for r in (view.records if records is None else records)],
    }


def _finite(record: dict) -> dict:
    # NaN/inf are not JSON: a value that is not finite is missing
    return {
        k: None if isinstance(v, float) and not math.isfinite(v) else v for k, v in record.items()
    }


def to_csv(view: AcrossView, terminal: bool = False) -> str:
    return records_csv(view.records, terminal=terminal)


def is_terminal(out: Console) -> bool:
    """Whether `out` writes to a terminal (CSV text is then cleaned as the tables are)."""
    try:
        return out.file.isatty()
    except (AttributeError, ValueError, OSError):
        return False
