"""Where data lives: XDG folders, the order the explorer picks a dataset, ingest never touching
the bundled sample."""

from __future__ import annotations

import hashlib
from pathlib import Path

from click.testing import CliRunner

from fichas_tui import locations
from fichas_tui.cli.commands import main
from tests.helpers import COMMITTED_DATASET, F2021, SAMPLE_DIR


def _digest(folder: Path) -> dict[str, str]:
    return {
        p.name: hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.iterdir())
        if p.is_file()
    }


def test_user_folders_follow_xdg(isolated_user_dirs):
    assert locations.user_data_dir() == isolated_user_dirs / "data" / "fichas"
    assert locations.config_dir() == isolated_user_dirs / "config" / "fichas"


def test_editable_install_finds_the_repository_sample():
    assert locations.sample_dir().resolve() == COMMITTED_DATASET.resolve()
    assert locations.sample_fichas_dir().resolve() == SAMPLE_DIR.resolve()


def test_open_order_data_then_env_then_user_then_sample(tmp_path, monkeypatch, sample_dataset):
    sample = locations.dataset_to_open(None)
    assert sample.path == locations.sample_dir()
    assert sample.label == "muestra incluida"

    user = locations.user_data_dir()
    user.mkdir(parents=True)
    assert locations.dataset_to_open(None).label == "muestra incluida"  # empty: not chosen
    (user / "fichas.parquet").write_bytes((sample_dataset / "fichas.parquet").read_bytes())
    assert locations.dataset_to_open(None).path == user

    monkeypatch.setenv("FICHAS_DATA", str(tmp_path / "env"))
    assert locations.dataset_to_open(None).path == tmp_path / "env"
    assert locations.dataset_to_open(None).label == str(tmp_path / "env")
    assert locations.dataset_to_open(tmp_path / "flag").path == tmp_path / "flag"
    # The sample named explicitly is still called the sample.
    assert locations.dataset_to_open(locations.sample_dir()).label == "muestra incluida"


def test_folder_under_home_is_shown_with_tilde(monkeypatch, tmp_path):
    monkeypatch.setenv("HOME", str(tmp_path))
    assert locations.display(tmp_path / "mis-fichas") == "~/mis-fichas"


def test_ingest_without_data_writes_the_user_dataset_not_the_sample():
    before = _digest(COMMITTED_DATASET)
    result = CliRunner().invoke(main, ["ingest", "-q", str(SAMPLE_DIR)])
    assert result.exit_code == 0, result.output
    assert _digest(COMMITTED_DATASET) == before
    user = locations.user_data_dir()
    assert locations.has_fichas(user)
    assert locations.dataset_to_open(None).path == user
    # ...and `fichas show` now reads it without --data.
    shown = CliRunner().invoke(main, ["show", "gestion social local"])
    assert shown.exit_code == 0 and "2.608.643" in shown.output


def test_ingest_honours_fichas_data(tmp_path, monkeypatch):
    monkeypatch.setenv("FICHAS_DATA", str(tmp_path / "env"))
    result = CliRunner().invoke(main, ["ingest", "-q", str(SAMPLE_DIR / F2021)])
    assert result.exit_code == 0, result.output
    assert locations.has_fichas(tmp_path / "env")
    assert not locations.user_data_dir().exists()


def test_ingest_refuses_the_installed_sample():
    target = locations.packaged_sample_dir()
    before = _digest(target) if target.is_dir() else None
    result = CliRunner().invoke(main, ["ingest", str(SAMPLE_DIR), "--data", str(target)])
    assert result.exit_code == 2
    assert "sólo lectura" in result.output
    assert (_digest(target) if target.is_dir() else None) == before
