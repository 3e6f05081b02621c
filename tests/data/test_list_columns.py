"""The program list as columns: order and sort keys made once (at ingest), rows made when asked."""

from __future__ import annotations

import math

import pytest

from fichas_tui.data import list_file
from fichas_tui.data.list_columns import Programs, from_rows
from fichas_tui.data.list_records import ProgramRow, Value
from fichas_tui.text import fold

# LIST_COLUMNS: program_id, program_name, ministry, service, years, latest_year, executed_kclp,
# executed_status, executed_price_year, search_key, executed_year
ROWS = [
    ["p3", "Zorros del sur", "Ministerio B", "Servicio 1", [2021], 2021, 10.0, None, 2022,
     "zorros del sur ministerio b servicio 1", 2021],
    ["p1", "Árboles urbanos", "Ministerio A", None, [2019, 2023], 2023, None, "S/I", None,
     "", None],
    ["p2", None, None, None, [], None, math.inf, None, 2024, "sin nombre", 2023],
    ["p5", "arboles urbanos", "Ministerio A", "Servicio 2", [2019], 2019, 5.5, None, None,
     "arboles urbanos", 2019],
    ["p4", "Ñandúes", "Ministerio B", "Servicio 1", [2021, 2022], 2022, float("nan"), None,
     2022, "nandues", 2021],
    ["p3", "Repetido: se queda el primero", None, None, [], None, None, None, None, "x", None],
]  # fmt: skip


def eager(rows) -> list[ProgramRow]:
    """The rows as the store built them before the table (one ProgramRow each, then sorted)."""
    out, seen = [], set()
    for pid, name, ministry, service, years, year, amount, status, price, key, spent in rows:
        if pid in seen:
            continue
        seen.add(pid)
        name = name or pid
        out.append(
            ProgramRow(
                program_id=pid,
                name=name,
                ministry=ministry,
                service=service,
                years=tuple(years or ()),
                latest_year=year,
                executed=Value(amount, status if amount is None else None),
                price_year=price,
                key=key or fold(" ".join(filter(None, (name, ministry, service)))),
                sort_name=fold(name),
                executed_year=spent,
            )
        )
    return sorted(out, key=lambda p: (p.sort_name, p.program_id))


def same(a: ProgramRow, b: ProgramRow) -> bool:
    """Equal rows, NaN amounts included (NaN != NaN)."""
    x, y = a.executed.value, b.executed.value
    if x is not None and y is not None and math.isnan(x) and math.isnan(y):
        return a.program_id == b.program_id and a.sort_name == b.sort_name
    return a == b


def test_order_and_rows_equal_the_eager_ones():
    programs = Programs(from_rows(ROWS))
    # by folded name (accents and case ignored), ties by program_id; the repeated p3 once
    assert [p.program_id for p in programs] == ["p1", "p5", "p4", "p2", "p3"]
    assert [p.sort_name for p in programs] == [
        "arboles urbanos", "arboles urbanos", "nandues", "p2", "zorros del sur",
    ]  # fmt: skip
    reference = eager(ROWS)
    assert all(same(a, b) for a, b in zip(programs, reference, strict=True))
    p1 = programs[0]
    assert p1.executed == Value(None, "S/I") and p1.years == (2019, 2023) and p1.service is None
    assert p1.key == "arboles urbanos ministerio a"  # no key in the row: made from the names
    assert programs[3].name == "p2" and programs[3].executed.value == math.inf
    assert programs[-1].program_id == "p3" and programs[-1].name == "Zorros del sur"


def test_the_file_keeps_order_and_values(tmp_path):
    list_file.write(tmp_path, ROWS)
    table = list_file.read(tmp_path)
    assert table is not None
    assert all(same(a, b) for a, b in zip(Programs(table), Programs(from_rows(ROWS)), strict=True))
    assert math.isnan(Programs(table)[2].executed.value)  # Ñandúes: NaN stays NaN, not null


def test_the_file_order_equals_the_order_computed_from_the_same_rows(tmp_path):
    # what ingest writes and what the store computes without the file (DuckDB rows)
    rows = [[f"id{i}", name, None, None, [2020], 2020, float(i), None, 2021, None, 2020]
            for i, name in enumerate(["b", "B", "á", "a", "Ä z", "a z", "", "ab"])]  # fmt: skip
    list_file.write(tmp_path, rows)
    written = [p.program_id for p in Programs(list_file.read(tmp_path))]
    computed = [p.program_id for p in eager(rows)]
    assert written == computed == ["id2", "id3", "id4", "id5", "id7", "id0", "id1", "id6"]


def test_views_find_a_program_without_a_scan():
    table = from_rows(ROWS)
    everyone = Programs(table)
    assert [everyone.index_of(pid) for pid in ("p1", "p3", "nope")] == [0, 4, None]
    some = Programs(table, [1, 3, 4])  # p5, p2, p3 in list order
    assert [some.index_of(pid) for pid in ("p5", "p2", "p3", "p1")] == [0, 1, 2, None]
    ranked = everyone.ranked([4, 3, 2, 1, 0])  # reversed
    assert [p.program_id for p in ranked] == ["p3", "p2", "p4", "p5", "p1"]
    assert [ranked.index_of(pid) for pid in ("p3", "p1")] == [0, 4]
    assert [p.program_id for p in everyone[1:3]] == ["p5", "p4"]
    assert everyone[1:3] == (everyone[1], everyone[2]) and everyone != ()
    with pytest.raises(IndexError):
        everyone[5]


def test_columns_without_rows():
    programs = Programs(from_rows(ROWS), [0, 4])
    assert list(programs.column("executed_price_year")) == [None, 2022]
    assert list(programs.column("ministry")) == ["Ministerio A", "Ministerio B"]
    assert list(Programs(from_rows(ROWS)).column("latest_year")) == [2023, 2019, 2022, None, 2021]


def test_many_rows_made_by_column_equal_those_made_one_by_one():
    # past 512 rows a pass makes them column by column (Programs.__iter__): the same rows
    rows = [
        [f"id{i:04d}", f"Programa {i % 7}", f"M{i % 3}", None if i % 5 else "S", [2019 + i % 4],
         2019 + i % 4, None if i % 11 == 0 else float(i), "N/C" if i % 11 == 0 else None,
         None if i % 2 else 2024, f"programa {i % 7}", 2019 + i % 4]
        for i in range(700)
    ]  # fmt: skip
    table = from_rows(rows)
    everyone, some = Programs(table), Programs(table, list(range(0, 700, 2))[::-1], False)
    assert len(everyone) == 700 and len(some) == 350
    assert list(everyone) == [table.make_row(i) for i in range(700)]
    assert list(some) == [table.make_row(i) for i in range(698, -1, -2)]
    assert everyone[0].executed == Value(None, "N/C") and everyone[0].price_year == 2024
