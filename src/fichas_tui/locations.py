"""Where datasets and settings live: the bundled sample, the user's dataset, the config dir."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from platformdirs import user_cache_path, user_config_path, user_data_path

# Imported by `fichas --help`: nothing heavy here (no textual, duckdb or pyarrow).

APP_NAME = "fichas"
ENV_DATA = "FICHAS_DATA"
SAMPLE_LABEL = "muestra incluida"
_CHECKOUT = Path(__file__).resolve().parents[2]


def _packaged(kind: str) -> Path:
    from importlib.resources import files  # imported here: it slows `fichas --help`

    return Path(str(files("fichas_tui") / "sample" / kind))


def _sample(kind: str) -> Path:
    """A wheel carries the sample as package data (fichas_tui/sample/...); an editable install
    of the repository runs from src/ and reads the repository's data/ folder itself."""
    packaged = _packaged(kind)
    if packaged.is_dir():
        return packaged
    checkout = _CHECKOUT / "data" / kind
    if (_CHECKOUT / "pyproject.toml").is_file() and checkout.is_dir():
        return checkout
    return packaged  # missing: the explorer says so and how to ingest


def sample_dir() -> Path:
    """The bundled sample dataset (read-only by design)."""
    return _sample("parquet")


def sample_fichas_dir() -> Path:
    """The three sample fichas the bundled dataset is built from, with their manifest."""
    return _sample("fichas")


def packaged_sample_dir() -> Path:
    """The sample as installed inside the package, which `ingest` must never write to."""
    return _packaged("parquet")


def user_data_dir() -> Path:
    """The user's own dataset: the platform data dir (~/.local/share/fichas, XDG_DATA_HOME)."""
    return user_data_path(APP_NAME, appauthor=False)


def config_dir() -> Path:
    """Settings: the platform config dir (~/.config/fichas, XDG_CONFIG_HOME)."""
    return user_config_path(APP_NAME, appauthor=False)


def cache_dir() -> Path:
    """What can be made again (the explorer's kept first frames): ~/.cache/fichas,
    XDG_CACHE_HOME."""
    return user_cache_path(APP_NAME, appauthor=False)


def has_fichas(folder: Path) -> bool:
    return (folder / "fichas.parquet").is_file()


@dataclass(frozen=True)
class DataSource:
    """A dataset folder and how the status line names it."""

    path: Path
    label: str


def describe(folder: Path) -> DataSource:
    same = folder.resolve() == sample_dir().resolve()
    return DataSource(folder, SAMPLE_LABEL if same else display(folder))


def display(folder: Path) -> str:
    """A folder as the user would type it: ~ for the home directory."""
    home = Path.home()
    try:
        return "~/" + str(folder.resolve().relative_to(home))
    except ValueError:
        return str(folder)


def _from_env() -> Path | None:
    value = os.environ.get(ENV_DATA, "").strip()
    return Path(value).expanduser() if value else None


def dataset_to_open(explicit: Path | None) -> DataSource:
    """--data, else FICHAS_DATA, else the user's dataset when it has fichas, else the sample."""
    chosen = explicit or _from_env()
    if chosen is None:
        user = user_data_dir()
        chosen = user if has_fichas(user) else sample_dir()
    return describe(chosen)


def dataset_to_write(explicit: Path | None) -> Path:
    """Where `ingest` writes: --data, else FICHAS_DATA, else the user's dataset."""
    return explicit or _from_env() or user_data_dir()
