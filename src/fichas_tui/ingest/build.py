"""Parsed records -> one Arrow table per contract table."""

from __future__ import annotations

from ..data.dataset import rows_to_table
from ..data.schema import PARSED_TABLES
from .parsed import FichaRecord


def fichas_row(record: FichaRecord) -> dict:
    facts = dict(record.facts)
    facts.setdefault("regions", [])
    facts.update(ficha_id=record.ficha_id, source_file=record.source_file, layout=record.layout)
    return facts


def records_to_tables(records: list[FichaRecord]):
    tables = {"fichas": rows_to_table("fichas", [fichas_row(r) for r in records])}
    for name in PARSED_TABLES:
        if name != "fichas":
            tables[name] = rows_to_table(name, [row for r in records for row in r.rows[name]])
    return tables
