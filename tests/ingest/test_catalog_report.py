"""Ingest reports the programs it finds no single BIPS number for, and counts them."""

from __future__ import annotations

from fichas_tui.ingest.pipeline import ingest
from tests.helpers import F2019, SAMPLE_DIR


def test_unmatched_named_and_counted(tmp_path):
    lines: list[str] = []
    ingest([SAMPLE_DIR], tmp_path / "ds", echo=lines.append, workers=1)
    at = next(i for i, line in enumerate(lines) if F2019 in line)
    block = lines[at : at + 3]
    assert "      catálogo: no está en el catálogo BIPS 2025" in block
    assert "catálogo BIPS 2025: 2 fichas con número BIPS, 1 sin coincidencia, 0 ambiguas" in lines
