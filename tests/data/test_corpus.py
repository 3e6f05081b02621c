"""The synthetic corpus generator (benchmarks/make_corpus.py): fast checks on a small corpus."""

from __future__ import annotations

import csv
import hashlib
import importlib.util
import sys
from collections import defaultdict
from pathlib import Path

import pyarrow.parquet as pq
import pytest

from fichas_tui.data.schema import TABLES
from tests.helpers import CATALOG

ROOT = Path(__file__).resolve().parents[2]


def _load():
    sys.path.insert(0, str(ROOT / "benchmarks"))
    spec = importlib.util.spec_from_file_location(
        "make_corpus", ROOT / "benchmarks" / "make_corpus.py"
    )
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


make_corpus = _load()


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("corpus")
    make_corpus.generate(out, fichas=40, seed=7, years=(2016, 2024), workers=1, catalog=CATALOG)
    return out


def _rows(corpus: Path, table: str) -> list[dict]:
    return pq.read_table(corpus / "truth" / f"{table}.parquet").to_pylist()


def test_deterministic(corpus, tmp_path):
    make_corpus.generate(
        tmp_path, fichas=40, seed=7, years=(2016, 2024), workers=1, catalog=CATALOG
    )
    names = sorted(p.name for p in (corpus / "fichas").iterdir())
    assert names == sorted(p.name for p in (tmp_path / "fichas").iterdir())
    for name in names:
        assert (corpus / "fichas" / name).read_bytes() == (tmp_path / "fichas" / name).read_bytes()
    for table in ("fichas", "components", "indicators"):
        assert _rows(corpus, table) == _rows(tmp_path, table)
    other = tmp_path / "other"
    make_corpus.generate(other, fichas=40, seed=8, years=(2016, 2024), workers=1, catalog=CATALOG)
    first = sorted((corpus / "fichas").glob("*.txt"))[5]
    assert first.read_bytes() != (other / "fichas" / first.name).read_bytes()


def test_files_manifest_and_generations(corpus):
    texts = sorted((corpus / "fichas").glob("*.txt"))
    assert len(texts) == 40
    for path in texts:
        assert path.stem.split("_")[0].isdigit()
        path.read_bytes().decode("utf-8")  # valid UTF-8
    with (corpus / "fichas" / "manifest.csv").open(encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    assert list(rows[0]) == ["file", "program_name", "ministry", "service"]
    assert {r["file"] for r in rows} == {p.name for p in texts}
    assert all(r["program_name"] and r["ministry"] and r["service"] for r in rows)
    files = _rows(corpus, "files")
    assert {f["generation"] for f in files} == {"2019", "2021", "2023"}
    by_gen = {f["generation"]: f["source_file"] for f in files}
    assert "NOMBRE DEL PROGRAMA:" in (corpus / "fichas" / by_gen["2019"]).read_text("utf-8")
    assert "NOMBRE DEL PROGRAMA" not in (corpus / "fichas" / by_gen["2023"]).read_text("utf-8")
    # ficha_id is what the parser computes: first 16 hex of sha256 of the bytes.
    for f in files:
        raw = (corpus / "fichas" / f["source_file"]).read_bytes()
        assert f["ficha_id"] == hashlib.sha256(raw).hexdigest()[:16]


def test_truth_tables_have_contract_columns(corpus):
    for path in (corpus / "truth").glob("*.parquet"):
        table = pq.read_table(path)
        if path.stem in TABLES:
            contract = TABLES[path.stem]
            assert set(table.column_names) <= set(contract.names), path.stem
            for name in table.column_names:
                assert table.schema.field(name).type == contract.field(name).type, name
    fichas = _rows(corpus, "fichas")
    assert len(fichas) == 40
    assert {"ficha_id", "program_id", "program_name", "evaluated_year", "source_file"} <= set(
        fichas[0]
    )
    ids = {f["ficha_id"] for f in fichas}
    for table in ("budget", "components", "indicators", "coverage", "findings", "subtitles"):
        rows = _rows(corpus, table)
        assert rows, table
        assert {r["ficha_id"] for r in rows} <= ids
    codes = {r["value_status"] for r in _rows(corpus, "indicators")}
    assert {"N/C", None} <= codes


def test_program_ids_are_slugs():
    assert make_corpus.slug("Protección - Residencia (RLP)") == "proteccion-residencia-rlp"
    assert make_corpus.slug("  Ñuble  Beca Art. 56 ") == "nuble-beca-art-56"
    catalog = make_corpus.load_catalog(CATALOG)
    entries = make_corpus.program_names(catalog, 800)  # past the catalog: suffixed names
    slugs = [make_corpus.slug(e.name) for e in entries]
    assert len(set(slugs)) == 800
    for e in entries[: len(catalog)]:
        assert make_corpus.slug(e.name.upper()) == make_corpus.slug(e.name)


def test_totals_are_consistent(corpus):
    comps = defaultdict(float)
    for r in _rows(corpus, "components"):
        if r["spending_kclp"] is not None:
            comps[(r["ficha_id"], r["year"])] += r["spending_kclp"]
        if r["unit_cost_kclp"] is not None and r["production"]:
            decimals = 0 if r["unit_cost_kclp"] == round(r["unit_cost_kclp"]) else 1
            expected = round(r["spending_kclp"] / r["production"], 1)
            assert abs(r["unit_cost_kclp"] - expected) <= (0.5 if decimals == 0 else 0.051)
    budget = {(r["ficha_id"], r["year"], r["concept"]): r for r in _rows(corpus, "budget")}
    checked = 0
    for (fid, year, concept), r in budget.items():
        if concept != "ejecutado" or r["price_year"] is None or r["amount_kclp"] is None:
            continue
        admin = budget[(fid, year, "administrativo")]["amount_kclp"]
        assert abs(comps[(fid, year)] + admin - r["amount_kclp"]) < 1e-6
        if (fid, year, "componentes") in budget:
            assert budget[(fid, year, "componentes")]["amount_kclp"] == comps[(fid, year)]
        checked += 1
    assert checked
    subtitles = defaultdict(float)
    for r in _rows(corpus, "subtitles"):
        subtitles[(r["ficha_id"], r["year"])] += r["amount_kclp"]
    for key, total in subtitles.items():
        assert budget[(*key, "ejecutado")]["amount_kclp"] == total
    regions = defaultdict(float)
    pcts = defaultdict(float)
    for r in _rows(corpus, "regions"):
        regions[(r["ficha_id"], r["year"])] += r["spending_kclp"] or 0
        pcts[r["ficha_id"]] += r["spending_pct"] or 0
    for key, total in regions.items():
        assert total == comps[key]
    for fid, pct in pcts.items():
        assert pct == 0 or abs(pct - 100) < 1.0, fid
    for r in _rows(corpus, "budget"):
        if r["price_year"] is None and r["amount_kclp"] is not None:  # 2019: MM$ x 1000
            assert abs(r["amount_kclp"] / 100 - round(r["amount_kclp"] / 100)) < 1e-6
