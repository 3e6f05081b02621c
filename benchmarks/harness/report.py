"""The results table (terminal and Markdown) and the "Results" section of benchmarks/README.md."""

from __future__ import annotations

import re
import statistics
from pathlib import Path

# metric -> {size key: target}, higher_is_better. Size keys: "bundled" (data/parquet) or the
# number of fichas as text. The targets of issue #12 for this 2-core machine.
TARGETS: dict[str, tuple[dict[str, float], bool]] = {
    "ingest_one_core": ({"10000": 1000, "50000": 1000}, True),
    "ingest_peak_rss": ({"10000": 500, "50000": 500}, False),
    "ingest_cpu": ({"10000": 1200, "50000": 1200}, True),  # issue 27
    "ingest_default_rss": ({"50000": 400}, False),  # issue 27
    "vs_visidata": ({"bundled": 0.5, "10000": 0.5, "50000": 0.5}, False),  # issue 27
    "vs_bare": ({"bundled": 1.6, "10000": 1.6, "50000": 1.6}, False),
    "detail_visible": ({"10000": 0.5}, False),
    "switch_p95": ({"10000": 40, "50000": 50}, False),
    "filter_p95": ({"50000": 20}, False),
    "peak_rss": ({"50000": 150}, False),
    "across_p95": ({"50000": 100}, False),
}

START = "<!-- results:start -->"
END = "<!-- results:end -->"


def _split(r: dict, moved: bool) -> str | None:
    part = r.get("filter_when_detail_reloaded" if moved else "filter_when_detail_kept")
    if not part or not part.get("n"):
        return None
    return f"{part['p95']:.0f} (n={part['n']})"


def _per_cpu(run: dict) -> float | None:
    cpu = run.get("cpu_seconds")
    return run["files"] / cpu if cpu else None


def _rates(r: dict) -> str:
    """`benchmarks/ingest_rates.py`: the parser beside the floor of reading the same files."""
    rates = r["ingest_rates"]
    floor, parse = rates["floor_per_cpu_s"], rates["parse_per_cpu_s"]
    return f"{parse:,} / {floor:,} ({floor / parse:.0f}× the floor's cost)"


def _loads(r: dict) -> str:
    return f"{r['load_average_before']:.2f} / {r['load_average_after']:.2f}"


def _spread(part: dict) -> str | None:
    """Ratio of medians, with the range of the same-round ratios."""
    if not part or part.get("ratio") is None:
        return None
    return f"{part['ratio']:.2f}× ({part['paired_min']:.2f}–{part['paired_max']:.2f})"


def _ratio_value(part: dict) -> float | None:
    return part.get("ratio") if part else None


def _paint(part: dict) -> str | None:
    runs = part.get("runs") if part else None
    if not runs:
        return None
    return f"{statistics.median(runs):.2f} ({min(runs):.2f}–{max(runs):.2f})"


def _across(r: dict) -> float | None:
    a = r.get("across") or {}
    return a.get("all", {}).get("p95") if a.get("available") else None


def _fmt(value: float | str | None, unit: str) -> str:
    if value is None:
        return "—"
    if isinstance(value, str):
        return value
    if isinstance(value, int):
        return f"{value:,}"
    if unit == "MB" and value < 10:
        return f"{value:.1f}"
    if unit == "s":
        return f"{value:.2f}"
    if unit in ("ms", "MB", "fichas/s"):
        return f"{value:.0f}"
    if unit == "×":
        return f"{value:.2f}×"
    if abs(value) >= 100:
        return f"{value:,.0f}"
    return f"{value:.2f}"


def column_title(r: dict) -> str:
    if r["size"] == "bundled":
        return f"bundled ({r['fichas']} fichas)"
    return f"{int(r['size']):,} fichas"


# (label, unit, value getter, target key or None, shown text getter or None)
SPEC = [
    ("Programs listed", "", lambda r: r["programs"], None, None),
    (
        "Ingest per core (fichas/s; --workers 1 when the CLI has it)",
        "fichas/s",
        lambda r: r["ingest_one_core"]["fichas_per_s"],
        "ingest_one_core",
        None,
    ),
    (
        "Ingest peak RSS, that run, all processes (MB)",
        "MB",
        lambda r: r["ingest_one_core"]["peak_rss_mb"],
        "ingest_peak_rss",
        None,
    ),
    (
        "Ingest, default workers (fichas/s)",
        "fichas/s",
        lambda r: r["ingest"]["fichas_per_s"],
        None,
        None,
    ),
    (
        "Ingest, 1 worker, per CPU second (fichas)",
        "fichas/s",
        lambda r: _per_cpu(r["ingest_one_core"]),
        "ingest_cpu",
        None,
    ),
    (
        "Ingest peak RSS, default workers (MB)",
        "MB",
        lambda r: r["ingest"]["peak_rss_mb"],
        "ingest_default_rss",
        None,
    ),
    (
        "Parse only / read-and-split floor (fichas per CPU s)",
        "",
        lambda r: r["ingest_rates"]["parse_per_cpu_s"],
        None,
        _rates,
    ),
    ("Dataset on disk (MB)", "MB", lambda r: r["dataset_mb"], None, None),
    ("Load average before / after", "", _loads, None, None),
    (
        "First paint, median (range) (s)",
        "s",
        lambda r: r["first_paint"]["median"],
        None,
        lambda r: _paint(r["first_paint"]),
    ),
    ("First paint, cold cache (s)", "s", lambda r: r["first_paint"].get("cold"), None, None),
    (
        "VisiData first paint, median (range) (s)",
        "s",
        lambda r: r["visidata"].get("median"),
        None,
        lambda r: _paint(r["visidata"]),
    ),
    (
        "First paint without the early frame, median (range) (s)",
        "s",
        lambda r: r.get("no_early_frame", {}).get("median"),
        None,
        lambda r: _paint(r.get("no_early_frame", {})),
    ),
    (
        "Without the early frame / VisiData",
        "×",
        lambda r: _ratio_value(r.get("no_early_frame", {}).get("vs_visidata", {})),
        None,
        lambda r: _spread(r.get("no_early_frame", {}).get("vs_visidata", {})),
    ),
    (
        "Bare Textual app first paint (s)",
        "s",
        lambda r: r["bare"].get("median"),
        None,
        lambda r: _paint(r["bare"]),
    ),
    (
        "First paint / VisiData",
        "×",
        lambda r: _ratio_value(r["visidata"]),
        "vs_visidata",
        lambda r: _spread(r["visidata"]),
    ),
    (
        "First paint / bare Textual",
        "×",
        lambda r: _ratio_value(r["bare"]),
        "vs_bare",
        lambda r: _spread(r["bare"]),
    ),
    (
        "First program's detail visible, median (s)",
        "s",
        lambda r: r["detail_visible"]["median"],
        "detail_visible",
        None,
    ),
    (
        "Detail visible without the early frame, median (s)",
        "s",
        lambda r: r.get("no_early_frame", {}).get("detail_median"),
        None,
        None,
    ),
    ("Program switch p50 (ms)", "ms", lambda r: r["switch"].get("p50"), None, None),
    ("Program switch p95 (ms)", "ms", lambda r: r["switch"].get("p95"), "switch_p95", None),
    ("Switch, header only p95 (ms)", "ms", lambda r: r["switch_header"].get("p95"), None, None),
    ("Filter keystroke p50 (ms)", "ms", lambda r: r["filter"].get("p50"), None, None),
    ("Filter keystroke p95 (ms)", "ms", lambda r: r["filter"].get("p95"), "filter_p95", None),
    ("Filter p95, keys that moved the selection (ms)", "", lambda r: _split(r, True), None, None),
    ("Filter p95, keys that kept the selection (ms)", "", lambda r: _split(r, False), None, None),
    ("Explorer peak RSS (MB)", "MB", lambda r: r["peak_rss_mb"], "peak_rss", None),
    ("Cross-program query p95 (ms)", "ms", _across, "across_p95", None),
]


def rows(results: dict) -> list[list[str]]:
    """One row per measured figure, one column per dataset: 'value (target ✓/✗)'."""
    out: list[list[str]] = []
    for label, unit, get, target_key, shown in SPEC:
        row = [label]
        for r in results["sizes"]:
            try:
                value = get(r)
                text = shown(r) if shown else None
            except (KeyError, TypeError):
                value, text = None, None
            cell = text or _fmt(value, unit)
            if target_key and value is not None:
                targets, higher = TARGETS[target_key]
                goal = targets.get(str(r["size"]))
                if goal is not None:
                    ok = value >= goal if higher else value <= goal
                    cell += f" ({'≥' if higher else '≤'} {_fmt(goal, unit)} {'✓' if ok else '✗'})"
            row.append(cell)
        out.append(row)
    return out


def text_table(results: dict) -> str:
    header = ["", *(column_title(r) for r in results["sizes"])]
    body = rows(results)
    widths = [max(len(r[i]) for r in [header, *body]) for i in range(len(header))]
    lines = ["  ".join(c.ljust(w) for c, w in zip(r, widths, strict=True)) for r in [header, *body]]
    return "\n".join(lines)


def markdown_table(results: dict) -> str:
    header = ["", *(column_title(r) for r in results["sizes"])]
    body = rows(results)
    lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    lines += ["| " + " | ".join(r) + " |" for r in body]
    return "\n".join(lines)


METHOD = """\
How each figure is measured (`benchmarks/run.py`, harness in `benchmarks/harness/`). Before
measuring, the run compiles the app's modules to bytecode (`compileall`), as a regular install
does: with `PYTHONDONTWRITEBYTECODE` set (this machine sets it) an editable install would
otherwise recompile every module at every start.

- **Datasets**: *bundled* is the repository's `data/parquet` (3 fichas); the others are written
  by `make_corpus.py --fichas N --seed S` (mixed templates) and ingested by the run.
- **Ingest, 1 worker**: `fichas ingest CORPUS/fichas --data FRESH_DIR -q --workers 1` timed from
  outside (wall clock), when the CLI has `--workers`; otherwise the default run's throughput
  divided by its worker processes. *Peak RSS* is the largest sum of the resident memory of the
  ingest and all its descendants (workers), sampled from `/proc` every 50 ms.
- **Ingest, default workers**: the same without `--workers`.
- **Ingest per CPU second**: the one-worker run's fichas over the CPU seconds (user + system)
  of its process tree, which a shared machine's load inflates less than wall time.
- **Parse only / floor**: `benchmarks/ingest_rates.py CORPUS/fichas --limit 3000 --skip-ingest`,
  in one process: `parse_path` of the first 3,000 files per CPU second, beside reading,
  decoding and splitting the same files into lines and tab cells (see "Ingest in one pass").
- **First paint**: the explorer (`fichas --data DS`), VisiData (`vd FILE`, in its own virtualenv,
  fresh HOME) and a bare Textual app (`benchmarks/bare_app.py FILE`: reads the CSV with the csv
  module and draws the visible rows with the Line API) are spawned in turn in a 120×40
  pseudo-terminal (TERM=xterm-256color, size set with TIOCSWINSZ), round after round, the order
  rotated each round, so a change of load hits them alike. FILE is the same programs table (one
  row per program from its latest ficha: name, ministry, service, years, latest executed
  budget) exported to CSV. The output is fed to the `pyte` terminal emulator and the screen is
  checked each time bytes arrive: time from just before exec to the read of the bytes after
  which at least three program names of the dataset (first 12 characters) are on screen.
  Median and range over the rounds; *ratio* is median over median, with the range of the
  same-round ratios in brackets. *Cold cache*: one run right after dropping the page cache,
  when allowed (else one unmeasured start), which also keeps the explorer's first frame for
  the measured ones (`cli/early_frame.py`). *Without the early frame*: the same explorer in
  the same rounds with nowhere to keep that frame (`XDG_CACHE_HOME=/dev/null/none`): the start
  a new terminal size, dataset or version gets.
- **First program's detail visible**: in the same explorer runs, exec to the screen showing a
  dataset program's name in the detail header and at least three rows of its pane (the program
  the list highlights at start, its Resumen).
- **Program switch**: in one session, the list cursor moved down one program (↓) five times with
  each detail tab (1 Resumen, 2 Presupuesto, 3 Indicadores, 4 Regiones) showing: 20 switches.
  From the key to the last screen change before 0.25 s of calm, after the detail header shows
  another dataset program (so every repaint of the visible pane counts). *Header only*: key to
  the header change. p50/p95 by nearest rank.
- **Filter keystroke**: in the same session, `/` then a 6-letter query typed one key at a time
  (5 queries, each the start of a word of a program name, preferring queries whose every key
  changes the match count). Per key: from writing the key to the read of the bytes after which
  the filter box shows the typed text, the status shows the number of programs that match
  (all typed words in the folded name/ministry/service, as the explorer matches) and a
  matching name is visible, counting only once at least 1 KB was written after the key. The
  next key goes after 0.15 s of calm. The split rows separate the keys after which the detail
  header showed another program from those that kept it.
- **Explorer peak RSS**: `VmHWM` from `/proc/PID/status` of the explorer at the end of that
  session, right before `q`.
- **Cross-program query p95**: `harness/across_probe.py` opens the dataset with the app's Store
  and times, in-process, every ranking measure of `fichas_tui.data.across` and the region view
  for five regions, five times each; p95 over all of them (the slowest query's p95 is in
  results.json).
"""


def markdown_section(results: dict) -> str:
    m = results["machine"]
    versions = ", ".join(f"{k} {v}" for k, v in m["packages"].items())
    lines = [
        START,
        "## Results",
        "",
        f"Measured {results['date']} with `{results['command']}`. Raw numbers: "
        "[results.json](results.json).",
        "",
        f"App measured: {results.get('app_commit', 'unknown')}.",
        "",
        f"Machine: {m['cpus']} cores ({m['cpu_model']}), {m['memory_gb']:.1f} GB memory, "
        f"{m['os']}; Python {m['python']}; {versions}.",
        "",
        "Targets are those of issue #12 for this 2-core machine (✓ met, ✗ missed).",
        "",
        markdown_table(results),
        "",
    ]
    notes = results.get("notes") or []
    if notes:
        lines += ["Observations:", "", *[f"- {n}" for n in notes], ""]
    lines += [METHOD, END]
    return "\n".join(lines)


def update_readme(readme: Path, results: dict) -> None:
    """Replace (or append) the Results section, leaving the rest of the README as it is."""
    text = readme.read_text(encoding="utf-8") if readme.exists() else "# Benchmarks\n"
    section = markdown_section(results)
    pattern = re.compile(re.escape(START) + r".*?" + re.escape(END), re.S)
    if pattern.search(text):
        text = pattern.sub(lambda _m: section, text)
    else:
        text = text.rstrip("\n") + "\n\n" + section + "\n"
    readme.write_text(text, encoding="utf-8")


__all__ = ["markdown_section", "text_table", "update_readme"]
