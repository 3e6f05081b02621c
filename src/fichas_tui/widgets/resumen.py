"""Resumen pane: who runs the program, what it does, findings and data-quality warnings."""

from __future__ import annotations

from rich.console import Group, RenderableType
from rich.table import Table
from rich.text import Text

from ..data.queries import ProgramDetail
from ..text import clean
from ..views.figures import years_label
from .pane import Pane, note, pct, table, title, txt

BASIS_LABELS = {"objetivo": "Población objetivo", "potencial": "Población potencial"}


def _decimals(value: float | None) -> int:
    if value is None or value == round(value):
        return 0
    return 1 if value == round(value, 1) else 2


def coverage_parts(detail: ProgramDetail) -> list[RenderableType]:
    """Coverage by year (beneficiaries / population, %), one row per basis; none: nothing."""
    if not detail.coverage:
        return []
    years = sorted({c.year for c in detail.coverage})
    # As many decimals as the ficha wrote (97,85 % stays 97,85 %, 75 % stays 75 %).
    decimals = max(_decimals(c.pct.value) for c in detail.coverage)
    grid = table("Cobertura", *(str(y) for y in years))
    for basis in dict.fromkeys(c.basis for c in detail.coverage):
        by_year = {c.year: c.pct for c in detail.coverage if c.basis == basis}
        grid.add_row(
            Text(BASIS_LABELS.get(basis, clean(basis))),
            *(pct(by_year[y], decimals) if y in by_year else Text("") for y in years),
        )
    heading = f"Cobertura por año (% de la población), ficha {detail.ficha.evaluated_year}"
    return [title(heading), grid, Text()]


class ResumenPane(Pane):
    NAME = "resumen"

    def build(self, detail: ProgramDetail) -> RenderableType:
        ficha = detail.ficha
        facts = Table.grid(padding=(0, 1))
        facts.add_column(style="bold", no_wrap=True)
        facts.add_column(ratio=1)
        rows = [
            ("Programa", txt(ficha.name)),
            ("Ministerio", txt(ficha.ministry)),
            ("Servicio", txt(ficha.service)),
            ("Fichas", Text(years_label(detail.years) + f"  (mostrando {ficha.evaluated_year})")),
            ("Año de inicio", txt(str(ficha.start_year) if ficha.start_year else None)),
            ("Descripción", txt(ficha.description)),
            ("Propósito", txt(ficha.purpose)),
            ("Regiones", txt(", ".join(ficha.regions) if ficha.regions else None)),
            ("Ejecutores", txt(ficha.executors)),
        ]
        for label, value in rows:
            facts.add_row(Text(label), value)
        parts: list[RenderableType] = [facts, Text()]
        parts += coverage_parts(detail)
        parts.append(title(f"Hallazgos de la ficha {ficha.evaluated_year}"))
        if detail.findings:
            last = None
            for finding in detail.findings:
                if finding.topic != last:
                    parts.append(Text(clean(finding.topic) or "Sin dimensión", style="bold"))
                    last = finding.topic
                parts.append(Text("• ") + Text(clean(finding.text)))
        else:
            parts.append(note("La ficha no informa hallazgos."))
        parts += [Text(), title("Advertencias de calidad de datos")]
        if detail.warnings:
            for warning in detail.warnings:
                parts.append(
                    Text(f"• {warning.year} · ", style="yellow")
                    + Text(clean(warning.topic), style="bold")
                    + Text(": ")
                    + Text(clean(warning.text))
                )
        else:
            parts.append(note("Sin advertencias en las fichas de este programa."))
        return Group(*parts)
