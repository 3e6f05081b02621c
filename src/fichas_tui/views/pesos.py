"""Constant pesos: amounts converted by the dataset's own deflators, or marked "sin factor"."""

from __future__ import annotations

from dataclasses import replace

from ..data.records import Deflators, Factor
from .figures import number
from .model import Basis, Cell

NO_FACTOR = "sin factor"
# How a converted figure is told from one printed in the ficha (explained in the help).
CONVERTED_MARK = "≈"
PER_FICHA = "pesos de cada ficha"
FACTOR_DECIMALS = 4  # the fichas print their inflators with 4 decimals


def convert(
    cell: Cell,
    target: int | None,
    deflators: Deflators,
    *,
    year: int | None = None,
    basis: Basis | None = None,
) -> Cell:
    """`cell` in M$ of `target`, with the factor and the basis it had in the ficha.

    The cell's basis (else `basis`, its column's) says which pesos it is in: M$ of a price year,
    or nominal pesos of the row's `year`. With `target` None (pesos of each ficha), a missing
    value or no basis, the cell is returned as it is. Without a factor for its year, the
    figure stays in its own basis with note "sin factor": never converted by a guess.
    """
    source = cell.basis or basis
    if target is None or source is None or source.converted or cell.value is None:
        return cell
    if not isinstance(cell.value, (int, float)):
        return cell
    from_year = source.price_year if source.price_year is not None else year
    if from_year == target and source.price_year is not None:
        return cell if cell.basis else replace(cell, basis=source)  # already in these pesos
    converted = replace(source, price_year=target, converted=True)
    if from_year == target:
        # Nominal pesos of the target year are pesos of that year: relabelled, not scaled.
        return replace(cell, basis=converted, factor=1.0, source=source)
    step = deflators.factor(from_year, target)
    if step is None:
        return replace(cell, basis=source, note=NO_FACTOR)
    return replace(
        cell, value=cell.value * step.factor, basis=converted, factor=step.factor, source=source
    )


def choices(deflators: Deflators) -> tuple[int | None, ...]:
    """What `p` cycles through: each ficha's own pesos (None), then each target year."""
    return (None, *deflators.targets)


def next_choice(current: int | None, deflators: Deflators) -> int | None:
    """The choice after `current` (from each ficha's pesos to the latest target year first)."""
    options = choices(deflators)
    if current not in options:
        return None
    return options[(options.index(current) + 1) % len(options)]


def choice_label(target: int | None) -> str:
    """'pesos de cada ficha' or 'M$ de 2024': the basis in force, for headers and the status."""
    return PER_FICHA if target is None else f"M$ de {target}"


def factor_text(factor: float) -> str:
    """1.1002 -> '1,1002' (a chained factor is shown to the fichas' precision too)."""
    return number(factor, FACTOR_DECIMALS)


def describe(step: Factor) -> str:
    """Where a factor comes from, in words: '1,1002 (2022 → 2024, ficha ab86...)'."""
    text = f"{factor_text(step.factor)} ({step.year} → {step.target_year}, ficha {step.ficha_id}"
    if step.via_year is not None:
        text += f", encadenado vía {step.via_year}"
    return text + ")"


def conflict_notes(deflators: Deflators) -> tuple[str, ...]:
    """One line per pair two fichas disagree on: which factor is used and which is not."""
    notes = []
    for step in deflators.factors:
        for ficha_id, other in step.conflicts:
            notes.append(
                f"pesos de {step.year} a {step.target_year}: se usa {factor_text(step.factor)} "
                f"(ficha {step.ficha_id}, la más reciente); la ficha {ficha_id} da "
                f"{factor_text(other)}"
            )
    return tuple(notes)


def series_lines(deflators: Deflators) -> tuple[str, ...]:
    """The whole series, one line per target year: 'M$ de 2024: 2020 1,2252 · 2021 1,1722'."""
    if not deflators:
        return ("El dataset no tiene factores: ninguna ficha trae su tabla de inflactores.",)
    lines = []
    for target in deflators.targets:
        steps = sorted(
            (f for f in deflators.factors if f.target_year == target), key=lambda f: f.year
        )
        items = " · ".join(f"{f.year} {factor_text(f.factor)}" for f in steps)
        lines.append(f"{choice_label(target)}: {items}")
    return tuple(lines)
