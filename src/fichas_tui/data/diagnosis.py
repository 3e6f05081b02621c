"""What to tell the user about a dataset folder that cannot be read (explorer and `fichas show`).

No textual, duckdb or pyarrow here: `fichas show` and the explorer's screens share these texts.
"""

from __future__ import annotations

from pathlib import Path

from ..text import clean
from .dataset import table_path


def ingest_command(folder: Path) -> str:
    return f"fichas ingest data/fichas/ --data {clean(str(folder))}"


def folder_problem(folder: Path) -> str | None:
    """Why `folder` is not a dataset, when the path itself says so (a file, a folder of other
    things); else None."""
    folder = Path(folder)
    shown = clean(str(folder))
    if folder.is_file():
        return f"{shown} es un archivo, no una carpeta de dataset: --data debe ser una carpeta"
    if not folder.is_dir():
        return None  # absent: "no hay dataset", and ingest creates it
    if not table_path(folder, "fichas").exists() and any(folder.iterdir()):
        return f"{shown} no es un dataset de fichas: tiene archivos, pero no fichas.parquet"
    return None


def missing_tables(folder: Path, tables) -> tuple[str, ...]:
    """The tables among `tables` whose file is absent from the dataset folder."""
    return tuple(t for t in tables if not table_path(folder, t).exists())


def missing_message(folder: Path, tables) -> str:
    names = ", ".join(f"{t}.parquet" for t in tables)
    return (
        f"Falta {names} en {clean(str(folder))}: el dataset está incompleto. "
        f"Vuelva a generarlo con: {ingest_command(folder)}"
    )
