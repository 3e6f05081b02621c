"""Two fichas side by side (two programs, or one program in two years), in one peso basis.

Each section is a model Table with the concept, side A, side B and the difference (B − A: in
the amounts' pesos, or in percentage points); a difference of amounts in two different pesos is
never computed. The same rows, one per concept and side, are the JSON/CSV records.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Any

from ..data.compare import Amount, ComparedFicha
from ..data.list_records import MISSING, Deflators
from ..text import fold
from .across import MEASURES, amount_cell, amount_record
from .cells import display
from .figures import decimal, decimals_of, number
from .model import AMOUNT, FIGURE, NOMINAL, PERCENT, TEXT, Basis, Cell, Column, Row, Table
from .pesos import EACH_FICHA, NO_FACTOR, Pesos, annotate

TOP_REGIONS = 3
UP, DOWN = "▲", "▼"  # a change is never told by colour alone
DIFFERENT_PESOS = "pesos distintos"
BUDGET_ITEMS = (("inicial", "Inicial"), ("final", "Final"), ("ejecutado", "Ejecutado"))
Side = ComparedFicha  # one ficha to compare (data/compare.py reads it)


@dataclass(frozen=True, slots=True)
class CompareView:
    title: str
    sides: tuple[ComparedFicha, ComparedFicha]
    tables: tuple[Table, ...]
    records: tuple[dict[str, Any], ...]
    basis: str  # the pesos in force, in words
    side_pesos: tuple[str, str] = ("", "")  # the pesos each side's amounts are in, in words


def _headers(a: Side, b: Side) -> tuple[str, str]:
    if a.program_id == b.program_id:
        return f"A: {a.year}", f"B: {b.year}"  # one program in two years
    return "A", "B"  # the names are long: the renderers name A and B above the tables


def compare_view(a: Side, b: Side, pesos: Pesos = EACH_FICHA) -> CompareView:
    head_a, head_b = _headers(a, b)
    sections = [
        ("presupuesto", "Presupuesto del año evaluado", AMOUNT, _budget_items),
        ("porcentajes", "Ejecución, gasto administrativo, cobertura y meta", PERCENT, _percents),
        ("componentes", "Componentes: gasto del año evaluado", AMOUNT, _components),
        ("indicadores", "Indicadores de propósito del año evaluado", FIGURE, _indicators),
        ("regiones", f"Regiones con más gasto (las {TOP_REGIONS} primeras de cada uno)", AMOUNT,
         _regions),
    ]  # fmt: skip
    tables, records = [], []
    for key, title, kind, items in sections:
        rows = []
        for item, cell_a, cell_b in items(a, b, pesos):
            diff = _difference(cell_a, cell_b, kind)
            rows.append(Row((Cell(item), cell_a, cell_b, diff), key=item))
            for side, s, cell in (("A", a, cell_a), ("B", b, cell_b)):
                records.append(_record(key, item, side, s, cell, diff, kind, pesos))
        unit = "pp" if kind == PERCENT else None
        decimals = 1 if kind == PERCENT else 0
        if kind == FIGURE:  # one column, one number of decimals: the ficha's most precise
            decimals = decimals_of(c.value for row in rows for c in row.cells[1:])
        columns = (
            Column("item", "Concepto", TEXT),
            Column("a", head_a, kind, unit="%" if kind == PERCENT else None, decimals=decimals),
            Column("b", head_b, kind, unit="%" if kind == PERCENT else None, decimals=decimals),
            Column("difference", "Diferencia (B − A)", kind, unit=unit, decimals=decimals),
        )
        table = Table(key=f"compare:{key}", title=title, columns=columns, rows=tuple(rows),
                      empty="Ninguna de las dos fichas lo informa.")  # fmt: skip
        tables.append(annotate(table, pesos))
    return CompareView(
        title=f"{a.label} frente a {b.label}",
        sides=(a, b),
        tables=tuple(tables),
        records=tuple(records),
        basis=pesos.label,
        side_pesos=(_side_pesos(tables, 1), _side_pesos(tables, 2)),
    )


def default_pesos(deflators: Deflators, a: Side, b: Side) -> Pesos:
    """Each ficha's own pesos when both are in the same ones; else the dataset's latest target
    (so the two can be compared), when its deflators have one."""
    years = {s.measures["gasto"].price_year for s in (a, b) if "gasto" in s.measures}
    years |= {s.price_year for s in (a, b)}
    if len(years) > 1 and deflators.targets:
        return Pesos(max(deflators.targets), deflators)
    return EACH_FICHA


def _side_pesos(tables: list[Table], index: int) -> str:
    """The bases of one side's amounts ('M$ 2023', 'M$ 2024 (convertidos) / M$ 2022')."""
    labels = [
        (row.cells[index].basis or NOMINAL).label
        for table in tables
        if table.columns[index].kind == AMOUNT
        for row in table.rows
        if row.cells[index].value is not None
    ]
    return " / ".join(dict.fromkeys(labels))


def change(column: Column, cell: Cell) -> tuple[str, int | None]:
    """A difference as shown, signed and with an arrow ('▲ +60', '▼ −4.660', '= 0,0 pp'),
    and its direction: 1 up, -1 down, 0 none; None when there is no difference to show
    (a figure missing, two different pesos), which is shown as its reason."""
    value = cell.value
    if not isinstance(value, (int, float)):
        return display(column, cell), None
    if column.unit == "pp":
        shown = f"{number(abs(value), column.decimals)} pp"
    else:
        shown = display(column, replace(cell, value=abs(value)))
    if decimal(value, column.decimals) == 0:
        return f"= {shown}", 0
    return (f"{UP} +{shown}", 1) if value > 0 else (f"{DOWN} −{shown}", -1)


def _record(section, item, side, s: Side, cell: Cell, diff: Cell, kind, pesos) -> dict:
    record = {
        "section": section,
        "item": item,
        "side": side,
        "program_id": s.program_id,
        "program_name": s.program_name,
        "ficha_id": s.ficha_id,
        "year": s.year,
        "value": cell.value,
        "status": None if cell.value is not None else (cell.status or "sin dato"),
    }
    if kind == AMOUNT:
        record.update(amount_record(cell, pesos))
        if cell.note == NO_FACTOR and pesos.target is not None:
            record.update(value=None, status=NO_FACTOR)
    else:
        record["unit"] = "%" if kind == PERCENT else None
    record["difference"] = diff.value
    record["difference_status"] = diff.status  # e.g. "pesos distintos": never subtracted
    return record


def _difference(a: Cell, b: Cell, kind: str) -> Cell:
    if a.value is None or b.value is None:
        return Cell(None, "-")
    if kind == AMOUNT and _pesos(a) != _pesos(b):
        return Cell(None, DIFFERENT_PESOS)
    return Cell(b.value - a.value)


def _pesos(cell: Cell) -> tuple:
    basis = cell.basis or Basis()
    return (basis.price_year, cell.note == NO_FACTOR)


def _amount(s: Side, amount: Amount | None, pesos: Pesos) -> Cell:
    value = amount.value if amount is not None else MISSING
    price = amount.price_year if amount is not None else s.price_year
    return amount_cell(value.value, value.status, price, s.year, pesos)


def _budget_items(a: Side, b: Side, pesos: Pesos):
    def figures(s: Side) -> dict[str, Cell]:
        out = {title: _amount(s, s.budget.get(name), pesos) for name, title in BUDGET_ITEMS}
        per = s.measures.get("gasto-por-beneficiario")
        out["Gasto por beneficiario"] = amount_cell(
            per.value if per else None, per.status if per else None,
            per.price_year if per else None, s.year, pesos,
        )  # fmt: skip
        return out

    fa, fb = figures(a), figures(b)
    return [(item, fa[item], fb[item]) for item in fa]


def _percents(a: Side, b: Side, pesos: Pesos):
    keys = ("ejecucion-inicial", "ejecucion-final", "administrativo", "cobertura", "indicador")
    out = []
    for key in keys:
        cells = []
        for s in (a, b):
            m = s.measures.get(key)
            cells.append(Cell(m.value, m.status) if m else Cell(None, "sin dato"))
        out.append((MEASURES[key].title, *cells))
    return out


def _paired(fa: dict, fb: dict):
    """Items of both sides matched by their folded name, in A's order then B's; an item one
    side lacks is "no está" there."""
    missing = Cell(None, "no está")
    order = list(fa) + [k for k in fb if k not in fa]
    return [
        ((fa.get(k) or fb[k])[0], fa.get(k, (None, missing))[1], fb.get(k, (None, missing))[1])
        for k in order
    ]


def _components(a: Side, b: Side, pesos: Pesos):
    def spent(s: Side) -> dict[str, tuple[str, Cell]]:
        return {fold(name): (name, _amount(s, amount, pesos)) for name, amount in s.components}

    return _paired(spent(a), spent(b))


def _indicators(a: Side, b: Side, pesos: Pesos):
    def values(s: Side) -> dict[str, tuple[str, Cell]]:
        out = {}
        for name, efectivo, meta in s.indicators:
            for kind, v in (("efectivo", efectivo), ("meta", meta)):
                label = f"{name} ({kind})"
                out[fold(label)] = (label, Cell(v.value, v.status))
        return out

    return _paired(values(a), values(b))


def _regions(a: Side, b: Side, pesos: Pesos):
    def top(s: Side) -> dict[str, Cell]:
        ranked = sorted(
            (r for r in s.regions if r[1].value.value is not None),
            key=lambda r: -(r[1].value.value or 0.0),  # none is None (filtered)
        )
        return {region: _amount(s, amount, pesos) for region, amount in ranked}

    ta, tb = top(a), top(b)
    keep = list(ta)[:TOP_REGIONS]
    keep += [k for k in list(tb)[:TOP_REGIONS] if k not in keep]
    missing = Cell(None, "no informa")
    return [(k, ta.get(k, missing), tb.get(k, missing)) for k in keep]
