"""The one declaration of the program's panes: their keys, titles and the tables each reads.

Loading (which tables a tab needs), the detail query, missing-table messages, the panes and
`fichas show` all derive from PANES. Nothing here imports the data layer, so it can import this.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class PaneSpec:
    key: str
    title: str
    tables: tuple[str, ...]  # the dataset tables its view is built from
    # Tables a dataset may lack (written by an older `fichas ingest`): absent, the pane shows
    # what it has without naming the file.
    optional: tuple[str, ...] = ()

    @property
    def required(self) -> tuple[str, ...]:
        return tuple(t for t in self.tables if t not in self.optional)


PANES = (
    PaneSpec("resumen", "Resumen", ("findings", "warnings", "coverage")),
    PaneSpec(
        "presupuesto",
        "Presupuesto",
        ("budget", "ratios", "subtitles", "components", "spending_per_beneficiary"),
        optional=("ratios", "spending_per_beneficiary"),
    ),
    PaneSpec("indicadores", "Indicadores", ("indicators",)),
    PaneSpec("regiones", "Regiones", ("regions", "region_totals"), optional=("region_totals",)),
    PaneSpec(
        "evaluacion",
        "Evaluación",
        ("evaluations", "assessments", "ods", "complementarities", "texts"),
        optional=("evaluations", "assessments", "ods", "complementarities", "texts"),
    ),
)

PANE_KEYS = tuple(p.key for p in PANES)
PANE_TABLES = {p.key: p.tables for p in PANES}
# Every table some pane reads, in declaration order.
DETAIL_TABLES = tuple(dict.fromkeys(t for p in PANES for t in p.tables))
# The tables whose absence a pane names (the others may be missing from older datasets).
REQUIRED_TABLES = tuple(dict.fromkeys(t for p in PANES for t in p.required))


def pane(key: str) -> PaneSpec:
    for spec in PANES:
        if spec.key == key:
            return spec
    raise KeyError(key)
