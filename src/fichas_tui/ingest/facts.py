"""Program facts a layout cannot settle alone: name from text, manifest or fallback; ids."""

from __future__ import annotations

from ..reference.catalog import AMBIGUOUS, UNMATCHED, catalog
from ..text import fold
from .document import Document
from .manifest import MANIFEST_FIELDS
from .markup import normalize_text
from .parsed import FichaRecord


def program_id_of(name: str) -> str:
    """The same for every year's ficha of a program, whatever its case, accents or spacing."""
    return fold(name).replace(" ", "-") or "sin-nombre"


def finish_facts(
    record: FichaRecord, doc: Document, manifest: dict[str, str], name: str | None
) -> list[str]:
    """Fill name, ministry and service (text, then manifest, then --name); return what the
    manifest supplied."""
    facts = record.facts
    from_manifest = []
    for key in MANIFEST_FIELDS:
        if not facts.get(key) and manifest.get(key):
            facts[key] = manifest[key]
            from_manifest.append(key)
    if from_manifest:
        facts["name_source"] = "manifest" if "program_name" in from_manifest else "texto"
    if not facts.get("program_name") and name:
        facts["program_name"] = " ".join(normalize_text(name).split())
        facts["name_source"] = "--name"
    if not facts.get("program_name"):
        facts["program_name"] = f"Programa sin nombre ({record.source_file})"
        facts["name_source"] = "archivo"
        record.warn(
            "programa",
            "la ficha no trae el nombre del programa y no está en manifest.csv; "
            "se usa el nombre del archivo",
        )
    facts.setdefault("name_source", "texto")
    lacking = [word for key, word in (("ministry", "ministerio"), ("service", "servicio"))
               if not facts.get(key)]  # fmt: skip
    if lacking:
        record.warn(
            "programa",
            f"la ficha no dice su {' ni su '.join(lacking)} y manifest.csv no lo da; "
            "la lista lo muestra «—» y los filtros por ministerio o servicio no la encuentran",
        )
    facts["program_id"] = program_id_of(facts["program_name"])
    facts["search_key"] = " ".join(
        fold(facts.get(k) or "") for k in ("program_name", "ministry", "service")
    ).strip()
    if facts.get("evaluated_year") is None:
        record.warn("ficha", "no se pudo determinar el año evaluado")
    match_catalog(record)
    return from_manifest


def match_catalog(record: FichaRecord) -> None:
    """The program's BIPS number when the catalog has exactly one entry for it (`id_bips`),
    and what ingest reports otherwise (`catalog_note`, not a column)."""
    facts = record.facts
    if facts["name_source"] == "archivo":
        facts["catalog_note"] = "sin nombre: no se busca en el catálogo BIPS"
        return
    match = catalog().match(facts["program_name"], facts.get("ministry"), facts.get("service"))
    facts["id_bips"] = match.id_bips
    if match.how == UNMATCHED:
        facts["catalog_note"] = "no está en el catálogo BIPS 2025"
    elif match.how == AMBIGUOUS:
        numbers = ", ".join(str(e.id_bips) for e in match.candidates)
        facts["catalog_note"] = f"ambiguo en el catálogo BIPS 2025 (BIPS {numbers})"
