"""Chile's regions named in a ficha's sentence (spellings mapped by geography.canonical_region)."""

from __future__ import annotations

import re

from ..geography import canonical_region

_LIST_SEPARATOR_RE = re.compile(r",|;|\by\s+(?=[A-ZÁÉÍÓÚÑ])")


def parse_region_list(text: str) -> list[str]:
    """Canonical regions named in a sentence like `... en las regiones: Arica y Parinacota, ...`."""
    if ":" in text:
        text = text.split(":", 1)[1]
    found: list[str] = []
    for part in _LIST_SEPARATOR_RE.split(text.rstrip(". ")):
        region = canonical_region(part)
        if region and region not in found:
            found.append(region)
    return found
