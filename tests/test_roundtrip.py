"""Round trip: synthetic fichas -> `fichas ingest` -> Parquet equals the generator's truth."""

from __future__ import annotations

import importlib.util
import math
import sys
from collections import Counter
from pathlib import Path

import pyarrow.parquet as pq
import pytest

from tests.helpers import CATALOG

ROOT = Path(__file__).resolve().parents[1]

# Natural key of each truth table (with ficha_id); findings are compared as a multiset.
KEYS = {
    "fichas": (),
    "budget": ("year", "concept"),
    "subtitles": ("year", "subtitle"),
    "components": ("component", "year"),
    "indicators": ("level", "indicator", "year", "kind"),
    "coverage": ("year", "basis"),
    "regions": ("region",),
    "inflators": ("year",),
    "spending_per_beneficiary": ("year",),
    "findings": ("dimension", "finding"),
}


def _load():
    sys.path.insert(0, str(ROOT / "benchmarks"))
    path = ROOT / "benchmarks" / "make_corpus.py"
    spec = importlib.util.spec_from_file_location("make_corpus", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _same(a, b) -> bool:
    if isinstance(a, float) or isinstance(b, float):
        if a is None or b is None:
            return a is None and b is None
        return math.isclose(a, b, rel_tol=1e-9, abs_tol=1e-6)
    if isinstance(a, list) or isinstance(b, list):
        return sorted(a or []) == sorted(b or [])
    return a == b


def compare(truth_dir: Path, data_dir: Path) -> list[str]:
    """Every difference between the truth and the parsed dataset, one line each."""
    files = {r["ficha_id"]: r for r in pq.read_table(truth_dir / "files.parquet").to_pylist()}
    problems: list[str] = []
    for table, keys in KEYS.items():
        path = truth_dir / f"{table}.parquet"
        if not path.exists():
            continue
        truth = pq.read_table(path).to_pylist()
        parsed_table = pq.read_table(data_dir / f"{table}.parquet")
        parsed = [r for r in parsed_table.to_pylist() if r["ficha_id"] in files]
        if table == "findings":
            cols = ("ficha_id", "dimension", "finding", "kind")
            want = Counter(tuple(r.get(c) for c in cols) for r in truth)
            got = Counter(tuple(r.get(c) for c in cols) for r in parsed)
            for item in want - got:
                problems.append(f"{files[item[0]]['source_file']} findings missing {item[1:]}")
            for item in got - want:
                problems.append(f"{files[item[0]]['source_file']} findings extra {item[1:]}")
            continue
        index: dict[tuple, list[dict]] = {}
        for r in parsed:
            index.setdefault((r["ficha_id"], *(r[k] for k in keys)), []).append(r)
        seen = set()
        for row in truth:
            key = (row["ficha_id"], *(row[k] for k in keys))
            src = (
                f"{files[row['ficha_id']]['source_file']} [{files[row['ficha_id']]['generation']}]"
            )
            got = index.get(key)
            if got is None:
                problems.append(f"{src} {table} missing row {key[1:]}")
                continue
            seen.add(key)
            cols = [c for c in row if c not in keys and c in parsed_table.column_names]
            if any(all(_same(row[c], g[c]) for c in cols) for g in got):
                continue
            for col in cols:  # report against the first parsed row with this key
                if not _same(row[col], got[0][col]):
                    problems.append(
                        f"{src} {table} {key[1:]} {col}: expected {row[col]!r}, got {got[0][col]!r}"
                    )
        for key in index.keys() - seen:
            problems.append(f"{files[key[0]]['source_file']} {table} extra row {key[1:]}")
    return problems


@pytest.fixture(scope="module")
def roundtrip(tmp_path_factory):
    pipeline = pytest.importorskip("fichas_tui.ingest.pipeline")
    out = tmp_path_factory.mktemp("roundtrip")
    _load().generate(out, fichas=30, seed=11, years=(2015, 2024), workers=1, catalog=CATALOG)
    data_dir = out / "dataset"
    ok = pipeline.run_ingest([out / "fichas"], data_dir, echo=lambda *a, **k: None)
    return out, data_dir, ok


def test_every_ficha_ingests(roundtrip):
    _, data_dir, ok = roundtrip
    assert ok
    assert pq.read_table(data_dir / "fichas.parquet").num_rows == 30


def test_parsed_values_equal_truth(roundtrip):
    out, data_dir, _ = roundtrip
    problems = compare(out / "truth", data_dir)
    assert not problems, f"{len(problems)} differences:\n" + "\n".join(problems[:60])


def test_only_injected_anomalies_warn(roundtrip):
    out, data_dir, _ = roundtrip
    expected_rows = pq.read_table(out / "truth" / "warnings_expected.parquet").to_pylist()
    expected = {r["ficha_id"] for r in expected_rows}
    warned = pq.read_table(data_dir / "warnings.parquet").to_pylist()
    files = {r["ficha_id"]: r["source_file"] for r in pq.read_table(out / "truth" / "files.parquet")
             .to_pylist()}  # fmt: skip
    unexpected = [
        f"{files[w['ficha_id']]}: {w['section']}: {w['message']}"
        for w in warned
        if w["ficha_id"] in files and w["ficha_id"] not in expected
    ]
    assert not unexpected, "\n".join(unexpected)
    assert {w["ficha_id"] for w in warned} >= expected
