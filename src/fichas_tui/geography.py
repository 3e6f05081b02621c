"""Chile's regions by their canonical names, in the official north-to-south order."""

from __future__ import annotations

# Shared by ingest (names to map spellings onto) and views (the order users expect): a
# top-level module so neither layer imports the other.
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
