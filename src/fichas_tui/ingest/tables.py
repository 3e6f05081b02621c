"""Table parsers the template generations share: subtitles, components, indicators, regions."""

from __future__ import annotations

import re
from functools import lru_cache

from ..geography import canonical_region
from ..text import fold
from .markup import latex_to_text, merge_continuation_rows, plain
from .numbers import ParsedNumber, parse_cell, parse_year
from .parsed import FichaRecord, cell_columns

_PRICE_YEAR_RE = re.compile(r"(?:M{1,2}\s*\\?\$|Miles de \\?\$|pesos(?: año)?)\s*\(?\s*(\d{4})")
_SUBTITLE_RE = re.compile(r"^\s*(\d{2})\s*(?:\((.*)\))?\s*(.*)$")
YEAR_CELL_RE = re.compile(r"\s*(19|20)\d\d\s*")
_NAME_UNIT_RE = re.compile(r"^(.*?)\s*\(([^()]*(?:\([^()]*\)[^()]*)*)\)\s*$")
_ATTRIBUTE_RE = re.compile(r"<b>\s*([^<:]+):?\s*</b>:?")
_INDICATOR_HEAD_RE = re.compile(r"\s*(Efectivo|Meta)\s+\d{4}")
_TAG_RE = re.compile(r"<[^<>]+>")


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
    """`21 (Gastos en personal) | 574.404` rows and their total row."""
    parts: list[ParsedNumber] = []
    total: ParsedNumber | None = None
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
            )
            parts.append(value)
        elif is_total_label(label) and len(row) > 1:
            total = value
    if total is not None:
        check_total(record, "subtitulos", total, parts, "Gasto por subtítulo")
    return total


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
) -> dict[str, dict[int, ParsedNumber]]:
    """The 3-year components table (gasto, producción, gasto unitario by year).

    Component rows go to `components`; total, administrative and percentage rows are
    returned by kind (`componentes`, `administrativo`, `ejecutado`, `pct_admin`, `pct_comp`)
    as year -> cell, for the caller to put in `budget` and `ratios`.
    """
    header_i = next(
        (i for i, r in enumerate(rows) if len(year_columns(r)) >= 2 and not plain(r[0])), None
    )
    if header_i is None or header_i == 0:
        record.warn("componentes", "tabla de componentes sin encabezado de años; no se leyó")
        return {}
    groups = rows[header_i - 1]
    years = year_columns(rows[header_i])
    fields: dict[int, str] = {}
    current = ""
    for i in range(1, max(years) + 1):
        if i < len(groups) and groups[i].strip():
            current = fold(groups[i])
        if i in years:
            if "unitario" in current:
                fields[i] = "unit_cost"
            elif "produc" in current:
                fields[i] = "production"
            elif "gasto" in current:
                fields[i] = "spending"
    specials: dict[str, dict[int, ParsedNumber]] = {}
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
        for i, name in fields.items():
            values[name][years[i]] = parse_cell(row[i] if i < len(row) else "")
        kind = _special_row_kind(key)
        if kind:
            specials[kind] = values["spending"]
            continue
        if not label:
            continue
        name, unit = split_name_unit(label)
        for year in all_years:
            spend = values["spending"].get(year, missing)
            prod = values["production"].get(year, missing)
            cost = values["unit_cost"].get(year, missing)
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
            )
        position += 1
    return specials


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
    for row in rows[header_i + 1 :]:
        label = plain(row[0])
        if not label:
            continue
        vals = {k: parse_cell(row[i] if i < len(row) else "") for k, i in columns.items()}
        if is_total_label(label):
            total = vals
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


def indicator_attributes(text: str) -> dict[str, str | None]:
    """`<b>Unidad de medida:</b> Porcentual <b>Dimensión:</b> Eficacia ...` as a dict."""
    out = {}
    names = {
        "unidad de medida": "unit",
        "dimension": "dimension",
        "periodicidad": "periodicity",
        "sentido de medicion": "direction",
    }
    parts = _ATTRIBUTE_RE.split(text)
    for label, value in zip(parts[1::2], parts[2::2], strict=False):
        key = names.get(fold(label))
        if key:
            out[key] = plain(value) or None
    return out


def parse_indicator_table(
    record: FichaRecord,
    rows: list[list[str]],
    level: str,
    formulas: dict[str, str] | None = None,
    start_position: int = 0,
) -> int:
    """An indicator table: name, formula, attributes, Efectivo/Meta by year, assessments.

    Returns the next free position, so several tables of one ficha keep their order.
    """
    header_i = next(
        (i for i, r in enumerate(rows) if any(_INDICATOR_HEAD_RE.match(c) for c in r)),
        None,
    )
    if header_i is None:
        return start_position
    columns: dict[int, tuple[str, object]] = {}
    for i, head in enumerate(rows[header_i]):
        text = plain(head)
        key = fold(text)
        year = parse_year(text)
        if key.startswith("efectivo") and year:
            columns[i] = ("efectivo", year)
        elif key.startswith("meta") and year:
            columns[i] = ("meta", year)
        elif key.startswith("indicador"):
            columns[i] = ("name", None)
        elif key.startswith("formula"):
            columns[i] = ("formula", None)
        elif key.startswith("otros atributos"):
            columns[i] = ("attributes", None)
        elif "pertinencia" in key:
            columns[i] = ("relevance", None)
        elif "calidad" in key:
            columns[i] = ("quality", None)
        elif key.startswith("resultado"):
            columns[i] = ("result", text)
    name_col = next((i for i, (k, _) in columns.items() if k == "name"), 0)
    body = merge_continuation_rows(
        [r for r in rows[header_i + 1 :] if any(c.strip() for c in r)], key_columns=name_col + 1
    )
    width = len(rows[header_i])
    # Value columns apart from the others: each becomes a row of its own.
    value_columns = [(i, k, y) for i, (k, y) in columns.items() if k in ("efectivo", "meta")]
    text_columns = [(i, k, x) for i, (k, x) in columns.items() if k not in ("efectivo", "meta")]
    position = start_position
    for row in body:
        # 003's broken last row puts its Resultado one cell past the header: pull it back.
        if len(row) > width:
            extra = " ".join(plain(c) for c in row[width:] if plain(c))
            if extra and not plain(row[width - 1]):
                row = [*row[: width - 1], extra]
        name = plain(row[name_col]) if name_col < len(row) else ""
        if not name:
            continue
        facts: dict[str, object] = {"formula": None}
        results = []
        for i, kind, heading in text_columns:
            cell = row[i] if i < len(row) else ""
            if kind == "formula":
                facts["formula"] = _formula_text(cell)
            elif kind == "attributes":
                facts.update(_attribute_items(cell))
            elif kind == "relevance":
                facts["evaluation_relevance"] = plain(cell) or None
            elif kind == "quality":
                facts["evaluation_quality"] = plain(cell) or None
            elif kind == "result" and plain(cell):
                label = str(heading)
                generic = fold(label) == "resultado"
                results.append(plain(cell) if generic else f"{label}: {plain(cell)}")
        if facts["formula"] is None and formulas:
            facts["formula"] = match_formula(name, formulas)
        facts["result"] = " / ".join(results) or None
        for i, kind, column_year in value_columns:
            parsed = parse_cell(row[i] if i < len(row) else "")
            record.add(
                "indicators",
                level=level,
                indicator=name,
                year=column_year,
                kind=kind,
                position=position,
                value_text=parsed.text or None,
                **facts,
                **cell_columns(parsed, "value", "value_status"),
            )
        position += 1
    return position


@lru_cache(maxsize=1024)  # indicator cells repeat across a program's fichas
def _formula_text(cell: str) -> str | None:
    return latex_to_text(plain_keep_latex(cell)) or None


@lru_cache(maxsize=1024)
def _attribute_items(cell: str) -> tuple[tuple[str, str | None], ...]:
    """`indicator_attributes` as immutable pairs, so a cached answer cannot be changed."""
    return tuple(indicator_attributes(cell).items())


def plain_keep_latex(text: str) -> str:
    """Cell text without HTML tags but with LaTeX backslashes intact."""
    text = _TAG_RE.sub(" ", text)
    return " ".join(text.split())


def match_formula(name: str, formulas: dict[str, str]) -> str | None:
    """The formula given elsewhere in the ficha for an indicator of this name."""
    key = fold(name)
    if key in formulas:
        return formulas[key]
    for other, formula in formulas.items():
        if key.startswith(other) or other.startswith(key):
            return formula
    return None


def parse_year_row_table(rows: list[list[str]]) -> list[tuple[list[str], dict[int, ParsedNumber]]]:
    """Tables laid out as a row of years and rows of values under them.

    Returns (texts, year -> cell) for each value row; texts are the row's cells that are not
    under a year (its label, and a result column where there is one).
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
        out.append(
            (label_cells, {y: parse_cell(row[i] if i < len(row) else "") for i, y in years.items()})
        )
    return out
