"""Write a synthetic corpus of ficha texts in the three template generations, plus its truth.

    python benchmarks/make_corpus.py --out DIR --fichas N [--seed S] [--years 2015-2024]
    python benchmarks/make_corpus.py --out DIR --programs P [--years A-B]

Output: DIR/fichas/<year>_<n>.txt, DIR/fichas/manifest.csv and DIR/truth/<table>.parquet with
the rows a correct parser must produce (same table and column names as fichas_tui.data.schema;
ficha_id = first 16 hex of sha256 of the file's bytes). See benchmarks/README.md.
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import math
import os
import random
import shutil
import sys
import time
from multiprocessing import Pool
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq

sys.path.insert(0, str(Path(__file__).resolve().parent))

from corpus import gen2019, gen2021, gen2023
from corpus.common import (
    CatalogEntry,
    collapse,
    load_catalog,
    make_program,
    program_names,
    slug,
)

REPO = Path(__file__).resolve().parents[1]
CATALOG = Path(__file__).resolve().parents[2] / "shared" / "catalog" / "bips-2025-programs.csv"
GENERATORS = {"2019": gen2019, "2021": gen2021, "2023": gen2023}
MIX = 0.15  # share of fichas written in another generation than their year's

try:  # the contract's column types; the generator also runs without the package
    from fichas_tui.data.schema import TABLES
except ImportError:  # pragma: no cover
    TABLES = {}

EXTRA_TABLES = {
    "warnings_expected": pa.schema(
        [
            ("ficha_id", pa.string()),
            ("source_file", pa.string()),
            ("section", pa.string()),
            ("message", pa.string()),
        ]
    ),
    "files": pa.schema(
        [
            ("ficha_id", pa.string()),
            ("source_file", pa.string()),
            ("generation", pa.string()),
            ("program_id", pa.string()),
        ]
    ),
}

_STATE: dict = {}


def generation_for(year: int, rng: random.Random) -> str:
    base = "2019" if year <= 2019 else "2021" if year <= 2021 else "2023"
    if rng.random() < MIX:
        return rng.choice([g for g in GENERATORS if g != base])
    return base


def plan(programs: int, years: list[int], limit: int | None) -> list[tuple[int, int, int]]:
    """(n, program index, year) for every ficha, program by program."""
    jobs = [(p, y) for p in range(programs) for y in years]
    if limit is not None:
        jobs = jobs[:limit]
    return [(n, p, y) for n, (p, y) in enumerate(jobs)]


def _init(seed: int, entries: list[CatalogEntry], folder: str) -> None:
    _STATE.update(seed=seed, entries=entries, folder=Path(folder), programs={})


def _program(p: int):
    programs = _STATE["programs"]
    if p not in programs:
        programs[p] = make_program(_STATE["seed"], p, _STATE["entries"][p])
    return programs[p]


def make_one(n: int, p: int, year: int) -> tuple[str, dict]:
    """Write one ficha file; return its name and truth rows (with ficha_id)."""
    seed = _STATE["seed"]
    rng = random.Random(f"{seed}:ficha:{n}:{p}:{year}")
    gen = "2019" if n == 0 else "2021" if n == 1 else "2023" if n == 2 else None
    gen = gen or generation_for(year, rng)
    prog = _program(p)
    text, truth = GENERATORS[gen].render(rng, prog, year)
    raw = text.encode("utf-8")
    ficha_id = hashlib.sha256(raw).hexdigest()[:16]
    name = f"{year}_{n:06d}.txt"
    (_STATE["folder"] / name).write_bytes(raw)
    facts = {
        "ficha_id": ficha_id,
        "program_name": collapse(prog.name),
        "ministry": collapse(prog.ministry),
        "service": collapse(prog.service),
        **truth.facts,
        "source_file": name,
    }
    facts["program_id"] = slug(facts["program_name"])
    rows = {"fichas": [facts]}
    for table, items in truth.rows.items():
        rows[table] = [{"ficha_id": ficha_id, **r} for r in items]
    rows["warnings_expected"] = [
        {"ficha_id": ficha_id, "source_file": name, "section": s, "message": m}
        for s, m in truth.anomalies
    ]
    rows["files"] = [
        {
            "ficha_id": ficha_id,
            "source_file": name,
            "generation": gen,
            "program_id": facts["program_id"],
        }
    ]
    return name, rows


def _schema(table: str, rows: list[dict]) -> pa.Schema:
    full = TABLES.get(table) or EXTRA_TABLES.get(table)
    keys: dict[str, None] = {}
    for r in rows:
        keys.update(dict.fromkeys(r))
    if full is None:
        return pa.Table.from_pylist(rows).schema
    return pa.schema([f for f in full if f.name in keys])


def make_chunk(jobs: list[tuple[int, int, int]]) -> tuple[list[tuple], dict[str, pa.Table]]:
    """Generate a chunk of fichas; return manifest rows and truth tables (columnar)."""
    collected: dict[str, list[dict]] = {}
    manifest = []
    for n, p, year in jobs:
        name, rows = make_one(n, p, year)
        prog = _program(p)
        manifest.append((name, prog.name, prog.ministry, prog.service))
        for table, items in rows.items():
            collected.setdefault(table, []).extend(items)
    tables = {t: pa.Table.from_pylist(r, schema=_schema(t, r)) for t, r in collected.items() if r}
    return manifest, tables


def generate(
    out: Path,
    *,
    fichas: int | None = None,
    programs: int | None = None,
    years: tuple[int, int] = (2015, 2024),
    seed: int = 0,
    catalog: Path = CATALOG,
    workers: int | None = None,
) -> dict:
    """Write the corpus; return a small summary (counts, seconds)."""
    out = Path(out).resolve()
    if out == REPO / "data" or (REPO / "data" / "parquet") in (out, *out.parents):
        raise SystemExit("synthetic data never goes into data/parquet/")
    year_list = list(range(years[0], years[1] + 1))
    if programs is None:
        programs = max(1, math.ceil((fichas or 0) / len(year_list)))
    jobs = plan(programs, year_list, fichas)
    entries = program_names(load_catalog(Path(catalog)), programs)
    start = time.perf_counter()
    folder, truth_dir = out / "fichas", out / "truth"
    for d in (folder, truth_dir):
        if d.exists():
            shutil.rmtree(d)
        d.mkdir(parents=True)
    if workers is None:
        workers = 1 if len(jobs) < 3000 else min(8, os.cpu_count() or 1)
    size = max(1, min(2000, math.ceil(len(jobs) / (workers * 4))))
    chunks = [jobs[i : i + size] for i in range(0, len(jobs), size)]
    if workers > 1:
        with Pool(workers, initializer=_init, initargs=(seed, entries, str(folder))) as pool:
            results = pool.map(make_chunk, chunks)
    else:
        _init(seed, entries, str(folder))
        results = [make_chunk(c) for c in chunks]
    with (folder / "manifest.csv").open("w", encoding="utf-8", newline="") as fh:
        writer = csv.writer(fh)
        writer.writerow(["file", "program_name", "ministry", "service"])
        for manifest, _ in results:
            writer.writerows(manifest)
    names = {t for _, tables in results for t in tables} | set(EXTRA_TABLES)
    for table in sorted(names):
        parts = [tables[table] for _, tables in results if table in tables]
        if parts:
            merged = pa.concat_tables(parts, promote_options="default")
        else:
            merged = EXTRA_TABLES[table].empty_table()
        pq.write_table(merged, truth_dir / f"{table}.parquet")
    seconds = time.perf_counter() - start
    return {"fichas": len(jobs), "programs": programs, "seconds": seconds, "out": str(out)}


def _years(text: str) -> tuple[int, int]:
    a, _, b = text.partition("-")
    first, last = int(a), int(b or a)
    if first > last:
        raise argparse.ArgumentTypeError("years must be A-B with A <= B")
    return first, last


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--out", required=True, type=Path)
    group = parser.add_mutually_exclusive_group(required=True)
    group.add_argument("--fichas", type=int, help="number of fichas to write")
    group.add_argument("--programs", type=int, help="programs, one ficha per year each")
    parser.add_argument("--years", type=_years, default=(2015, 2024), help="A-B (2015-2024)")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--catalog", type=Path, default=CATALOG)
    parser.add_argument("--workers", type=int, default=None, help="processes (default: auto)")
    args = parser.parse_args(argv)
    summary = generate(
        args.out,
        fichas=args.fichas,
        programs=args.programs,
        years=args.years,
        seed=args.seed,
        catalog=args.catalog,
        workers=args.workers,
    )
    rate = summary["fichas"] / summary["seconds"] if summary["seconds"] else 0.0
    print(
        f"{summary['fichas']} fichas ({summary['programs']} programs) in {summary['out']}"
        f" in {summary['seconds']:.1f}s ({rate:,.0f} fichas/s)"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
