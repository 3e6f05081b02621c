"""Time the cross-program queries (issue #10) in-process: `python across_probe.py DATA_DIR`.

Run by benchmarks/run.py with the app's interpreter; prints one JSON object. The queries are the
app's own (`fichas_tui.data.across`): every ranking measure and the region view for a few regions,
each several times on one open Store, like a user paging through rankings. When the module is
not there yet (an older app), prints {"available": false}.
"""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path

REGIONS = ("Coquimbo", "Metropolitana de Santiago", "Biobío", "Ñuble", "Magallanes")
REPEATS = 5


def main(folder: str) -> dict:
    try:
        from fichas_tui.data import across
        from fichas_tui.data.queries import Store
    except ImportError as exc:
        return {"available": False, "reason": str(exc)}
    store = Store.open(Path(folder))
    samples: dict[str, list[float]] = {}
    counts: dict[str, int] = {}
    try:
        calls = [(f"ranking {m}", across.measure_rows, m) for m in across.MEASURE_SQL]
        calls += [(f"region {r}", across.region_rows, r) for r in REGIONS]
        for _ in range(REPEATS):
            for label, fn, arg in calls:
                t0 = time.perf_counter()
                rows = fn(store, arg, across.Selection())
                samples.setdefault(label, []).append(1000 * (time.perf_counter() - t0))
                counts[label] = len(rows)
    finally:
        store.close()
    return {"available": True, "samples_ms": samples, "rows": counts}


if __name__ == "__main__":
    print(json.dumps(main(sys.argv[1])))
