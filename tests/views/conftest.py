"""Program details from the committed sample dataset and the fixture, read once."""

from __future__ import annotations

import pytest

from fichas_tui.data.queries import Store
from tests.helpers import COMMITTED_DATASET, FIXTURE


@pytest.fixture(scope="session")
def sample():
    store = Store.open(COMMITTED_DATASET)
    yield store
    store.close()


@pytest.fixture(scope="session")
def fixture_store():
    store = Store.open(FIXTURE)
    yield store
    store.close()
