"""The results table (terminal and Markdown) and the "Results" section of benchmarks/README.md."""

from __future__ import annotations

import re
from pathlib import Path

# metric -> (label, unit, {size: target}, higher_is_better)
TARGETS: dict[str, tuple[str, str, dict[int, float], bool]] = {
    "ingest_per_core": (
        "Ingest per core",
        "fichas/s",
        {1000: 1000, 10000: 1000, 50000: 1000},
        True,
    ),
    "first_paint_median": ("First paint, median", "s", {10000: 0.6, 50000: 1.0}, False),
    "filter_p95": ("Filter keystroke p95", "ms", {10000: 30, 50000: 80}, False),
    "switch_p95": ("Program switch p95", "ms", {10000: 50, 50000: 80}, False),
    "peak_rss": ("Peak RSS (explorer)", "MB", {10000: 200, 50000: 300}, False),
}

START = "<!-- results:start -->"
END = "<!-- results:end -->"


def _split(r: dict, moved: bool) -> str | None:
    part = r.get("filter_when_detail_reloaded" if moved else "filter_when_detail_kept")
    if not part or not part.get("n"):
        return None
    return f"{part['p95']:.0f} (n={part['n']})"


def _loads(r: dict) -> str:
    return f"{r['load_average_before']:.2f} / {r['load_average_after']:.2f}"


def _fmt(value: float | str | None, unit: str) -> str:
    if value is None:
        return "—"
    if isinstance(value, str):
        return value
    if unit == "MB" and value < 10:
        return f"{value:.1f}"
    if unit == "s":
        return f"{value:.2f}"
    if unit in ("ms", "MB"):
        return f"{value:.0f}"
    if abs(value) >= 100:
        return f"{value:,.0f}"
    return f"{value:.2f}"


def rows(results: dict) -> list[list[str]]:
    """One row per measured figure, one column per size: 'value (target ✓/✗)'."""
    sizes = [r["fichas"] for r in results["sizes"]]
    out: list[list[str]] = []
    spec = [
        ("Ingest throughput", "fichas/s", lambda r: r["ingest"]["fichas_per_s"], None),
        ("Ingest per core", "fichas/s", lambda r: r["ingest"]["per_core"], "ingest_per_core"),
        ("Ingest cores busy (CPU s / wall s)", "", lambda r: r["ingest"]["cores_busy"], None),
        ("Programs listed", "", lambda r: r["programs"], None),
        ("Load average before / after", "", lambda r: _loads(r), None),
        ("Dataset on disk", "MB", lambda r: r["dataset_mb"], None),
        ("First paint, cold cache", "s", lambda r: r["first_paint"].get("cold"), None),
        (
            "First paint, median",
            "s",
            lambda r: r["first_paint"].get("median"),
            "first_paint_median",
        ),
        ("First paint, best", "s", lambda r: r["first_paint"].get("best"), None),
        ("Filter keystroke p50", "ms", lambda r: r["filter"].get("p50"), None),
        ("Filter keystroke p95", "ms", lambda r: r["filter"].get("p95"), "filter_p95"),
        ("Filter p95, keys that moved the selection", "ms", lambda r: _split(r, True), None),
        ("Filter p95, keys that kept the selection", "ms", lambda r: _split(r, False), None),
        ("Program switch p50", "ms", lambda r: r["switch"].get("p50"), None),
        ("Program switch p95", "ms", lambda r: r["switch"].get("p95"), "switch_p95"),
        ("Switch, header only p95", "ms", lambda r: r["switch_header"].get("p95"), None),
        ("Peak RSS (explorer)", "MB", lambda r: r["peak_rss_mb"], "peak_rss"),
        ("VisiData first paint, median", "s", lambda r: r["visidata"].get("median"), None),
        ("Explorer / VisiData first paint", "×", lambda r: r["visidata"].get("ratio"), None),
    ]
    for label, unit, get, target_key in spec:
        row = [f"{label} ({unit})" if unit and unit != "×" else label]
        for size, r in zip(sizes, results["sizes"], strict=True):
            try:
                value = get(r)
            except (KeyError, TypeError):
                value = None
            cell = _fmt(value, unit) + ("×" if unit == "×" and value is not None else "")
            if target_key and value is not None:
                _l, _u, targets, higher = TARGETS[target_key]
                if size in targets:
                    goal = targets[size]
                    ok = value >= goal if higher else value <= goal
                    cell += f" ({'≥' if higher else '≤'} {_fmt(goal, unit)} {'✓' if ok else '✗'})"
            row.append(cell)
        out.append(row)
    return out


def text_table(results: dict) -> str:
    header = ["", *(f"{r['fichas']:,} fichas" for r in results["sizes"])]
    body = rows(results)
    widths = [max(len(r[i]) for r in [header, *body]) for i in range(len(header))]
    lines = ["  ".join(c.ljust(w) for c, w in zip(r, widths, strict=True)) for r in [header, *body]]
    return "\n".join(lines)


def markdown_table(results: dict) -> str:
    header = ["", *(f"{r['fichas']:,} fichas" for r in results["sizes"])]
    body = rows(results)
    lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    lines += ["| " + " | ".join(r) + " |" for r in body]
    return "\n".join(lines)


METHOD = """\
How each figure is measured (`benchmarks/run.py`, harness in `benchmarks/harness/`):

- **Ingest**: `fichas ingest CORPUS/fichas --data FRESH_DIR -q` timed from outside (wall clock),
  corpus from `make_corpus.py --fichas N --seed S` (mixed templates). *Per core* divides by the
  worker processes the CLI uses (`min(os.cpu_count(), 8)`); *cores busy* is the CPU time of the
  ingest and its pool (user + sys, from `getrusage(RUSAGE_CHILDREN)`) over wall time.
- **Dataset on disk**: sum of the file sizes in the dataset folder after that ingest.
- **First paint**: `fichas --data DS` spawned in a 120×40 pseudo-terminal (TERM=xterm-256color,
  size set with TIOCSWINSZ); its output is fed to the `pyte` terminal emulator and the screen is
  checked each time bytes arrive. Time from just before exec to the read of the bytes after which
  at least three program names of the dataset (first 12 characters, from `fichas.parquet`) are on
  screen. *Cold cache*: one run right after `echo 3 > /proc/sys/vm/drop_caches` (when allowed);
  *median* and *best* over the warm runs.
- **Filter keystroke**: in one session, after the first paint and the screen staying still, `/`
  then a 6-letter query typed one key at a time (5 queries, each the start of a word of a program
  name, preferring queries whose every key changes the match count). Per key: from writing the
  key to the pty to the read of the bytes after which the filter box shows the typed text, the
  status shows the number of programs that match according to the dataset (all typed words in the
  folded name/ministry/service, as the explorer matches) and a matching name is visible, counting
  only once at least 1 KB was written after the key (a redraw, not the echo or a cursor blink).
  The next key goes after 0.15 s of calm. p50/p95 by nearest rank. The two split rows separate
  the keys after which the detail header showed another program (the filter dropped the selected
  program, so the detail reloaded too) from those that kept it.
- **Program switch**: the list cursor moved down one program (↓) five times with each detail tab
  (1 Resumen, 2 Presupuesto, 3 Indicadores, 4 Regiones) showing: 20 switches. From the key to
  the last screen change before 0.25 s of calm, after the detail header shows another dataset
  program (so every repaint of the visible pane counts). *Header only*: key to the header change.
- **Peak RSS**: `VmHWM` from `/proc/PID/status` of the explorer at the end of that session,
  right before `q`.
- **VisiData**: the same programs table (one row per program from its latest ficha: name, ministry,
  service, years, latest executed budget) exported to CSV with DuckDB, `vd FILE` (VisiData in its
  own virtualenv, fresh HOME) under the same first-paint harness; the ratio is explorer median /
  VisiData median (below 1: the explorer paints first).
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
        "Targets are those of the issue for a 2-core machine (✓ met, ✗ missed).",
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
