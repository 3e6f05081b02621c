"""The list's filters (ministry, service, year), apart from their screen: loaded only when used."""

from __future__ import annotations

from dataclasses import dataclass

from ..text import one_line


@dataclass(frozen=True)
class Filters:
    ministry: str | None = None
    service: str | None = None
    year: int | None = None

    def label(self) -> str:
        parts = [one_line(p) for p in (self.ministry, self.service) if p]
        if self.year:
            parts.append(f"año {self.year}")
        return " · ".join(parts)
