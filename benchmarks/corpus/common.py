"""Shared pieces of the synthetic corpus: catalog, slugs, number formats, programs, truth rows."""

from __future__ import annotations

import csv
import random
import re
import unicodedata
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from . import vocab

MISSING_STARS = {"S/I": "*", "N/A": "**", "N/C": "***"}


def slug(name: str) -> str:
    """program_id: lowercase, accents stripped, non-alphanumeric runs -> `-`, trimmed."""
    text = unicodedata.normalize("NFKD", " ".join(name.split()))
    text = "".join(c for c in text if not unicodedata.combining(c)).lower()
    return re.sub(r"[^0-9a-z]+", "-", text).strip("-")


def collapse(text: str) -> str:
    return " ".join(text.split())


# ---------------------------------------------------------------- numbers, Chilean style


def fmt_int(value: int) -> str:
    """1983253 -> `1.983.253`."""
    return f"{value:,}".replace(",", ".")


def fmt_dec(value: float, decimals: int) -> str:
    """1198.6 -> `1.198,6` (thousands with dots, decimal comma)."""
    text = f"{value:,.{decimals}f}"
    return text.replace(",", "\0").replace(".", ",").replace("\0", ".")


def num(value: float, decimals: int = 0, pct: bool = False) -> tuple[str, float]:
    """A value as written in a ficha and the value a parser reads back from it."""
    rounded = round(value, decimals) if decimals else round(value)
    text = fmt_dec(rounded, decimals) if decimals else fmt_int(int(rounded))
    read = float(f"{rounded:.{decimals}f}")
    return (text + "%" if pct else text), read


@dataclass
class Cell:
    """One value cell: its text, the value a parser must read, and the missing code."""

    text: str
    value: float | None
    status: str | None = None


def present(value: float, decimals: int = 0, pct: bool = False) -> Cell:
    text, read = num(value, decimals, pct)
    return Cell(text, read, None)


def missing(code: str, stars: bool = False) -> Cell:
    """A missing cell: `N/C`, `S/I`, `N/A`, `-`, or `` (status `vacío`)."""
    if code == "":
        return Cell("", None, "vacío")
    text = code + (MISSING_STARS.get(code, "") if stars else "")
    return Cell(text, None, code)


def scaled(cell: Cell, factor: float) -> float | None:
    return None if cell.value is None else round(cell.value * factor, 6)


# ---------------------------------------------------------------- catalog and programs


@dataclass(frozen=True)
class CatalogEntry:
    name: str
    ministry: str
    service: str


def default_catalog() -> Path:
    return Path(__file__).resolve().parents[3] / "shared" / "catalog" / "bips-2025-programs.csv"


def load_catalog(path: Path) -> list[CatalogEntry]:
    with path.open(encoding="utf-8", newline="") as fh:
        rows = [
            CatalogEntry(r["program_name"], r["ministry"], r["service"]) for r in csv.DictReader(fh)
        ]
    if not rows:
        raise SystemExit(f"catalog {path} has no programs")
    return rows


def program_names(catalog: list[CatalogEntry], count: int) -> list[CatalogEntry]:
    """`count` programs with distinct slugs; past the catalog's size names get a suffix."""
    out: list[CatalogEntry] = []
    seen: set[str] = set()
    i = 0
    while len(out) < count:
        base = catalog[i % len(catalog)]
        round_ = i // len(catalog)
        name = base.name
        if round_:
            other = catalog[(i * 7 + round_) % len(catalog)].name.split(" ")[0]
            name = f"{base.name} - {vocab.SUFFIXES[round_ % len(vocab.SUFFIXES)]} {other} {round_}"
        if slug(name) not in seen:
            seen.add(slug(name))
            out.append(CatalogEntry(name, base.ministry, base.service))
        i += 1
    return out


@dataclass
class Component:
    name: str
    unit: str
    category: str
    scale: float  # typical unit cost in M$


@dataclass
class Indicator:
    name: str
    numerator: str
    denominator: str
    level: str
    base: float  # typical value in %

    def formula(self) -> str:
        """The formula as a parser renders it (LaTeX turned to text)."""
        return f"(N° de {self.numerator} en el año t / N° de {self.denominator} en el año t) * 100"

    def formula_2019(self) -> str:
        """The 2019 template writes it in plain text (with `º` and `\\*100`)."""
        return f"(Nº de {self.numerator} en el año t/ Nº de {self.denominator} en el año t)*100"

    def latex(self, rng: random.Random) -> str:
        num_, den = self.numerator.replace("%", "\\%"), self.denominator.replace("%", "\\%")
        if rng.random() < 0.5:
            return (
                f"$(\\text{{N}}^\\circ \\text{{ de {num_} en el año t}} / "
                f"\\text{{N}}^\\circ \\text{{ de {den} en el año t}}) * 100$"
            )
        return (
            f"$(N^{{\\circ}} \\text{{ de {num_} en el año }} t / "
            f"N^{{\\circ}} \\text{{ de {den} en el año }} t) * 100$"
        )


@dataclass
class Program:
    index: int
    name: str
    ministry: str
    service: str
    start_year: int
    size: float  # executed budget in M$ of a typical year
    components: list[Component]
    purpose_indicators: list[Indicator]
    complementary: list[Indicator]
    component_indicators: list[Indicator]
    regions: list[str]  # canonical names
    description: str
    purpose: str
    executor: str
    population: str


def make_program(seed: int, index: int, entry: CatalogEntry) -> Program:
    rng = random.Random(f"{seed}:program:{index}")
    subject = rng.choice(vocab.SUBJECTS)
    ncomp = rng.choice((1, 2, 2, 3, 3, 3, 4, 5))
    comps = []
    for name, unit in rng.sample(vocab.COMPONENTS, ncomp):
        comps.append(
            Component(
                f"{name} {subject['short']}".strip(),
                unit.format(who=subject["who"]),
                rng.choice(vocab.CATEGORIES),
                rng.choice((0.3, 1.5, 12.0, 180.0, 2500.0)) * rng.uniform(0.5, 2.0),
            )
        )

    pool = rng.sample(vocab.INDICATORS, len(vocab.INDICATORS))

    def indicators(level: str, count: int) -> list[Indicator]:
        out = []
        chosen = [pool.pop() for _ in range(min(count, len(pool)))]
        for k, (title, numer, denom) in enumerate(chosen):
            who = subject["who"]
            name = f"Porcentaje de {title.format(who=who)}"
            if k and rng.random() < 0.3:
                name += " en el año t"
            out.append(
                Indicator(
                    name,
                    numer.format(who=who),
                    denom.format(who=who),
                    level,
                    rng.uniform(20, 99),
                )
            )
        return out

    regions = list(vocab.CANONICAL_REGIONS)
    if rng.random() < 0.45:
        regions = sorted(rng.sample(regions, rng.randint(1, 15)), key=vocab.CANONICAL_REGIONS.index)
    purpose = rng.choice(vocab.PURPOSES).format(who=subject["who"], what=subject["what"])
    desc = " ".join(s.format(who=subject["who"], what=subject["what"]) for s in vocab.DESCRIPTION)
    return Program(
        index=index,
        name=entry.name,
        ministry=entry.ministry,
        service=entry.service,
        start_year=rng.randint(1990, 2014),
        size=10 ** rng.uniform(4.3, 8.3),
        components=comps,
        purpose_indicators=indicators("proposito", rng.choice((1, 1, 2, 2, 3))),
        complementary=indicators("complementario", rng.choice((0, 1, 2, 3, 4))),
        component_indicators=indicators("componente", rng.choice((1, 2, 3, 4))),
        regions=regions,
        description=desc,
        purpose=purpose[0].upper() + purpose[1:],
        executor=rng.choice(vocab.EXECUTORS),
        population=subject["who"],
    )


def region_spelling(rng: random.Random, canonical: str) -> str:
    return rng.choice(vocab.REGION_SPELLINGS[canonical])


# ---------------------------------------------------------------- truth rows


@dataclass
class Truth:
    """Rows a correct parser must produce for one ficha (ficha_id filled in after hashing)."""

    facts: dict = field(default_factory=dict)
    rows: dict[str, list[dict]] = field(default_factory=lambda: defaultdict(list))
    anomalies: list[tuple[str, str]] = field(default_factory=list)

    def add(self, table: str, **values) -> None:
        self.rows[table].append(values)

    def cell(self, table: str, cell: Cell, value_col: str, status_col: str, factor=1.0, **kw):
        kw[value_col] = scaled(cell, factor)
        kw[status_col] = cell.status
        self.rows[table].append(kw)


def drift(rng: random.Random, value: float, spread: float = 0.15) -> float:
    return value * rng.uniform(1 - spread, 1 + spread)


def split_total(rng: random.Random, total: int, parts: int) -> list[int]:
    """`parts` positive integers summing exactly to `total`."""
    weights = [rng.uniform(0.3, 1.0) for _ in range(parts)]
    s = sum(weights)
    out = [int(total * w / s) for w in weights]
    out[0] += total - sum(out)
    return out


def pct_cells(values: list[int], total: int, decimals: int) -> list[Cell]:
    return [present(100.0 * v / total if total else 0.0, decimals, pct=True) for v in values]
