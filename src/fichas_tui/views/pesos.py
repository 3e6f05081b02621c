"""Constant pesos: amounts converted by the dataset's own deflators, or marked "sin factor"."""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from itertools import compress, repeat
from operator import and_, is_, is_not

from ..data.list_records import FACTOR_DECIMALS, Deflators, Factor, ProgramRow
from .figures import number
from .model import AMOUNT, TEXT, YEAR, Basis, Cell, Column, Row, Table

NO_FACTOR = "sin factor"
# How a converted figure is told from one printed in the ficha (explained in the help).
CONVERTED_MARK = "≈"
PER_FICHA = "pesos de cada ficha"
NO_FACTOR_MARK = "†"


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
        # Nominal pesos of the target year are pesos of that year: relabelled, not scaled,
        # so neither marked ≈ nor called converted (the source keeps what the ficha printed).
        return replace(cell, basis=replace(source, price_year=target), source=source)
    step = deflators.factor(from_year, target)
    if step is None:
        return replace(cell, basis=source, note=NO_FACTOR)
    return replace(
        cell, value=cell.value * step.factor, basis=converted, factor=step.factor, source=source
    )


def choices(deflators: Deflators) -> tuple[int | None, ...]:
    """What `p` cycles through: each ficha's own pesos (None), then every year the series
    spans, most recent first (earlier years through a later target, see Deflators.factor)."""
    return (None, *deflators.years)


def default_across(deflators: Deflators) -> Pesos:
    """The basis the views across programs open in (the list, Región, Ranking, Compare and
    `fichas region|ranking|compare`): M$ of the latest year the dataset's deflator series
    reaches, so figures of different fichas rank together; each ficha's pesos when the
    dataset has no factors."""
    if not deflators.targets:
        return EACH_FICHA
    return Pesos(deflators.targets[0], deflators)


def next_choice(current: int | None, deflators: Deflators) -> int | None:
    """The choice after `current` (from each ficha's pesos to the latest target year first)."""
    options = choices(deflators)
    if current not in options:
        return None
    return options[(options.index(current) + 1) % len(options)]


def choice_label(target: int | None) -> str:
    """'pesos de cada ficha' or '≈ M$ 2024': the basis in force, for headers and the status."""
    return PER_FICHA if target is None else f"{CONVERTED_MARK} M$ {target}"


def factor_text(factor: float) -> str:
    """1.1002 -> '1,1002' (a chained factor is shown to the fichas' precision too)."""
    return number(factor, FACTOR_DECIMALS)


def describe(step: Factor) -> str:
    """Where a factor comes from, in words: '1,1002 (2022 → 2024, ficha ab86...)'."""
    text = f"{factor_text(step.factor)} ({step.year} → {step.target_year}, ficha {step.ficha_id}"
    if step.divided:
        text += f", {step.year} → {step.via_year} dividido por {step.target_year} → {step.via_year}"
    elif step.via_year is not None:
        text += f", encadenado vía {step.via_year}"
    return text + ")"


def conversion_text(cell: Cell, pesos: Pesos) -> str | None:
    """What was done to an amount, for the source line: '≈ ×1,1002 (2022 → 2024, ficha
    ab86...)' converted, '† sin factor: ...' left in its pesos; None when nothing was."""
    if cell.value is None or cell.basis is None:
        return None
    if cell.note == NO_FACTOR:
        label = cell.basis.label
        return f"{NO_FACTOR_MARK} sin factor para su año: queda en {label}, como en la ficha"
    if cell.factor is None or cell.source is None or cell.basis.price_year is None:
        return None
    target = cell.basis.price_year
    years = [cell.source.price_year] if cell.source.price_year else sorted(pesos.deflators.years)
    for year in years:
        step = pesos.deflators.factor(year, target)
        if step is not None and abs(step.factor - cell.factor) < 1e-9:
            return f"{CONVERTED_MARK} ×{describe(step)}"
    return f"{CONVERTED_MARK} ×{factor_text(cell.factor)} a M$ {target}"


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
        lines.append(f"M$ de {target}: {items}")
    return tuple(lines)


@dataclass(frozen=True)
class Pesos:
    """The peso basis in force: each ficha's own pesos (`target` None) or M$ of `target`."""

    target: int | None = None
    deflators: Deflators = field(default_factory=Deflators)

    @property
    def label(self) -> str:
        return choice_label(self.target)

    def cell(self, cell: Cell, year: int | None = None, basis: Basis | None = None) -> Cell:
        """`cell` in the basis in force (see convert); `year` is its row's year."""
        return convert(cell, self.target, self.deflators, year=year, basis=basis)

    def column(self, basis: Basis | None, label: str) -> tuple[Basis | None, str]:
        """A column's basis and its label in words, as the builder found them in the rows,
        or the target's when converting ('M$ 2024 (convertidos)')."""
        if self.target is None or (basis is not None and basis.price_year == self.target):
            return basis, label  # each ficha's pesos, or every row printed in the target's
        return Basis(price_year=self.target, converted=True), f"M$ {self.target}, convertidos"

    def following(self) -> Pesos:
        """The next choice of `p` (see next_choice)."""
        return replace(self, target=next_choice(self.target, self.deflators))


EACH_FICHA = Pesos()


class NoFactors(ValueError):
    """A target year (`--pesos AÑO`) the dataset's deflators do not reach; says which do."""


def resolve(deflators: Deflators, target: int | None) -> Pesos:
    """The basis asked for by year (None: each ficha's pesos), or NoFactors."""
    if target is None:
        return EACH_FICHA
    if target not in deflators.years:
        reach = ", ".join(str(t) for t in sorted(deflators.years))
        raise NoFactors(
            f"No hay factores para expresar montos en M$ de {target}. "
            + (f"Años posibles: {reach}." if reach else series_lines(deflators)[0])
        )
    return Pesos(target, deflators)


def mark(text: str, cell: Cell) -> str:
    """A figure as shown: '≈2.870.029' converted, '9.686.000†' left in its own pesos."""
    if cell.value is None:
        return text
    if cell.factor is not None:
        return CONVERTED_MARK + text
    if cell.note == NO_FACTOR:
        return text + NO_FACTOR_MARK
    return text


def annotate(table: Table, pesos: Pesos, *, converted_note: bool = True) -> Table:
    """The table with a note for each mark its cells carry, saying what was done to them
    (`converted_note` False: the ≈ note is already above, e.g. on the first component)."""
    if pesos.target is None:
        return table
    amounts = [i for i, c in enumerate(table.columns) if c.kind == AMOUNT]
    cells = [row.cells[i] for row in table.rows for i in amounts]
    notes = []
    if converted_note and any(c.factor is not None for c in cells if c.value is not None):
        notes.append(
            f"{CONVERTED_MARK} convertido a M$ de {pesos.target} con los inflactores de "
            "las fichas del dataset."
        )
    left = sorted({c.basis.label for c in cells if c.note == NO_FACTOR and c.basis is not None})
    if left:
        notes.append(
            f"{NO_FACTOR_MARK} sin factor para ese año en el dataset: la cifra queda como en la "
            f"ficha, en {' / '.join(left)}."
        )
    return replace(table, notes=(*table.notes, *notes)) if notes else table


def executed(program: ProgramRow, pesos: Pesos) -> Cell:
    """A program's executed amount (its latest ficha's) in the basis in force."""
    spent = program.executed
    cell = Cell(
        spent.value,
        spent.status if spent.value is None else None,
        basis=Basis(price_year=program.price_year),
    )
    return pesos.cell(cell, year=program.executed_year)


def _executed_columns(programs) -> tuple:
    """The executed amounts, their pesos' year and the year executed, one item per program:
    straight from the columns when the programs are the store's (data.list_columns.Programs:
    no row made per program), else from the rows; the callers count them in C (a Python step
    per program: benchmarks/README.md, "Scale margin")."""
    if hasattr(programs, "column"):
        return (
            programs.column("executed_kclp"),
            programs.column("executed_price_year"),
            programs.column("executed_year"),
        )
    programs = list(programs)
    return (
        [p.executed.value for p in programs],
        [p.price_year for p in programs],
        [p.executed_year for p in programs],
    )


def main_pesos(programs, pesos: Pesos) -> tuple | None:
    """The pesos the list compares executed amounts in: the target's when converting, else
    the pesos most programs are in (ties: the newest)."""
    if pesos.target is not None:
        return ("M$", pesos.target)
    values, prices, years = _executed_columns(programs)
    spent = list(map(is_not, values, repeat(None)))
    prices = list(prices)
    found: Counter = Counter()
    for price, n in Counter(compress(prices, spent)).items():
        if price is not None:
            found[("M$", price)] = n
    nominal = map(and_, spent, map(is_, prices, repeat(None)))
    for year, n in Counter(compress(years, nominal)).items():
        found[("M$", 0, year or 0)] += n
    if not found:
        return None
    return max(found, key=lambda k: (found[k], len(k) == 2, k[1:]))


def unconverted(programs, pesos: Pesos) -> int:
    """How many programs' executed amounts stay in their own pesos when converting (no factor
    for their year): the list puts them after the converted ones and counts them. Factors are
    looked up once per year of pesos, not once per program."""
    if pesos.target is None:
        return 0
    values, prices, years = _executed_columns(programs)
    spent = list(map(is_not, values, repeat(None)))
    own = [price if price is not None else year for price, year in zip(prices, years, strict=True)]
    found = Counter(compress(own, spent))
    return sum(
        n
        for year, n in found.items()
        if year != pesos.target and pesos.deflators.factor(year, pesos.target) is None
    )


def executed_key(program: ProgramRow, cell: Cell, main: tuple | None) -> tuple:
    """Sort key by executed amount: the main pesos first, largest first; then each other
    pesos as a group (never compared with the main ones); missing amounts last."""
    if cell.value is None:
        return (2, (), 0.0, program.sort_name)
    own = pesos_of(program, cell)
    if own == main:
        return (0, (), -cell.value, program.sort_name)
    return (1, own, -cell.value, program.sort_name)


def by_executed(programs, pesos: Pesos) -> list[tuple[ProgramRow, Cell]]:
    """Programs by executed amount in one basis only (see main_pesos and executed_key)."""
    programs = list(programs)
    main = main_pesos(programs, pesos)
    rows = [(p, executed(p, pesos)) for p in programs]
    return sorted(rows, key=lambda item: executed_key(item[0], item[1], main))


def pesos_of(program: ProgramRow, cell: Cell) -> tuple:
    """Which pesos a figure is in, comparable across rows: ('M$', 2024), or ('M$', 0, 2019)
    for nominal pesos of 2019 (each year's nominal pesos are their own)."""
    basis = cell.basis or Basis()
    if basis.price_year is not None:
        return (basis.unit, basis.price_year)
    return (basis.unit, 0, program.executed_year or 0)


def pesos_tag(key: tuple) -> str:
    """A short name for a row's pesos when they are not the list's: 'M$22', 'nom.19'."""
    year = key[1] if len(key) == 2 else key[2]
    short = f"{year % 100:02d}" if year else "?"
    return f"{key[0]}{short}" if len(key) == 2 else f"nom.{short}"


def pesos_title(key: tuple | None) -> str:
    """The list header's basis: 'M$ 2024', 'M$ nominales 2019', or 'M$' with no amounts."""
    if key is None:
        return "M$"
    return f"{key[0]} {key[1]}" if len(key) == 2 else f"{key[0]} nominales {key[2]}"


def how_text(step: Factor) -> str:
    """How a factor was obtained, in words: printed by one ficha, chained, or divided."""
    if step.divided:
        return f"dividido: {step.year} → {step.via_year} / {step.target_year} → {step.via_year}"
    if step.via_year is not None:
        return f"encadenado vía {step.via_year}"
    return "impreso"


def factor_steps(deflators: Deflators, target: int) -> list[tuple[int, Factor | None]]:
    """Each year the series spans, oldest first, with its factor into `target` (None: the
    target itself, or a year nothing reaches)."""
    return [
        (year, deflators.factor(year, target) if year != target else None)
        for year in sorted(deflators.years)
    ]


def printing_fichas(deflators: Deflators) -> set[str]:
    """The fichas whose inflator tables give the series' factors."""
    return {f.ficha_id for f in deflators.factors}


def ficha_label(ficha_id: str, names: Mapping[str, tuple[str, int | None]]) -> str:
    """A ficha as a reader names it: program and year, with the id's first 12 hex to cite it
    (the id alone when the dataset does not name it)."""
    if ficha_id not in names:
        return ficha_id
    name, year = names[ficha_id]
    return f"{name}, ficha {year} ({ficha_id[:12]})" if year else f"{name} ({ficha_id[:12]})"


def factors_table(
    deflators: Deflators, target: int, names: Mapping[str, tuple[str, int | None]] | None = None
) -> Table:
    """The factors into M$ of `target`, one row per year the series spans: the factor, how it
    was obtained and which ficha printed it (for `fichas pesos` and the explorer's `p`);
    `names` (Store.ficha_names) names each ficha by program and year."""
    rows = []
    for year, step in factor_steps(deflators, target):
        if year == target:
            cells = (Cell(year), Cell(factor_text(1.0)), Cell("el mismo año"), Cell(None, "-"))
        elif step is None:
            cells = (Cell(year), Cell(None, NO_FACTOR), Cell(NO_FACTOR), Cell(None, "-"))
        else:
            cells = (
                Cell(year),
                Cell(factor_text(step.factor)),
                Cell(how_text(step)),
                Cell(ficha_label(step.ficha_id, names or {})),
            )
        rows.append(Row(cells, key=str(year)))
    return Table(
        "factors",
        f"Factores a M$ de {target}",
        (
            Column("year", "Pesos de", YEAR),
            Column("factor", "Factor", TEXT),
            Column("how", "Cómo", TEXT),
            Column("ficha", "Ficha que lo imprime", TEXT),
        ),
        tuple(rows),
        notes=(
            "Multiplicar un monto en pesos de ese año por el factor lo expresa en M$ de "
            f"{target}. Impreso: la tabla de inflactores de una ficha; encadenado: dos tablas "
            "multiplicadas; dividido: un año posterior a la tabla, dividiendo por su factor.",
        ),
        empty="El dataset no tiene factores: ninguna ficha trae su tabla de inflactores.",
    )
