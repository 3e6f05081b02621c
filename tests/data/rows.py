"""Row builders the test datasets share (make_fixture, make_hostile, make_across): the one place
that spells the data contract's columns of a ficha, a budget line, an indicator value and a
region, and turns the rows into the dataset's tables."""

from __future__ import annotations

import sys
from pathlib import Path

from fichas_tui.data.dataset import rows_to_table, write_dataset
from fichas_tui.data.schema import TABLES
from fichas_tui.text import fold


def empty() -> dict[str, list[dict]]:
    """No rows yet, for every table of the contract."""
    return {name: [] for name in TABLES}


def split(cell) -> tuple[float | None, str | None]:
    """(value, status) of a cell written as a number, a missing-value code (a str) or None."""
    if isinstance(cell, str):
        return None, cell
    return (None if cell is None else float(cell)), None


def ficha(fid, pid, name, ministry, service, year, price, **extra) -> dict:
    return dict(
        ficha_id=fid,
        program_id=pid,
        program_name=name,
        ministry=ministry,
        service=service,
        evaluated_year=year,
        price_year=price,
        source_file=f"{fid}.txt",
        search_key=fold(f"{name} {ministry} {service}"),
        **extra,
    )


def budget(fid, year, concept, cell, price) -> dict:
    value, status = split(cell)
    return dict(
        ficha_id=fid,
        year=year,
        concept=concept,
        amount_kclp=value,
        amount_status=status,
        price_year=price,
        unit="M$",
    )


def indicator(fid, level, name, year, kind, cell, position, **extra) -> dict:
    value, status = split(cell)
    return dict(
        ficha_id=fid,
        level=level,
        indicator=name,
        year=year,
        kind=kind,
        value=value,
        value_status=status,
        position=position,
        **extra,
    )


def region(fid, name, spending, spending_pct, beneficiaries, price, year, **extra) -> dict:
    (s, ss), (p, _), (b, bs) = split(spending), split(spending_pct), split(beneficiaries)
    return dict(
        ficha_id=fid,
        region=name,
        spending_kclp=s,
        spending_status=ss,
        spending_pct=p,
        beneficiaries=b,
        beneficiaries_status=bs,
        price_year=price,
        region_as_written=name,
        year=year,
        **extra,
    )


def tables(rows: dict[str, list[dict]]) -> dict:
    return {name: rows_to_table(name, table_rows) for name, table_rows in rows.items()}


def write(out: Path, built: dict) -> Path:
    write_dataset(out, built)
    return out


def script(build, default: Path, what: str) -> None:
    """`python -m tests.data.make_X [DIR]`: write the dataset `build` makes (into `default`)."""
    out = Path(sys.argv[1]) if len(sys.argv) > 1 else default
    write(out, build())
    print(f"{what} escrito en {out}", file=sys.stderr)
