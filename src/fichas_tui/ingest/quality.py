"""Data-quality flags raised at ingest: the value stays as written, the doubt is recorded."""

from __future__ import annotations

from .numbers import format_chilean
from .parsed import FichaRecord

# A figure this many times its neighbours is a unit slip (pesos or M$ among MM$), not growth.
MAGNITUDE_RATIO = 200.0


def check_quality(record: FichaRecord) -> None:
    _check_magnitudes(record)


def _check_magnitudes(record: FichaRecord) -> None:
    """A budget figure about 1000x (or 1/1000 of) every neighbour in its row and column.

    Neighbours are the adjacent years of the same concept and the other concepts of the same
    year (002: Presupuesto Inicial 2016 reads 2.200.000 beside 2.402 in 2017 and a final of
    2.200 in 2016).
    """
    values = {
        (r["year"], r["concept"]): r["amount_kclp"]
        for r in record.rows["budget"]
        if r["amount_kclp"] and r["amount_kclp"] > 0
    }
    by_year: dict[int, list[tuple[str, float]]] = {}
    for (year, concept), value in values.items():
        by_year.setdefault(year, []).append((concept, value))
    for (year, concept), value in values.items():
        neighbours = [v for c, v in by_year[year] if c != concept]
        neighbours += [values[k] for k in ((year - 1, concept), (year + 1, concept)) if k in values]
        if not neighbours:
            continue
        ratios = [value / v for v in neighbours]
        if all(r > MAGNITUDE_RATIO for r in ratios) or all(r < 1 / MAGNITUDE_RATIO for r in ratios):
            big = ratios[0] > 1
            record.warn(
                "presupuesto",
                f"{concept} {year}: {format_chilean(value)} M$ es ~"
                f"{'1000 veces' if big else '1/1000 de'} sus vecinos en la tabla; "
                "posible error de unidad en la ficha (se guarda como está)",
            )
