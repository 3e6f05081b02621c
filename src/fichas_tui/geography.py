"""Chile's regions: canonical names in the official north-to-south order, and every spelling
the fichas (and users) write mapped onto them."""

from __future__ import annotations

import re
from functools import lru_cache

from .text import fold

# Shared by ingest (names to map spellings onto), views (the order users expect) and the
# outputs (regions typed by users): a top-level module so no layer imports another for it.
CANONICAL_REGIONS = (
    "Arica y Parinacota",
    "Tarapacá",
    "Antofagasta",
    "Atacama",
    "Coquimbo",
    "Valparaíso",
    "Metropolitana de Santiago",
    "Libertador General Bernardo O'Higgins",
    "Maule",
    "Ñuble",
    "Biobío",
    "La Araucanía",
    "Los Ríos",
    "Los Lagos",
    "Aysén del General Carlos Ibáñez del Campo",
    "Magallanes y Antártica Chilena",
)
NIVEL_CENTRAL = "Nivel central"

# North to south; Nivel central last.
REGION_ORDER = {name: i for i, name in enumerate((*CANONICAL_REGIONS, NIVEL_CENTRAL))}


def region_rank(name: str) -> int:
    """Position north to south; a name that is not a canonical region goes after them all."""
    return REGION_ORDER.get(name, len(REGION_ORDER))


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


@lru_cache(maxsize=1)
def _compiled() -> tuple[tuple[re.Pattern[str], str], ...]:
    # compiled on the first lookup: the explorer imports this module at start and needs none
    return tuple((re.compile(p), name) for p, name in _PATTERNS)


@lru_cache(maxsize=2048)
def canonical_region(name: str) -> str | None:
    """The canonical name of a region however it is spelled, or None if it is not one."""
    key = fold(name)
    if not key:
        return None
    for pattern, canonical in _compiled():
        if pattern.search(key):
            return canonical
    return None
