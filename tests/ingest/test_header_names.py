"""`NOMBRE DEL PROGRAMA:` (and MINISTERIO / SERVICIO) read at the top of every layout."""

from __future__ import annotations

import pyarrow.parquet as pq
import pytest

from fichas_tui.ingest.pipeline import ingest
from fichas_tui.ingest.reader import parse_bytes
from tests.helpers import F2019, F2021, F2023, SAMPLE_DIR

MANIFEST = {"program_name": "Nombre del manifiesto", "ministry": "M", "service": "S"}


def _parse(header: str, sample: str, manifest=None):
    text = header + (SAMPLE_DIR / sample).read_text(encoding="utf-8")
    record, from_manifest = parse_bytes(text.encode(), "x.txt", manifest=manifest)
    return record, from_manifest


@pytest.mark.parametrize("sample", [F2021, F2023])
@pytest.mark.parametrize(
    ("header", "name"),
    [
        # Bold Markdown around the whole line, as the 2019 template prints it.
        (
            "**NOMBRE DEL PROGRAMA: Apoyo & Protección [Piloto] (Ñuble)**\n",
            "Apoyo & Protección [Piloto] (Ñuble)",
        ),
        # Bold label only; a Markdown heading; plain text.
        ("**NOMBRE DEL PROGRAMA:** Gestión Social Local - GSL\n", "Gestión Social Local - GSL"),
        ("## NOMBRE DEL PROGRAMA: Residencia Familiar (RF)\n", "Residencia Familiar (RF)"),
        ("Nombre del programa: Programa Vínculos\n", "Programa Vínculos"),
        # Markdown escapes and HTML entities are undone; `<2>` is text, not a tag.
        ("NOMBRE DEL PROGRAMA: Programa \\[Piloto\\] \\& Ñuble\n", "Programa [Piloto] & Ñuble"),
        ("<p><b>NOMBRE DEL PROGRAMA:</b> Programa A &amp; B &lt;2&gt;</p>\n", "Programa A & B <2>"),
        # The name on the line below its label.
        ("**NOMBRE DEL PROGRAMA:**\n\nSubsidio al Empleo Joven\n", "Subsidio al Empleo Joven"),
    ],
)
def test_the_name_line_is_read_as_written(sample, header, name):
    record, from_manifest = _parse(header, sample, MANIFEST)
    assert record.facts["program_name"] == name
    assert record.facts["name_source"] == "texto"
    # The manifest fills only what the text lacks: here ministry and service.
    assert from_manifest == ["ministry", "service"]
    assert (record.facts["ministry"], record.facts["service"]) == ("M", "S")
    assert not any("nombre del programa" in w for w in record.warnings)


@pytest.mark.parametrize("sample", [F2021, F2023])
def test_ministry_and_service_lines(sample):
    header = (
        "**NOMBRE DEL PROGRAMA: Gestión Social Local**\n"
        "**MINISTERIO:** Ministerio de Desarrollo Social y Familia\n"
        "SERVICIO: Subsecretaría de Servicios Sociales\n\n"
    )
    record, from_manifest = _parse(header, sample, MANIFEST)
    assert from_manifest == []
    assert record.facts["program_name"] == "Gestión Social Local"
    assert record.facts["ministry"] == "Ministerio de Desarrollo Social y Familia"
    assert record.facts["service"] == "Subsecretaría de Servicios Sociales"
    assert record.facts["program_id"] == "gestion-social-local"


def test_a_label_inside_the_ficha_is_not_its_name():
    """Only the top of the ficha, before its first section, is its header."""
    text = (SAMPLE_DIR / F2021).read_text(encoding="utf-8")
    at = text.index("PROPÓSITO")
    moved = text[:at] + "NOMBRE DEL PROGRAMA: Otro programa\n\n" + text[at:]
    record, _ = parse_bytes(moved.encode(), "x.txt")
    assert record.facts["name_source"] == "archivo"


def test_the_same_program_links_across_layouts(tmp_path):
    """002 (2019 layout) names itself in capitals; a 2023 ficha of the same program with its
    name line in other case and accents joins it: one program, two years."""
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / F2019).write_bytes((SAMPLE_DIR / F2019).read_bytes())
    header = (
        "**NOMBRE DEL PROGRAMA: Protección - Residencia de Protección para Primera "
        "Infancia (RLP)**\n\n"
    )
    text = header + (SAMPLE_DIR / F2023).read_text(encoding="utf-8")
    (folder / "2023.txt").write_text(text, encoding="utf-8")
    status = ingest([folder], tmp_path / "ds", echo=lambda _l: None)
    assert status == 0
    programs = pq.read_table(tmp_path / "ds" / "programs.parquet").to_pylist()
    assert [(p["program_id"], p["years"], p["n_fichas"]) for p in programs] == [
        ("proteccion-residencia-de-proteccion-para-primera-infancia-rlp", [2019, 2023], 2)
    ]
    # The latest ficha's name is the program's: as its text writes it.
    assert programs[0]["program_name"] == (
        "Protección - Residencia de Protección para Primera Infancia (RLP)"
    )
