"""Latency of the cross-program views (issue #10), in-process, on one dataset.

    .venv/bin/python benchmarks/across.py DATA_DIR [--repeats 20] [--json OUT]

Each sample is what a command or screen does for one answer: the DuckDB query over the dataset
(Store open once, like the explorer) plus building the ordered view (views/across.py,
views/region.py, views/compare.py). Kinds: every ranking measure (each program's latest ficha),
rankings filtered by region, by ministry and by evaluated year, the region view for five
regions, compare (two programs; one program in two years), and the list's facets (data/facets.py;
`--only facet` runs these alone). Samples are interleaved (one of
each kind per round), so a busy moment of a shared machine spreads over all kinds; p50 and p95
by nearest rank. Wall time and CPU time (process_time: every thread of the process, so the work
itself, less sensitive to other processes on a shared machine) are both reported, with the
1-minute load average before and after.
"""

from __future__ import annotations

import argparse
import json
import math
import os
import sys
import time
from pathlib import Path

REGIONS = (
    "Coquimbo",
    "Metropolitana de Santiago",
    "Biobío",
    "Ñuble",
    "Magallanes y Antártica Chilena",
)


def nearest_rank(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[max(0, math.ceil(q * len(ordered)) - 1)]


def calls(store):
    """(label, function) for every kind of query measured."""
    from fichas_tui.data.across import (
        MEASURE_SQL,
        Selection,
        measure_rows,
        region_rows,
    )
    from fichas_tui.data.compare import compared_fichas
    from fichas_tui.views.across import ranking_view
    from fichas_tui.views.compare import compare_view
    from fichas_tui.views.region_programs import region_view

    facets = store.facets()
    ministry = facets.ministries[len(facets.ministries) // 2]
    year = facets.years[len(facets.years) // 2]
    programs = store.programs()
    many = [p for p in programs if len(p.years) > 1]
    two_years = many[len(many) // 2] if many else programs[0]
    out = [
        ("query only: ranking gasto", lambda: measure_rows(store, "gasto", Selection())),
        ("query only: region Coquimbo", lambda: region_rows(store, "Coquimbo", Selection())),
    ]
    for measure in MEASURE_SQL:
        out.append(
            (
                f"ranking {measure}",
                lambda m=measure: ranking_view(measure_rows(store, m, Selection()), m),
            )
        )
    out.append(
        (
            "ranking gasto, region Coquimbo",
            lambda: ranking_view(
                measure_rows(store, "gasto", Selection(region="Coquimbo")), "gasto"
            ),
        )
    )
    out.append(
        (
            "ranking gasto, one ministry",
            lambda: ranking_view(
                measure_rows(store, "gasto", Selection(ministries=(ministry,))), "gasto"
            ),
        )
    )
    out.append(
        (
            f"ranking indicador, year {year}",
            lambda: ranking_view(
                measure_rows(store, "indicador", Selection(year=year)), "indicador"
            ),
        )
    )
    for region in REGIONS:
        out.append(
            (
                f"region {region}",
                lambda r=region: region_view(region_rows(store, r, Selection()), r),
            )
        )

    def compare(pid_a, year_a, pid_b, year_b):
        # what the Compare screen and `fichas compare` do: both fichas read together
        return compare_view(*compared_fichas(store, [(pid_a, year_a), (pid_b, year_b)]))

    a, b = programs[len(programs) // 3], programs[2 * len(programs) // 3]
    out.append(("compare two programs", lambda: compare(a.program_id, None, b.program_id, None)))
    out.append(
        (
            "compare one program, two years",
            lambda: compare(
                two_years.program_id, two_years.years[0], two_years.program_id, two_years.years[-1]
            ),
        )
    )
    from fichas_tui.data.facets import FacetQuery, program_ids

    # numeric filters (issue 24 section 5): a percentage, and an amount in the converted basis
    from fichas_tui.views.measure_filter import parse_filter
    from fichas_tui.views.pesos import default_across

    pesos = default_across(store.deflators())
    under = parse_filter("ejecución respecto del inicial < 85", pesos).condition(pesos)
    per_head = parse_filter("gasto por beneficiario > 1.000", pesos).condition(pesos)
    out.append(
        (
            "ranking gasto, filter ejecucion < 85",
            lambda: ranking_view(
                measure_rows(store, "gasto", Selection(conditions=(under,))), "gasto", pesos=pesos
            ),
        )
    )
    out.append(
        (
            "ranking, 2 filters + ministry + verdict",
            lambda: ranking_view(
                measure_rows(
                    store,
                    "ejecucion-inicial",
                    Selection(ministries=(ministry,), verdict="subejecución",
                              conditions=(under, per_head)),
                ),
                "ejecucion-inicial",
                pesos=pesos,
            ),
        )
    )  # fmt: skip
    out.append(
        (
            "region Coquimbo, filter gasto/benef.",
            lambda: region_view(
                region_rows(store, "Coquimbo", Selection(conditions=(per_head,))),
                "Coquimbo",
                pesos=pesos,
            ),
        )
    )
    # totals (issue 26 section 1) and the regions summary, in the default basis
    from fichas_tui.data.totals import region_totals, selected_years, totals_inputs
    from fichas_tui.views.regions_summary import regions_view
    from fichas_tui.views.totals import totals_view

    for by in ("ministerio", "servicio", "region", "hallazgo"):
        out.append(
            (
                f"totales por {by}",
                lambda b=by: totals_view(b, *totals_inputs(store, b, Selection()), pesos=pesos),
            )
        )
    out.append(
        (
            "totales por hallazgo, filtered",
            lambda: totals_view(
                "hallazgo",
                *totals_inputs(store, "hallazgo", Selection(conditions=(under,))),
                pesos=pesos,
            ),
        )
    )
    out.append(
        (
            "regiones summary",
            lambda: regions_view(
                region_totals(store, Selection()),
                pesos=pesos,
                years=selected_years(store, Selection()),
            ),
        )
    )
    for label, query in (
        ("facet measure ejecucion < 85", FacetQuery(conditions=(under,))),
        (
            "facet measure + verdict + text",
            FacetQuery(
                verdict="subejecución", findings="subejecución", conditions=(under, per_head)
            ),
        ),
        ("facet region Coquimbo", FacetQuery(region="Coquimbo")),
        ("facet executor Municipio", FacetQuery(executor="Municipio")),
        ("facet with warnings", FacetQuery(with_warnings=True)),
        ("facet findings subejecución", FacetQuery(findings="subejecución")),
        ("facet findings programa (common)", FacetQuery(findings="programa")),
        (f"facet all, year {year}", FacetQuery(year, "Coquimbo", "Municipio", True, "gasto")),
    ):
        out.append((label, lambda q=query: program_ids(store, q)))
    return out  # fmt: skip


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("data_dir", type=Path)
    parser.add_argument("--repeats", type=int, default=20)
    parser.add_argument("--json", type=Path, default=None, help="write the samples here")
    parser.add_argument("--only", default="", help="only the kinds whose label starts so")
    args = parser.parse_args()

    from fichas_tui.data.queries import Store

    load_before = os.getloadavg()[0]
    samples: dict[str, list[float]] = {}
    cpu: dict[str, list[float]] = {}
    with Store.open(args.data_dir) as store:
        kinds = [(label, fn) for label, fn in calls(store) if label.startswith(args.only)]
        for _label, fn in kinds:  # warm-up: file footers, object cache, imports
            fn()
        for _ in range(args.repeats):
            for label, fn in kinds:
                t0, c0 = time.perf_counter(), time.process_time()
                fn()
                samples.setdefault(label, []).append(1000 * (time.perf_counter() - t0))
                cpu.setdefault(label, []).append(1000 * (time.process_time() - c0))
        n_fichas = store.query("SELECT count(*) FROM fichas", [])[0][0]
    load_after = os.getloadavg()[0]
    print(f"{n_fichas} fichas, {args.repeats} rounds, load {load_before:.2f} -> {load_after:.2f}")
    print(f"{'query':<40}{'p50 ms':>8}{'p95 ms':>8}{'max ms':>8}{'cpu p50':>9}{'cpu p95':>9}")
    for label, values in samples.items():
        print(
            f"{label:<40}{nearest_rank(values, 0.5):>8.1f}{nearest_rank(values, 0.95):>8.1f}"
            f"{max(values):>8.1f}{nearest_rank(cpu[label], 0.5):>9.1f}"
            f"{nearest_rank(cpu[label], 0.95):>9.1f}"
        )
    worst = max(nearest_rank(v, 0.95) for v in samples.values())
    print(f"worst p95: {worst:.1f} ms")
    if args.json:
        args.json.write_text(
            json.dumps(
                {
                    "fichas": n_fichas,
                    "load": [load_before, load_after],
                    "samples_ms": samples,
                    "cpu_ms": cpu,
                },
                indent=1,
            )
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
