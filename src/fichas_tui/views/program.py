"""A program's ficha as a ProgramView: every pane's view, built from one ProgramDetail."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from ..data.detail_records import ProgramDetail
from ..data.origin import ref_of
from . import evaluacion, indicadores, presupuesto, regiones, resumen
from .cells import explain_codes
from .model import PaneView, ProgramView, Table
from .panes import PANES
from .pesos import EACH_FICHA, Pesos
from .sources import fill_pane, image_tables

# pane key -> builder; the keys and their order come from the declaration in panes.py.
BUILDERS = {
    "resumen": resumen.build,
    "presupuesto": presupuesto.build,
    "indicadores": indicadores.build,
    "regiones": regiones.build,
    "evaluacion": evaluacion.build,
}
assert tuple(BUILDERS) == tuple(p.key for p in PANES)


def pane_view(key: str, detail: ProgramDetail, **options) -> PaneView:
    """One pane's view; `options` are the pane's settings (formulas=, order=). Every table
    cell carries its source (views/sources.py) and every code a table shows is explained in
    its notes."""
    ref = ref_of(detail.ficha)
    images = image_tables(ref, [c.name for c in detail.components])
    pane = BUILDERS[key](detail, **options)
    blocks = tuple(explain_codes(b) if isinstance(b, Table) else b for b in pane.blocks)
    return fill_pane(replace(pane, blocks=blocks), ref, images)


def program_view(
    detail: ProgramDetail, *, formulas: bool = True, pesos: Pesos = EACH_FICHA
) -> ProgramView:
    """Every pane with its default settings (indicator formulas shown: scripts want them),
    amounts in `pesos` (each ficha's own by default)."""
    ficha = detail.ficha
    options: dict[str, dict[str, Any]] = {
        "indicadores": {"formulas": formulas},
        "presupuesto": {"pesos": pesos},
        "regiones": {"pesos": pesos},
    }
    return ProgramView(
        program_id=detail.program.program_id,
        name=ficha.name,
        subtitle=ficha.service or ficha.ministry or "",
        year=ficha.evaluated_year,
        years=detail.years,
        panes=tuple(pane_view(p.key, detail, **options.get(p.key, {})) for p in PANES),
    )
