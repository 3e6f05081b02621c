"""Fichas in any encoding a person may save them in, and file names in any encoding: no row lost."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from fichas_tui.data.dataset import read_dataset
from fichas_tui.ingest.decoding import REPLACEMENT, decode
from fichas_tui.ingest.pipeline import EXIT_FILES_FAILED, EXIT_OK
from fichas_tui.ingest.reader import parse_bytes
from tests.helpers import F2019, F2021, F2023, SAMPLE_DIR

SAMPLES = {name: (SAMPLE_DIR / name).read_bytes() for name in (F2019, F2021, F2023)}
COUNTED = ("budget", "subtitles", "components", "coverage", "regions", "indicators", "findings")


def rows_without_text(record) -> dict[str, list]:
    """Each table's rows with their numbers and keys (texts may carry the replaced byte)."""
    out = {}
    for table, rows in record.rows.items():
        if table in ("warnings", "texts"):
            continue
        out[table] = [
            {k: v for k, v in row.items() if k != "ficha_id" and not isinstance(v, str)}
            for row in rows
        ]
    return out


def with_byte_after(data: bytes, line_index: int, bad: bytes) -> bytes:
    """The file with `bad` at the end of its `line_index`-th line (0-based)."""
    lines = data.split(b"\n")
    lines[line_index] += bad
    return b"\n".join(lines)


def longest_prose_line(data: bytes) -> int:
    """The longest line without digits or tabs: prose, whatever the template."""
    lines = data.split(b"\n")
    prose = [i for i, line in enumerate(lines) if not any(ch in line for ch in b"0123456789\t|")]
    return max(prose, key=lambda i: len(lines[i]))


@pytest.mark.parametrize("name", sorted(SAMPLES))
def test_one_bad_byte_keeps_every_row_and_says_where(name):
    clean = SAMPLES[name]
    index = longest_prose_line(clean)
    reference, _ = parse_bytes(clean, "a.txt")
    record, _ = parse_bytes(with_byte_after(clean, index, b"\xff"), "a.txt")
    assert rows_without_text(record) == rows_without_text(reference)
    new = [w for w in record.warnings if w not in reference.warnings]
    assert new == [
        f"ficha: 1 byte no válido en UTF-8 en la línea {index + 1}; se reemplazó por {REPLACEMENT}"
    ]


def test_the_2023_ficha_with_one_bad_byte_keeps_its_108_rows():
    """The issue's case: 108 rows became 50 when one byte sent the whole file to cp1252."""
    clean = SAMPLES[F2023]
    reference, _ = parse_bytes(clean, "a.txt")
    broken, _ = parse_bytes(clean[: len(clean) // 2] + b"\xff" + clean[len(clean) // 2 :], "a.txt")
    for table in COUNTED:
        assert len(broken.rows[table]) == len(reference.rows[table]), table


def test_many_bad_lines_are_counted_and_the_first_named():
    """More valid UTF-8 letters than bad bytes: UTF-8 it is; with fewer, Windows-1252."""
    text = b"\n".join([b"ok \xc3\xb3"] * 10 + [b"mal \xff"] * 8)
    decoded = decode(text)
    assert decoded.encoding == "utf-8" and decoded.bad_bytes == 8
    assert decoded.warning() == (
        f"8 bytes no válidos en UTF-8 en las líneas 11, 12, 13, 14, 15 y 3 más; "
        f"se reemplazó por {REPLACEMENT}"
    )
    assert decode(b"\n".join([b"ok \xc3\xb3"] * 3 + [b"mal \xff"] * 8)).encoding == "cp1252"


@pytest.mark.parametrize(
    ("data", "encoding", "text"),
    [
        ("evaluación".encode("cp1252"), "cp1252", "evaluación"),
        ("año\x81".encode("latin-1"), "latin-1", "año\x81"),
        ("año €".encode("cp1252"), "cp1252", "año €"),
        ("año".encode("utf-16-le"), "utf-16-le", "año"),
        ("año".encode("utf-16-be"), "utf-16-be", "año"),
        (b"\xef\xbb\xbfa\xc3\xb1o \xff", "utf-8", f"año {REPLACEMENT}"),
        (
            "año ".encode() + REPLACEMENT.encode() + b" \xff",
            "utf-8",
            f"año {REPLACEMENT} {REPLACEMENT}",
        ),
    ],
)
def test_the_encoding_that_reads_the_whole_file(data, encoding, text):
    decoded = decode(data)
    assert (decoded.encoding, decoded.text) == (encoding, text)


def test_a_file_name_not_in_utf8_loads_beside_the_others(tmp_path):
    """`evaluación_2023.txt` saved by a Latin-1 system: printed and stored with U+FFFD."""
    folder = tmp_path / "in"
    folder.mkdir()
    latin = os.fsencode(folder) + b"/evaluaci\xf3n_2023.txt"
    with open(latin, "wb") as fh:
        fh.write(SAMPLES[F2023])
    (folder / "buena.txt").write_bytes(SAMPLES[F2021])
    with open(os.fsencode(folder) + b"/vac\xeda.txt", "wb"):
        pass  # an empty file: its error line names it too
    out = tmp_path / "ds"
    result = subprocess.run(
        [sys.executable, "-m", "fichas_tui", "ingest", str(folder), "--data", str(out)],
        capture_output=True,
        check=False,
        env={**os.environ, "PYTHONIOENCODING": "utf-8"},
    )
    assert result.returncode == EXIT_FILES_FAILED, result.stderr
    assert b"Traceback" not in result.stderr
    stdout, stderr = result.stdout.decode("utf-8"), result.stderr.decode("utf-8")
    assert f"ok    evaluaci{REPLACEMENT}n_2023.txt [2023]" in stdout
    assert "ok    buena.txt [2021]" in stdout
    assert f"ERROR {folder}/vac{REPLACEMENT}a.txt: el archivo está vacío" in stderr
    sources = read_dataset(out)["fichas"]["source_file"].to_pylist()
    assert sorted(sources) == ["buena.txt", f"evaluaci{REPLACEMENT}n_2023.txt"]


def test_a_file_name_not_in_utf8_alone(tmp_path):
    from fichas_tui.ingest.pipeline import ingest

    folder = tmp_path / "in"
    folder.mkdir()
    with open(os.fsencode(folder) + b"/\xe9\xff.txt", "wb") as fh:
        fh.write(SAMPLES[F2019])
    lines: list[str] = []
    assert ingest([folder], tmp_path / "ds", echo=lines.append) == EXIT_OK
    assert lines[0].startswith(f"ok    {REPLACEMENT}{REPLACEMENT}.txt [2019]")
    for line in lines:
        line.encode("utf-8")  # printable: no surrogate reaches the terminal
