"""View models as plain dicts for JSON (and anything else that wants plain data).

Every amount carries `unit` and `price_year` (null for nominal pesos); a missing value is
null with its `status`; a non-finite number becomes null, so the output is strict JSON.
"""

from __future__ import annotations

import json
import math
import re
from typing import Any

from .model import AMOUNT, Bar, Basis, Block, Cell, Column, Facts, PaneView, ProgramView, Table
from .pesos import NO_FACTOR
from .sources import as_dict

# json.dumps escapes C0 controls but leaves DEL, the C1 controls (0x9b is a one-byte CSI) and
# the bidirectional overrides raw: escape them too, so the output is safe on a terminal and
# still decodes to exactly the same text.
_JSON_UNSAFE = re.compile(r"[\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]")


def dumps(data: Any) -> str:
    """Strict JSON (no NaN/Infinity), terminal-safe, readable."""
    text = json.dumps(data, ensure_ascii=False, indent=2, allow_nan=False)
    return _JSON_UNSAFE.sub(lambda m: f"\\u{ord(m.group()):04x}", text)


def number(value: Any) -> Any:
    if isinstance(value, float) and not math.isfinite(value):
        return None
    return value


def basis(b: Basis) -> dict:
    out = {"unit": b.unit, "price_year": b.price_year, "label": b.label}
    if b.converted:
        out["converted"] = True
    return out


def cell(column: Column, c: Cell) -> dict:
    """A cell as data; `source` says where the ficha prints it (views/sources.py) and, for a
    converted amount, also the basis printed there (unit, price_year, label)."""
    out = _cell(column, c)
    origin = as_dict(c.origin, c.status)
    if origin is not None:
        out["source"] = {**out.get("source", {}), **origin}
    return out


def _cell(column: Column, c: Cell) -> dict:
    if isinstance(c.value, Bar):
        return {
            "fraction": number(c.value.fraction),
            "target": number(c.value.target),
            "reached": c.value.reached,
        }
    value = number(c.value)
    out: dict[str, Any] = {"value": value}
    if value is None:
        out["status"] = c.status if c.value is None else "inválido"
        if c.written:
            out["written"] = c.written
    if column.kind == AMOUNT:
        b = c.basis or column.basis or Basis()
        if c.note == NO_FACTOR:
            # Asked in other pesos and no factor reaches its year: null, with the reason and
            # the figure as the ficha prints it.
            return {
                "value": None,
                "note": NO_FACTOR,
                "value_in_ficha": value,
                "source": basis(b),
            }
        out.update(unit=b.unit, price_year=b.price_year)
        if b.converted:
            out.update(converted=True, factor=number(c.factor))
            if c.source is not None:
                out["source"] = basis(c.source)
    if c.note:
        out["note"] = c.note
    return out


def column(c: Column) -> dict:
    out: dict[str, Any] = {"key": c.key, "title": c.title, "kind": c.kind, "header": c.header}
    if c.unit:
        out["unit"] = c.unit
    if c.basis is not None:
        out["basis"] = basis(c.basis)
    if c.kind != "text":
        out["decimals"] = c.decimals
    if c.scale is not None or c.kind == "bar":
        out["scale"] = number(c.scale)
    return out


def table(t: Table) -> dict:
    return {
        "type": "table",
        "key": t.key,
        "title": t.title,
        "notes": list(t.notes),
        "order": t.order,
        "columns": [column(c) for c in t.columns],
        "rows": [
            {
                "role": r.role,
                "key": r.key,
                "cells": {col.key: cell(col, c) for col, c in zip(t.columns, r.cells, strict=True)},
            }
            for r in t.rows
        ],
    }


def block(b: Block) -> dict:
    if isinstance(b, Table):
        return table(b)
    if isinstance(b, Facts):
        return {
            "type": "facts",
            "key": b.key,
            "title": b.title,
            "items": [{"label": label, "value": value} for label, value in b.items],
        }
    return {
        "type": "paragraphs",
        "key": b.key,
        "title": b.title,
        "items": [{"heading": h or None, "text": t} for h, t in b.items],
        **({"tags": {h: list(labels) for h, labels in b.tags}} if b.tags else {}),
    }


def pane(p: PaneView) -> dict:
    return {
        "key": p.key,
        "title": p.title,
        "notice": p.notice,
        "blocks": [block(b) for b in p.blocks],
    }


def program(v: ProgramView) -> dict:
    return {
        "program_id": v.program_id,
        "name": v.name,
        "subtitle": v.subtitle,
        "year": v.year,
        "years": list(v.years),
        "panes": [pane(p) for p in v.panes],
    }
