"""A dataset folder's versions: each ingest writes a whole new one, made current by one rename.

    <folder>/budget.parquet -> .current/budget.parquet    (one link per table, made once)
    <folder>/.current -> .versions/<id>                   (replaced in one rename: the swap)
    <folder>/.versions/<id>/budget.parquet, .program-list, .opening-program, ...

Every reader that resolves `.current` once (ours: `current()` when a Store opens) sees one
whole version, old or new, even while an ingest swaps: moving files into place one by one
showed the old program list beside the new fichas. The table paths of docs/SCHEMA.md stay valid
as links. A folder of plain files (the bundled sample, a dataset written before versions) is
read as it is, and becomes versioned at its next ingest without a moment of mixed files.
"""

from __future__ import annotations

import contextlib
import os
import re
import secrets
import shutil
import tempfile
import time
from collections.abc import Iterable
from pathlib import Path

from ..safe_write import public_mode
from .dataset import DatasetError

CURRENT = ".current"
VERSIONS = ".versions"
STAGING_PREFIX = ".staging-"
# The previous version stays, so a reader that resolved `.current` just before a swap still
# reads whole files; older ones are removed by the next ingest.
KEPT_VERSIONS = 2
_VERSION_NAME = re.compile(r"[0-9a-z][0-9a-z-]*\Z")


class VersionError(DatasetError):
    """`.current` names something that is not one of the folder's versions."""


def current(folder: Path) -> Path:
    """The folder that holds the dataset's files now: `<folder>/.versions/<id>` when `.current`
    names one, else `folder` itself (plain files). Resolve once per open and read every file
    from the answer."""
    folder = Path(folder)
    try:
        target = os.readlink(folder / CURRENT)
    except OSError:  # absent, or not a link: plain files
        return folder
    return folder / VERSIONS / version_name(folder, target)


def version_name(folder: Path, target: str) -> str:
    """The version `.current` names; VersionError for anything else (a link planted to
    another folder must not make fichas read or delete outside this one)."""
    parts = Path(target).parts
    if len(parts) != 2 or parts[0] != VERSIONS or not _VERSION_NAME.match(parts[1]):
        raise VersionError(f"{folder / CURRENT}: no apunta a una versión del dataset ({target})")
    return parts[1]


def new_staging(folder: Path) -> Path:
    """A new, empty folder to write the next version in (a unique name we create)."""
    versions = Path(folder) / VERSIONS
    versions.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=STAGING_PREFIX, dir=versions))
    # mkdtemp makes it private (0700); a version is read by whoever could read plain files
    readable = public_mode()
    os.chmod(staging, readable | (readable & 0o444) >> 2)
    return staging


def publish(folder: Path, staging: Path, files: Iterable[str]) -> Path:
    """Make the finished `staging` folder the dataset's current version, in one rename.

    `files` are the table file names every version has a link for at the top of `folder`.
    Before the swap, plain files left by an older dataset are first made a version of their
    own (hard links, no copy) and replaced by links to it: a reader sees the same data
    throughout. The caller holds the write lock.
    """
    folder = Path(folder)
    files = list(files)
    name = _version_name(time.time_ns())
    version = folder / VERSIONS / name
    os.rename(staging, version)
    try:
        if not (folder / CURRENT).is_symlink():
            if (folder / CURRENT).is_dir():  # a copy that followed the link: set aside
                os.rename(folder / CURRENT, folder / VERSIONS / f"{STAGING_PREFIX}{name}-copy")
            _adopt_plain_files(folder, files)
        for file in files:
            _ensure_link(folder / file, f"{CURRENT}/{file}")
        _place_link(folder / CURRENT, f"{VERSIONS}/{name}")  # the swap: one rename
    except BaseException:
        shutil.rmtree(version, ignore_errors=True)  # never made current
        raise
    _fsync_dir(folder)
    return version


def remove_old(folder: Path, keep: str) -> list[str]:
    """Remove versions but the current one and the one before it, and leftover staging
    folders (the caller holds the write lock); the names that could not be removed."""
    versions = Path(folder) / VERSIONS
    try:
        entries = sorted(versions.iterdir(), key=lambda p: p.name, reverse=True)
    except FileNotFoundError:
        return []
    kept = 0
    failed = []
    for entry in entries:
        if entry.name == keep or (
            not entry.name.startswith(STAGING_PREFIX) and kept < KEPT_VERSIONS - 1
        ):
            kept += entry.name != keep
            continue
        try:
            shutil.rmtree(entry) if entry.is_dir() and not entry.is_symlink() else entry.unlink()
        except OSError:
            failed.append(entry.name)
    return failed


def _adopt_plain_files(folder: Path, files: list[str]) -> None:
    """Make the plain files at the top of `folder` a version, current, before links replace
    them (the same data throughout)."""
    present = [f for f in files if (folder / f).is_file() and not (folder / f).is_symlink()]
    if not present:
        return
    staging = new_staging(folder)
    for file in [*present, *(f for f in CACHES if (folder / f).is_file())]:
        try:
            os.link(folder / file, staging / file)
        except OSError:  # a file system without hard links
            shutil.copy2(folder / file, staging / file)
    name = _version_name(0)  # older than any version written after it
    os.rename(staging, folder / VERSIONS / name)
    _place_link(folder / CURRENT, f"{VERSIONS}/{name}")
    for file in present:
        _place_link(folder / file, f"{CURRENT}/{file}")
    for cache in CACHES:  # they live in each version now
        with contextlib.suppress(FileNotFoundError):
            (folder / cache).unlink()


# The small files written with each version (data.list_file, data.opening).
CACHES = (".program-list", ".opening-program")


def _version_name(ns: int) -> str:
    """`20261208-011500-123456789-1a2b3c4d`: names sort in the order versions were written
    (to the nanosecond: two ingests in one second), with a random part to be unique."""
    seconds, fraction = divmod(ns, 10**9)
    stamp = time.strftime("%Y%m%d-%H%M%S", time.gmtime(seconds))
    return f"{stamp}-{fraction:09d}-{secrets.token_hex(4)}"


def _ensure_link(path: Path, target: str) -> None:
    with contextlib.suppress(OSError):
        if os.readlink(path) == target:
            return
    _place_link(path, target)


def _place_link(path: Path, target: str) -> None:
    """`path` becomes a link to `target` in one rename (a link made under a unique name)."""
    for _attempt in range(100):
        temporary = path.with_name(f".{path.name}.{secrets.token_hex(6)}.link")
        try:
            os.symlink(target, temporary)
        except FileExistsError:
            continue
        try:
            os.replace(temporary, path)
        except BaseException:
            with contextlib.suppress(OSError):
                temporary.unlink()
            raise
        return
    raise FileExistsError(path)


def _fsync_dir(folder: Path) -> None:
    with contextlib.suppress(OSError):
        fd = os.open(folder, os.O_RDONLY | os.O_DIRECTORY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)
