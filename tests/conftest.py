"""Session fixtures: the sample fichas parsed once; the hypothesis profile. Shared code lives in
tests/helpers.py (never import from here)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import settings

from tests.helpers import SAMPLE_DIR, Dataset, quiet


@pytest.fixture(autouse=True)
def isolated_user_dirs(tmp_path_factory, monkeypatch):
    """No test reads or writes the developer's own dataset, settings or cache: empty XDG folders,
    no FICHAS_DATA."""
    home = tmp_path_factory.mktemp("xdg")
    monkeypatch.setenv("XDG_DATA_HOME", str(home / "data"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / "config"))
    monkeypatch.setenv("XDG_CACHE_HOME", str(home / "cache"))  # the kept first frames
    monkeypatch.delenv("FICHAS_DATA", raising=False)
    return home


@pytest.fixture(scope="session")
def sample_dataset(tmp_path_factory) -> Path:
    """The three sample fichas ingested into a fresh dataset folder."""
    from fichas_tui.ingest.pipeline import run_ingest

    out = tmp_path_factory.mktemp("dataset")
    assert run_ingest([SAMPLE_DIR], out, echo=quiet)
    return out


@pytest.fixture(scope="session")
def ds(sample_dataset) -> Dataset:
    return Dataset(sample_dataset)


# Fuzz tests: a fixed seed and example count in CI; `HYPOTHESIS_PROFILE=long` for a deep run.
settings.register_profile("ci", max_examples=40, derandomize=True, print_blob=True)
settings.register_profile("long", max_examples=2000, derandomize=False)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))
