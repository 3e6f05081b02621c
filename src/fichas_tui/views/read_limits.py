"""The warnings about what a detail read left out or could not trust (data.bounds' facts), worded.

A table read only in part (ProgramDetail.truncated) and figures that were NaN or infinite
(ProgramDetail.non_finite) join the ficha's own warnings in the Resumen pane; the panes that
show a cut table say at their end how many rows were left out.
"""

from __future__ import annotations

from ..data.detail_records import Note, ProgramDetail
from ..data.list_records import NON_FINITE
from ..data.schema import TABLE_LABELS as SCHEMA_LABELS
from .figures import number

# What a table is called in the warnings about it: the dataset's names (data.schema), but
# ratios are read for the Presupuesto pane and named after it, and the ficha's own warnings
# table is "advertencias" beside the pane's "avisos".
TABLE_LABELS = {**SCHEMA_LABELS, "ratios": "presupuesto", "warnings": "advertencias"}


def label(table: str) -> str:
    return TABLE_LABELS.get(table, table)


def notes(detail: ProgramDetail) -> tuple[Note, ...]:
    """The ficha's warnings, then one per table whose figures held NaN or infinities (the pane
    shows the code, the warning says why), then one per table or list read only in part (a
    table read twice warns once)."""
    non_finite = tuple(
        Note(
            detail.year,
            label(n.table),
            f"{n.count} {'valor' if n.count == 1 else 'valores'} NaN o infinito en el "
            f"archivo; se {'muestra' if n.count == 1 else 'muestran'} como «{NON_FINITE}»",
        )
        for n in detail.non_finite
    )
    cut = tuple(
        Note(
            detail.year,
            label(c.table),
            f"se muestran {number(c.shown)} de {number(c.total)} {c.unit} (más de los que trae "
            f"una ficha; `fichas show --todo` muestra todo)",
        )
        for c in dict.fromkeys(detail.truncated)
    )
    return detail.warnings + non_finite + cut


def left_out_lines(detail: ProgramDetail, *tables: str) -> tuple[tuple[str, str], ...]:
    """What a pane showing `tables` says at its end, as Paragraphs items: "N filas más" for
    each part left out."""
    return tuple(
        ("", f"{number(c.left_out)} {c.unit} más no se muestran (fichas show --todo los muestra).")
        for c in detail.truncated
        if c.table in tables
    )
