"""The ingest's rate on one core in CPU seconds, beside the floor of reading the same files.

    .venv/bin/python benchmarks/ingest_rates.py CORPUS/fichas [--limit N] [--profile OUT.txt]
    PYTHONPATH=/tmp/old/src .venv/bin/python benchmarks/ingest_rates.py ...   # another version

In one process, one core, each step timed with `time.process_time` (CPU seconds, so the
figures hold on a shared machine when wall time does not), over the same files:
- floor: read each file, decode it, split it into lines and every line into tab cells,
  interpreting nothing (what any parser of these files pays);
- parse: `parse_path` for each file (text -> records), the parser alone;
- ingest: `pipeline.ingest(..., workers=1)` into a fresh folder (parse, Arrow, Parquet, summaries).
The parse/floor ratio is how far the parser is from that limit. `--profile` writes cProfile's
top functions of the parse step (own time and cumulative) to a file. See benchmarks/README.md,
"Ingest in one pass".
"""

from __future__ import annotations

import argparse
import cProfile
import io
import json
import pstats
import sys
import tempfile
import time
from pathlib import Path


def _floor(files: list[Path]) -> None:
    for path in files:
        text = path.read_bytes().decode("utf-8", "replace")
        for line in text.split("\n"):
            line.split("\t")


def _parse(files: list[Path]) -> None:
    from fichas_tui.ingest.reader import parse_path

    for path in files:
        parse_path(path)


def _ingest(files: list[Path]) -> None:
    from fichas_tui.ingest.pipeline import ingest

    def quiet(*_args, **_kwargs) -> None:
        return None

    with tempfile.TemporaryDirectory() as work:
        status = ingest(files, Path(work) / "ds", echo=quiet, quiet=True, workers=1)
    if status:
        raise SystemExit(f"ingest failed with status {status}")


def cpu_seconds(step, files: list[Path]) -> float:
    start = time.process_time()
    step(files)
    return time.process_time() - start


def profile_text(files: list[Path]) -> str:
    profile = cProfile.Profile()
    profile.enable()
    _parse(files)
    profile.disable()
    out = io.StringIO()
    for order in ("tottime", "cumulative"):
        pstats.Stats(profile, stream=out).sort_stats(order).print_stats(30)
    return out.getvalue()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", type=Path)
    parser.add_argument("--limit", type=int, default=None, help="only the first N files")
    parser.add_argument("--profile", type=Path, help="write the parse step's profile here")
    parser.add_argument("--skip-ingest", action="store_true", help="floor and parse only")
    args = parser.parse_args(argv)
    files = sorted(p for p in args.folder.iterdir() if p.suffix == ".txt")[: args.limit]
    if not files:
        raise SystemExit(f"no .txt files in {args.folder}")
    _parse(files[:50])  # imports and caches warmed, as in a long ingest
    result: dict = {"files": len(files)}
    steps = [("floor", _floor), ("parse", _parse)]
    if not args.skip_ingest:
        steps.append(("ingest", _ingest))
    for name, step in steps:
        seconds = cpu_seconds(step, files)
        result[f"{name}_cpu_seconds"] = round(seconds, 3)
        result[f"{name}_per_cpu_s"] = round(len(files) / seconds)
    result["parse_over_floor"] = round(result["floor_per_cpu_s"] / result["parse_per_cpu_s"], 1)
    if args.profile:
        args.profile.write_text(profile_text(files), encoding="utf-8")
    json.dump(result, sys.stdout)
    print()
    return 0


if __name__ == "__main__":
    sys.exit(main())
