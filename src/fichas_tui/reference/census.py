"""Chile's population by region (INE, Censo 2024), keyed by the project's canonical names."""

from __future__ import annotations

import csv
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from ..geography import CANONICAL_REGIONS
from ..text import fold
from . import FOLDER

CENSUS_FILE = FOLDER / "poblacion-regiones-censo-2024.csv"
CENSUS_YEAR = 2024
ATTRIBUTION = "INE, Censo de Población y Vivienda 2024"
LICENCE = "CC BY 4.0"
# Words that differ between the INE's names and ours without naming another region
# ("Magallanes y de la Antártica Chilena").
_LINKS = frozenset({"y", "de", "la", "del", "el"})


@dataclass(frozen=True)
class Census:
    """Population counted in `year`, by canonical region name (north to south)."""

    year: int
    population: dict[str, int]
    source: str = ATTRIBUTION
    licence: str = LICENCE

    @property
    def total(self) -> int:
        return sum(self.population.values())

    def of(self, region: str) -> int | None:
        """A canonical region's population; None for Nivel central or an unknown name."""
        return self.population.get(region)

    def share_pct(self, region: str) -> float | None:
        """The region's % of the country's population."""
        people = self.of(region)
        return None if people is None else people / self.total * 100


def match_region(name: str) -> str:
    """The canonical region an INE name is: the same name folded, else the one region whose
    words (but links like `de la`) it has all of. ValueError when none or several fit."""
    key = fold(name)
    exact = [r for r in CANONICAL_REGIONS if fold(r) == key]
    if exact:
        return exact[0]
    words = set(key.split()) - _LINKS
    fits = [r for r in CANONICAL_REGIONS if set(fold(r).split()) - _LINKS == words]
    if len(fits) != 1:
        raise ValueError(f"region of the census not matched: {name!r}")
    return fits[0]


def read_census(path: Path = CENSUS_FILE, year: int = CENSUS_YEAR) -> Census:
    """The census file's regions matched to ours; ValueError if one is missing or repeated."""
    population: dict[str, int] = {}
    with path.open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            region = match_region(row["region"])
            if region in population:
                raise ValueError(f"region repeated in the census: {row['region']!r}")
            population[region] = int(row["poblacion_censada"])
    missing = [r for r in CANONICAL_REGIONS if r not in population]
    if missing:
        raise ValueError(f"regions missing from the census: {', '.join(missing)}")
    ordered = {r: population[r] for r in CANONICAL_REGIONS}
    return Census(year, ordered)


@lru_cache(maxsize=1)
def census() -> Census:
    """The shipped 2024 census (read once)."""
    return read_census()
