"""Which programs of the BIPS catalog the dataset has: BIPS number -> the programs with it."""

from __future__ import annotations

from ..reference.catalog import catalog
from .queries import Store


def bips_programs(store: Store) -> dict[int, list[str]]:
    """{id_bips: program_ids}, from the number ingest kept on each ficha (`fichas.id_bips`).

    A dataset written before that column existed is matched here, by the same rules and the
    same catalog, from the program list (its latest names, ministry and service).
    """
    rows = store.query(
        "SELECT DISTINCT id_bips, program_id FROM fichas WHERE id_bips IS NOT NULL "
        "ORDER BY program_id",
        [],
    )
    if not rows:  # none kept (an older dataset, or no match: matching again finds none)
        rows = _matched_now(store)
    out: dict[int, list[str]] = {}
    for id_bips, program_id in rows:
        out.setdefault(id_bips, []).append(program_id)
    return out


def _matched_now(store: Store) -> list[tuple[int, str]]:
    known = catalog()
    out = []
    for program in store.programs():
        match = known.match(program.name, program.ministry, program.service)
        if match.id_bips is not None:
            out.append((match.id_bips, program.program_id))
    return out
