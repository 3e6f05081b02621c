"""Every spelling of a region the fichas use maps to one canonical name."""

from __future__ import annotations

import pytest

from fichas_tui.geography import CANONICAL_REGIONS, canonical_region
from fichas_tui.ingest.regions import parse_region_list


@pytest.mark.parametrize(
    ("written", "canonical"),
    [
        ("Bío-bío", "Biobío"),
        ("Bíobío", "Biobío"),
        ("BIOBIO", "Biobío"),
        ("Libertador General Bernardo OHiggins", "Libertador General Bernardo O'Higgins"),
        ("Libertador General Bernardo O'Higgins", "Libertador General Bernardo O'Higgins"),
        ("O'Higgins", "Libertador General Bernardo O'Higgins"),
        ("Aysén del General Carlos Ibáñez del Campo", "Aysén del General Carlos Ibáñez del Campo"),
        ("Aysen", "Aysén del General Carlos Ibáñez del Campo"),
        ("Metropolitana", "Metropolitana de Santiago"),
        ("Región Metropolitana de Santiago", "Metropolitana de Santiago"),
        ("Nuble", "Ñuble"),
        ("Araucanía", "La Araucanía"),
        ("Nivel central", "Nivel central"),
        ("Valparaiso", "Valparaíso"),
        ("Tarapaca", "Tarapacá"),
        ("Magallanes", "Magallanes y Antártica Chilena"),
    ],
)
def test_spellings(written, canonical):
    assert canonical_region(written) == canonical


def test_canonical_names_map_to_themselves():
    for name in CANONICAL_REGIONS:
        assert canonical_region(name) == name


def test_not_a_region():
    assert canonical_region("Presupuesto") is None
    assert canonical_region("") is None


def test_region_sentence_of_002():
    text = (
        "El programa se implementa en las regiones: Arica y Parinacota, Tarapacá, Antofagasta, "
        "Atacama, Coquimbo, Valparaíso, Libertador General Bernardo OHiggins, Maule, Biobío, "
        "Ñuble, La Araucanía, Los Ríos, Los Lagos, Aysén del General Carlos Ibáñez del Campo, "
        "Magallanes y Antártica Chilena, Metropolitana de Santiago."
    )
    regions = parse_region_list(text)
    assert len(regions) == 16
    assert set(regions) == set(CANONICAL_REGIONS)
