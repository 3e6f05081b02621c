"""The list's filters (ministry, service, year, the facets read from the dataset and a numeric
filter on a measure), apart from their screen: loaded only when used."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..text import one_line

if TYPE_CHECKING:  # data.facets (and the queries across programs) load when a facet is used
    from ..data.facets import FacetQuery
    from ..views.measure_filter import MeasureFilter

# Longest text of one filter in the status line (a ministry's name is ~50 characters).
PART_WIDTH = 18
# Longest label in the status line: after " 999 de 1000 programas · filtros: " it fits 80
# columns; filters that do not fit are counted ("+2").
LABEL_WIDTH = 46


def _short(text: str, width: int = PART_WIDTH) -> str:
    text = one_line(text).strip()
    return text if len(text) <= width else text[: width - 1].rstrip() + "…"


@dataclass(frozen=True)
class Filters:
    ministry: str | None = None
    service: str | None = None
    year: int | None = None  # evaluated year; with a facet below, the ficha it looks at
    region: str | None = None
    executor: str | None = None
    with_warnings: bool = False
    findings: str | None = None  # text in the findings, as typed
    verdict: str | None = None  # `verdict` or `verdict:topic` (views.verdicts.options)
    # a measure of each program's ficha of `year` (else its latest) against a threshold; an
    # amount's threshold is in the basis the list was in when the filter was chosen
    measure: MeasureFilter | None = None

    def facets(self) -> FacetQuery | None:
        """What the dataset must answer (data.facets), None when memory is enough. The
        measure's condition is added by the worker that reads it (it needs the deflators)."""
        findings = (self.findings or "").strip() or None
        wanted = self.region or self.executor or self.with_warnings or findings or self.verdict
        if not (wanted or self.measure):
            return None
        from ..data.facets import FacetQuery

        verdict, topic = self.verdict_topic()
        return FacetQuery(
            self.year, self.region, self.executor, self.with_warnings, findings, verdict, topic
        )

    def verdict_topic(self) -> tuple[str | None, str | None]:
        if not self.verdict:
            return None, None
        verdict, _, topic = self.verdict.partition(":")
        return verdict, topic or None

    def parts(self) -> list[str]:
        """Each filter that is on, short, in the dialog's order."""
        parts = [_short(p) for p in (self.ministry, self.service) if p]
        if self.year:
            parts.append(f"año {self.year}")
        if self.region:
            parts.append(_short(self.region))
        if self.executor:
            parts.append("ejecuta " + _short(self.executor, PART_WIDTH - 4))
        if self.with_warnings:
            parts.append("con avisos")
        if self.verdict:
            from ..views.verdicts import option_label

            verdict, _, topic = self.verdict.partition(":")
            parts.append("hallazgo " + _short(option_label(verdict, topic or None), PART_WIDTH))
        if (self.findings or "").strip():
            parts.append(f"hallazgos «{_short(self.findings or '', PART_WIDTH - 4)}»")
        if self.measure is not None:
            basis = self.measure.basis_label()
            parts.append(self.measure.short() + (f" {basis}" if basis else ""))
        return parts

    def label(self, width: int | None = LABEL_WIDTH) -> str:
        """The filters that are on ('' for none), within `width` characters: those that do not
        fit are counted (`Coquimbo · con avisos · +2`). None: every filter, whatever its
        length."""
        parts = self.parts()
        if width is None or not parts:
            return " · ".join(parts)
        shown: list[str] = []
        for i, part in enumerate(parts):
            rest = len(parts) - i - 1
            more = f" · +{rest}" if rest else ""
            if len(" · ".join([*shown, part]) + more) > width and shown:
                return " · ".join([*shown, f"+{len(parts) - i}"])
            shown.append(part)
        return " · ".join(shown)
