"""Old or new, never mixed: each ingest writes a version, made current in one rename."""

from __future__ import annotations

import os
import stat

import duckdb
import pytest

from fichas_tui.data import list_file, opening, versions
from fichas_tui.data.dataset import DatasetError, read_dataset
from fichas_tui.data.queries import Store
from fichas_tui.data.schema import TABLES
from fichas_tui.ingest.pipeline import ingest, run_ingest
from tests.helpers import COMMITTED_DATASET, F2019, F2021, F2023, SAMPLE_DIR, dataset_copy, quiet


def snapshot(folder):
    return {name: sorted(map(repr, t.to_pylist())) for name, t in read_dataset(folder).items()}


def listed(folder) -> list[str]:
    """The program list the explorer paints first (from the list file of the current version)."""
    with Store.open(folder, deferred=True) as store:
        assert not store.connected  # from the list file, as at start-up
        return sorted(p.name for p in store.programs())


@pytest.fixture
def dataset_2021(tmp_path):
    out = tmp_path / "ds"
    assert run_ingest([SAMPLE_DIR / F2021], out, echo=quiet)
    return out


def test_table_paths_are_links_into_the_current_version(dataset_2021):
    out = dataset_2021
    target = os.readlink(out / versions.CURRENT)
    assert target.startswith(f"{versions.VERSIONS}/")
    version = versions.current(out)
    assert version == out / target and version.is_dir()
    con = duckdb.connect()
    for name in TABLES:
        path = out / f"{name}.parquet"
        assert os.readlink(path) == f"{versions.CURRENT}/{name}.parquet"
        # any Parquet reader given SCHEMA.md's path reads the current version's file
        con.execute("SELECT count(*) FROM read_parquet(?)", [str(path)]).fetchone()
    for cache in (list_file.FILE_NAME, opening.FILE_NAME):  # written with the version
        assert (version / cache).is_file() and not (out / cache).exists()
    # readable by whoever could read the plain files (mkdtemp alone made it 0700)
    umask = os.umask(0)
    os.umask(umask)
    assert stat.S_IMODE(version.stat().st_mode) == 0o777 & ~umask


def _stop_at(monkeypatch, module, function, when=lambda *a: True):
    """Make `module.function` raise KeyboardInterrupt (the ingest killed there) when `when`."""
    real = getattr(module, function)

    def stop(*args, **kwargs):
        if when(*args):
            raise KeyboardInterrupt
        return real(*args, **kwargs)

    monkeypatch.setattr(module, function, stop)


def test_stopped_just_before_the_swap_every_reader_sees_the_old_dataset(dataset_2021, monkeypatch):
    before, names = snapshot(dataset_2021), listed(dataset_2021)
    _stop_at(monkeypatch, versions, "_place_link", lambda path, _target: path.name == ".current")
    errors: list[str] = []
    status = ingest([SAMPLE_DIR / F2023], dataset_2021, echo=quiet, echo_err=errors.append)
    assert status == 130
    assert errors == ["ERROR interrumpido (SIGINT); el dataset anterior se conserva"]
    monkeypatch.undo()
    assert snapshot(dataset_2021) == before and listed(dataset_2021) == names
    assert len(list((dataset_2021 / versions.VERSIONS).iterdir())) == 1  # no staging left


def test_stopped_just_after_the_swap_every_reader_sees_the_new_one(dataset_2021, monkeypatch):
    _stop_at(monkeypatch, versions, "remove_old")
    errors: list[str] = []
    lines: list[str] = []
    status = ingest([SAMPLE_DIR / F2023], dataset_2021, echo=lines.append, echo_err=errors.append)
    assert status == 130
    assert errors == ["ERROR interrumpido (SIGINT); el dataset nuevo ya está en uso"]
    assert lines[-1].endswith("tiene 2 fichas")
    monkeypatch.undo()
    assert read_dataset(dataset_2021)["fichas"].num_rows == 2
    assert len(listed(dataset_2021)) == 2


def test_an_open_store_keeps_reading_its_version_through_a_swap(dataset_2021):
    with Store.open(dataset_2021) as store:
        (program,) = store.programs()
        assert run_ingest([SAMPLE_DIR / F2023], dataset_2021, echo=quiet)
        assert len(store.programs()) == 1
        assert store.detail(program.program_id).ficha.evaluated_year == 2021
    with Store.open(dataset_2021) as store:
        assert len(store.programs()) == 2


def test_old_versions_are_removed_but_the_previous_one(dataset_2021):
    for ficha in (F2023, F2019):
        assert run_ingest([SAMPLE_DIR / ficha], dataset_2021, echo=quiet)
    kept = sorted(p.name for p in (dataset_2021 / versions.VERSIONS).iterdir())
    assert len(kept) == versions.KEPT_VERSIONS
    assert versions.current(dataset_2021).name == kept[-1]
    assert read_dataset(dataset_2021)["fichas"].num_rows == 3


def test_a_dataset_of_plain_files_becomes_versioned_at_its_next_ingest(dataset_2021, tmp_path):
    plain = dataset_copy(dataset_2021, tmp_path / "copy")  # as an older fichas wrote it
    assert not (plain / versions.CURRENT).exists() and (plain / list_file.FILE_NAME).exists()
    assert listed(plain)  # read as it is
    assert run_ingest([SAMPLE_DIR / F2023], plain, echo=quiet)
    assert (plain / versions.CURRENT).is_symlink()
    assert all((plain / f"{name}.parquet").is_symlink() for name in TABLES)
    assert not (plain / list_file.FILE_NAME).exists()
    assert len(listed(plain)) == 2
    # the plain files were kept as the previous version (hard links, no copy)
    assert len(list((plain / versions.VERSIONS).iterdir())) == 2


def test_a_current_link_out_of_the_folder_is_refused(dataset_2021, tmp_path):
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    link = dataset_2021 / versions.CURRENT
    link.unlink()
    link.symlink_to(elsewhere)
    with pytest.raises(DatasetError, match="no apunta a una versión"):
        Store.open(dataset_2021)
    errors: list[str] = []
    status = ingest([SAMPLE_DIR / F2023], dataset_2021, echo=quiet, echo_err=errors.append)
    assert status == 3 and "no apunta a una versión" in errors[0]
    assert elsewhere.is_dir() and not list(elsewhere.iterdir())


def test_the_committed_sample_reads_as_plain_files():
    folder = COMMITTED_DATASET  # plain files, as in the wheel
    assert versions.current(folder) == folder
    assert len(listed(folder)) == 3
