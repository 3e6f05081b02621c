"""`fichas ingest`: files -> parsed tables, streamed into a new dataset; one line per file."""

from __future__ import annotations

import contextlib
import errno
import os
import signal
import stat
from collections import deque
from collections.abc import Callable, Generator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from .changes import changed_files, changed_line
from .manifest import MANIFEST, read_manifest
from .reader import Outcome, parse_path, time_limits
from .report import catalog_summary, error_line, final_summary, ok_lines, shown, warning_line
from .workers import Interrupted, stop_on_signals, worker_pool

if TYPE_CHECKING:  # imported with pyarrow, when the first ficha is written
    from ..data.writer import DatasetWriter

# Exit statuses of `fichas ingest` (the README lists them): each says what the user must do.
EXIT_OK = 0
EXIT_FILES_FAILED = 1  # some files could not be read; the others were loaded
EXIT_DATASET = 3  # the dataset is being written by another ingest, or cannot be read
EXIT_NO_SPACE = 4  # the disk filled up; the previous dataset is intact
EXIT_NOT_WRITABLE = 5  # no permission to write the dataset folder; it is intact
EXIT_INTERRUPTED = 128  # + the signal: Ctrl+C 130, SIGTERM 143, SIGHUP 129, as a shell reports

# Files parsed per task: big enough to amortize a task, small enough that a chunk's tables
# (~1 MB) and the chunks in flight stay far below the memory budget.
CHUNK_FILES = 200
IN_PROCESS_BELOW = 64  # fewer files than this are not worth starting worker processes


def default_workers() -> int:
    """The cores this process may run on."""
    with contextlib.suppress(AttributeError):
        return len(os.sched_getaffinity(0))
    return os.cpu_count() or 1


def _special_file(path: Path, mode: int) -> str | None:
    """What a path is when it is neither a file nor a folder, in the user's words."""
    kinds = (
        (stat.S_ISFIFO, "es una tubería (FIFO), no un archivo"),
        (stat.S_ISSOCK, "es un socket, no un archivo"),
        (stat.S_ISCHR, "es un dispositivo de caracteres, no un archivo"),
        (stat.S_ISBLK, "es un dispositivo de bloques, no un archivo"),
    )
    for test, text in kinds:
        if test(mode):
            return text
    return None if stat.S_ISREG(mode) or stat.S_ISDIR(mode) else "no es un archivo común"


def collect_files(paths: list[Path]) -> tuple[list[Path], list[Outcome]]:
    """The ficha files named, folders expanded; what cannot be read becomes a failed outcome."""
    files: list[Path] = []
    failed: list[Outcome] = []

    def consider(path: Path, named: bool) -> None:
        try:
            mode = path.stat().st_mode
        except FileNotFoundError:
            failed.append(Outcome(path, error="no existe"))
            return
        except OSError as exc:
            failed.append(Outcome(path, error=f"no se puede leer: {exc.strerror or exc}"))
            return
        if stat.S_ISREG(mode):
            files.append(path)
        elif stat.S_ISDIR(mode) and named:
            try:
                children = sorted(path.iterdir())
            except OSError as exc:
                failed.append(Outcome(path, error=f"no se puede leer: {exc.strerror or exc}"))
                return
            for child in children:
                if not child.name.startswith(".") and child.name != MANIFEST:
                    consider(child, named=False)
        elif not stat.S_ISDIR(mode):  # folders inside folders are not descended into
            failed.append(Outcome(path, error=_special_file(path, mode)))

    for path in paths:
        consider(Path(path), named=True)
    return files, failed


def plan_jobs(files: list[Path], name: str | None, warn: Callable[[str], None]):
    """(path, manifest fields, --name) for every file; manifest problems are reported once."""
    manifests: dict[Path, dict] = {}
    jobs = []
    for path in files:
        folder = path.parent
        if folder not in manifests:
            where = folder / MANIFEST
            try:
                manifests[folder], problems = read_manifest(where)
            except (OSError, UnicodeDecodeError, ValueError) as exc:
                manifests[folder], problems = {}, [f"no se puede leer ({exc}); se ignora"]
            for problem in problems:
                warn(warning_line(where, problem))
        jobs.append((path, manifests[folder].get(path.name, {}), name))
    return jobs


def _parse_chunk(jobs: list[tuple[Path, dict, str | None]]):
    """Parse some files and build their tables, in one process (a pool worker or this one).

    Workers return finished Arrow tables, not records: building tables is a fifth of the
    work, and sending records between processes would cost as much again.
    """
    from . import reader
    from .build import records_to_tables

    outcomes, records, seen = [], [], set()
    with time_limits(reader.SECONDS_PER_FILE):
        for job in jobs:
            outcome, record = parse_path(*job)
            outcomes.append(outcome)
            if record is not None and record.ficha_id not in seen:  # the same file named twice
                seen.add(record.ficha_id)
                records.append(record)
    return outcomes, records_to_tables(records)


def parse_chunks(jobs: list, workers: int) -> Generator[tuple[list[Outcome], dict], None, None]:
    """(outcomes, tables) chunk by chunk, in file order, with few chunks in memory at once.

    The worker processes never outlive this generator: closed early (an error, Ctrl+C,
    SIGTERM) it kills them at once instead of waiting for their chunks, and they kill
    themselves if this process dies without a word (kill -9; see workers.py).
    """
    chunks = [jobs[i : i + CHUNK_FILES] for i in range(0, len(jobs), CHUNK_FILES)]
    if len(jobs) < IN_PROCESS_BELOW or workers <= 1:
        for chunk in chunks:
            yield _parse_chunk(chunk)
        return
    with worker_pool(workers) as pool:
        pending: deque = deque()
        todo = iter(chunks)
        for chunk in todo:
            pending.append(pool.submit(_parse_chunk, chunk))
            if len(pending) >= 2 * workers:
                break
        while pending:
            result = pending.popleft().result()
            for chunk in todo:  # keep the workers busy, but no more than two chunks ahead
                pending.append(pool.submit(_parse_chunk, chunk))
                break
            yield result


@dataclass
class _Target:
    """The dataset being written: locked and staged at the first ficha that loads."""

    folder: Path
    expected: int
    writer: DatasetWriter | None = None
    stack: contextlib.ExitStack | None = None
    keys: set[tuple[str, int | None]] = field(default_factory=set)  # (program, year) added
    ids: set[str] = field(default_factory=set)  # fichas added
    # file name -> ficha id, to tell a changed file (changes.py); what changed, at finish
    names: dict[str, str] = field(default_factory=dict)
    changed: list[tuple[str, str, str]] = field(default_factory=list)

    def add(self, tables: dict) -> None:
        import pyarrow as pa
        import pyarrow.compute as pc

        from ..data.dataset import table_path, write_lock
        from ..data.writer import DatasetWriter

        if self.writer is None:
            self.stack = contextlib.ExitStack()
            self.stack.enter_context(write_lock(self.folder))
            existing = _fichas_count(table_path(self.folder, "fichas"))
            self.writer = DatasetWriter(self.folder, existing + self.expected)
        fichas = tables["fichas"]
        ids = fichas["ficha_id"].to_pylist()
        again = [i for i in ids if i in self.ids]  # already added by an earlier chunk
        if again:
            drop = pa.array(again, pa.string())
            tables = {
                name: t.filter(pc.invert(pc.is_in(t["ficha_id"], value_set=drop)))
                for name, t in tables.items()
            }
            fichas = tables["fichas"]
        self.ids.update(fichas["ficha_id"].to_pylist())
        self.names.update(
            zip(fichas["source_file"].to_pylist(), fichas["ficha_id"].to_pylist(), strict=True)
        )
        self.keys.update(
            zip(fichas["program_id"].to_pylist(), fichas["evaluated_year"].to_pylist(), strict=True)
        )
        self.writer.add(tables)

    def finish(self) -> int:
        """Merge what the folder held (minus replaced fichas), write and swap; fichas now.
        Called once a ficha was added (the writer is made then)."""
        assert self.writer is not None
        self.changed = changed_files(self.writer.source, self.names)
        replace = self.ids | _superseded(self.writer.source, self.keys)
        self.writer.add_existing(replace)
        self.writer.finish()
        return self.writer.rows["fichas"]

    @property
    def swapped(self) -> bool:
        """Whether the new version is live (the previous dataset is no longer the one read)."""
        return self.writer is not None and self.writer.swapped

    def close(self) -> None:
        if self.writer is not None and not self.writer.swapped:
            self.writer.abort()
        if self.stack is not None:
            self.stack.close()


def _fichas_count(path: Path) -> int:
    import pyarrow.parquet as pq

    try:
        return pq.ParquetFile(path).metadata.num_rows
    except Exception:  # absent or damaged: the merge step reports a damaged file by name
        return 0


def _superseded(folder: Path, keys: set) -> set[str]:
    """Fichas already in the dataset for the same program and year as a new one."""
    from ..data.dataset import table_path

    path = table_path(folder, "fichas")
    if not keys or not path.exists():
        return set()
    import pyarrow.parquet as pq

    from ..data.dataset import DatasetError

    try:
        old = pq.read_table(path, columns=["ficha_id", "program_id", "evaluated_year"])
    except Exception as exc:
        raise DatasetError(f"{path}: no se puede leer ({exc})") from exc
    rows = zip(
        old["ficha_id"].to_pylist(),
        old["program_id"].to_pylist(),
        old["evaluated_year"].to_pylist(),
        strict=True,
    )
    return {fid for fid, pid, year in rows if (pid, year) in keys}


def _kept(swapped: bool) -> str:
    """What is on disk after a failure: the new version is live once the swap happened."""
    return "el dataset nuevo ya está en uso" if swapped else "el dataset anterior se conserva"


def write_error(exc: OSError, folder: Path, swapped: bool = False) -> tuple[int, str]:
    """A failed write as (exit status, Spanish message saying what and where)."""
    where = shown(exc.filename or folder)
    kept = _kept(swapped)
    if exc.errno in (errno.ENOSPC, errno.EDQUOT):
        return EXIT_NO_SPACE, f"no queda espacio en {where}; {kept}"
    if exc.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
        return (
            EXIT_NOT_WRITABLE,
            f"no se puede escribir en {where} (sin permiso o sólo lectura); {kept}",
        )
    reason = exc.strerror or str(exc)
    return EXIT_DATASET, f"error al escribir en {where}: {reason}; {kept}"


def ingest(
    paths: list[Path],
    data_dir: Path,
    name: str | None = None,
    echo: Callable[..., None] = print,
    quiet: bool = False,
    workers: int | None = None,
    echo_err: Callable[[str], None] | None = None,
) -> int:
    """Ingest files into the dataset; the exit status (EXIT_*).

    Progress goes to `echo`, failures and warnings about the input to `echo_err` (the CLI
    sends those to stderr). Ctrl+C, SIGTERM and SIGHUP stop it at once (workers killed,
    staging removed) with status 128 + the signal; every message says which dataset is on
    disk afterwards.
    """
    from ..data.dataset import DatasetError

    echo_err = echo_err or echo
    data_dir = Path(data_dir)
    counts = {"loaded": 0, "errors": 0, "warnings": 0, "unmatched": 0, "ambiguous": 0}
    counts["unclassified"] = 0
    target = _Target(data_dir, expected=0)
    total: int | None = None
    status = EXIT_OK
    chunks = None
    with stop_on_signals() as check_stop:
        try:
            files, failed = collect_files([Path(p) for p in paths])
            jobs = plan_jobs(files, name, echo_err)
            for outcome in failed:
                echo_err(error_line(outcome.path, outcome.error or ""))  # a failed one has it
            counts["errors"] = len(failed)
            target.expected = len(jobs)
            chunks = parse_chunks(jobs, workers or default_workers())
            for outcomes, tables in chunks:
                check_stop()
                _report_outcomes(outcomes, counts, quiet, echo, echo_err)
                if tables["fichas"].num_rows:
                    target.add(tables)
            check_stop()
            if target.writer is not None:
                total = target.finish()
                check_stop()
                for change in target.changed:
                    echo(changed_line(*change))
                for note in target.writer.notes:
                    echo_err(f"aviso {shown(note)}")
                if not quiet:
                    _report_deflators(target.writer.derived["deflators"], echo)
        except DatasetError as exc:
            echo_err(f"ERROR {shown(str(exc))}; {_kept(target.swapped)}")
            status = EXIT_DATASET
        except OSError as exc:
            status, message = write_error(exc, data_dir, target.swapped)
            echo_err(f"ERROR {message}")
        except (KeyboardInterrupt, Interrupted) as exc:
            signum = getattr(exc, "signum", signal.SIGINT)
            status = EXIT_INTERRUPTED + signum
            name_ = signal.Signals(signum).name
            echo_err(f"ERROR interrumpido ({name_}); {_kept(target.swapped)}")
        finally:
            if chunks is not None:
                chunks.close()  # its workers stop now, not after their chunks
            target.close()
    if target.writer is not None and target.swapped and total is None:
        total = target.writer.rows["fichas"]
    if counts["loaded"]:
        matched = counts["loaded"] - counts["unmatched"] - counts["ambiguous"]
        echo(catalog_summary(matched, counts["unmatched"], counts["ambiguous"]))
    echo(
        final_summary(
            counts["loaded"],
            counts["errors"],
            counts["warnings"],
            data_dir,
            total,
            counts["unclassified"],
        )
    )
    if status == EXIT_OK and counts["errors"]:
        status = EXIT_FILES_FAILED
    return status


def _report_outcomes(outcomes, counts: dict, quiet: bool, echo, echo_err) -> None:
    """One line per file (its warnings under it), counted."""
    for outcome in outcomes:
        if outcome.error is not None:
            counts["errors"] += 1
            echo_err(error_line(outcome.path, outcome.error))
            continue
        counts["loaded"] += 1
        counts["warnings"] += len(outcome.warnings)
        if outcome.catalog:  # no single BIPS number: say which case
            counts["ambiguous" if outcome.catalog.startswith("ambiguo") else "unmatched"] += 1
        counts["unclassified"] += outcome.unclassified
        if not quiet:
            lines = ok_lines(
                outcome.path.name,
                outcome.summary,
                outcome.manifest_fields,
                outcome.warnings,
                outcome.catalog,
            )
            for line in lines:
                echo(line)


def _report_deflators(deflators, echo: Callable[..., None]) -> None:
    """Say when two fichas print different factors for the same years (the newest is used)."""
    from ..data.derived import factors_from_table
    from ..data.list_records import Deflators
    from .report import conflict_notes

    for note in conflict_notes(Deflators(factors_from_table(deflators))):
        echo(f"aviso factores: {note}")


def run_ingest(*args, **kwargs) -> bool:
    """`ingest` for callers that only ask whether every file loaded."""
    return ingest(*args, **kwargs) == EXIT_OK
