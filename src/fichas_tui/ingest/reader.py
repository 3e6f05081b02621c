"""One file -> one parsed ficha record, or the reason (in Spanish) it cannot be one."""

from __future__ import annotations

import contextlib
import hashlib
import signal
import threading
from dataclasses import dataclass, field
from pathlib import Path

from .decoding import decode
from .document import Document
from .facts import finish_facts
from .images import mark_images
from .limits import cap_rows
from .parsed import FichaError, FichaRecord
from .provenance import keep_text
from .quality import check_quality
from .report import file_summary, shown
from .verdicts import UNCLASSIFIED, verdict_rows

MAX_BYTES = 5 * 1024 * 1024  # a real ficha is ~20 KB; anything this big is not one
SECONDS_PER_FILE = 10.0  # a real ficha parses in milliseconds (benchmarks/README.md, ingest)


@dataclass
class Outcome:
    """What became of one file: what to print about it, or the reason it failed."""

    path: Path
    error: str | None = None
    ficha_id: str | None = None
    summary: str = ""
    warnings: list[str] = field(default_factory=list)
    manifest_fields: list[str] = field(default_factory=list)
    catalog: str | None = None  # no single BIPS number: why (ingest reports it)
    unclassified: int = 0  # findings no verdict pattern reads


def ficha_id_of(data: bytes) -> str:
    """Stable id: the same bytes always give the same id (the first 16 hex of their SHA-256)."""
    return hashlib.sha256(data).hexdigest()[:16]


class FichaTimeout(FichaError):
    """Parsing one file took longer than any real ficha could."""


def _limit_usable(seconds: float | None) -> bool:
    return bool(
        seconds
        and hasattr(signal, "setitimer")
        and threading.current_thread() is threading.main_thread()
    )


def _expire_after(seconds: float):
    def expire(_signum, _frame):
        raise FichaTimeout(f"la lectura tardó más de {seconds:g} s; no parece una ficha")

    return expire


# The limit whose SIGALRM handler `time_limits` installed, while it is installed.
_ARMED: list[float] = []


@contextlib.contextmanager
def time_limits(seconds: float):
    """Around many `time_limit(seconds)`: the handler is installed once, not once per file
    (installing and restoring one cost ~3 % of parsing: "Ingest in one pass",
    benchmarks/README.md)."""
    if not _limit_usable(seconds):
        yield
        return
    previous = signal.signal(signal.SIGALRM, _expire_after(seconds))
    _ARMED.append(seconds)
    try:
        yield
    finally:
        _ARMED.pop()
        signal.signal(signal.SIGALRM, previous)


@contextlib.contextmanager
def time_limit(seconds: float | None):
    """Raise FichaTimeout in this thread after `seconds` (Unix main thread only)."""
    if not _limit_usable(seconds) or seconds is None:  # (None is not usable: said for the type)
        yield
        return
    armed = bool(_ARMED) and _ARMED[-1] == seconds
    previous = None if armed else signal.signal(signal.SIGALRM, _expire_after(seconds))
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        if not armed:
            signal.signal(signal.SIGALRM, previous)


def parse_bytes(
    data: bytes, source_file: str, manifest: dict | None = None, name: str | None = None
):
    """Parse one ficha's bytes into a record (FichaError when it cannot be parsed)."""
    from .detect import detect_layout

    if not data.strip():
        raise FichaError("el archivo está vacío")
    if len(data) > MAX_BYTES:
        raise FichaError(f"el archivo pesa {len(data) // 1024} KB; una ficha pesa menos de 1 MB")
    decoded = decode(data)
    doc = Document(decoded.text)
    layout = detect_layout(doc)
    sha256 = hashlib.sha256(data).hexdigest()
    record = FichaRecord(ficha_id=sha256[:16], source_file=source_file, layout=layout.NAME)
    keep_text(record, sha256, doc.text)
    warning = decoded.warning()
    if warning:
        record.warn("ficha", warning)
    if doc.cut_lines:
        record.warn("ficha", f"{doc.cut_lines} líneas de más de 20.000 caracteres se cortaron")
    layout.parse(record, doc)
    mark_images(record, doc)
    fields = finish_facts(record, doc, manifest or {}, name)
    check_quality(record)
    cap_rows(record)
    # After the cut, so verdicts never outnumber the findings kept.
    for row in verdict_rows(record.rows["findings"]):
        record.add("verdicts", **row)
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
            # The name is data too: stored and printed as valid UTF-8 (a name in another
            # encoding with U+FFFD), control characters made visible.
            record, fields = parse_bytes(data, shown(path.name), manifest, name)
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
        catalog=record.facts.get("catalog_note"),
        unclassified=unclassified(record),
    )
    return outcome, record


def unclassified(record: FichaRecord) -> int:
    return sum(1 for row in record.rows["verdicts"] if row["verdict"] == UNCLASSIFIED)


def summarize(record: FichaRecord) -> str:
    facts = record.facts
    rows = {table: len(rows) for table, rows in record.rows.items()}
    return file_summary(
        record.layout,
        facts["program_name"],
        facts.get("evaluated_year"),
        rows,
        unclassified(record),
    )
