"""How many rows one ficha may add to each table: a file claiming more is cut, with a warning."""

from __future__ import annotations

from .parsed import FichaRecord
from .report import TABLE_LABELS

# A real ficha is two to four pages. The largest counts in the samples and in synthetic
# corpora (per ficha): budget 15, subtitles 5, components 17, indicators 21, coverage 10,
# regions 17, findings 11, ratios 11, texts 33. The caps leave ten to thirty times that, and
# the template's own bounds where it has them (16 regions plus central level and total; 17
# ODS). A file past them is damaged or hostile, and every pane and query would pay for it.
ROW_CAPS = {
    "budget": 300,
    "subtitles": 200,
    "components": 1000,
    "indicators": 500,
    "coverage": 200,
    "regions": 40,
    "findings": 300,
    "ratios": 300,
    "spending_per_beneficiary": 100,
    "assessments": 100,
    "evaluations": 100,
    "ods": 40,
    "complementarities": 200,
    "inflators": 100,
    "texts": 500,
    "warnings": 200,
}


def cap_rows(record: FichaRecord) -> None:
    """Cut every table to its cap, keeping the ficha's first rows, and say what was cut."""
    cut = []
    for table, cap in ROW_CAPS.items():
        rows = record.rows.get(table)
        if rows is not None and len(rows) > cap:
            cut.append((table, len(rows), cap))
            del rows[cap:]
    for table, found, cap in cut:
        # Added after the cut, so the warnings cap never hides why rows are missing.
        record.warn(
            "ficha",
            f"{TABLE_LABELS.get(table, table)}: {found} filas, más de las {cap} que trae una "
            f"ficha real; se guardan las primeras {cap}",
        )
