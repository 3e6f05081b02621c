"""Spending per inhabitant and population shares by region, from the shipped 2024 census."""

from __future__ import annotations

from dataclasses import replace

from ..data.origin import computed
from ..reference.census import Census, census
from .model import AMOUNT, PERCENT, Basis, Cell, Column

PER_INHABITANT_TITLE = "$/hab."
POPULATION_SHARE_TITLE = "% pobl."


def per_inhabitant_basis(basis: Basis | None) -> Basis:
    """Pesos (not thousands) of the same year as the amount: '$ 2024', '$ nominales'."""
    basis = basis or Basis()
    return Basis(unit="$", price_year=basis.price_year, converted=basis.converted)


def per_inhabitant(amount: Cell, region: str, people: Census | None = None) -> Cell:
    """An amount in M$ spent in `region` as pesos per inhabitant of it (see per_person);
    a region without a population (Nivel central) gives '-'."""
    return per_person(amount, (people or census()).of(region))


def per_country_inhabitant(amount: Cell, people: Census | None = None) -> Cell:
    """An amount over the whole country's population."""
    return per_person(amount, (people or census()).total)


def per_person(amount: Cell, population: int | None) -> Cell:
    """An amount in M$ as pesos per person of `population` (M$ are thousands of pesos).

    Missing amounts keep their code; no population gives '-'. The amount's marks (converted ≈,
    no factor †) carry over, with its basis in pesos.
    """
    if amount.value is None:
        return replace(amount, basis=per_inhabitant_basis(amount.basis))
    if not population or not isinstance(amount.value, (int, float)):
        return Cell(None, "-")
    source = per_inhabitant_basis(amount.source) if amount.source else None
    return replace(
        amount,
        value=amount.value * 1000 / population,
        basis=per_inhabitant_basis(amount.basis),
        source=source,
        origin=computed("gasto × 1000 / población (Censo 2024)", amount.origin),
    )


def population_share(region: str, people: Census | None = None) -> Cell:
    """The region's % of Chile's population in the census; '-' for Nivel central."""
    share = (people or census()).share_pct(region)
    return Cell(share, None if share is not None else "-")


def per_inhabitant_column(basis: Basis | None, key: str = "per_inhabitant") -> Column:
    return Column(key, PER_INHABITANT_TITLE, AMOUNT, basis=per_inhabitant_basis(basis))


def population_share_column(key: str = "population_pct") -> Column:
    return Column(key, POPULATION_SHARE_TITLE, PERCENT, unit="%", decimals=1)


def census_note(years, people: Census | None = None) -> str:
    """Where the inhabitants come from, and that other years divide by the same census."""
    people = people or census()
    others = sorted({y for y in years if y is not None and y != people.year})
    note = f"{PER_INHABITANT_TITLE} y {POPULATION_SHARE_TITLE}: {people.source} ({people.licence})."
    if others:
        listed = ", ".join(str(y) for y in others)
        note += f" Gasto de {listed} dividido por la población de {people.year}."
    return note
