"""A small dataset for the views across programs, every figure chosen to check one rule by hand.

Written into a temporary folder by the tests (tests/test_across*.py); run
`python -m tests.data.make_across DIR` to look at it with `fichas --data DIR`.

The programs, their latest ficha and what each one is there for:
- Alfa (MINA, 2022 and 2023, M$ 2023 / M$ 2024): full figures; two years to compare.
- Beta (MINA, 2023): gasto 1.800 (ranks first); its Coquimbo spending is `-`; coverage S/I;
  indicator efectivo N/C; states its administrative share (5,0 %) instead of an amount.
- Gamma (MINB, 2023): executed N/C (last, never 0); lists Coquimbo without a breakdown;
  indicator lower-is-better (meta 20 / efectivo 30).
- Delta (MINB, 2021, M$ 2022, layout 2021, a warning): amounts in other pesos, listed after
  the M$ 2024 ones; its regional % is not given (computed 1.000 / 5.000 = 20 %).
- Alfa's 2023 ficha prints inflators into M$ 2024 (2022: 1,10; 2023: 1,05): with --pesos 2024
  Delta's 5.000 M$ 2022 is 5.500 and ranks first; Alfa's 2022 ficha (M$ 2023) becomes x1,05.
- Épsilon (MINA, 2023): gasto 900 like Alfa (tie, ordered by name: Alfa, Épsilon);
  execution 90 % like Alfa and Beta (three-way tie).
"""

from __future__ import annotations

import sys
from pathlib import Path

from tests.data.rows import budget, empty, ficha, indicator, region, split, tables
from tests.data.rows import write as write_rows

MINA = "Ministerio de Alfabeto"
MINB = "Ministerio de Betas y Gamas"

# ficha_id, program_id, name, ministry, service, evaluated year, price year, layout, regions
FICHAS = [
    ("alfa22", "alfa", "Alfa", MINA, "Servicio Uno", 2022, 2023, "2023", ["Coquimbo"]),
    ("alfa23", "alfa", "Alfa", MINA, "Servicio Uno", 2023, 2024, "2023", ["Coquimbo", "Biobío"]),
    (
        "beta23",
        "beta",
        "Beta",
        MINA,
        "Servicio Dos",
        2023,
        2024,
        "2023",
        ["Coquimbo", "Valparaíso"],
    ),
    ("gamma23", "gamma", "Gamma", MINB, "Servicio Tres", 2023, 2024, "2023", ["Coquimbo", "Maule"]),
    ("delta21", "delta", "Delta", MINB, "Servicio Tres", 2021, 2022, "2021", ["Coquimbo", "Ñuble"]),
    ("eps23", "epsilon", "Épsilon", MINA, "Servicio Uno", 2023, 2024, "2023", ["Biobío"]),
]

# ficha -> {year: {concept: amount or missing code}}
BUDGET = {
    "alfa22": {2022: {"inicial": 800, "final": 800, "ejecutado": 800, "administrativo": 40}},
    "alfa23": {
        2022: {"inicial": 800, "final": 800, "ejecutado": 800},
        2023: {"inicial": 1000, "final": 1200, "ejecutado": 900, "administrativo": 90},
    },
    "beta23": {2023: {"inicial": 2000, "final": 2000, "ejecutado": 1800}},
    "gamma23": {2023: {"inicial": 500, "final": 500, "ejecutado": "N/C"}},
    "delta21": {2021: {"inicial": 4000, "final": 5000, "ejecutado": 5000, "administrativo": 250}},
    "eps23": {2023: {"inicial": 1000, "final": 1000, "ejecutado": 900}},
}

# Ratios the ficha states itself (they win over the ones computed from the budget).
RATIOS = {"beta23": {2023: {"gasto_administrativo": 5.0}}}

COVERAGE = {  # objetivo basis
    "alfa22": {2022: 70.0},
    "alfa23": {2023: 80.0},
    "beta23": {2023: "S/I"},
    "gamma23": {2023: 95.5},
    "delta21": {2021: 80.0},
}

SPENDING_PER_BENEFICIARY = {"alfa23": {2023: 15.0}, "delta21": {2021: 20.0}}

# ficha -> (indicator, direction, {year: (efectivo, meta)}); the first propósito indicator
INDICATORS = {
    "alfa22": ("Tasa alfa", None, {2022: (40.0, 50.0)}),
    "alfa23": ("Tasa alfa", "Ascendente", {2023: (45.0, 50.0)}),
    "beta23": ("Tasa beta", None, {2023: ("N/C", 60.0)}),
    "gamma23": ("Tiempo de espera", "Descendente", {2023: (30.0, 20.0)}),
    "delta21": ("Tasa delta", None, {2021: (70.0, None)}),  # no meta row at all
}

# ficha -> [(region, spending, spending_pct, beneficiaries)]
REGIONS = {
    "alfa22": [("Coquimbo", 800, 100.0, 40)],
    "alfa23": [("Coquimbo", 300, 33.3, 30), ("Biobío", 600, 66.7, 60)],
    "beta23": [("Coquimbo", "-", "-", 10), ("Valparaíso", 1800, 100.0, 90)],
    "delta21": [("Coquimbo", 1000, None, 50), ("Nivel central", 4000, None, None)],
    "eps23": [("Biobío", 900, 100.0, "S/I")],
}

# Alfa's 2023 ficha prints the factors into its M$ 2024: the only series (target 2024).
INFLATORS = {"alfa23": {2022: 1.10, 2023: 1.05, 2024: 1.0}}

WARNINGS = {"delta21": [("regions", "Porcentajes regionales no informados")]}


def build() -> dict:
    rows = empty()
    price = {}
    for fid, pid, name, ministry, service, year, price_year, layout, regions in FICHAS:
        price[fid] = price_year
        rows["fichas"].append(
            ficha(
                fid, pid, name, ministry, service, year, price_year, regions=regions, layout=layout
            )
        )
    for fid, years in BUDGET.items():
        for year, concepts in years.items():
            for concept, cell in concepts.items():
                rows["budget"].append(budget(fid, year, concept, cell, price[fid]))
    for fid, years in RATIOS.items():
        for year, ratios in years.items():
            for ratio, value in ratios.items():
                rows["ratios"].append(dict(ficha_id=fid, year=year, ratio=ratio, value_pct=value))
    for fid, years in COVERAGE.items():
        for year, cell in years.items():
            value, status = split(cell)
            rows["coverage"].append(
                dict(
                    ficha_id=fid,
                    year=year,
                    basis="objetivo",
                    coverage_pct=value,
                    coverage_status=status,
                )
            )
    for fid, years in SPENDING_PER_BENEFICIARY.items():
        for year, value in years.items():
            rows["spending_per_beneficiary"].append(
                dict(ficha_id=fid, year=year, amount_kclp=value, price_year=price[fid])
            )
    for fid, (name, direction, years) in INDICATORS.items():
        for year, (eff, meta) in years.items():
            for kind, cell in (("efectivo", eff), ("meta", meta)):
                if cell is not None:
                    row = indicator(fid, "proposito", name, year, kind, cell, 0, unit="%")
                    rows["indicators"].append(dict(row, direction=direction))
        # A second propósito indicator that must never be the one ranked.
        rows["indicators"].append(
            indicator(fid, "proposito", "Otro indicador", 2023, "efectivo", 1.0, 1)
        )
    evaluated = {f[0]: f[5] for f in FICHAS}
    for fid, regions in REGIONS.items():
        for name, spending, pct, beneficiaries in regions:
            rows["regions"].append(
                region(fid, name, spending, pct, beneficiaries, price[fid], evaluated[fid])
            )
    for fid, factors in INFLATORS.items():
        for year, factor in factors.items():
            rows["inflators"].append(dict(ficha_id=fid, year=year, factor=factor))
    for fid, warnings in WARNINGS.items():
        for section, message in warnings:
            rows["warnings"].append(dict(ficha_id=fid, section=section, message=message))
    return tables(rows)


def write(out: Path) -> Path:
    return write_rows(out, build())


if __name__ == "__main__":
    print(write(Path(sys.argv[1])), file=sys.stderr)
