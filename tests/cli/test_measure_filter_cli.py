"""--filtro on the commands across programs: combined with the other filters, stated, refused."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from fichas_tui.cli.commands import main
from tests.helpers import COMMITTED_DATASET, FIXTURE


def _json(*args: str) -> dict:
    result = CliRunner().invoke(main, [*args, "--json"])
    assert result.exit_code == 0, result.output
    return json.loads(result.output)


def test_ranking_filtered_by_another_measure_and_a_verdict():
    data = _json("ranking", "--medida", "gasto", "--filtro", "ejecucion-inicial < 90",
                 "--data", str(FIXTURE))  # fmt: skip
    assert [r["program_id"] for r in data["rows"]] == [
        "subsidio-empleo-joven",  # 151.234.567
        "residencia-familiar-adolescentes",  # 8.146.335
    ]
    data = _json("ranking", "--by", "gasto", "--filtro", "ejecucion-inicial < 90",
                 "--hallazgo", "subejecucion", "--data", str(FIXTURE))  # fmt: skip
    assert [r["program_id"] for r in data["rows"]] == ["residencia-familiar-adolescentes"]
    assert data["measure_filters"][0]["measure"] == "ejecucion-inicial"


def test_an_amount_filter_states_its_converted_basis():
    data = _json("ranking", "--by", "ejecucion-final", "--filtro", "gasto > 2.870.000",
                 "--data", str(COMMITTED_DATASET))  # fmt: skip
    (stated,) = data["measure_filters"]
    assert (stated["basis"], stated["price_year"], stated["value"]) == (
        "≈ M$ 2024",
        2024,
        2870000.0,
    )
    # GSL: 2.608.643 M$ 2022 x 1,1002 = 2.870.029; Residencia 8.146.335; PROTECCIÓN no factor
    assert len(data["rows"]) == 2
    data = _json("ranking", "--by", "ejecucion-final", "--filtro", "gasto > 2.870.000",
                 "--pesos", "ficha", "--data", str(COMMITTED_DATASET))  # fmt: skip
    assert data["measure_filters"][0]["basis"] == "pesos de cada ficha"
    assert len(data["rows"]) == 2  # Residencia and PROTECCIÓN (10.174.000 nominal 2019)


def test_region_and_regiones_take_filters():
    data = _json("region", "biobio", "--filtro", "ejecucion-inicial < 90", "--data", str(FIXTURE))
    assert sorted(r["program_id"] for r in data["rows"]) == [
        "residencia-familiar-adolescentes",
        "subsidio-empleo-joven",
    ]
    data = _json("regiones", "--filtro", "ejecucion-inicial < 85", "--data", str(FIXTURE))
    assert data["measure_filters"][0]["value"] == 85.0
    assert any("Filtro:" in n for n in data["notes"])


def test_the_text_output_states_the_filter():
    result = CliRunner().invoke(
        main, ["ranking", "--by", "gasto", "--filtro", "gasto por beneficiario > 1.000",
               "--data", str(FIXTURE)],
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    assert "Filtro: Gasto por beneficiario > 1.000 M$" in result.output


@pytest.mark.parametrize(
    ("value", "says"),
    [("gasto < 1,000.5", "no es un número"), ("ejecución < ", "Filtro ilegible"),
     ("presupuesto raro > 3", "Medida desconocida"), ("gasto; DROP TABLE x < 3", "Medida")],
)  # fmt: skip
def test_a_bad_filter_is_refused(value, says):
    for command in (["ranking", "--by", "gasto"], ["totales"], ["region", "maule"]):
        result = CliRunner().invoke(main, [*command, "--filtro", value, "--data", str(FIXTURE)])
        assert result.exit_code == 2, result.output
        assert says in result.output
