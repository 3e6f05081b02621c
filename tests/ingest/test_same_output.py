"""The ingest writes what it wrote before: the committed dataset and a recorded reference.

A faster parser or writer must not change one value, source line or warning. When an output
change is intended, rebuild data/parquet and re-record the reference
(`python -m tests.fixtures.make_same_output`), and say why in the commit.
"""

from __future__ import annotations

import json
from pathlib import Path

import pyarrow.parquet as pq
import pytest

from fichas_tui.data.versions import current
from fichas_tui.ingest.pipeline import ingest
from tests.fixtures import make_same_output as same
from tests.helpers import quiet

ROOT = Path(__file__).resolve().parents[2]
REFERENCE = json.loads(same.REFERENCE.read_text(encoding="utf-8"))


def _differences(want: dict[str, str], got: dict[str, str]) -> list[str]:
    return [f"{k}: {want.get(k)} -> {got.get(k)}" for k in sorted(want.keys() | got.keys())
            if want.get(k) != got.get(k)]  # fmt: skip


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    return same.generate_corpus(tmp_path_factory.mktemp("same_output"))


def test_a_fresh_ingest_of_the_bundled_fichas_equals_the_committed_dataset(tmp_path):
    assert ingest([ROOT / "data" / "fichas"], tmp_path / "ds", echo=quiet, quiet=True) == 0
    fresh = current(tmp_path / "ds")
    committed = ROOT / "data" / "parquet"
    names = sorted(p.name for p in committed.iterdir())
    assert names == sorted(p.name for p in fresh.iterdir())
    for name in names:
        if name.endswith(".parquet"):
            want, got = pq.read_table(committed / name), pq.read_table(fresh / name)
            assert want.schema == got.schema, name
            assert want.to_pylist() == got.to_pylist(), name
        else:
            assert (committed / name).read_bytes() == (fresh / name).read_bytes(), name


def test_every_record_equals_the_reference(corpus):
    got = same.record_digests(same.inputs(corpus))
    assert len(got) > 150  # the generated corpus and the damaged variants were all read
    problems = _differences(REFERENCE["records"], got)
    assert not problems, f"{len(problems)} records changed:\n" + "\n".join(problems[:40])


@pytest.mark.parametrize("workers", [1, 2])
def test_every_table_equals_the_reference(corpus, tmp_path, workers):
    got = same.ingest_corpus(corpus, tmp_path / "ds", workers=workers)
    problems = _differences(REFERENCE["dataset"], got)
    assert not problems, "tables changed:\n" + "\n".join(problems)
