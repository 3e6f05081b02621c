"""Table parsers the template generations share: subtitles, components, indicators, regions."""

from __future__ import annotations

import re

from ..geography import canonical_region
from ..text import fold
from .markup import merge_continuation_rows, plain
from .numbers import ParsedNumber, parse_cell
from .parsed import FichaRecord, cell_columns
from .provenance import at, header_text, source

_PRICE_YEAR_RE = re.compile(r"(?:M{1,2}\s*\\?\$|Miles de \\?\$|pesos(?: año)?)\s*\(?\s*(\d{4})")
_SUBTITLE_RE = re.compile(r"^\s*(\d{2})\s*(?:\((.*)\))?\s*(.*)$")
YEAR_CELL_RE = re.compile(r"\s*(19|20)\d\d\s*")
_NAME_UNIT_RE = re.compile(r"^(.*?)\s*\(([^()]*(?:\([^()]*\)[^()]*)*)\)\s*$")


def price_year_of(text: str) -> int | None:
    """The year of the pesos a heading states: `(M\\$2024)`, `Miles de \\$(2022)`, `M$ 2020`."""
    match = _PRICE_YEAR_RE.search(text)
    return int(match.group(1)) if match else None


def is_total_label(label: str) -> bool:
    key = fold(label)
    return key.startswith(("total", "gasto total", "presupuesto ley ejecutado"))


def check_total(
    record: FichaRecord, section: str, stated: ParsedNumber, parts: list[ParsedNumber], what: str
):
    """Warn when a stated total is not the sum of its parts (1 unit of rounding per part)."""
    if stated.value is None or not parts or any(p.value is None for p in parts):
        return
    total = sum(p.value for p in parts if p.value is not None)  # none is None (checked)
    if abs(total - stated.value) > max(len(parts), 1) * 1.0:
        record.warn(
            section,
            f"{what}: el total declarado {stated.text} no es la suma de sus partes ({_fmt(total)})",
        )


def check_percent_sum(
    record: FichaRecord, section: str, cells: list[ParsedNumber], what: str
) -> None:
    values = [c.value for c in cells if c.value is not None]
    if len(values) >= 2 and abs(sum(values) - 100) > 1.5:
        record.warn(section, f"{what}: los porcentajes suman {_fmt(sum(values), 1)}, no ~100")


def _fmt(value: float, decimals: int = 0) -> str:
    from .numbers import format_chilean

    return format_chilean(value, decimals)


def parse_subtitles(record: FichaRecord, rows: list[list[str]], year: int, price_year: int | None):
    """`21 (Gastos en personal) | 574.404` rows; returns the total row's cell and its source."""
    parts: list[ParsedNumber] = []
    total: ParsedNumber | None = None
    where: dict = {}
    head = next(
        (
            header_text(r, len(r) - 1)
            for r in rows
            if len(r) > 1
            and not _SUBTITLE_RE.match(plain(r[0]))
            and not is_total_label(plain(r[0]))
        ),
        None,
    )
    for row in rows:
        label = plain(row[0]) if row else ""
        value = parse_cell(row[-1]) if len(row) > 1 else parse_cell(None)
        match = _SUBTITLE_RE.match(label)
        if match and len(row) > 1:
            name = (match.group(2) or match.group(3) or "").strip() or None
            record.add(
                "subtitles",
                year=year,
                subtitle=int(match.group(1)),
                subtitle_name=name,
                price_year=price_year,
                **cell_columns(value, "amount_kclp", "amount_status"),
                **at(row, len(row) - 1, head),
            )
            parts.append(value)
        elif is_total_label(label) and len(row) > 1:
            total, where = value, at(row, len(row) - 1, head)
    if total is not None:
        check_total(record, "subtitulos", total, parts, "Gasto por subtítulo")
    return total, where


def year_columns(header: list[str]) -> dict[int, int]:
    """Column index -> year for the cells of a header row that are years."""
    return {i: int(c.strip()) for i, c in enumerate(header) if YEAR_CELL_RE.fullmatch(c)}


def split_name_unit(label: str) -> tuple[str, str | None]:
    """`Acompañamiento familiar (NNA cuyas familias ...)` -> name and production unit."""
    match = _NAME_UNIT_RE.match(label) if len(label) < 2000 else None
    if not match or not match.group(1).strip():
        return label, None
    return match.group(1).strip(), match.group(2).strip()


def parse_component_table(
    record: FichaRecord, rows: list[list[str]], price_year: int | None
) -> tuple[dict[str, dict[int, ParsedNumber]], dict[str, dict[int, dict]]]:
    """The 3-year components table (gasto, producción, gasto unitario by year).

    Component rows go to `components`; total, administrative and percentage rows are
    returned by kind (`componentes`, `administrativo`, `ejecutado`, `pct_admin`, `pct_comp`)
    as year -> cell, for the caller to put in `budget` and `ratios`, with their sources
    (kind -> year -> source columns).
    """
    header_i = next(
        (i for i, r in enumerate(rows) if len(year_columns(r)) >= 2 and not plain(r[0])), None
    )
    if header_i is None or header_i == 0:
        record.warn("componentes", "tabla de componentes sin encabezado de años; no se leyó")
        return {}, {}
    groups = rows[header_i - 1]
    years = year_columns(rows[header_i])
    fields: dict[int, str] = {}
    heads: dict[int, str] = {}  # column -> its header as printed (`Gasto ejecutado ... 2021`)
    current = group = ""
    for i in range(1, max(years) + 1):
        if i < len(groups) and groups[i].strip():
            current = fold(groups[i])
            group = plain(groups[i])
        if i in years:
            heads[i] = f"{group} {years[i]}".strip()
            if "unitario" in current:
                fields[i] = "unit_cost"
            elif "produc" in current:
                fields[i] = "production"
            elif "gasto" in current:
                fields[i] = "spending"
    specials: dict[str, dict[int, ParsedNumber]] = {}
    # kind -> year -> the source columns of that special cell
    wheres: dict[str, dict[int, dict]] = {}
    position = 0
    all_years = sorted(set(years.values()))
    missing = parse_cell(None)
    body = merge_continuation_rows([r for r in rows[header_i + 1 :] if any(c.strip() for c in r)])
    for row in body:
        label = plain(row[0])
        key = fold(label)
        values: dict[str, dict[int, ParsedNumber]] = {
            "spending": {},
            "production": {},
            "unit_cost": {},
        }
        where: dict[str, dict[int, int]] = {n: {} for n in values}  # name -> year -> column
        for i, name in fields.items():
            values[name][years[i]] = parse_cell(row[i] if i < len(row) else "")
            where[name][years[i]] = i
        kind = _special_row_kind(key)
        if kind:
            specials[kind] = values["spending"]
            wheres[kind] = {y: at(row, i, heads[i]) for y, i in where["spending"].items()}
            continue
        if not label:
            continue
        name, unit = split_name_unit(label)
        for year in all_years:
            spend = values["spending"].get(year, missing)
            prod = values["production"].get(year, missing)
            cost = values["unit_cost"].get(year, missing)
            cols = {n: where[n].get(year) for n in where}
            record.add(
                "components",
                component=name,
                production_unit=unit,
                year=year,
                price_year=price_year,
                position=position,
                **cell_columns(spend, "spending_kclp", "spending_status"),
                **cell_columns(prod, "production", "production_status"),
                **cell_columns(cost, "unit_cost_kclp", "unit_cost_status"),
                **_cell_source(row, cols["spending"], heads, "source"),
                **_cell_source(row, cols["production"], heads, "production_source"),
                **_cell_source(row, cols["unit_cost"], heads, "unit_cost_source"),
            )
        position += 1
    return specials, wheres


def _cell_source(row: list[str], i: int | None, heads: dict[int, str], prefix: str) -> dict:
    """The source columns of cell `i` (none when the table has no such column)."""
    return source(None, None, prefix) if i is None else at(row, i, heads.get(i), prefix)


def _special_row_kind(key: str) -> str | None:
    if key.startswith("porcentaje"):
        return "pct_admin" if "administrativo" in key else "pct_comp"
    if "gasto administrativo" in key:
        return "administrativo"
    if key.startswith("total") and "componentes" in key:
        return "componentes"
    if key.startswith("total"):
        return "ejecutado"
    return None


def parse_region_table(
    record: FichaRecord, rows: list[list[str]], year: int | None, price_year: int | None
) -> None:
    """`Región | Total ejecutado | % | Población beneficiada | %` rows, with a total row."""
    header_i = next((i for i, r in enumerate(rows) if fold(plain(r[0])).startswith("region")), None)
    if header_i is None:
        return
    columns: dict[str, int] = {}
    heads = {i: plain(h) for i, h in enumerate(rows[header_i])}
    for i, head in enumerate(rows[header_i][1:], start=1):
        key = fold(plain(head))
        benef = "pobla" in key or "benef" in key
        if key.startswith("porcentaje") or "%" in head:
            columns.setdefault("beneficiaries_pct" if benef else "spending_pct", i)
        elif benef:
            columns.setdefault("beneficiaries", i)
        else:
            columns.setdefault("spending", i)
    parsed: list[dict[str, ParsedNumber]] = []
    total: dict[str, ParsedNumber] | None = None
    total_row: list[str] = []
    for row in rows[header_i + 1 :]:
        label = plain(row[0])
        if not label:
            continue
        vals = {k: parse_cell(row[i] if i < len(row) else "") for k, i in columns.items()}
        if is_total_label(label):
            total, total_row = vals, row
            continue
        region = canonical_region(label)
        if region is None:
            record.warn("regiones", f"región no reconocida: {label!r} (se guarda como está)")
            region = label
        empty = ParsedNumber(None, None)  # a column this table does not have: null, no code
        record.add(
            "regions",
            region=region,
            region_as_written=label,
            year=year,
            price_year=price_year,
            **cell_columns(vals.get("spending", empty), "spending_kclp", "spending_status"),
            spending_pct=vals.get("spending_pct", empty).value,
            **cell_columns(
                vals.get("beneficiaries", empty), "beneficiaries", "beneficiaries_status"
            ),
            beneficiaries_pct=vals.get("beneficiaries_pct", empty).value,
            **_region_sources(row, columns, heads),
        )
        parsed.append(vals)
    if total:
        empty = ParsedNumber(None, None)
        record.add(
            "region_totals",
            year=year,
            price_year=price_year,
            **cell_columns(total.get("spending", empty), "spending_kclp", "spending_status"),
            spending_pct=total.get("spending_pct", empty).value,
            **cell_columns(
                total.get("beneficiaries", empty), "beneficiaries", "beneficiaries_status"
            ),
            beneficiaries_pct=total.get("beneficiaries_pct", empty).value,
            **_region_sources(total_row, columns, heads),
        )
    for key, what in (
        ("spending", "Gasto regional"),
        ("beneficiaries", "Beneficiarios por región"),
    ):
        if total and key in total:
            present = [v[key] for v in parsed if key in v and v[key].value is not None]
            check_total(record, "regiones", total[key], present, what)
    for key, what in (("spending_pct", "% del gasto"), ("beneficiaries_pct", "% de beneficiarios")):
        if any(key in v for v in parsed):
            check_percent_sum(record, "regiones", [v[key] for v in parsed if key in v], what)


def _region_sources(row: list[str], columns: dict[str, int], heads: dict[int, str]) -> dict:
    """A region row's line, and the header of each of its figures."""
    out = at(row, columns.get("spending"), heads.get(columns.get("spending", -1)))
    for key in ("spending_pct", "beneficiaries", "beneficiaries_pct"):
        out[f"{key}_source_column"] = heads.get(columns.get(key, -1)) or None
    return out


def parse_year_row_table(
    rows: list[list[str]],
) -> list[tuple[list[str], dict[int, ParsedNumber], dict[int, dict]]]:
    """Tables laid out as a row of years and rows of values under them.

    Returns (texts, year -> cell, year -> its source columns) for each value row; texts are
    the row's cells that are not under a year (its label, and a result column if any).
    """
    out = []
    years: dict[int, int] = {}
    for row in rows:
        found = year_columns(row)
        if len(found) >= 2:
            years = found
            continue
        if not years:
            continue
        label_cells = [t for i, c in enumerate(row) if i not in years and (t := plain(c))]
        cells = {y: parse_cell(row[i] if i < len(row) else "") for i, y in years.items()}
        out.append((label_cells, cells, {y: at(row, i, str(y)) for i, y in years.items()}))
    return out
