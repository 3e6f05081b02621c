"""Where a figure comes from: the ficha (file, SHA-256, year) and the line it is printed on, or
the rule and inputs it is computed from, or why it is missing."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class FichaRef:
    """One ficha as a source: its id, evaluated year, file name and the SHA-256 of its bytes."""

    ficha_id: str
    year: int | None = None
    file: str | None = None
    sha256: str | None = None  # None: a dataset ingested before provenance was kept
    # (table, 1-based line of the gap) of each table the original printed as an image
    images: tuple[tuple[str, int], ...] = ()


@dataclass(frozen=True, slots=True)
class Origin:
    """A printed figure (`line`, `column`), a computed one (`rule` over `inputs`), or a missing
    one (`missing` says why: the template does not print it, the ficha printed an image...)."""

    ficha: FichaRef
    line: int | None = None  # 1-based in the ficha's stored text (ficha_texts)
    column: str | None = None  # the header the figure stands under, as printed
    rule: str | None = None
    inputs: tuple[Origin, ...] = ()
    missing: str | None = None

    def at(self, line: int | None, column: str | None = None) -> Origin:
        return Origin(self.ficha, line, column)


def printed(ficha: FichaRef | None, line, column=None, rule=None) -> Origin | None:
    """The origin of a figure read from a row's source columns (None without a ficha)."""
    if ficha is None:
        return None
    return Origin(ficha, line, column or None, rule or None)


def computed(rule: str, *inputs: Origin | None) -> Origin | None:
    """A figure computed by `rule` from figures of these origins (None without any)."""
    found = tuple(o for o in inputs if o is not None)
    if not found:
        return None
    return Origin(found[0].ficha, rule=rule, inputs=found)


def ref_of(ficha) -> FichaRef:
    """A ficha record (detail_records.Ficha) as a source."""
    return FichaRef(
        ficha.ficha_id, ficha.evaluated_year, ficha.source_file, ficha.source_sha256, ficha.images
    )
