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
top functions of the parse step (own time and cumulative) to a file. `--cli` also runs
`fichas ingest FOLDER --data FRESH -q` with `--workers 1` and with the default workers as
`benchmarks/run.py` does: wall seconds, CPU seconds of the whole process tree, and the peak
resident memory of the tree (sampled every 50 ms). See benchmarks/README.md, "Ingest in one pass".
"""

from __future__ import annotations

import argparse
import cProfile
import io
import json
import pstats
import resource
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


def cli_run(folder: Path, workers: int | None) -> dict:
    """One `fichas ingest` from outside (the CLI this interpreter's venv has)."""
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    from harness.rss import run_sampled

    with tempfile.TemporaryDirectory() as work:
        argv = [str(Path(sys.executable).parent / "fichas"), "ingest", str(folder)]
        argv += ["--data", str(Path(work) / "ds"), "-q"]
        if workers is not None:
            argv += ["--workers", str(workers)]
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        run = run_sampled(argv, timeout=7200)
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return {
        "workers": workers or "default",
        "seconds": round(run.seconds, 2),
        "cpu_seconds": round(cpu, 2),
        "peak_rss_mb": round(run.peak_tree_rss_mb),
        "exit_code": run.returncode,
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", type=Path)
    parser.add_argument("--limit", type=int, default=None, help="only the first N files")
    parser.add_argument("--profile", type=Path, help="write the parse step's profile here")
    parser.add_argument("--skip-ingest", action="store_true", help="floor and parse only")
    parser.add_argument("--cli", action="store_true", help="also `fichas ingest`, 1 and default")
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
    if args.cli:
        result["cli"] = [cli_run(args.folder, workers) for workers in (1, None)]
        every = sum(1 for p in args.folder.iterdir() if p.suffix == ".txt")  # not --limit
        for run in result["cli"]:
            run["files"] = every
            run["fichas_per_cpu_s"] = round(every / run["cpu_seconds"])
            run["fichas_per_s"] = round(every / run["seconds"])
    if args.profile:
        args.profile.write_text(profile_text(files), encoding="utf-8")
    json.dump(result, sys.stdout)
    print()
    return 0


if __name__ == "__main__":
    sys.exit(main())
