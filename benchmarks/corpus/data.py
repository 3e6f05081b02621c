"""Year-level figures of one ficha, internally consistent (totals are sums, unit cost = ratio)."""

from __future__ import annotations

import random
from dataclasses import dataclass

from .common import Cell, Program, drift, missing, present, split_total
from .vocab import SUBTITLES


@dataclass
class CompYear:
    spending: Cell
    production: Cell
    unit_cost: Cell


@dataclass
class Components:
    years: list[int]
    rows: list[dict[int, CompYear]]  # one per program component
    comp_total: dict[int, Cell]
    admin: dict[int, Cell]
    total: dict[int, Cell]
    raw_comp_total: dict[int, int]  # spending of the components as integers (0 if missing)
    raw_total: dict[int, int]
    anomalies: list[tuple[str, str]]


def year_amount(rng: random.Random, prog: Program, year: int, evaluated: int) -> float:
    """Executed spending of the program in a year (M$), trending over time."""
    return drift(rng, prog.size * (1.04 ** (year - evaluated)), 0.2)


def components(
    rng: random.Random,
    prog: Program,
    years: list[int],
    evaluated: int,
    uc_decimals: int = 1,
    zero_production: bool = False,
) -> Components:
    """Spending, production and unit cost per component and year, with totals.

    The first year(s) may be N/C for every cell (data not comparable), and a component may
    start after the first year (N/C before it), as in the real fichas.
    """
    missing_years = set()
    if rng.random() < 0.25:
        missing_years = set(years[: rng.choice((1, 1, 2))])
    starts = [years[0] if rng.random() < 0.85 else rng.choice(years) for _ in prog.components]
    starts[0] = years[0]
    rows: list[dict[int, CompYear]] = [{} for _ in prog.components]
    comp_total, admin, total, raw_comp, raw_total = {}, {}, {}, {}, {}
    anomalies: list[tuple[str, str]] = []
    for y in years:
        if y in missing_years:
            for row in rows:
                row[y] = CompYear(missing("N/C"), missing("N/C"), missing("N/C"))
            for d in (comp_total, admin, total):
                d[y] = missing("N/C")
            raw_comp[y] = raw_total[y] = 0
            continue
        amount = year_amount(rng, prog, y, evaluated)
        admin_share = rng.uniform(0.03, 0.25)
        active = [i for i, s in enumerate(starts) if s <= y]
        parts = split_total(
            rng, max(int(amount * (1 - admin_share)), 10 * len(active)), len(active)
        )
        for i, comp in enumerate(prog.components):
            if i not in active:
                rows[i][y] = CompYear(missing("N/C"), missing("N/C"), missing("N/C"))
                continue
            spend = parts[active.index(i)]
            prod = max(1, round(spend / drift(rng, comp.scale, 0.3)))
            if zero_production and i and rng.random() < 0.01:
                # Like 000: spending but production 0, and the unit cost written as 0.
                rows[i][y] = CompYear(present(spend), present(0), present(0))
                anomalies.append(("componentes", f"{comp.name} {y}: gasto con producción 0"))
                continue
            rows[i][y] = CompYear(present(spend), present(prod), present(spend / prod, uc_decimals))
        comp_sum = sum(parts)
        adm = int(amount * admin_share)
        raw_comp[y], raw_total[y] = comp_sum, comp_sum + adm
        comp_total[y], admin[y], total[y] = present(comp_sum), present(adm), present(comp_sum + adm)
    return Components(years, rows, comp_total, admin, total, raw_comp, raw_total, anomalies)


def subtitles(rng: random.Random, total: int) -> list[tuple[int, str, int]]:
    """Executed spending by subtitle summing exactly to `total`."""
    chosen = [SUBTITLES[0], SUBTITLES[1], *rng.sample(SUBTITLES[2:], rng.randint(1, 3))]
    chosen.sort()
    amounts = split_total(rng, total, len(chosen))
    return [(code, name, amount) for (code, name), amount in zip(chosen, amounts, strict=False)]


def regional(
    rng: random.Random, regions: list[str], total: int, nivel_central: bool
) -> list[tuple[str, int]]:
    """Spending of the components split over regions (and maybe Nivel central)."""
    names = list(regions)
    if nivel_central:
        names.append("Nivel central")
    amounts = split_total(rng, total, len(names))
    return list(zip(names, amounts, strict=False))
