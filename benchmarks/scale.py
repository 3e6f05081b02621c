"""Scale margin: the explorer on a programs-only dataset of N programs (default 200,000).

    python benchmarks/scale.py make DIR [--programs N]   # write the dataset
    python benchmarks/scale.py run DIR [--repeat R]      # first paint and filter latency

The dataset has one ficha per program and no detail tables (absent tables read as empty): only
the program list is exercised, which is what grows with the number of programs. Names are drawn
from a vocabulary of words so that a typed query narrows like it would on real names.

`run` starts `fichas --data DIR` in a 120x40 pty (benchmarks/harness/pty_screen.py) R times and
reports the time to the first frame that shows the list's count, then types a query one key at
a time and reports each keystroke's latency until the count line shows the new number (p50/p95).
Targets (issue 13, item 9): first paint < 2 s and filter p95 < 100 ms at 200,000 programs.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

WORDS = [
    "apoyo",
    "programa",
    "fondo",
    "subsidio",
    "red",
    "chile",
    "crece",
    "contigo",
    "becas",
    "salud",
    "mental",
    "escolar",
    "residencia",
    "familiar",
    "adolescentes",
    "empleo",
    "joven",
    "vivienda",
    "rural",
    "urbano",
    "indígena",
    "mujer",
    "capacitación",
    "fomento",
    "productivo",
    "cultura",
    "deporte",
    "seguridad",
    "alimentaria",
    "agua",
    "potable",
    "riego",
    "innovación",
    "emprendimiento",
    "discapacidad",
    "adulto",
    "mayor",
    "infancia",
    "protección",
    "transporte",
    "conectividad",
]
MINISTRIES = [f"Ministerio de {w.capitalize()}" for w in WORDS[:24]]
QUERY = "residencia familiar"


def make(folder: Path, n: int, seed: int = 13) -> None:
    import pyarrow as pa

    from fichas_tui.data.dataset import write_dataset
    from fichas_tui.data.schema import TABLES
    from fichas_tui.text import fold

    rng = random.Random(seed)
    fichas = []
    budget = []
    for i in range(n):
        words = rng.sample(WORDS, rng.randint(3, 6))
        name = " ".join(words).capitalize() + f" {i}"
        ministry = rng.choice(MINISTRIES)
        service = f"Servicio {rng.choice(WORDS)} {i % 97}"
        fid = f"{i:016x}"
        year = rng.choice((2019, 2021, 2022, 2023))
        fichas.append(
            {
                "ficha_id": fid,
                "program_id": f"p{i}",
                "program_name": name,
                "ministry": ministry,
                "service": service,
                "evaluated_year": year,
                "price_year": year + 1,
                "layout": "2023",
                "name_source": "texto",
                "search_key": fold(f"{name} {ministry} {service}"),
                "regions": [],
            }
        )
        budget.append(
            {
                "ficha_id": fid,
                "year": year,
                "concept": "ejecutado",
                "amount_kclp": float(rng.randint(10_000, 90_000_000)),
                "price_year": year + 1,
            }
        )
    tables = {
        "fichas": pa.Table.from_pylist(fichas, schema=TABLES["fichas"]),
        "budget": pa.Table.from_pylist(budget, schema=TABLES["budget"]),
    }
    write_dataset(folder, tables)


def run(folder: Path, repeat: int) -> dict:
    from benchmarks.harness.pty_screen import PtyScreen

    count = re.compile(r"(\d[\d.]*) de (\d[\d.]*) programas")
    paints, keys = [], []
    for _ in range(repeat):
        screen = PtyScreen([sys.executable, "-m", "fichas_tui", "--data", str(folder)])
        try:
            waited = screen.wait_until(lambda rows: any(count.search(r) for r in rows), 60)
            paints.append((waited.at or float("nan")) - screen.started)
            screen.write("/")
            screen.settle(0.5, 5)
            for typed in range(1, len(QUERY) + 1):
                shown = QUERY[:typed]
                sent = screen.write(QUERY[typed - 1])
                # answered when the typed text and the new count both show
                result = screen.wait_until(
                    lambda rows, shown=shown: (
                        any(shown in r for r in rows) and any(count.search(r) for r in rows)
                    ),
                    10,
                    min_bytes=1,
                )
                keys.append((result.at or float("nan")) - sent)
                screen.settle(0.15, 5)
        finally:
            screen.close(quit_keys=b"\x1bq")
    keys.sort()
    return {
        "first_paint_s": sorted(paints),
        "filter_ms_p50": round(keys[len(keys) // 2] * 1000, 1),
        "filter_ms_p95": round(keys[int(len(keys) * 0.95)] * 1000, 1),
        "filter_ms_max": round(keys[-1] * 1000, 1),
        "keystrokes": len(keys),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    sub = parser.add_subparsers(dest="command", required=True)
    m = sub.add_parser("make")
    m.add_argument("folder", type=Path)
    m.add_argument("--programs", type=int, default=200_000)
    r = sub.add_parser("run")
    r.add_argument("folder", type=Path)
    r.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    if args.command == "make":
        start = time.perf_counter()
        make(args.folder, args.programs)
        print(f"{args.programs} programs in {time.perf_counter() - start:.1f} s")
    else:
        print(json.dumps(run(args.folder, args.repeat), indent=2))


if __name__ == "__main__":
    main()
