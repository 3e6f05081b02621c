"""Faults around the swap tell the truth: the message and exit status say which dataset is live."""

from __future__ import annotations

import errno
import os

import duckdb
import pytest

from fichas_tui.data import list_file, versions
from fichas_tui.data.dataset import read_dataset
from fichas_tui.data.queries import Store
from fichas_tui.ingest.pipeline import EXIT_NO_SPACE, EXIT_OK
from tests.helpers import F2023, SAMPLE_DIR, dataset_rows, ingest_cli, ingested_2021


@pytest.fixture
def dataset_2021(tmp_path):
    return ingested_2021(tmp_path)


def test_a_cache_that_cannot_be_written_keeps_the_previous_dataset(dataset_2021, monkeypatch):
    """The caches were written after the new files were in place, and a full disk there said
    'el dataset anterior se conserva' with the new data live. They are part of the version
    now, written before the swap: the message is true."""
    before = dataset_rows(dataset_2021)

    def full(folder, rows):
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC), str(folder / list_file.FILE_NAME))

    monkeypatch.setattr(list_file, "write", full)
    result = ingest_cli(dataset_2021, SAMPLE_DIR / F2023)
    assert result.exit_code == EXIT_NO_SPACE
    assert "; el dataset anterior se conserva" in result.output
    assert result.output.splitlines()[-1].endswith("el dataset no se modificó")
    monkeypatch.undo()
    assert dataset_rows(dataset_2021) == before
    with Store.open(dataset_2021, deferred=True) as store:
        assert len(store.programs()) == 1 and not store.connected
    assert len(list((dataset_2021 / versions.VERSIONS).iterdir())) == 1


def test_a_duckdb_io_error_is_a_message_not_a_traceback(dataset_2021, monkeypatch):
    from fichas_tui.data import writer

    before = dataset_rows(dataset_2021)

    def broken(self, limit):
        raise duckdb.IOException('IO Error: Could not write file "x.tmp": No space left on device')

    monkeypatch.setattr(writer.DatasetWriter, "_stream_summaries", broken)
    result = ingest_cli(dataset_2021, SAMPLE_DIR / F2023)
    assert result.exit_code == EXIT_NO_SPACE, result.output
    assert "Traceback" not in result.output
    assert result.exception is None or isinstance(result.exception, SystemExit)
    assert "no queda espacio en" in result.output
    assert "el dataset anterior se conserva" in result.output
    monkeypatch.undo()
    assert dataset_rows(dataset_2021) == before


def test_old_versions_that_cannot_be_removed_are_said_and_the_new_one_is_live(
    dataset_2021, monkeypatch
):
    def stuck(folder, keep):
        raise PermissionError(errno.EACCES, os.strerror(errno.EACCES), str(folder))

    monkeypatch.setattr(versions, "remove_old", stuck)
    result = ingest_cli(dataset_2021, SAMPLE_DIR / F2023)
    assert result.exit_code == EXIT_OK, result.output
    assert "aviso no se pudieron borrar versiones anteriores" in result.output
    assert result.output.splitlines()[-1].endswith("tiene 2 fichas")
    monkeypatch.undo()
    assert read_dataset(dataset_2021)["fichas"].num_rows == 2
