"""`fichas ingest`: files -> parsed records -> the dataset, one clear line per file."""

from __future__ import annotations

import contextlib
import csv
import hashlib
import os
import signal
import threading
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

from ..data.schema import PARSED_TABLES
from .document import Document
from .facts import finish_facts, read_manifest
from .parsed import FichaError, FichaRecord
from .quality import check_quality

MAX_BYTES = 5 * 1024 * 1024  # a real ficha is ~20 KB; anything this big is not one
SECONDS_PER_FILE = 10.0  # a real ficha parses in ~3 ms
MANIFEST = "manifest.csv"


@dataclass
class Outcome:
    """What became of one file: what to print about it, or the reason it failed."""

    path: Path
    error: str | None = None
    ficha_id: str | None = None
    summary: str = ""
    warnings: list[str] = field(default_factory=list)
    manifest_fields: list[str] = field(default_factory=list)


def ficha_id_of(data: bytes) -> str:
    """Stable id: the same bytes always give the same id."""
    return hashlib.sha256(data).hexdigest()[:16]


class FichaTimeout(FichaError):
    """Parsing one file took longer than any real ficha could."""


@contextlib.contextmanager
def time_limit(seconds: float | None):
    """Raise FichaTimeout in this thread after `seconds` (Unix main thread only)."""
    usable = (
        seconds
        and hasattr(signal, "setitimer")
        and threading.current_thread() is threading.main_thread()
    )
    if not usable:
        yield
        return

    def expire(_signum, _frame):
        raise FichaTimeout(f"la lectura tardó más de {seconds:g} s; no parece una ficha")

    previous = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def decode(data: bytes) -> str:
    """Ficha bytes as text: UTF-8 (with or without BOM), UTF-16 with BOM, else Windows-1252."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError:
            raise FichaError("dice ser UTF-16 pero no se puede decodificar") from None
    if data.startswith(b"%PDF"):
        raise FichaError("es un PDF: conviértalo a texto antes de ingerirlo")
    if b"\x00" in data[:4096]:
        raise FichaError("es un archivo binario, no el texto de una ficha")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("cp1252")
    except UnicodeDecodeError:
        return data.decode("latin-1")


def parse_bytes(
    data: bytes, source_file: str, manifest: dict | None = None, name: str | None = None
):
    """Parse one ficha's bytes into a record (FichaError when it cannot be parsed)."""
    from .detect import detect_layout

    if not data.strip():
        raise FichaError("el archivo está vacío")
    if len(data) > MAX_BYTES:
        raise FichaError(f"el archivo pesa {len(data) // 1024} KB; una ficha pesa menos de 1 MB")
    doc = Document(decode(data))
    layout = detect_layout(doc)
    record = FichaRecord(ficha_id=ficha_id_of(data), source_file=source_file, layout=layout.NAME)
    if doc.cut_lines:
        record.warn("ficha", f"{doc.cut_lines} líneas de más de 20.000 caracteres se cortaron")
    layout.parse(record, doc)
    fields = finish_facts(record, doc, manifest or {}, name)
    check_quality(record)
    return record, fields


def parse_path(
    path: Path, manifest: dict | None = None, name: str | None = None
) -> tuple[Outcome, FichaRecord | None]:
    """Parse one file; every failure becomes an error message, never an exception."""
    try:
        if path.stat().st_size > MAX_BYTES:  # do not even read a huge file into memory
            raise FichaError(
                f"el archivo pesa {path.stat().st_size // 1024} KB; una ficha pesa menos de 1 MB"
            )
        data = path.read_bytes()
        with time_limit(SECONDS_PER_FILE):
            record, fields = parse_bytes(data, path.name, manifest, name)
            summary = summarize(record)
    except FichaError as exc:
        return Outcome(path, error=str(exc)), None
    except OSError as exc:
        return Outcome(path, error=f"no se puede leer: {exc.strerror or exc}"), None
    except Exception as exc:  # a parser bug must not stop the other files
        error = f"error interno del lector ({type(exc).__name__}: {exc})"
        return Outcome(path, error=error), None
    outcome = Outcome(
        path,
        ficha_id=record.ficha_id,
        summary=summary,
        warnings=record.warnings,
        manifest_fields=fields,
    )
    return outcome, record


def collect_files(paths: list[Path]) -> tuple[list[Path], list[Outcome]]:
    """The ficha files named, folders expanded; missing paths become failed outcomes."""
    files: list[Path] = []
    missing: list[Outcome] = []
    for path in paths:
        if path.is_dir():
            files.extend(
                p
                for p in sorted(path.iterdir())
                if p.is_file() and not p.name.startswith(".") and p.name != MANIFEST
            )
        elif path.is_file():
            files.append(path)
        else:
            missing.append(Outcome(path, error="no existe"))
    return files, missing


def _parse_chunk(jobs: list[tuple[Path, dict, str | None]]):
    """Parse some files and build their tables, in one process (a pool worker or this one)."""
    from .build import records_to_tables

    outcomes, records = [], []
    for job in jobs:
        outcome, record = parse_path(*job)
        outcomes.append(outcome)
        if record is not None:
            records.append(record)
    return outcomes, records_to_tables(records)


def parse_all(files: list[Path], name: str | None = None, workers: int | None = None):
    """Parse files into (outcomes, new tables), in parallel across cores when there are many.

    Workers return finished Arrow tables, not records: building tables is a fifth of the work
    and sending records between processes would cost as much again.
    """
    import pyarrow as pa

    manifests: dict[Path, dict] = {}
    failed: list[Outcome] = []
    jobs = []
    for path in files:
        folder = path.parent
        if folder not in manifests:
            try:
                manifests[folder] = read_manifest(folder / MANIFEST)
            except (OSError, UnicodeDecodeError, csv.Error) as exc:
                manifests[folder] = {}
                failed.append(Outcome(folder / MANIFEST, error=f"manifiesto ilegible ({exc})"))
        jobs.append((path, manifests[folder].get(path.name, {}), name))
    workers = workers or min(os.cpu_count() or 1, 8)
    if len(jobs) < 64 or workers == 1:
        outcomes, tables = _parse_chunk(jobs)
        return failed + outcomes, tables
    size = max(16, min(500, len(jobs) // (workers * 4) + 1))
    chunks = [jobs[i : i + size] for i in range(0, len(jobs), size)]
    with ProcessPoolExecutor(max_workers=workers) as pool:
        results = list(pool.map(_parse_chunk, chunks))
    outcomes = failed + [o for chunk_outcomes, _ in results for o in chunk_outcomes]
    tables = {
        table: pa.concat_tables([chunk_tables[table] for _, chunk_tables in results])
        for table in PARSED_TABLES
    }
    return outcomes, tables


def summarize(record: FichaRecord) -> str:
    counts = ", ".join(
        f"{table} {len(rows)}"
        for table, rows in record.rows.items()
        if table not in ("warnings", "texts") and rows
    )
    facts = record.facts
    return f"[{record.layout}] {facts['program_name']} ({facts.get('evaluated_year')}): {counts}"


def run_ingest(
    paths: list[Path],
    data_dir: Path,
    name: str | None = None,
    echo: Callable[..., None] = print,
    quiet: bool = False,
    workers: int | None = None,
    echo_err: Callable[[str], None] | None = None,
) -> bool:
    """Ingest files into the dataset; True when every file loaded.

    Progress goes to `echo`, failures to `echo_err` (the CLI sends those to stderr).
    """
    echo_err = echo_err or echo
    from ..data.dataset import DatasetError, merge, read_dataset, write_dataset, write_lock

    files, failed = collect_files([Path(p) for p in paths])
    parsed, new = parse_all(files, name=name, workers=workers)
    outcomes = failed + parsed
    good = [o for o in outcomes if o.error is None]
    bad = [o for o in outcomes if o.error is not None]
    for outcome in outcomes:
        if outcome.error is not None:
            echo_err(f"ERROR {outcome.path}: {outcome.error}")
            continue
        if quiet:
            continue
        echo(f"ok    {outcome.path.name} {outcome.summary}")
        if outcome.manifest_fields:
            echo(f"      desde {MANIFEST}: {', '.join(outcome.manifest_fields)}")
        for warning in outcome.warnings:
            echo(f"      aviso {warning}")
    written = 0
    if good:
        try:
            with write_lock(data_dir):
                existing = read_dataset(data_dir)
                replace = {o.ficha_id for o in good} | _superseded(existing, new)
                merged = merge(existing, new, replace)
                tables = write_dataset(data_dir, merged)
                written = merged["fichas"].num_rows
        except DatasetError as exc:
            echo_err(f"ERROR {data_dir}: {exc}")
            return False
    if good and not quiet:
        _report_deflators(tables["deflators"], echo)
    n_warn = sum(len(o.warnings) for o in good)
    echo(
        f"{len(good)} fichas cargadas, {len(bad)} con error, {n_warn} avisos; "
        f"el dataset {data_dir} tiene {written} fichas"
        if good
        else f"0 fichas cargadas, {len(bad)} con error; el dataset no se modificó"
    )
    return not bad


def _report_deflators(deflators, echo: Callable[..., None]) -> None:
    """Say when two fichas print different factors for the same years (the newest is used)."""
    from ..data.derived import factors_from_table
    from ..data.records import Deflators
    from ..views.pesos import conflict_notes

    for note in conflict_notes(Deflators(factors_from_table(deflators))):
        echo(f"aviso factores: {note}")


def _superseded(existing, new) -> set[str]:
    """Fichas already in the dataset for the same program and year as a new one."""
    fichas = existing["fichas"]
    if not fichas.num_rows:
        return set()
    keys = set(
        zip(
            new["fichas"]["program_id"].to_pylist(),
            new["fichas"]["evaluated_year"].to_pylist(),
            strict=True,
        )
    )
    old = zip(
        fichas["ficha_id"].to_pylist(),
        fichas["program_id"].to_pylist(),
        fichas["evaluated_year"].to_pylist(),
        strict=True,
    )
    return {fid for fid, pid, year in old if (pid, year) in keys}
