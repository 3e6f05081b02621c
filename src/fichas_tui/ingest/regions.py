"""Chile's regions: every spelling the fichas use mapped to one canonical name."""

from __future__ import annotations

import re
from functools import lru_cache

# The layouts and tests import these from here.
from ..geography import CANONICAL_REGIONS, NIVEL_CENTRAL, REGION_ORDER  # noqa: F401
from ..text import fold, strip_accents  # noqa: F401

# Folded key fragments -> canonical name. Checked in order; first hit wins.
_PATTERNS: tuple[tuple[str, str], ...] = (
    (r"\barica\b|\bparinacota\b|^xv\b", "Arica y Parinacota"),
    (r"\btarapaca\b|^i\b", "Tarapacá"),
    (r"\bantofagasta\b|^ii\b", "Antofagasta"),
    (r"\batacama\b|^iii\b", "Atacama"),
    (r"\bcoquimbo\b|^iv\b", "Coquimbo"),
    (r"\bvalparaiso\b|^v\b", "Valparaíso"),
    (r"\bmetropolitana\b|\bsantiago\b|^rm\b|^xiii\b", "Metropolitana de Santiago"),
    (r"\bo ?higgins\b|\bohiggins\b|\blibertador\b|^vi\b", "Libertador General Bernardo O'Higgins"),
    (r"\bmaule\b|^vii\b", "Maule"),
    (r"\bnuble\b|^xvi\b", "Ñuble"),
    (r"\bbio ?bio\b|^viii\b", "Biobío"),
    (r"\baraucania\b|^ix\b", "La Araucanía"),
    (r"\blos rios\b|^xiv\b", "Los Ríos"),
    (r"\blos lagos\b|^x\b", "Los Lagos"),
    (r"\baysen\b|\baisen\b|\bibanez\b|^xi\b", "Aysén del General Carlos Ibáñez del Campo"),
    (r"\bmagallanes\b|\bantartica\b|^xii\b", "Magallanes y Antártica Chilena"),
    (r"\bnivel central\b|\bnacional\b|\bcentral\b", NIVEL_CENTRAL),
)
_COMPILED = tuple((re.compile(p), name) for p, name in _PATTERNS)
_LIST_SEPARATOR_RE = re.compile(r",|;|\by\s+(?=[A-ZÁÉÍÓÚÑ])")


@lru_cache(maxsize=2048)
def canonical_region(name: str) -> str | None:
    """The canonical name of a region however it is spelled, or None if it is not one."""
    key = fold(name)
    if not key:
        return None
    for pattern, canonical in _COMPILED:
        if pattern.search(key):
            return canonical
    return None


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
