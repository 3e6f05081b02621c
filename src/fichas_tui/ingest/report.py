"""What `fichas ingest` prints: one line per file, its warnings and the summary, in Spanish."""

from __future__ import annotations

import os
from pathlib import Path

from ..data.list_records import FACTOR_DECIMALS, Deflators
from ..data.schema import TABLE_LABELS
from ..text import one_line
from .numbers import format_chilean

# Not listed per file: warnings are printed one by one, texts are prose, ficha_texts the text.
UNCOUNTED = ("warnings", "texts", "ficha_texts")


def count(n: int, singular: str, plural: str | None = None) -> str:
    """`1 ficha`, `2 fichas`, `12.500 fichas`: the number the Chilean way, the noun agreeing."""
    word = singular if n == 1 else (plural or singular + "s")
    return f"{format_chilean(n)} {word}"


def shown(path: Path | str) -> str:
    """A file name or path as printed (and stored): control characters visible, always one
    line, valid UTF-8. A name the file system holds in another encoding (`evaluación.txt`
    saved in Latin-1) reaches Python with surrogates, which no terminal or Parquet file
    can take: its undecodable bytes become U+FFFD."""
    text = str(path)
    try:
        text = os.fsencode(text).decode("utf-8", "replace")
    except UnicodeEncodeError:  # a surrogate that no bytes give: not a file name
        text = text.encode("utf-8", "replace").decode("utf-8")
    return one_line(text)


def file_summary(
    layout: str, program_name: str, year: int | None, rows: dict[str, int], unclassified: int = 0
) -> str:
    """`[2021] Nombre (2021): presupuesto 9, subtítulos 3, ...` for one parsed ficha, and how
    many of its findings no verdict pattern reads (`2 hallazgos sin clasificar`)."""
    counts = ", ".join(
        f"{TABLE_LABELS.get(table, table)} {n}"
        for table, n in rows.items()
        if table not in UNCOUNTED and n
    )
    year_text = year if year is not None else "año s/d"
    if unclassified:
        counts += f"; {count(unclassified, 'hallazgo')} sin clasificar"
    return f"[{layout}] {one_line(program_name)} ({year_text}): {counts}"


def ok_lines(
    name: str,
    summary: str,
    manifest_fields: list[str],
    warnings: list[str],
    catalog: str | None = None,
):
    """The lines printed for a file that loaded."""
    yield f"ok    {shown(name)} {summary}"
    if manifest_fields:
        yield f"      desde manifest.csv: {', '.join(manifest_fields)}"
    if catalog:
        yield f"      catálogo: {one_line(catalog)}"
    for warning in warnings:
        yield f"      aviso {one_line(warning)}"


def error_line(path: Path | str, reason: str) -> str:
    return f"ERROR {shown(path)}: {one_line(reason)}"


def warning_line(path: Path | str, reason: str) -> str:
    """A problem that loses nothing (a manifest with a bad column): said, not fatal."""
    return f"aviso {shown(path)}: {one_line(reason)}"


def catalog_summary(matched: int, unmatched: int, ambiguous: int) -> str:
    """How many loaded fichas got a BIPS number, and how many did not."""
    return (
        f"catálogo BIPS 2025: {count(matched, 'ficha')} con número BIPS, "
        f"{format_chilean(unmatched)} sin coincidencia, {format_chilean(ambiguous)} ambiguas"
    )


def final_summary(
    loaded: int,
    failed: int,
    warnings: int,
    data_dir: Path,
    total: int | None,
    unclassified: int = 0,
) -> str:
    """The last line: what loaded, what failed, how many findings no verdict pattern reads,
    and what the dataset holds now."""
    if total is None:
        return (
            f"{count(loaded, 'ficha leída', 'fichas leídas')}, {failed} con error; "
            "el dataset no se modificó"
        )
    return (
        f"{count(loaded, 'ficha cargada', 'fichas cargadas')}, {failed} con error, "
        f"{count(warnings, 'aviso')}, {count(unclassified, 'hallazgo')} sin clasificar; "
        f"el dataset {shown(data_dir)} tiene {count(total, 'ficha')}"
    )


def conflict_notes(deflators: Deflators) -> tuple[str, ...]:
    """One line per pair two fichas disagree on: which factor is used and which is not."""
    notes = []
    for step in deflators.factors:
        for ficha_id, other in step.conflicts:
            notes.append(
                f"pesos de {step.year} a {step.target_year}: se usa "
                f"{format_chilean(step.factor, FACTOR_DECIMALS)} (ficha {step.ficha_id}, la más "
                f"reciente); la ficha {ficha_id} da {format_chilean(other, FACTOR_DECIMALS)}"
            )
    return tuple(notes)
