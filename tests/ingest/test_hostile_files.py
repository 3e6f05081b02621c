"""Hostile input around the fichas: file names, special files, bad manifests, huge fichas."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import textwrap

import pyarrow as pa
import pytest

from fichas_tui.data.dataset import read_dataset
from fichas_tui.ingest.limits import ROW_CAPS
from fichas_tui.ingest.pipeline import EXIT_FILES_FAILED, EXIT_OK, ingest
from tests.helpers import F2021, F2023, SAMPLE_DIR

ESCAPE_NAME = "x\x1b]0;PWNED\x07\x1b[2J.txt"
NEWLINE_NAME = "a\nok    falsa.txt"


def _strings(table: pa.Table):
    for column in table.columns:
        for value in column.to_pylist():
            items = value if isinstance(value, list) else [value]
            yield from (v for v in items if isinstance(v, str))


def test_file_names_never_reach_terminal_or_dataset_raw(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    shutil.copy(SAMPLE_DIR / F2023, folder / ESCAPE_NAME)  # no manifest: named after the file
    shutil.copy(SAMPLE_DIR / F2021, folder / NEWLINE_NAME)
    (folder / "x\x1b[31mvacia.txt").write_text("")  # fails: its name is in an ERROR line
    out = tmp_path / "d\x1b[2Jatos"
    result = subprocess.run(
        [sys.executable, "-m", "fichas_tui", "ingest", str(folder), "--data", str(out)],
        capture_output=True,
        check=False,
    )
    assert result.returncode == EXIT_FILES_FAILED
    printed = result.stdout + result.stderr
    assert b"\x1b" not in printed and b"\x07" not in printed
    lines = result.stdout.decode().splitlines()
    # The newline in a name is a space: the name cannot forge an `ok` line of its own.
    assert [line for line in lines if line.startswith("ok")] == [
        line for line in lines if line.startswith("ok    a ok    falsa.txt [2021]")
    ] + [line for line in lines if line.startswith("ok    x␛]0;PWNED␇␛[2J.txt [2023]")]
    assert "ERROR " in result.stderr.decode() and "x␛[31mvacia.txt" in result.stderr.decode()
    assert "d␛[2Jatos" in lines[-1]
    fichas = read_dataset(out)["fichas"]
    names = dict(zip(fichas["layout"].to_pylist(), fichas["program_name"].to_pylist(), strict=True))
    assert names["2023"] == "Programa sin nombre (x␛]0;PWNED␇␛[2J.txt)"
    for name, table in read_dataset(out).items():
        # A ficha's stored text keeps its lines (newlines), never a control character.
        lines = "" if name == "ficha_texts" else "\n"
        assert not any(
            "\x1b" in s or "\x07" in s or (lines and lines in s) for s in _strings(table)
        ), name


def test_special_files_are_named_for_what_they_are(tmp_path):
    fifo = tmp_path / "tuberia.txt"
    os.mkfifo(fifo)
    sock_path = tmp_path / "s.sock"
    sock = socket.socket(socket.AF_UNIX)
    sock.bind(str(sock_path))
    folder = tmp_path / "in"
    folder.mkdir()
    os.mkfifo(folder / "otra.txt")  # inside a folder too: reported, never opened
    shutil.copy(SAMPLE_DIR / F2021, folder / F2021)
    errors: list[str] = []
    try:
        status = ingest(
            [fifo, sock_path, "/dev/null", tmp_path / "no-esta.txt", folder],
            tmp_path / "ds",
            echo=lambda _line: None,
            echo_err=errors.append,
        )
    finally:
        sock.close()
    assert status == EXIT_FILES_FAILED
    assert errors == [
        f"ERROR {fifo}: es una tubería (FIFO), no un archivo",
        f"ERROR {sock_path}: es un socket, no un archivo",
        "ERROR /dev/null: es un dispositivo de caracteres, no un archivo",
        f"ERROR {tmp_path / 'no-esta.txt'}: no existe",
        f"ERROR {folder / 'otra.txt'}: es una tubería (FIFO), no un archivo",
    ]
    assert read_dataset(tmp_path / "ds")["fichas"].num_rows == 1


FALLBACK = f"Programa sin nombre ({F2021})"


@pytest.mark.parametrize(
    ("manifest", "problem", "name"),
    [
        (
            f"{F2021},Programa A,Ministerio A,Servicio A\n",
            "no tiene encabezado; la primera línea debe ser: file, program_name, ministry, service",
            FALLBACK,
        ),
        (
            f"archivo,nombre\n{F2021},Programa A\n",
            "no tiene la columna file; las columnas deben ser: file, program_name, ministry, "
            "service",
            FALLBACK,
        ),
        (
            f"file,program_name,ministerio\n{F2021},Programa A,Ministerio A\n",
            "columnas desconocidas (ministerio), se ignoran; las columnas son: file, "
            "program_name, ministry, service",
            "Programa A",
        ),
        (
            f"file,program_name\n{F2021},Programa A\n{F2021},Programa B\n",
            f"nombra más de una vez {F2021}; vale la primera fila de cada uno",
            "Programa A",
        ),
    ],
)
def test_a_bad_manifest_is_reported(tmp_path, manifest, problem, name):
    folder = tmp_path / "in"
    folder.mkdir()
    shutil.copy(SAMPLE_DIR / F2021, folder / F2021)
    (folder / "manifest.csv").write_text(manifest, encoding="utf-8")
    out: list[str] = []
    errors: list[str] = []
    status = ingest([folder], tmp_path / "ds", echo=out.append, echo_err=errors.append)
    assert status == EXIT_OK  # the ficha still loads: a manifest problem loses nothing
    assert errors == [f"aviso {folder / 'manifest.csv'}: {problem}"]
    # What could be read is used: the known columns, the first row for a repeated file.
    assert read_dataset(tmp_path / "ds")["fichas"]["program_name"][0].as_py() == name


def oversized_ficha() -> bytes:
    """A 2021-layout ficha whose indicator table claims 46,000 rows (4.9 MB)."""
    text = (SAMPLE_DIR / F2021).read_text(encoding="utf-8")
    header = "Indicador\tFórmula de cálculo\tEfectivo 2019\tEfectivo 2020\tEfectivo 2021\n"
    at = text.index(header) + len(header)
    name = "Porcentaje de organizaciones que finalizan el año con desempeño aceptable " * 3
    rows = "".join(
        f"{name}{i}\t(N° de organizaciones con desempeño {i} / N° total) * 100\t"
        "12,5%\t40,0%\t92,0%\n"
        for i in range(15_334)
    )
    return (text[:at] + rows + text[at:]).encode()


MEASURE = textwrap.dedent(
    """
    import resource, sys, time
    from fichas_tui.ingest.pipeline import ingest
    start = time.perf_counter()
    status = ingest([sys.argv[1]], sys.argv[2], echo=lambda _l: None)
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(status, time.perf_counter() - start, peak_mb)
    """
)


def test_a_huge_ficha_is_cut_to_the_caps_in_bounded_time_and_memory(tmp_path):
    data = oversized_ficha()
    assert 4_800_000 < len(data) < 5 * 1024 * 1024
    path = tmp_path / "enorme.txt"
    path.write_bytes(data)
    result = subprocess.run(
        [sys.executable, "-c", MEASURE, str(path), str(tmp_path / "ds")],
        capture_output=True,
        text=True,
        check=True,
        timeout=120,
    )
    status, seconds, peak_mb = result.stdout.split()
    assert int(status) == EXIT_OK
    assert float(seconds) < 30  # ~3 s on the 2-core CI machine
    assert float(peak_mb) < 400  # ~200 MB: the cut happens before any table is built
    data = read_dataset(tmp_path / "ds")
    assert data["indicators"].num_rows == ROW_CAPS["indicators"] == 500
    # The first rows of the ficha are the ones kept, in order.
    first = data["indicators"].slice(0, 3).to_pylist()
    assert [(r["year"], r["value"]) for r in first] == [(2019, 12.5), (2020, 40.0), (2021, 92.0)]
    warnings = data["warnings"]["message"].to_pylist()
    # 15,334 rows x 3 years, plus the 18 indicator rows the ficha has of its own.
    assert (
        "indicadores: 46020 filas, más de las 500 que trae una ficha real; se guardan las "
        "primeras 500"
    ) in warnings
