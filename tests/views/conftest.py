"""Program details from the committed sample dataset and the fixture, read once."""

from __future__ import annotations

from pathlib import Path

import pytest

from fichas_tui.data.queries import Store

ROOT = Path(__file__).resolve().parents[2]
SAMPLE = ROOT / "data" / "parquet"
FIXTURE = ROOT / "tests" / "data" / "fixture"

# The sample fichas' programs (data/fichas): 2019, 2021 and 2023 layouts.
P2019 = "proteccion-residencia-de-proteccion-para-primera-infancia-rlp"
P2021 = "gestion-social-local-gsl-ex-apoyo-monitoreo-y-supervision-a-la-gestion-territorial"
P2023 = "residencia-familiar-de-administracion-directa-rf"


@pytest.fixture(scope="session")
def sample():
    store = Store.open(SAMPLE)
    yield store
    store.close()


@pytest.fixture(scope="session")
def fixture_store():
    store = Store.open(FIXTURE)
    yield store
    store.close()
