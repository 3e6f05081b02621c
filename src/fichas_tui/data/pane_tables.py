"""Which dataset tables each pane of a program's detail reads: the one declaration.

Keyed by the pane's key, in tab order. Loading (which tables a tab needs), the detail query,
the read-ahead file, missing-table messages and `fichas show` derive from PANE_READS;
views.panes adds each pane's title.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class PaneTables:
    key: str
    tables: tuple[str, ...]  # the dataset tables its view is built from
    # Tables a dataset may lack (written by an older `fichas ingest`): absent, the pane shows
    # what it has without naming the file.
    optional: tuple[str, ...] = ()

    @property
    def required(self) -> tuple[str, ...]:
        return tuple(t for t in self.tables if t not in self.optional)


PANE_READS = (
    PaneTables("resumen", ("findings", "warnings", "coverage")),
    PaneTables(
        "presupuesto",
        # region_totals: the beneficiaries a gasto por beneficiario is computed with
        (
            "budget",
            "ratios",
            "subtitles",
            "components",
            "spending_per_beneficiary",
            "region_totals",
        ),
        optional=("ratios", "spending_per_beneficiary", "region_totals"),
    ),
    PaneTables("indicadores", ("indicators",)),
    PaneTables("regiones", ("regions", "region_totals"), optional=("region_totals",)),
    PaneTables(
        "evaluacion",
        ("evaluations", "assessments", "ods", "complementarities", "texts"),
        optional=("evaluations", "assessments", "ods", "complementarities", "texts"),
    ),
)

PANE_TABLES = {p.key: p.tables for p in PANE_READS}
# Every table some pane reads, in declaration order.
DETAIL_TABLES = tuple(dict.fromkeys(t for p in PANE_READS for t in p.tables))
# The tables whose absence a pane names (the others may be missing from older datasets).
REQUIRED_TABLES = tuple(dict.fromkeys(t for p in PANE_READS for t in p.required))
