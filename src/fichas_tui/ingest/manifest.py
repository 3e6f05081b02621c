"""`manifest.csv` beside the fichas: the names the 2021 and 2023 templates may not print."""

from __future__ import annotations

import csv
from pathlib import Path

from .markup import normalize_text

MANIFEST = "manifest.csv"
MANIFEST_FIELDS = ("program_name", "ministry", "service")
HEADER = ("file", *MANIFEST_FIELDS)


def read_manifest(path: Path) -> tuple[dict[str, dict[str, str]], list[str]]:
    """File name -> its non-empty fields, and the problems found (said, never fatal).

    A manifest with no header, without a `file` column or any of the fields, with columns
    this program does not know, or naming a file twice is read as far as it can be and each
    problem is reported, so a mistake in it does not go unnoticed.
    """
    if not path.is_file():
        return {}, []
    problems: list[str] = []
    with open(path, newline="", encoding="utf-8-sig") as handle:
        rows = list(csv.reader(handle))
    rows = [row for row in rows if any(cell.strip() for cell in row)]
    if not rows:
        return {}, ["está vacío"]
    header = [cell.strip().lower() for cell in rows[0]]
    expected = ", ".join(HEADER)
    if "file" not in header:
        if rows[0] and rows[0][0].strip().lower().endswith(".txt"):
            problems.append(f"no tiene encabezado; la primera línea debe ser: {expected}")
        else:
            problems.append(f"no tiene la columna file; las columnas deben ser: {expected}")
        return {}, problems
    unknown = [name for name in header if name and name not in HEADER]
    if unknown:
        problems.append(
            f"columnas desconocidas ({', '.join(unknown)}), se ignoran; las columnas son: "
            f"{expected}"
        )
    if not set(MANIFEST_FIELDS) & set(header):
        problems.append(f"no trae ninguna de las columnas {', '.join(MANIFEST_FIELDS)}")
    out: dict[str, dict[str, str]] = {}
    repeated: list[str] = []
    for row in rows[1:]:
        record = dict(zip(header, row, strict=False))
        name = (record.get("file") or "").strip()
        if not name:
            continue
        fields = {
            key: " ".join(normalize_text(record[key]).split())
            for key in MANIFEST_FIELDS
            if (record.get(key) or "").strip()
        }
        if name in out:
            if name not in repeated:
                repeated.append(name)
            continue  # the first row for a file wins
        out[name] = fields
    if repeated:
        shown = ", ".join(repeated[:3]) + (
            f" y {len(repeated) - 3} más" if len(repeated) > 3 else ""
        )
        problems.append(f"nombra más de una vez {shown}; vale la primera fila de cada uno")
    return out, problems
