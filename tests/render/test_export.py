"""Export round trips: what CSV, XLSX, JSON and Parquet files read back equals the view's values;
a formula-looking text cell stays text."""

from __future__ import annotations

import csv
import json
import zipfile

import pyarrow.parquet as pq
import pytest
from openpyxl import load_workbook

from fichas_tui.render.export import export_table, flatten, proposed_path
from fichas_tui.views.model import (
    AMOUNT,
    BAR,
    PERCENT,
    TEXT,
    TOTAL,
    YEAR,
    Bar,
    Basis,
    Cell,
    Column,
    Row,
    Table,
)

M2024 = Basis(price_year=2024)
HOSTILE = ['=HYPERLINK("http://x","clic")', "+56 9 1234", "-1+2", "@SUMA(A1)", "Normal"]

TABLE = Table(
    key="budget",
    title="Presupuesto: ejecución",
    notes=("Montos en M$ 2024, como los escribe la ficha.",),
    columns=(
        Column("year", "Año", YEAR),
        Column("name", "Concepto", TEXT),
        Column("ejecutado", "Ejecutado", AMOUNT, basis=M2024),
        Column("pct", "% ejecución", PERCENT, unit="%", decimals=1),
        Column("bar", "", BAR),
    ),
    rows=tuple(
        Row((Cell(year), Cell(name), amount, pct, Cell(Bar(0.5))))
        for year, name, amount, pct in [
            (2019, HOSTILE[0], Cell(8146335), Cell(83.1)),
            (2020, HOSTILE[1], Cell(None, status="N/C"), Cell(None, status="S/I")),
            (2021, HOSTILE[2], Cell(1198.6), Cell(100.0)),
            (2022, HOSTILE[3], Cell(-2500), Cell(None, status="N/A")),
            (2023, HOSTILE[4], Cell(0), Cell(12.34)),
        ]
    ),
)
AMOUNTS = [8146335, None, 1198.6, -2500, 0]
PCTS = [83.1, None, 100.0, None, 12.34]
HEADERS = [
    "Año",
    "Concepto",
    "Ejecutado (M$ 2024)",
    "Ejecutado (M$ 2024) código",
    "% ejecución",
    "% ejecución código",
]


def test_flat_columns_keep_units_and_codes_and_drop_charts():
    columns = flatten(TABLE)
    assert [c.header for c in columns] == HEADERS
    assert columns[2].values == AMOUNTS
    assert columns[3].values == [None, "N/C", None, None, None]
    assert columns[5].values == [None, "S/I", None, "N/A", None]


def test_csv_round_trip(tmp_path):
    path = export_table(TABLE, tmp_path / "t.csv")
    with open(path, encoding="utf-8", newline="") as handle:
        rows = list(csv.reader(handle))
    assert rows[0] == HEADERS
    body = rows[1:]
    assert [int(r[0]) for r in body] == [2019, 2020, 2021, 2022, 2023]
    assert [float(r[2]) if r[2] else None for r in body] == AMOUNTS
    assert [float(r[4]) if r[4] else None for r in body] == PCTS
    assert body[0][2] == "8146335" and body[2][2] == "1198.6"  # unformatted, dot decimal
    assert [r[3] for r in body] == ["", "N/C", "", "", ""]
    # Formula-looking text gets a leading apostrophe; plain text is untouched.
    assert [r[1] for r in body] == ["'" + t for t in HOSTILE[:4]] + ["Normal"]


def test_xlsx_round_trip_numbers_stay_numbers_and_formulas_stay_text(tmp_path):
    path = export_table(TABLE, tmp_path / "t.xlsx")
    sheet = load_workbook(path).active
    rows = list(sheet.iter_rows(values_only=True))
    assert list(rows[0]) == HEADERS
    assert [r[2] for r in rows[1:]] == AMOUNTS
    assert [r[4] for r in rows[1:]] == PCTS
    assert [r[1] for r in rows[1:]] == HOSTILE  # the text itself, unchanged...
    assert all(sheet.cell(row=r, column=2).data_type == "s" for r in range(2, 7))
    with zipfile.ZipFile(path) as book:  # ...and no formula anywhere in the file
        assert "<f>" not in book.read("xl/worksheets/sheet1.xml").decode()
    assert sheet.cell(row=2, column=3).number_format == "#,##0"
    assert sheet.cell(row=4, column=3).number_format == "#,##0"
    assert sheet.cell(row=2, column=5).number_format == '#,##0.0 "%"'
    assert sheet.cell(row=2, column=1).number_format == "0"  # years never grouped
    notes = load_workbook(path)["notas"]
    assert notes["A2"].value == "Montos en M$ 2024, como los escribe la ficha."


EXACT = [0.1 + 0.2, 1 / 3, 2 / 3 * 1e10, 1e-7, 123456789.12345678, -5e-324, 1.7976931348623157e308]


def test_xlsx_keeps_every_digit_of_a_double(tmp_path):
    # openpyxl's own writer (%.16g) turned 0.30000000000000004 into 0.3.
    table = Table(
        key="t",
        title="Exactos",
        columns=(Column("v", "Valor", PERCENT, unit="%", decimals=1),),
        rows=tuple(Row((Cell(v),)) for v in [*EXACT, 8146335]),
    )
    sheet = load_workbook(export_table(table, tmp_path / "t.xlsx")).active
    read = [row[0] for row in sheet.iter_rows(min_row=2, values_only=True)]
    assert read == [*EXACT, 8146335]
    assert all(type(a) is type(b) for a, b in zip(read, [*EXACT, 8146335], strict=True))
    assert sheet.cell(row=2, column=1).data_type == "n"
    assert pq.read_table(export_table(table, tmp_path / "t.parquet")).column(0).to_pylist() == [
        *EXACT,
        8146335,
    ]


def test_json_round_trip(tmp_path):
    data = json.loads(export_table(TABLE, tmp_path / "t.json").read_text(encoding="utf-8"))
    assert data["columns"] == HEADERS
    assert [r["Ejecutado (M$ 2024)"] for r in data["rows"]] == AMOUNTS
    assert [r["% ejecución código"] for r in data["rows"]] == [None, "S/I", None, "N/A", None]
    assert [r["Concepto"] for r in data["rows"]] == HOSTILE  # JSON is not a spreadsheet


def test_parquet_round_trip(tmp_path):
    read = pq.read_table(export_table(TABLE, tmp_path / "t.parquet"))
    assert read.column_names == HEADERS
    assert read.column("Ejecutado (M$ 2024)").to_pylist() == AMOUNTS
    assert read.column("Año").to_pylist() == [2019, 2020, 2021, 2022, 2023]
    assert read.schema.metadata[b"title"].decode() == "Presupuesto: ejecución"


def test_converted_rows_get_a_basis_column():
    converted = Basis(price_year=2024, converted=True)
    table = Table(
        key="t",
        title="t",
        columns=(Column("gasto", "Gasto", AMOUNT, basis=M2024),),
        rows=(Row((Cell(10.0),)), Row((Cell(20.0, basis=converted),))),
    )
    columns = flatten(table)
    assert [c.header for c in columns] == ["Gasto (M$ 2024)", "Gasto base"]
    assert columns[1].values == ["M$ 2024", "M$ 2024 (convertidos)"]


def test_unknown_format_is_refused_and_nothing_written(tmp_path):
    with pytest.raises(ValueError, match="formato desconocido"):
        export_table(TABLE, tmp_path / "t.docx")
    assert list(tmp_path.iterdir()) == []


def test_proposed_name_is_free_and_plain(tmp_path):
    first = proposed_path("Residencia Familiar · 2023 · Presupuesto", "csv", tmp_path)
    assert first == tmp_path / "residencia-familiar-2023-presupuesto.csv"
    first.write_text("x")
    assert proposed_path("Residencia Familiar · 2023 · Presupuesto", "csv", tmp_path).name == (
        "residencia-familiar-2023-presupuesto-2.csv"
    )


def test_proposed_name_in_an_unsearchable_or_removed_folder(tmp_path, monkeypatch):
    import pathlib

    def refuse(self, *, follow_symlinks=True):
        raise PermissionError(13, "Permission denied", str(self))

    monkeypatch.setattr(pathlib.Path, "stat", refuse)
    monkeypatch.setattr(pathlib.Path, "lstat", lambda self: refuse(self))
    assert proposed_path("Tabla", "csv", tmp_path) == tmp_path / "tabla.csv"
    monkeypatch.undo()
    gone = tmp_path / "gone"
    gone.mkdir()
    monkeypatch.chdir(gone)
    gone.rmdir()
    monkeypatch.setenv("HOME", str(tmp_path))
    assert proposed_path("Tabla", "csv") == tmp_path / "tabla.csv"


def test_tsv_shows_figures_as_on_screen_and_guards_text():
    from fichas_tui.render.export import tsv

    lines = tsv(TABLE).split("\n")
    assert lines[0] == "Año\tConcepto\tEjecutado (M$ 2024)\t% ejecución"
    assert lines[1] == '2019\t\'=HYPERLINK("http://x","clic")\t8.146.335\t83,1 %'
    assert lines[2] == "2020\t'+56 9 1234\tN/C\tS/I"
    assert lines[4] == "2022\t'@SUMA(A1)\t-2.500\tN/A"  # a negative number stays a number
    assert tsv(TABLE, [4], header=False) == "2023\tNormal\t0\t12,3 %"


# -- values exactly as stored (issue 24 §3) -------------------------------------------------------

CONVERTED = Basis(price_year=2024, converted=True)
NOMINAL_BASIS = Basis(price_year=None)
STORED = Table(
    key="regions",
    title="Gasto por región",
    columns=(
        Column("year", "Año", YEAR),
        Column("region", "Región", TEXT),
        Column("ministry", "Ministerio", TEXT),
        Column("spending", "Gasto", AMOUNT, basis=NOMINAL_BASIS),
        Column("per", "M$/benef.", AMOUNT, basis=NOMINAL_BASIS, decimals=1),
    ),
    rows=(
        Row(
            (
                Cell(2019),
                Cell("Coquimbo"),
                Cell(None, "-"),  # the ficha names no ministry: empty, not "-"
                Cell(2502149.5949999997, basis=CONVERTED, factor=1.1002),
                Cell(12610.449999999999, basis=CONVERTED, factor=1.1002),
            )
        ),
        Row((Cell(2020), Cell("Ñuble"), Cell("Ministerio X"), Cell(1198.0), Cell(None, "N/C"))),
        Row((Cell(2020), Cell("Total"), Cell(None), Cell(3700.0), Cell(None)), role=TOTAL),
    ),
)


def _columns(table):
    return {c.header: c.values for c in flatten(table)}


def test_a_converted_amount_is_written_to_the_precision_shown():
    cols = _columns(STORED)
    # 2.502.149,595 M$ converted: whole M$ as the ficha writes amounts (the factor's 4
    # decimals support no more), per beneficiary to its 1 decimal, half-up.
    assert cols["Gasto (M$ nominales)"] == [2502150.0, 1198.0, 3700.0]
    assert cols["M$/benef. (M$ nominales)"][0] == 12610.4


def test_nominal_pesos_name_their_year_and_a_missing_ministry_is_empty():
    cols = _columns(STORED)
    assert cols["Gasto base"] == [
        "M$ 2024 (convertidos)",
        "M$ nominales de 2020",
        "M$ nominales de 2020",
    ]
    assert cols["Ministerio"] == [None, "Ministerio X", None]


def test_the_total_row_is_marked_in_its_own_column():
    cols = _columns(STORED)
    assert next(iter(cols)) == "fila"
    assert cols["fila"] == ["dato", "dato", "total"]
    # A table without a total or a row apart gets no such column.
    assert "fila" not in _columns(TABLE)


@pytest.mark.parametrize("fmt", ["csv", "json", "xlsx"])
def test_every_format_writes_the_values_as_stored(tmp_path, fmt):
    path = export_table(STORED, tmp_path / f"t.{fmt}")
    if fmt == "csv":
        rows = list(csv.reader(path.open(encoding="utf-8")))
        assert rows[0][0] == "fila" and rows[1][4] == "2502150" and rows[1][3] == ""
        assert "2502149.5949999997" not in path.read_text(encoding="utf-8")
        assert rows[3][0] == "total"
    elif fmt == "json":
        data = json.loads(path.read_text(encoding="utf-8"))
        first = data["rows"][0]
        assert first["Gasto (M$ nominales)"] == 2502150.0 and first["Ministerio"] is None
        assert first["M$/benef. (M$ nominales)"] == 12610.4
        assert [r["fila"] for r in data["rows"]] == ["dato", "dato", "total"]
    else:
        sheet = load_workbook(path).active
        header = [c.value for c in sheet[1]]
        assert header[0] == "fila"
        assert sheet.cell(row=2, column=header.index("Gasto (M$ nominales)") + 1).value == 2502150
        assert sheet.cell(row=2, column=header.index("Ministerio") + 1).value is None
        assert sheet.cell(row=4, column=1).value == "total"
