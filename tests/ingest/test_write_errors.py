"""A full disk or a folder that cannot be written: a Spanish line, a distinct status, no loss."""

from __future__ import annotations

import errno
import os

import pyarrow.parquet as pq
import pytest

from fichas_tui.data import dataset
from fichas_tui.ingest.pipeline import (
    EXIT_DATASET,
    EXIT_FILES_FAILED,
    EXIT_NO_SPACE,
    EXIT_NOT_WRITABLE,
)
from tests.helpers import F2023, SAMPLE_DIR, dataset_rows, ingest_cli, ingested_2021


@pytest.fixture
def dataset_2021(tmp_path):
    return ingested_2021(tmp_path)


def test_exit_statuses_are_distinct():
    statuses = [0, EXIT_FILES_FAILED, 2, EXIT_DATASET, EXIT_NO_SPACE, EXIT_NOT_WRITABLE]
    assert len(set(statuses)) == len(statuses)


def test_disk_full_keeps_the_dataset_and_says_where(dataset_2021, monkeypatch):
    before = dataset_rows(dataset_2021)
    real = pq.ParquetWriter.write_table
    calls = {"n": 0}

    def full(self, table, *args, **kwargs):
        calls["n"] += 1
        if calls["n"] == 3:  # a few tables in: the disk fills up mid-write
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC), str(dataset_2021))
        return real(self, table, *args, **kwargs)

    monkeypatch.setattr(pq.ParquetWriter, "write_table", full)
    result = ingest_cli(dataset_2021, SAMPLE_DIR / F2023)
    assert result.exit_code == EXIT_NO_SPACE == 4
    assert f"ERROR no queda espacio en {dataset_2021}; el dataset anterior se conserva" in (
        result.output
    )
    assert "Traceback" not in result.output
    assert result.output.splitlines()[-1].endswith("el dataset no se modificó")
    monkeypatch.undo()
    assert dataset_rows(dataset_2021) == before
    leftovers = (".staging", dataset.PENDING, dataset.LOCK)
    assert not [p for p in dataset_2021.iterdir() if p.name.startswith(leftovers)]


def test_no_permission_at_the_lock(dataset_2021, monkeypatch):
    """Tests run as root, where chmod does not stop a write: the refusal is simulated."""
    before = dataset_rows(dataset_2021)
    real_open = os.open

    def refuse(path, flags, *args, **kwargs):
        if str(path).endswith(dataset.LOCK):
            raise PermissionError(errno.EACCES, os.strerror(errno.EACCES), str(path))
        return real_open(path, flags, *args, **kwargs)

    monkeypatch.setattr(dataset.os, "open", refuse)
    result = ingest_cli(dataset_2021, SAMPLE_DIR / F2023)
    assert result.exit_code == EXIT_NOT_WRITABLE == 5
    lock = dataset_2021 / dataset.LOCK
    assert (
        f"ERROR no se puede escribir en {lock} (sin permiso o sólo lectura); "
        "el dataset anterior se conserva"
    ) in result.output
    monkeypatch.undo()
    assert dataset_rows(dataset_2021) == before


@pytest.mark.skipif(os.geteuid() == 0, reason="root writes to read-only folders")
def test_read_only_folder(dataset_2021):
    before = dataset_rows(dataset_2021)
    dataset_2021.chmod(0o555)
    try:
        result = ingest_cli(dataset_2021, SAMPLE_DIR / F2023)
    finally:
        dataset_2021.chmod(0o755)
    assert result.exit_code == EXIT_NOT_WRITABLE
    assert "no se puede escribir en" in result.output
    assert dataset_rows(dataset_2021) == before


def test_a_dataset_locked_by_another_ingest(dataset_2021):
    with dataset.write_lock(dataset_2021):
        result = ingest_cli(dataset_2021, SAMPLE_DIR / F2023)
    assert result.exit_code == EXIT_DATASET == 3
    assert "otro proceso" in result.output and "está escribiendo" in result.output
