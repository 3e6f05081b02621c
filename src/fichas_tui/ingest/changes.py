"""Fichas whose file changed since the last ingest: same file name, other bytes (SHA-256)."""

from __future__ import annotations

from pathlib import Path

from ..text import one_line


def changed_files(folder: Path, new: dict[str, str]) -> list[tuple[str, str, str]]:
    """(file name, old id, new id) for each file of `new` (name -> ficha id, the first 16 hex
    of its SHA-256) that the dataset in `folder` holds with other bytes."""
    from ..data.dataset import table_path

    path = table_path(folder, "fichas")
    if not new or not path.exists():
        return []
    import pyarrow.parquet as pq

    try:
        old = pq.read_table(path, columns=["ficha_id", "source_file"])
    except Exception:  # a damaged file is reported by name when the merge reads it
        return []
    before: dict[str, set[str]] = {}
    for fid, name in zip(old["ficha_id"].to_pylist(), old["source_file"].to_pylist(), strict=True):
        before.setdefault(name, set()).add(fid)
    return [
        (name, sorted(before[name])[0], fid)
        for name, fid in sorted(new.items())
        if name in before and fid not in before[name]
    ]


def changed_line(name: str, old: str, new: str) -> str:
    """What `ingest` says about a changed file."""
    return (
        f"cambió {one_line(name)}: su SHA-256 empezaba por {old[:12]}, ahora por {new[:12]}; "
        "sus cifras y su texto se leen de nuevo"
    )
