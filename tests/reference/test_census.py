"""The shipped 2024 census: every canonical region matched once, the INE's total kept."""

from __future__ import annotations

import pytest

from fichas_tui.geography import CANONICAL_REGIONS
from fichas_tui.reference.census import census, match_region, read_census


def test_every_region_and_the_ine_total():
    people = census()
    assert tuple(people.population) == CANONICAL_REGIONS  # north to south, Ñuble included
    assert people.total == 18_480_432
    assert people.of("Ñuble") == 512_289
    # the INE writes "Magallanes y de la Antártica Chilena"
    assert people.of("Magallanes y Antártica Chilena") == 166_537
    assert people.of("Nivel central") is None
    assert people.share_pct("Metropolitana de Santiago") == pytest.approx(
        7_400_741 / 18_480_432 * 100
    )


def test_names_match_folded_or_by_their_words():
    assert match_region("NUBLE") == "Ñuble"
    assert match_region("Libertador General Bernardo O’Higgins") == (
        "Libertador General Bernardo O'Higgins"
    )
    assert match_region("Magallanes y de la Antártica Chilena") == (
        "Magallanes y Antártica Chilena"
    )
    with pytest.raises(ValueError):
        match_region("Isla de Pascua")


def test_a_census_missing_a_region_is_refused(tmp_path):
    path = tmp_path / "c.csv"
    path.write_text("codigo_region,region,poblacion_censada\n16,Ñuble,512289\n", encoding="utf-8")
    with pytest.raises(ValueError, match="missing"):
        read_census(path)
