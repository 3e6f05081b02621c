"""The program's panes: their keys and titles, over the tables each reads (data.pane_tables).

The TUI's tabs, the program view and `fichas show` derive from PANES.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..data.pane_tables import DETAIL_TABLES, PANE_READS, PANE_TABLES, REQUIRED_TABLES, PaneTables

TITLES = {
    "resumen": "Resumen",
    "presupuesto": "Presupuesto",
    "indicadores": "Indicadores",
    "regiones": "Regiones",
    "evaluacion": "Evaluación",
}


@dataclass(frozen=True, slots=True)
class PaneSpec:
    key: str
    title: str
    reads: PaneTables

    @property
    def tables(self) -> tuple[str, ...]:
        return self.reads.tables

    @property
    def optional(self) -> tuple[str, ...]:
        return self.reads.optional

    @property
    def required(self) -> tuple[str, ...]:
        return self.reads.required


PANES = tuple(PaneSpec(p.key, TITLES[p.key], p) for p in PANE_READS)
PANE_KEYS = tuple(p.key for p in PANES)


def pane(key: str) -> PaneSpec:
    for spec in PANES:
        if spec.key == key:
            return spec
    raise KeyError(key)


__all__ = [
    "DETAIL_TABLES",
    "PANES",
    "PANE_KEYS",
    "PANE_TABLES",
    "REQUIRED_TABLES",
    "TITLES",
    "PaneSpec",
    "pane",
]
