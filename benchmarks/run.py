"""Benchmark the ingest and the explorer at several corpus sizes, measured from outside.

    .venv/bin/python benchmarks/run.py                      # 1,000, 10,000 and 50,000 fichas
    .venv/bin/python benchmarks/run.py --sizes 1000         # quick run

Writes benchmarks/results.json and the "Results" section of benchmarks/README.md (see there for
how each figure is measured). Needs `pyte` (`pip install -e '.[bench]'`); VisiData is looked for
in --vd, /tmp/vd-venv/bin/vd or PATH (install it in its own virtualenv, not the project's).
"""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import json
import os
import platform
import resource
import shutil
import signal
import statistics
import subprocess
import sys
import time
from importlib import metadata
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
sys.path.insert(0, str(HERE))

from harness.dataset import export_programs, load_programs, pick_queries  # noqa: E402
from harness.measure import (  # noqa: E402
    FirstPaint,
    explorer_session,
    first_paint,
    summary,
    visidata_env,
)
from harness.report import text_table, update_readme  # noqa: E402
from harness.rss import run_sampled  # noqa: E402

VENV_BIN = Path(sys.executable).parent
FICHAS = VENV_BIN / "fichas"
BUNDLED = "bundled"  # the repository's data/parquet, measured without an ingest
EXPLORERS = ("fichas", "no_early_frame")  # contenders whose detail is timed too


def log(message: str) -> None:
    print(f"[{time.strftime('%H:%M:%S')}] {message}", flush=True)


def drop_caches() -> bool:
    try:
        subprocess.run(["sync"], timeout=60, check=False)
        Path("/proc/sys/vm/drop_caches").write_text("3\n")
        return True
    except OSError:
        return False


def find_catalog() -> Path:
    """The program catalog beside the repository (or beside the main worktree of a linked one)."""
    here = REPO.parent / "shared" / "catalog" / "bips-2025-programs.csv"
    with contextlib.suppress(OSError, subprocess.SubprocessError):
        common = subprocess.run(
            ["git", "-C", str(REPO), "rev-parse", "--path-format=absolute", "--git-common-dir"],
            capture_output=True,
            text=True,
            timeout=30,
            check=True,
        ).stdout.strip()
        main = Path(common).parent.parent / "shared" / "catalog" / "bips-2025-programs.csv"
        if not here.exists() and main.exists():
            return main
    return here


def corpus(workdir: Path, size: int, seed: int, catalog: Path) -> Path:
    """A corpus of `size` fichas, reused when one with the same size and seed is complete."""
    folder = workdir / f"corpus-{size}-s{seed}"
    marker = folder / ".complete"
    if marker.exists() and marker.read_text().strip() == f"{size} {seed}":
        log(f"corpus {folder} reused")
        return folder
    shutil.rmtree(folder, ignore_errors=True)
    log(f"writing corpus of {size:,} fichas to {folder}")
    cmd = [sys.executable, str(HERE / "make_corpus.py"), "--out", str(folder)]
    cmd += ["--fichas", str(size), "--seed", str(seed), "--catalog", str(catalog)]
    subprocess.run(cmd, check=True, timeout=3600, stdout=subprocess.DEVNULL)
    marker.write_text(f"{size} {seed}\n")
    return folder


def folder_bytes(folder: Path) -> int:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file())


def ingest_workers_option() -> bool:
    """Whether this app's `fichas ingest` takes --workers (one-core throughput from the CLI)."""
    out = subprocess.run(
        [str(FICHAS), "ingest", "--help"], capture_output=True, text=True, timeout=60, check=False
    )
    return "--workers" in out.stdout


def ingest(fichas_dir: Path, data_dir: Path, workers: int | None) -> dict:
    """One timed `fichas ingest` into a fresh folder (`workers`: None for the CLI's default)."""
    shutil.rmtree(data_dir, ignore_errors=True)
    files = sum(1 for _ in fichas_dir.glob("*.txt"))
    argv = [str(FICHAS), "ingest", str(fichas_dir), "--data", str(data_dir), "-q"]
    if workers is not None:
        argv += ["--workers", str(workers)]
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    run = run_sampled(argv, timeout=3600)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    if workers is None:  # the CLI's own rule before --workers existed
        workers = min(os.cpu_count() or 1, 8) if files >= 64 else 1
    return {
        "files": files,
        "argv": argv[1:],
        "seconds": run.seconds,
        "fichas_per_s": files / run.seconds,
        "workers": workers,
        "per_core": files / run.seconds / workers,
        "cpu_seconds": cpu,
        "cores_busy": cpu / run.seconds,
        "peak_rss_mb": run.peak_tree_rss_mb,
        "exit_code": run.returncode,
        "summary": (run.stdout or run.stderr).strip().splitlines()[-1:],
    }


def ingest_rates(fichas_dir: Path) -> dict:
    """Floor and parse-only rates per CPU second (benchmarks/ingest_rates.py, 3,000 files)."""
    argv = [sys.executable, str(HERE / "ingest_rates.py"), str(fichas_dir)]
    argv += ["--limit", "3000", "--skip-ingest"]
    out = subprocess.run(argv, capture_output=True, text=True, timeout=3600, check=False)
    if out.returncode or not out.stdout.strip():
        log(f"ingest_rates failed: {out.stderr.strip()[-300:]}")
        return {}
    return json.loads(out.stdout.strip().splitlines()[-1])


def spawn_seconds(code: str, runs: int = 3) -> float | None:
    """Median wall time of `python -c code` (a breakdown of what the first paint pays for)."""
    times = []
    for _ in range(runs):
        t0 = time.perf_counter()
        proc = subprocess.run([sys.executable, "-c", code], capture_output=True, timeout=120)
        if proc.returncode != 0:
            return None
        times.append(time.perf_counter() - t0)
    return statistics.median(times)


def breakdown(data_dir: Path) -> dict:
    """Diagnostics only (they use the app's modules, so they may stop working as it changes)."""
    store = (
        "from pathlib import Path; from fichas_tui.data.queries import Store; "
        f"Store.open(Path({str(data_dir)!r})).programs()"
    )
    return {
        "python_startup_s": spawn_seconds("pass"),
        "import_textual_app_s": spawn_seconds("import textual.app"),
        "import_duckdb_pyarrow_s": spawn_seconds("import duckdb, pyarrow"),
        "import_fichas_app_s": spawn_seconds("import fichas_tui.tui.app"),
        "import_and_open_store_s": spawn_seconds(store),
    }


def find_vd(explicit: str | None) -> str | None:
    for candidate in (explicit, "/tmp/vd-venv/bin/vd", shutil.which("vd")):
        if candidate and Path(candidate).exists():
            return candidate
    return None


def paint_stats(result, cold: float | None) -> dict:
    s = result.seconds
    return {
        "runs": s,
        "cold": cold,
        "median": statistics.median(s) if s else None,
        "best": min(s) if s else None,
        "timeouts": result.timeouts,
    }


def wait_idle(limit: float, timeout: float) -> tuple[float, float]:
    """Wait (at most `timeout` s) for the 1-minute load average to fall below `limit`: the
    machine may be shared. Returns (load when done, seconds waited)."""
    t0 = time.perf_counter()
    while os.getloadavg()[0] >= limit and time.perf_counter() - t0 < timeout:
        time.sleep(5)
    return os.getloadavg()[0], time.perf_counter() - t0


def across(data_dir: Path) -> dict:
    """Cross-program query times (issue #10), in the app's process, when the app has them."""
    proc = subprocess.run(
        [sys.executable, str(HERE / "harness" / "across_probe.py"), str(data_dir)],
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    if proc.returncode != 0:
        return {"available": False, "reason": proc.stderr.strip().splitlines()[-1:]}
    out = json.loads(proc.stdout)
    if out.get("available"):
        every = [ms for samples in out["samples_ms"].values() for ms in samples]
        out["all"] = summary(every)
        out["worst_query_p95"] = max((summary(v)["p95"], k) for k, v in out["samples_ms"].items())
    return out


def paint_round_robin(
    contenders: dict[str, tuple[list[str], dict | None]], programs, runs: int
) -> dict[str, FirstPaint]:
    """First paint of each contender, interleaved: round i runs each once, in an order rotated
    every round, so a change in the machine's load hits them alike."""
    names = list(contenders)
    out = {n: FirstPaint() for n in names}
    for i in range(runs):
        for name in names[i % len(names) :] + names[: i % len(names)]:
            argv, env = contenders[name]
            one = first_paint(argv, programs, 1, env=env, detail=name in EXPLORERS)
            got = out[name]
            got.seconds += one.seconds
            got.detail_seconds += one.detail_seconds
            got.timeouts += one.timeouts
    return out


def ratios(mine: list[float], theirs: list[float]) -> dict:
    """Median over median, and the spread of the paired (same round) ratios."""
    if not mine or not theirs:
        return {}
    paired = [a / b for a, b in zip(mine, theirs, strict=False)]
    return {
        "ratio": statistics.median(mine) / statistics.median(theirs),
        "paired_min": min(paired),
        "paired_median": statistics.median(paired),
        "paired_max": max(paired),
    }


def bench_size(size: str, args: argparse.Namespace, vd: str | None) -> dict:
    """Every figure for one dataset: `size` is a number of fichas, or "bundled" (data/parquet)."""
    result: dict = {"size": size}
    if size == BUNDLED:
        data_dir = REPO / "data" / "parquet"
    elif args.no_ingest and any(
        (args.workdir / f"ds-{size}" / name).exists() for name in (".program-list", ".current")
    ):
        data_dir = args.workdir / f"ds-{size}"
        log(f"dataset {data_dir} reused (--no-ingest: no ingest figures)")
    else:
        folder = corpus(args.workdir, int(size), args.seed, args.catalog)
        data_dir = args.workdir / f"ds-{size}"
        load, waited = wait_idle(args.idle_load, args.idle_wait)
        if args.workers_option:
            log(f"ingesting {int(size):,} fichas, 1 worker (load {load:.2f}, waited {waited:.0f}s)")
            result["ingest_one_core"] = ingest(folder / "fichas", data_dir, 1)
            result["ingest_one_core"]["load_average_before"] = load
            load, waited = wait_idle(args.idle_load, args.idle_wait)
        log(f"ingesting {int(size):,} fichas (load average {load:.2f}, waited {waited:.0f} s)")
        ing = ingest(folder / "fichas", data_dir, None)
        ing["load_average_before"] = load
        log(f"ingest: {ing['seconds']:.1f} s, {ing['fichas_per_s']:.0f} fichas/s")
        result["ingest"] = ing
        result["ingest_rates"] = ingest_rates(folder / "fichas")
        if not args.workers_option:  # one worker per core: per-core throughput is the figure
            result["ingest_one_core"] = {**ing, "fichas_per_s": ing["per_core"]}
    programs = load_programs(data_dir)
    result["fichas"] = count_fichas(data_dir)
    argv = [str(FICHAS), "--data", str(data_dir)]
    csv = export_programs(programs, args.workdir / f"programs-{size}.csv")
    contenders: dict[str, tuple[list[str], dict | None]] = {"fichas": (argv, None)}
    # The same explorer with nowhere to keep its first frame: the start without the early frame
    # (cli/early_frame.py), measured in the same rounds.
    contenders["no_early_frame"] = (argv, dict(os.environ, XDG_CACHE_HOME="/dev/null/none"))
    if vd:
        contenders["visidata"] = ([vd, str(csv)], visidata_env())
    contenders["bare"] = ([sys.executable, str(HERE / "bare_app.py"), str(csv)], None)
    load, waited = wait_idle(args.idle_load, args.idle_wait)
    log(f"load average {load:.2f} (waited {waited:.0f} s for < {args.idle_load})")
    result["load_average_before"] = load
    cold = None
    if not args.no_cold and drop_caches():
        log("first paint, cold cache")
        c = first_paint(argv, programs, 1)
        cold = c.seconds[0] if c.seconds else None
    else:  # a first start keeps the frame the next ones write early
        first_paint(argv, programs, 1)
    log(f"first paint x{args.runs}, interleaved: {', '.join(contenders)}")
    paints = paint_round_robin(contenders, programs, args.runs)
    mine = paints["fichas"]
    result["first_paint"] = paint_stats(mine, cold)
    result["detail_visible"] = {
        "runs": mine.detail_seconds,
        "median": statistics.median(mine.detail_seconds) if mine.detail_seconds else None,
        "max": max(mine.detail_seconds) if mine.detail_seconds else None,
    }
    before = paints["no_early_frame"]
    result["no_early_frame"] = {
        **paint_stats(before, None),
        **ratios(mine.seconds, before.seconds),
        "detail_median": statistics.median(before.detail_seconds)
        if before.detail_seconds
        else None,
    }
    if vd:
        result["no_early_frame"]["vs_visidata"] = ratios(
            paints["no_early_frame"].seconds, paints["visidata"].seconds
        )
    result["bare"] = {
        **paint_stats(paints["bare"], None),
        **ratios(mine.seconds, paints["bare"].seconds),
    }
    result["visidata"] = {"available": vd is not None}
    if vd:
        vdp = paint_stats(paints["visidata"], None)
        vdp.update(
            available=True, file=str(csv), **ratios(mine.seconds, paints["visidata"].seconds)
        )
        with contextlib.suppress(OSError, subprocess.SubprocessError):
            out = subprocess.run([vd, "--version"], capture_output=True, text=True, timeout=30)
            vdp["version"] = out.stdout.strip()
        result["visidata"] = vdp
    queries = pick_queries(programs, args.queries)
    log(f"session: switches and queries {queries}")
    session = explorer_session(argv, programs, queries, switches_per_tab=args.switches_per_tab)
    f_ms, f_re = session.filter_ms, session.filter_detail_reloaded
    result.update(
        {
            "programs": len(programs),
            "load_average_after": os.getloadavg()[0],
            "dataset_mb": folder_bytes(data_dir) / 1e6,
            "session_first_paint": session.first_paint,
            "filter": summary(session.filter_ms),
            "filter_samples_ms": session.filter_ms,
            "filter_unverified": session.filter_unverified,
            "filter_when_detail_reloaded": summary(
                [m for m, r in zip(f_ms, f_re, strict=True) if r]
            ),
            "filter_when_detail_kept": summary(
                [m for m, r in zip(f_ms, f_re, strict=True) if not r]
            ),
            "queries": queries,
            "switch": summary(session.switch_ms),
            "switch_header": summary(session.switch_first_ms),
            "switch_samples_ms": session.switch_ms,
            "switch_unexpected_program": session.switch_unexpected,
            "switch_timeouts": session.switch_timeouts,
            "peak_rss_mb": session.vm_hwm_kb / 1024 if session.vm_hwm_kb else None,
            "rss_at_end_mb": session.vm_rss_kb / 1024 if session.vm_rss_kb else None,
            "harness_pyte_ms_per_kb": session.parse_ms_per_kb,
            "session_notes": session.notes,
        }
    )
    log("cross-program queries")
    result["across"] = across(data_dir)
    result["breakdown"] = breakdown(data_dir)
    return result


def count_fichas(data_dir: Path) -> int:
    import duckdb

    con = duckdb.connect()
    try:
        path = str(data_dir / "fichas.parquet")
        return con.execute("SELECT count(*) FROM read_parquet(?)", [path]).fetchone()[0]
    finally:
        con.close()


def compile_app() -> None:
    """Compile the app's modules to bytecode once, as a regular (non-editable) install does:
    with PYTHONDONTWRITEBYTECODE set, an editable install would otherwise recompile every
    module at every start, which is not what a user's installed `fichas` pays."""
    src = REPO / "src" / "fichas_tui"
    subprocess.run([sys.executable, "-m", "compileall", "-q", str(src)], check=False, timeout=300)


def app_commit() -> str:
    """The commit measured, and whether src/ had uncommitted changes (the explorer runs from it)."""
    try:
        head = subprocess.run(
            ["git", "-C", str(REPO), "rev-parse", "--short", "HEAD"],
            capture_output=True,
            text=True,
            timeout=30,
            check=True,
        ).stdout.strip()
        dirty = subprocess.run(
            ["git", "-C", str(REPO), "status", "--porcelain", "src"],
            capture_output=True,
            text=True,
            timeout=30,
            check=True,
        ).stdout.strip()
    except (OSError, subprocess.SubprocessError):
        return "unknown"
    return head + (" with uncommitted changes in src/" if dirty else "")


def machine() -> dict:
    mem_kb = 0
    with contextlib.suppress(OSError), open("/proc/meminfo") as fh:
        for line in fh:
            if line.startswith("MemTotal:"):
                mem_kb = int(line.split()[1])
    model = platform.processor() or ""
    with contextlib.suppress(OSError), open("/proc/cpuinfo") as fh:
        for line in fh:
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    packages = {}
    for name in ("fichas-tui", "textual", "rich", "duckdb", "pyarrow", "pyte"):
        with contextlib.suppress(metadata.PackageNotFoundError):
            packages[name] = metadata.version(name)
    return {
        "cpus": os.cpu_count(),
        "cpu_model": model,
        "memory_gb": mem_kb / 1024 / 1024,
        "os": f"{platform.system()} {platform.release()}",
        "python": platform.python_version(),
        "packages": packages,
    }


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    ap.add_argument(
        "--sizes",
        default=f"{BUNDLED},10000,50000",
        help=f"fichas per corpus, comma-separated ({BUNDLED}: the repository's data/parquet)",
    )
    ap.add_argument("--catalog", type=Path, default=None, help="program catalog for the corpus")
    ap.add_argument("--workdir", type=Path, default=Path("/tmp/fichas-bench"))
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--runs", type=int, default=5, help="first-paint runs (warm)")
    ap.add_argument("--queries", type=int, default=5, help="6-letter queries typed")
    ap.add_argument("--switches-per-tab", type=int, default=5)
    ap.add_argument("--vd", help="VisiData executable (default: /tmp/vd-venv/bin/vd or PATH)")
    ap.add_argument("--no-visidata", action="store_true")
    ap.add_argument("--idle-load", type=float, default=1.0, help="wait for a lower load average")
    ap.add_argument("--idle-wait", type=float, default=180, help="at most this many seconds")
    ap.add_argument("--no-cold", action="store_true", help="do not drop the page cache")
    ap.add_argument(
        "--no-ingest",
        action="store_true",
        help="reuse the dataset of an earlier run (WORKDIR/ds-SIZE) when there is one",
    )
    ap.add_argument("--results", type=Path, default=HERE / "results.json")
    ap.add_argument("--no-readme", action="store_true", help="do not touch benchmarks/README.md")
    args = ap.parse_args(argv)
    # a terminated run still ends the programs it started (the `finally` blocks close them)
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))
    sizes = [
        s.strip() if s.strip() == BUNDLED else str(int(s.replace("_", "")))
        for s in args.sizes.split(",")
        if s.strip()
    ]
    args.catalog = args.catalog or find_catalog()
    args.workers_option = ingest_workers_option()
    compile_app()
    args.workdir.mkdir(parents=True, exist_ok=True)
    vd = None if args.no_visidata else find_vd(args.vd)
    if vd is None and not args.no_visidata:
        log("VisiData not found: its comparison is left out")
    results = {
        "date": dt.datetime.now().astimezone().isoformat(timespec="seconds"),
        "command": "python benchmarks/run.py --sizes " + ",".join(sizes),
        "ingest_workers_option": args.workers_option,
        "machine": machine(),
        "app_commit": app_commit(),
        "targets_note": "targets for a 2-core machine, from the issue",
        "sizes": [],
    }
    for size in sizes:
        results["sizes"].append(bench_size(size, args, vd))
        args.results.write_text(json.dumps(results, indent=2, ensure_ascii=False) + "\n")
    print(text_table(results))
    if not args.no_readme:
        update_readme(HERE / "README.md", results)
        log("benchmarks/README.md updated")
    log(f"results in {args.results}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
