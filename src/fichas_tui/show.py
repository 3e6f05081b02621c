"""`fichas show TEXT`: one program's summary as Rich tables or JSON, without the full-screen UI."""

from __future__ import annotations

import dataclasses
import json
import re
import sys
from pathlib import Path

from rich import box
from rich.console import Console
from rich.table import Table
from rich.text import Text

from .data.dataset import DatasetError
from .data.diagnosis import (
    PANE_TABLES,
    folder_problem,
    ingest_command,
    missing_message,
    missing_tables,
)
from .data.queries import DatasetMissing, ProgramDetail, ProgramRow, Store, Value
from .text import clean, fold
from .views.figures import figure, level_label, money_unit, number, percent, years_label

EXIT_NOT_FOUND = 1
EXIT_AMBIGUOUS = 2
EXIT_NO_DATA = 3

# json.dumps escapes C0 controls but leaves DEL, the C1 controls (0x9b is a one-byte CSI) and
# the bidirectional overrides raw: escape them too, so the output is safe on a terminal and
# still decodes to exactly the same text.
_JSON_UNSAFE = re.compile(r"[\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]")


def dumps(data) -> str:
    text = json.dumps(data, ensure_ascii=False, indent=2)
    return _JSON_UNSAFE.sub(lambda m: f"\\u{ord(m.group()):04x}", text)


def run_show(
    text: str,
    data_dir: Path,
    *,
    year: int | None = None,
    as_json: bool = False,
    console: Console | None = None,
) -> int:
    """Print one program and return the exit code (0 found, 1 none, 2 several, 3 no dataset)."""
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
        matches = find(store, text)
        if not matches:
            err.print(Text(f"Ningún programa coincide con «{clean(text)}».", style="bold red"))
            return EXIT_NOT_FOUND
        if len(matches) > 1:
            return _candidates(out, text, matches, as_json)
        try:
            detail = store.detail(matches[0].program_id, year)
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
        absent = missing_tables(data_dir, {t for ts in PANE_TABLES.values() for t in ts})
        if absent:
            err.print(Text("Aviso: " + missing_message(data_dir, sorted(absent))))
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
            out.file.write(dumps(to_json(detail)) + "\n")
        else:
            print_detail(out, detail)
        return 0
    finally:
        store.close()


def find(store: Store, text: str) -> tuple[ProgramRow, ...]:
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
    table = Table(
        title=Text(f"{len(matches)} programas coinciden con «{clean(text)}»"), box=box.SIMPLE_HEAD
    )
    for name in ("Programa", "Servicio", "Fichas", "Id"):
        table.add_column(Text(name))
    for p in matches:
        table.add_row(
            Text(clean(p.name)),
            Text(clean(p.service or "—")),
            Text(years_label(p.years)),
            Text(p.program_id, style="dim"),
        )
    out.print(table)
    out.print(Text("Precise el nombre (o use el id) para ver uno."))
    return EXIT_AMBIGUOUS


def _v(value: Value, decimals: int = 0) -> Text:
    return Text(number(value.value, decimals, value.status))


def _p(value: Value) -> Text:
    return Text(percent(value.value, 1, value.status))


def _table(title: str, *columns: str) -> Table:
    table = Table(title=Text(title, style="bold"), title_justify="left", box=box.SIMPLE_HEAD)
    for i, name in enumerate(columns):
        table.add_column(
            Text(name),
            justify="left" if i == 0 else "right",
            min_width=14 if i == 0 else None,
            no_wrap=i > 0,
        )
    return table


def print_detail(out: Console, d: ProgramDetail) -> None:
    f = d.ficha
    unit = money_unit(f.price_year)
    facts = Table.grid(padding=(0, 1))
    facts.add_column(style="bold")
    facts.add_column()
    for label, value in (
        ("Programa", f.name),
        ("Ministerio", f.ministry),
        ("Servicio", f.service),
        ("Fichas", f"{years_label(d.years)} (mostrando {f.evaluated_year})"),
        ("Año de inicio", str(f.start_year or "")),
        ("Propósito", f.purpose),
        ("Regiones", ", ".join(f.regions)),
    ):
        facts.add_row(Text(label), Text(clean(value) or "—"))
    out.print(facts)
    budget = _table(
        f"Presupuesto ({unit})",
        "Año",
        "Inicial",
        "Final",
        "Ejecutado",
        "% ej./inicial",
        "% ej./final",
    )
    for b in d.budget:
        budget.add_row(
            Text(str(b.year)),
            _v(b.inicial),
            _v(b.final),
            _v(b.ejecutado),
            _p(b.exec_inicial),
            _p(b.exec_final),
        )
    out.print(budget)
    for indicator in d.indicators:
        out.print(Text(level_label(indicator.level), style="bold"))
        out.print(Text(clean(indicator.name)))
        table = _table("", "Año", "Efectivo", "Meta")
        for p in indicator.points:
            table.add_row(
                Text(str(p.year)),
                Text(figure(p.efectivo.value, p.efectivo.status)),
                Text(figure(p.meta.value, p.meta.status)),
            )
        out.print(table)
    if d.regions:
        regions = _table(
            f"Regiones, ficha {f.evaluated_year} ({unit})",
            "Región",
            "Gasto",
            "% gasto",
            "Beneficiarios",
            "% benef.",
            "M$/benef.",
        )
        for r in sorted(d.regions, key=lambda r: (r.central, fold(r.region))):
            regions.add_row(
                Text(clean(r.region)),
                _v(r.spending),
                _p(r.spending_pct),
                _v(r.beneficiaries),
                _p(r.beneficiaries_pct),
                _v(r.per_beneficiary, 1),
            )
        out.print(regions)
    else:
        out.print(Text(f"La ficha {f.evaluated_year} no trae desglose regional."))


def to_json(d: ProgramDetail) -> dict:
    data = dataclasses.asdict(d)
    program = data.pop("program")
    program.pop("key", None)
    program.pop("sort_name", None)
    data["program"] = program
    data["year"] = d.year
    return data


if __name__ == "__main__":  # pragma: no cover
    sys.exit(run_show(sys.argv[1], Path(sys.argv[2])))
