"""Export any view table to CSV, XLSX, JSON or Parquet (no Textual: the CLI may use it too).

Every format gets the same flat columns: numbers stay numbers (dot decimal where the format is
text), a missing value is empty with its code in a companion column, the unit or basis is in the
header, and no text cell can become a spreadsheet formula.
"""

from __future__ import annotations

import csv
import io
import json
import math
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, BinaryIO

from ..safe_write import staged
from ..text import clean, fold, no_controls, one_line
from ..views.cells import display
from ..views.figures import UNKNOWN, decimals_of, rounded
from ..views.model import AMOUNT, APART, BAR, DATA, PERCENT, TEXT, TOTAL, YEAR, Table

FORMATS = {"csv": "CSV", "xlsx": "Excel (XLSX)", "json": "JSON", "parquet": "Parquet"}
CODE = "código"  # header suffix of the missing-value code column
ROW = "fila"  # first column when a table has a total or a row apart: what each row is
ROLES = {DATA: "dato", TOTAL: "total", APART: "aparte"}
FICHA_CODES = frozenset({"N/C", "S/I", "N/A"})
BASIS = "base"  # header suffix of the per-row basis column, when rows differ
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


@dataclass
class Flat:
    """One exported column: a header and plain values (float, int, str or None)."""

    header: str
    numeric: bool
    kind: str = TEXT
    decimals: int = 0
    values: list[Any] = field(default_factory=list)


def _number(value: Any) -> float | int | None:
    if isinstance(value, bool) or not isinstance(value, int | float):
        return None
    if isinstance(value, float) and not math.isfinite(value):
        return None
    return value


def flatten(table: Table) -> list[Flat]:
    """The table's columns as export columns (chart columns left out: they are drawings).

    A total or a row kept apart is marked in a first column `fila`, never passed off as a data
    row; a missing text (a ministry the ficha does not name) is empty; a converted amount is
    rounded to the decimals the table shows it with (views/figures: the factor supports no
    more); a nominal amount's basis names its year ("M$ nominales de 2019")."""
    out: list[Flat] = []
    if any(row.role != DATA for row in table.rows):
        out.append(Flat(ROW, False, values=[ROLES.get(row.role, row.role) for row in table.rows]))
    years = _row_years(table)
    for i, column in enumerate(table.columns):
        if column.kind == BAR:
            continue
        cells = [row.cells[i] for row in table.rows]
        if not column.numeric:
            values = [
                clean(str(c.value)) if c.value is not None else _text_code(c.status) for c in cells
            ]
            out.append(Flat(column.header, False, values=values))
            continue
        numbers = [_number(c.value) for c in cells]
        if column.kind == AMOUNT:
            numbers = [
                rounded(n, column.decimals) if n is not None and c.factor is not None else n
                for n, c in zip(numbers, cells, strict=True)
            ]
        out.append(Flat(column.header, True, column.kind, column.decimals, numbers))
        codes = [
            None if n is not None else clean(c.written or c.status or UNKNOWN)
            for n, c in zip(numbers, cells, strict=True)
        ]
        if any(codes):
            out.append(Flat(f"{column.header} {CODE}", False, values=codes))
        if column.kind == AMOUNT:
            bases = [c.basis or column.basis for c in cells]
            nominal = any(b is not None and b.price_year is None for b in bases)
            if nominal or any(b != column.basis for b in bases):
                labels = [_basis_label(b, y) for b, y in zip(bases, years, strict=True)]
                out.append(Flat(f"{column.title} {BASIS}", False, values=labels))
    seen: dict[str, int] = {}
    for flat in out:  # headers are keys in JSON and Parquet: make repeats unique
        seen[flat.header] = seen.get(flat.header, 0) + 1
        if seen[flat.header] > 1:
            flat.header = f"{flat.header} ({seen[flat.header]})"
    return out


def _row_years(table: Table) -> list[Any]:
    """Each row's year (its first year column), for the pesos of a nominal amount."""
    i = next((i for i, c in enumerate(table.columns) if c.kind == YEAR), None)
    return [row.cells[i].value if i is not None else None for row in table.rows]


def _basis_label(basis, year) -> str | None:
    """'M$ 2024', 'M$ 2024 (convertidos)', 'M$ nominales de 2019' (nominal pesos are their
    row's year's)."""
    if basis is None:
        return None
    if basis.price_year is None and not basis.converted and isinstance(year, int):
        return f"{basis.label} de {year}"
    return basis.label


def _text_code(status: str | None) -> str | None:
    """A missing text cell: empty, unless the ficha wrote one of its codes there."""
    return clean(status) if status in FICHA_CODES else None


def _rows(columns: list[Flat]) -> Iterator[list[Any]]:
    return (list(values) for values in zip(*(c.values for c in columns), strict=True))


def safe_text(text: str) -> str:
    """A text cell a spreadsheet shows as text: a leading ' where it would start a formula
    (a lone '-', the ficha's code for "none", is not one)."""
    return "'" + text if text.startswith(FORMULA_START) and len(text) > 1 else text


def csv_value(value: Any) -> str:
    """One CSV cell: empty for a missing or non-finite number, true/false, a number unformatted
    (the shortest text that reads back as it, dot decimal), text guarded against formulas."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str):
        return safe_text(value)
    if isinstance(value, float):
        return repr(value) if math.isfinite(value) else ""
    return str(value)


def _csv_value(value: Any) -> str:
    # A table's whole amounts are written as the ficha writes them: 8146335, not 8146335.0.
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return csv_value(value)


def records_csv(records, terminal: bool = False) -> str:
    """Records (the CLI's `--csv`: region, ranking, compare) as CSV: a header of every key in
    the order they first appear, then one line per record.

    Text is data, never a command: for a terminal it is cleaned as the text tables are (no
    control, bidirectional or invisible character reaches it: a crafted ficha set the title
    and wrote the clipboard with OSC 52); for a file the bytes are the data, but for control
    characters other than tab and newline, shown as symbols. Either way no cell starts a
    spreadsheet formula."""
    scrub = clean if terminal else no_controls

    def cell(value: Any) -> str:
        return csv_value(scrub(value) if isinstance(value, str) else value)

    header = list(dict.fromkeys(key for record in records for key in record))
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow([cell(key) for key in header])
    for record in records:
        writer.writerow([cell(record.get(key)) for key in header])
    return buffer.getvalue()


def write_csv(table: Table, out: BinaryIO) -> None:
    columns = flatten(table)
    handle = io.TextIOWrapper(out, encoding="utf-8", newline="")
    writer = csv.writer(handle)
    writer.writerow([safe_text(c.header) for c in columns])
    for row in _rows(columns):
        writer.writerow([_csv_value(v) for v in row])
    handle.flush()
    handle.detach()  # the caller's file stays open


def _xlsx_format(flat: Flat, value: float) -> str:
    """Grouped thousands and fixed decimals; the spreadsheet draws the separators of its
    locale, so a Chilean one shows 2.608.643 and 83,1 %."""
    if flat.kind == YEAR:
        return "0"
    decimals = flat.decimals
    if flat.kind not in (AMOUNT, PERCENT) and not decimals:  # figures: the decimals they need
        decimals = decimals_of((value,))
    pattern = "#,##0" + ("." + "0" * decimals if decimals else "")
    return pattern + ' "%"' if flat.kind == PERCENT else pattern


def write_xlsx(table: Table, out: BinaryIO) -> None:
    from openpyxl import Workbook
    from openpyxl.styles import Font

    columns = flatten(table)
    book = Workbook()
    sheet = book.active
    sheet.title = _sheet_name(table.title or table.key)
    sheet.append([c.header for c in columns])
    for cell in sheet[1]:
        cell.font = Font(bold=True)
        cell.data_type = "s"
    for r, row in enumerate(_rows(columns), start=2):
        for c, (flat, value) in enumerate(zip(columns, row, strict=True), start=1):
            cell = sheet.cell(row=r, column=c, value=value)
            if isinstance(value, str):
                cell.data_type = "s"  # never a formula, whatever it starts with
            elif value is not None:
                cell.number_format = _xlsx_format(flat, float(value))
                # openpyxl writes a number with %.16g (0.30000000000000004 -> 0.3): the
                # shortest text that reads back as the same double goes in the number cell
                # instead, so the file keeps every digit the CSV and Parquet keep.
                cell.value = repr(value) if isinstance(value, float) else str(value)
                cell.data_type = "n"
    notes = book.create_sheet("notas")
    for line in (table.title, *table.notes, table.order and f"Orden: {table.order}"):
        if line:
            notes.append([clean(line)])
            notes.cell(row=notes.max_row, column=1).data_type = "s"
    book.save(out)


def _sheet_name(title: str) -> str:
    name = "".join(" " if ch in "[]:*?/\\" else ch for ch in clean(title)).strip()
    return name[:31] or "tabla"


def write_json(table: Table, out: BinaryIO) -> None:
    columns = flatten(table)
    data = {
        "table": table.key,
        "title": clean(table.title),
        "notes": [clean(n) for n in table.notes],
        "columns": [c.header for c in columns],
        "rows": [
            dict(zip((c.header for c in columns), row, strict=True)) for row in _rows(columns)
        ],
    }
    out.write((json.dumps(data, ensure_ascii=False, indent=2, allow_nan=False) + "\n").encode())


def write_parquet(table: Table, out: BinaryIO) -> None:
    import pyarrow as pa
    import pyarrow.parquet as pq

    arrays = {}
    for flat in flatten(table):
        if (
            flat.numeric
            and flat.kind == YEAR
            and all(v is None or float(v).is_integer() for v in flat.values)
        ):
            arrays[flat.header] = pa.array(
                [None if v is None else int(v) for v in flat.values], pa.int64()
            )
        elif flat.numeric:
            arrays[flat.header] = pa.array(
                [None if v is None else float(v) for v in flat.values], pa.float64()
            )
        else:
            arrays[flat.header] = pa.array(flat.values, pa.string())
    data = pa.table(arrays) if arrays else pa.table({})
    meta = {"title": clean(table.title), "notes": "\n".join(clean(n) for n in table.notes)}
    pq.write_table(data.replace_schema_metadata({k: v.encode() for k, v in meta.items()}), out)


def tsv(table: Table, rows: list[int] | None = None, header: bool = True) -> str:
    """Rows as tab-separated text for the clipboard: what the screen shows, one line per row,
    header first; text that a spreadsheet would run as a formula gets a leading '."""
    columns = [(i, c) for i, c in enumerate(table.columns) if c.kind != BAR]
    lines = ["\t".join(safe_text(one_line(c.header)) for _i, c in columns)] if header else []
    for r in range(len(table.rows)) if rows is None else rows:
        cells = table.rows[r].cells
        texts = (one_line(display(c, cells[i])) for i, c in columns)
        # Numbers as shown (a negative one starts with '-' and must stay a number).
        lines.append(
            "\t".join(
                t if c.numeric else safe_text(t) for (_i, c), t in zip(columns, texts, strict=True)
            )
        )
    return "\n".join(lines)


WRITERS = {"csv": write_csv, "xlsx": write_xlsx, "json": write_json, "parquet": write_parquet}


def export_table(table: Table, path: Path, fmt: str | None = None) -> Path:
    """Write the table; the format from `fmt` or the file's extension. Staged under a unique
    name beside it and moved into place (safe_write.staged), so a failed export never leaves
    half a file and a link planted beside it is never followed."""
    path = Path(path)
    fmt = (fmt or path.suffix.lstrip(".")).lower()
    if fmt not in WRITERS:
        raise ValueError(f"formato desconocido: {fmt!r} (use {', '.join(FORMATS)})")
    with staged(path, private=False) as out:
        WRITERS[fmt](table, out)
    return path


def proposed_path(stem: str, fmt: str, folder: Path | None = None) -> Path:
    """A file name for the export in `folder` (the current directory) that is not taken:
    'residencia-familiar-2023-presupuesto.csv', then '...-2.csv'."""
    folder = folder or current_folder()
    slug = "-".join(fold(stem).split())[:80] or "tabla"
    path = folder / f"{slug}.{fmt}"
    n = 2
    while _taken(path):
        path = folder / f"{slug}-{n}.{fmt}"
        n += 1
    return path


def current_folder() -> Path:
    """The current directory, or the home folder when it has been removed under us."""
    try:
        return Path.cwd()
    except OSError:
        return Path.home()


def _taken(path: Path) -> bool:
    # A folder that cannot be searched answers nothing: the name is proposed, and writing it
    # says why not in the dialog (an exception here stopped the app when `e` was pressed).
    try:
        return path.is_symlink() or path.exists()
    except (OSError, ValueError):
        return False
