"""Shared fixtures: the sample fichas, parsed once per test session."""

from __future__ import annotations

from pathlib import Path

import duckdb
import pytest

REPO = Path(__file__).resolve().parents[1]
SAMPLE_DIR = REPO / "data" / "fichas"
COMMITTED_DATASET = REPO / "data" / "parquet"

F2019 = "002_d169eeaf477df404.txt"
F2021 = "000_db7d9702ee44d38f.txt"
F2023 = "003_177960693a00c8d4.txt"


@pytest.fixture(autouse=True)
def isolated_user_dirs(tmp_path_factory, monkeypatch):
    """No test reads or writes the developer's own dataset or settings: empty XDG folders,
    no FICHAS_DATA."""
    home = tmp_path_factory.mktemp("xdg")
    monkeypatch.setenv("XDG_DATA_HOME", str(home / "data"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / "config"))
    monkeypatch.delenv("FICHAS_DATA", raising=False)
    return home


def quiet(*_args, **_kwargs) -> None:
    """An echo that prints nothing."""


@pytest.fixture(scope="session")
def sample_dataset(tmp_path_factory) -> Path:
    """The three sample fichas ingested into a fresh dataset folder."""
    from fichas_tui.ingest.pipeline import run_ingest

    out = tmp_path_factory.mktemp("dataset")
    assert run_ingest([SAMPLE_DIR], out, echo=quiet)
    return out


class Dataset:
    """SQL over a dataset folder, one ficha at a time, for readable assertions."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.con = duckdb.connect()
        for path in folder.glob("*.parquet"):
            self.con.execute(
                f"CREATE VIEW {path.stem} AS SELECT * FROM read_parquet('{path.as_posix()}')"
            )
        self.ids = dict(self.con.execute("SELECT source_file, ficha_id FROM fichas").fetchall())

    def rows(self, sql: str, source_file: str, *params) -> list[tuple]:
        return self.con.execute(sql, [self.ids[source_file], *params]).fetchall()

    def one(self, sql: str, source_file: str, *params):
        rows = self.rows(sql, source_file, *params)
        assert len(rows) == 1, rows
        return rows[0] if len(rows[0]) > 1 else rows[0][0]


@pytest.fixture(scope="session")
def ds(sample_dataset) -> Dataset:
    return Dataset(sample_dataset)


# Fuzz tests: a fixed seed and example count in CI; `HYPOTHESIS_PROFILE=long` for a deep run.
from hypothesis import settings as _hypothesis_settings  # noqa: E402

_hypothesis_settings.register_profile("ci", max_examples=40, derandomize=True, print_blob=True)
_hypothesis_settings.register_profile("long", max_examples=2000, derandomize=False)
_hypothesis_settings.load_profile(__import__("os").environ.get("HYPOTHESIS_PROFILE", "ci"))
