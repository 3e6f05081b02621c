"""Reads of one ficha's smaller sections (region total, evaluations, ODS, prose), as records.

Each reader takes the Store's parameterized `rows(sql, params)` and a ficha id.
"""

from __future__ import annotations

from collections.abc import Callable

from .detail_records import TOTAL_REGION, Assessment, Evaluation, Goal, Prose, Region, YearAmount
from .list_records import MISSING, Value
from .origin import FichaRef, printed

Rows = Callable[[str, list], list[tuple]]


def region_totals(rows: Rows, fid: str, ref: FichaRef | None = None) -> tuple[Region, ...]:
    out = []
    for s, ss, sp, b, bs, bp, price, line, *heads in rows(_REGION_TOTALS_SQL, [fid]):
        at = [printed(ref, line, head) for head in heads]
        out.append(
            Region(
                TOTAL_REGION,
                Value(s, ss, origin=at[0]),
                Value(sp, origin=at[1]),
                Value(b, bs, origin=at[2]),
                Value(bp, origin=at[3]),
                MISSING,
                price,
            )
        )
    return tuple(out)


def spending_per_beneficiary(
    rows: Rows, fid: str, ref: FichaRef | None = None
) -> tuple[YearAmount, ...]:
    return tuple(
        YearAmount(year, Value(a, s, origin=printed(ref, line, column)), price)
        for year, a, s, price, line, column in rows(_SPB_SQL, [fid])
    )


def evaluations(rows: Rows, fid: str, ref: FichaRef | None = None) -> tuple[Evaluation, ...]:
    return tuple(
        Evaluation(k or "", y, d or "", printed(ref, line))
        for k, y, d, line in rows(_EVALUATIONS_SQL, [fid])
    )


def assessments(rows: Rows, fid: str, ref: FichaRef | None = None) -> tuple[Assessment, ...]:
    return tuple(
        Assessment(s or "", c or "", r or "", m or "") for s, c, r, m in rows(_ASSESS_SQL, [fid])
    )


def ods(rows: Rows, fid: str, ref: FichaRef | None = None) -> tuple[Goal, ...]:
    return tuple(Goal(g, n or "", d or "") for g, n, d in rows(_ODS_SQL, [fid]))


def complementarities(rows: Rows, fid: str, ref: FichaRef | None = None) -> tuple[str, ...]:
    return tuple(p for (p,) in rows(_COMPLEMENT_SQL, [fid]) if p)


def texts(rows: Rows, fid: str, ref: FichaRef | None = None) -> tuple[Prose, ...]:
    return tuple(Prose(s or "", label, t or "") for s, label, t in rows(_TEXTS_SQL, [fid]))


# Rows keep the order they were written in (the ficha's), unless a column says otherwise.
_REGION_TOTALS_SQL = """
SELECT spending_kclp, spending_status, spending_pct, beneficiaries, beneficiaries_status,
       beneficiaries_pct, price_year, source_line, source_column, spending_pct_source_column,
       beneficiaries_source_column, beneficiaries_pct_source_column
FROM region_totals WHERE ficha_id = ?
"""
_SPB_SQL = """
SELECT year, amount_kclp, amount_status, price_year, source_line, source_column
FROM spending_per_beneficiary
WHERE ficha_id = ? AND year IS NOT NULL ORDER BY year
"""
_EVALUATIONS_SQL = "SELECT kind, year, detail, source_line FROM evaluations WHERE ficha_id = ?"
_ASSESS_SQL = "SELECT section, criterion, result, comment FROM assessments WHERE ficha_id = ?"
_ODS_SQL = "SELECT goal, name, description FROM ods WHERE ficha_id = ?"
_COMPLEMENT_SQL = "SELECT program FROM complementarities WHERE ficha_id = ?"
_TEXTS_SQL = "SELECT section, label, text FROM texts WHERE ficha_id = ? ORDER BY section, position"

# table -> reader, for Store.detail.
READERS: dict[str, Callable[[Rows, str, FichaRef | None], tuple]] = {
    "region_totals": region_totals,
    "spending_per_beneficiary": spending_per_beneficiary,
    "evaluations": evaluations,
    "assessments": assessments,
    "ods": ods,
    "complementarities": complementarities,
    "texts": texts,
}
