"""A cell's source in words and as data: the ficha, file and line it is printed on, the rule it
is computed by, or why it is missing; the citation `y` copies."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from typing import Any

from ..data.origin import FichaRef, Origin
from ..text import one_line
from .figures import CODE_MEANINGS
from .model import Bar, Cell, PaneView, Row, Table

# Why a figure is missing, by its code: the codes the fichas define in their footnotes mean
# what figures.CODE_MEANINGS says (the legend under a table says the same).
_CODES = {
    **{c: f"la ficha dice {c} ({CODE_MEANINGS[c]})" for c in ("N/C", "S/I", "N/A")},
    "S/D": "la ficha dice S/D (sin datos)",
    "N/D": "la ficha dice N/D (no disponible)",
    "-": "la ficha trae un guion",
    "vacío": "la celda está vacía en la ficha",
    "ilegible": "la celda no trae un número legible",
    "inválido": "el número guardado no es finito",
    # the rankings' own reasons (data/summaries.py)
    "sin dato": "la ficha no trae la cifra",
    "sin meta": "la ficha no da la meta",
    "sin ficha anterior": "el dataset no tiene una ficha anterior del programa",
}
NOT_PRINTED = "no se imprime en esta plantilla"
IMAGE = "impreso como imagen en la ficha original (el texto no trae la tabla)"
# A table printed as an image: the line of the gap in the text, and the column it holds (None:
# every figure of the table).
Image = tuple[int, str | None]


def fill(table: Table, ficha: FichaRef | None, image: Image | None = None) -> Table:
    """Every cell of `table` with an origin: a label or year takes its row's (the first figure
    printed on the row), a chart bar names the figure it draws, a figure without one is not
    printed in this template, or, when the original printed this table as an image (`image`:
    the line of the gap the text has in its place, and the one column in the picture or None
    for all), was printed as an image (§5 of issue 25: the source line says why)."""
    figures = tuple(c.numeric and c.kind != "year" for c in table.columns)
    pictured = tuple(image is not None and image[1] in (None, c.key) for c in table.columns)
    line = image[0] if image is not None else None
    rows = tuple(_fill_row(row, ficha, figures, pictured, line) for row in table.rows)
    return replace(table, rows=rows)


# A figure a view computes with what the ficha does not print (the census population...).
COMPUTED_ELSEWHERE = "calculado por fichas; la ficha no imprime esta cifra"


def _fill_row(
    row: Row,
    ficha: FichaRef | None,
    figures: tuple[bool, ...],
    pictured: tuple[bool, ...],
    image: int | None,
) -> Row:
    printed = next((c.origin for c in row.cells if c.origin is not None and c.origin.line), None)
    known = printed or next((c.origin for c in row.cells if c.origin is not None), None)
    ref = known.ficha if known is not None else ficha
    if ref is None:
        return row
    cells = []
    for cell, figure, in_image in zip(row.cells, figures, pictured, strict=True):
        absent = Origin(ref, missing=NOT_PRINTED)
        if in_image:  # in the picture: a figure points at the gap, a label says why
            absent = Origin(ref, line=image, missing=IMAGE)
        origin = cell.origin
        if origin is not None and origin.line is None and not origin.rule and not origin.missing:
            # no line kept: the template does not print it (or an older dataset)
            if cell.value is not None:
                origin = replace(origin, missing="sin línea registrada (dataset anterior)")
            elif in_image:
                origin = absent
            else:
                origin = replace(origin, missing=NOT_PRINTED)
            cell = replace(cell, origin=origin)
        if cell.origin is None:
            if isinstance(cell.value, Bar):
                origin = Origin(ref, rule="barra del valor de la fila", inputs=_inputs(printed))
            elif cell.value is None and cell.status is None and known is not None:
                origin = absent
            elif figure and printed is not None:  # computed by a view, inputs unnamed
                origin = Origin(ref, rule=COMPUTED_ELSEWHERE, inputs=_inputs(printed))
            elif known is not None:
                origin = known
            elif figure:  # nothing on this row is printed in this template (or in the text)
                origin = absent
            else:  # a label not printed (where the picture stood, or at all)
                origin = Origin(ref, missing=NOT_PRINTED if image is None else IMAGE)
            cell = replace(cell, origin=origin)
        cells.append(cell)
    return replace(row, cells=tuple(cells))


def _inputs(origin: Origin | None) -> tuple[Origin, ...]:
    return () if origin is None else (origin,)


def fill_pane(pane: PaneView, ficha: FichaRef | None, images=None) -> PaneView:
    """Every table's cells with an origin; `images`: table key -> line of the gap, for the
    tables the original printed as images (`image_tables`)."""
    images = images or {}
    blocks = tuple(
        fill(b, ficha, images.get(b.key)) if isinstance(b, Table) else b for b in pane.blocks
    )
    return replace(pane, blocks=blocks)


def image_tables(ficha: FichaRef, components: Sequence[str]) -> dict[str, Image]:
    """The view's table keys of the tables this ficha printed as images, with the line of the
    gap: `budget`, `admin_share`, `spending_per_beneficiary` as ingest names them, and a
    component's production (`components:<name>`) as its table `component:<i>`."""
    out: dict[str, Image] = {}
    for table, line in ficha.images:
        column = None
        if table.startswith("components:"):  # the production chart of one component
            name = table.partition(":")[2]
            table = next((f"component:{i}" for i, c in enumerate(components) if c == name), "")
            column = "production"
        if table:
            out[table] = (line, column)
    return out


def where(origin: Origin) -> str:
    """`ficha 2023, archivo 003_….txt`: the ficha a source is in."""
    ref = origin.ficha
    year = ref.year if ref.year is not None else "s/a"
    return f"ficha {year}, archivo {one_line(ref.file or ref.ficha_id)}"


def lines(origin: Origin) -> list[int]:
    """The printed lines behind a figure: its own, or its inputs'."""
    if origin.line is not None:
        return [origin.line]
    return sorted({n for o in origin.inputs for n in lines(o)})


def describe(cell: Cell) -> str:
    """The source in one line: 'ficha 2023, archivo 003_….txt, línea 142, columna Efectivo
    2022'; a computed figure names its rule and inputs, a missing one why it is missing."""
    origin = cell.origin
    if origin is None:
        return "sin fuente registrada"
    text = where(origin)
    if origin.line is not None:
        text += f", línea {origin.line}"
        if origin.column:
            text += f", columna {one_line(origin.column)}"
    elif origin.rule:
        found = lines(origin)
        at = ", línea " + ", ".join(map(str, found)) if len(found) == 1 else ""
        at = at or (", líneas " + ", ".join(map(str, found)) if found else "")
        text = f"calculado: {one_line(origin.rule)} ({text}{at})"
    if cell.value is None:
        why = origin.missing or _CODES.get(cell.status or "")
        if why:
            first = origin.line is None or origin.missing == IMAGE
            text = f"{why}: {text}" if first else f"{text} ({why})"
    elif origin.missing:  # a figure whose line the dataset does not keep
        text += f" ({origin.missing})"
    if cell.factor is not None and cell.source is not None:
        text += f"; convertido de {cell.source.label} con factor {cell.factor:g}"
    return text


def as_dict(origin: Origin | None, status: str | None = None) -> dict[str, Any] | None:
    """The source as plain data (JSON): ficha, file, SHA-256, line and column, or the rule
    and its inputs, or why the figure is missing."""
    if origin is None:
        return None
    ref = origin.ficha
    out: dict[str, Any] = {
        "ficha_id": ref.ficha_id,
        "ficha_year": ref.year,
        "file": ref.file,
        "sha256": ref.sha256,
        "line": origin.line,
        "column": origin.column,
    }
    if origin.rule:
        out["rule"] = origin.rule
        out["inputs"] = [as_dict(o) for o in origin.inputs]
    why = origin.missing or (_CODES.get(status or "") if origin.line is not None else None)
    if why:
        out["missing"] = why
    return out


def citation(text: str, unit: str, program: str, cell: Cell) -> str:
    """What `y` copies: the value, its unit and basis, the program and its source with the
    first 12 hex of the file's SHA-256, on one line."""
    origin = cell.origin
    parts = [f"{text} {unit}".strip(), one_line(program)]
    if origin is not None:
        parts.append(describe(cell))
        if origin.ficha.sha256:
            parts.append(f"SHA-256 {origin.ficha.sha256[:12]}")
    return " — ".join(parts)


def primary(table: Table, row: int) -> tuple[int, Cell] | None:
    """The figure a row is about, for its source line and `y`: its first figure printed on a
    line, else its first cell with a source (a computed or missing figure)."""
    cells = table.rows[row].cells

    def shown(cell: Cell) -> bool:  # printed on its line (a picture's gap is not)
        origin = cell.origin
        return origin is not None and origin.line is not None and origin.missing != IMAGE

    for wanted in (shown, lambda c: True):
        for i, (column, cell) in enumerate(zip(table.columns, cells, strict=True)):
            figure = column.numeric and column.kind != "year"
            if cell.origin is not None and figure and wanted(cell):
                return i, cell
    first = next(((i, c) for i, c in enumerate(cells) if c.origin is not None), None)
    return first


def _figure_columns(table: Table) -> list[int]:
    """The columns whose cells get a source column in an export: the figures that come from
    a ficha (a rank or a census share has no source in one, and no such column)."""
    return [
        i
        for i, c in enumerate(table.columns)
        if c.numeric
        and c.kind not in ("year", "bar")
        and any(row.cells[i].origin is not None for row in table.rows)
    ]


def source_fields(table: Table) -> list[dict[str, str | None]]:
    """Each row's source columns, keyed as `with_sources` names them: `<key>_fuente` (the
    figure's source in words) for each figure column, then `archivo` and `sha256` of the row's
    ficha. The export dialog's «Con fuentes» and the CLI's --fuentes both come from here."""
    figures = _figure_columns(table)
    out = []
    for row in table.rows:
        fields: dict[str, str | None] = {
            f"{table.columns[i].key}_fuente": describe(row.cells[i]) for i in figures
        }
        ref = next((c.origin.ficha for c in row.cells if c.origin is not None), None)
        fields["archivo"] = ref.file if ref else None
        fields["sha256"] = ref.sha256 if ref and ref.sha256 else None
        out.append(fields)
    return out


def with_sources(table: Table) -> Table:
    """The table with its sources as columns, for export: after each figure column, its
    source in words (`<header> fuente`), and the file and SHA-256 of each row's ficha."""
    from .model import TEXT, Column

    figures = set(_figure_columns(table))
    columns: list[Column] = []
    keys: list[str | None] = []  # per column: the source field it shows, None for a figure's own
    for i, column in enumerate(table.columns):
        columns.append(column)
        keys.append(None)
        if i in figures:
            columns.append(Column(f"{column.key}_fuente", f"{column.header} fuente", TEXT))
            keys.append(f"{column.key}_fuente")
    columns += [Column("archivo", "Archivo", TEXT), Column("sha256", "SHA-256", TEXT)]
    keys += ["archivo", "sha256"]
    rows = []
    for row, fields in zip(table.rows, source_fields(table), strict=True):
        own = iter(row.cells)
        cells = []
        for key in keys:
            if key is None:
                cells.append(next(own))
            elif key in ("archivo", "sha256"):
                cells.append(Cell(fields[key], None if fields[key] else "-"))
            else:
                cells.append(Cell(fields[key]))
        rows.append(replace(row, cells=tuple(cells)))
    return replace(table, columns=tuple(columns), rows=tuple(rows))


def region_origins(row) -> tuple[Origin | None, Origin | None]:
    """A region row's sources (data.across.RegionRow.source): its spending, printed on the
    regional row's line under its header, and that line for its other figures."""
    if not row.source or row.source[0] is None or row.source[2] is None:
        return None, None
    file, sha256, line, column = row.source
    ref = FichaRef(row.ficha_id, row.year, file, sha256)
    return Origin(ref, line, column), Origin(ref, line)


def measure_origin(row) -> Origin | None:
    """A ranking row's source (data.across.MeasureRow.source): the line the figure is printed
    on, or the rule it is computed by with the line of its input; None without the ficha's
    file (a dataset written before the measures kept it)."""
    if not row.source or row.source[0] is None:
        return None
    file, sha256, line, column, rule = row.source
    ref = FichaRef(row.ficha_id, row.year, file, sha256)
    if rule:
        inputs = (Origin(ref, line, column),) if line is not None else ()
        return Origin(ref, rule=rule, inputs=inputs)
    return Origin(ref, line, column)
