"""Catálogo: the BIPS 2025 programs, each with the dataset's program when it has a ficha."""

from __future__ import annotations

from typing import Any

from ..reference.catalog import CATALOG_YEAR, SOURCE, Entry
from ..text import fold
from .model import TEXT, Cell, Column, Row, Table


def catalog_rows(
    entries: tuple[Entry, ...],
    covered: dict[int, list[str]],
    *,
    without_ficha: bool = False,
    ministry: str | None = None,
) -> list[dict[str, Any]]:
    """One record per catalog program (in the catalog's order), narrowed to those without a
    ficha and to ministries holding every word of `ministry` (folded)."""
    words = fold(ministry).split() if ministry else []
    out = []
    for e in entries:
        programs = covered.get(e.id_bips, [])
        if without_ficha and programs:
            continue
        if words and not all(w in fold(e.ministry) for w in words):
            continue
        out.append(
            {
                "id_bips": e.id_bips,
                "program_name": e.program_name,
                "ministry": e.ministry,
                "service": e.service,
                "program_id": programs[0] if programs else None,
            }
        )
    return out


def coverage_text(covered: dict[int, list[str]], total: int) -> str:
    """'2 de 677 programas del catálogo BIPS 2025 tienen ficha'."""
    return f"{len(covered)} de {total} programas del catálogo BIPS {CATALOG_YEAR} tienen ficha"


def catalog_table(records: list[dict[str, Any]], covered: dict, total: int) -> Table:
    rows = tuple(
        Row(
            (
                Cell(str(r["id_bips"])),
                Cell(r["program_name"]),
                Cell(r["ministry"]),
                Cell(r["service"]),
                Cell(r["program_id"], None if r["program_id"] else "sin ficha"),
            ),
            key=str(r["id_bips"]),
        )
        for r in records
    )
    return Table(
        "catalog",
        f"Catálogo de programas sociales {CATALOG_YEAR}",
        (
            Column("id_bips", "BIPS", TEXT),
            Column("program_name", "Programa", TEXT),
            Column("ministry", "Ministerio", TEXT),
            Column("service", "Servicio", TEXT),
            Column("program_id", "Ficha", TEXT),
        ),
        rows,
        notes=(f"Fuente: {SOURCE}.", coverage_text(covered, total) + "."),
        empty="Ningún programa del catálogo cumple los filtros.",
        order="número BIPS",
    )
