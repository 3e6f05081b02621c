"""`fichas compare` and views/compare.py on tests/fixtures/make_across.py (values by hand)."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from fichas_tui.cli.commands import main
from tests.fixtures import make_across
from tests.helpers import FIXTURE


@pytest.fixture(scope="module")
def data(tmp_path_factory):
    return str(make_across.write(tmp_path_factory.mktemp("compare")))


def compare(data, *args):
    result = CliRunner().invoke(main, ["compare", *args, "--data", data, "--json"])
    assert result.exit_code == 0, result.output
    out = json.loads(result.output)
    by_item = {}
    for row in out["rows"]:
        by_item.setdefault((row["section"], row["item"]), {})[row["side"]] = row
    return out, by_item


def test_one_program_in_two_years_in_one_basis(data):
    # Alfa 2022 (M$ 2023) against Alfa 2023 (M$ 2024): converted to M$ 2024 with 1,05
    out, rows = compare(data, "alfa", "alfa", "--year", "2022", "--year", "2023")
    assert out["basis"] == "≈ M$ 2024"
    assert [(p["side"], p["ficha_id"], p["year"]) for p in out["programs"]] == [
        ("A", "alfa22", 2022),
        ("B", "alfa23", 2023),
    ]
    executed = rows[("presupuesto", "Ejecutado")]
    assert executed["A"]["value"] == pytest.approx(840.0) and executed["A"]["factor"] == 1.05
    assert executed["B"]["value"] == 900.0 and executed["B"]["factor"] is None
    assert executed["A"]["difference"] == pytest.approx(60.0)
    assert rows[("presupuesto", "Inicial")]["A"]["difference"] == pytest.approx(160.0)
    assert rows[("presupuesto", "Final")]["A"]["difference"] == pytest.approx(360.0)
    # percentages: differences in points
    assert rows[("porcentajes", "Ejecución / inicial")]["A"]["value"] == 100.0  # 800 / 800
    assert rows[("porcentajes", "Ejecución / inicial")]["A"]["difference"] == pytest.approx(-10)
    assert rows[("porcentajes", "Gasto administrativo")]["B"]["difference"] == pytest.approx(5)
    assert rows[("porcentajes", "Cobertura")]["B"]["difference"] == pytest.approx(10)
    assert rows[("porcentajes", "Cumplimiento de meta")]["B"]["difference"] == pytest.approx(10)
    assert rows[("indicadores", "Tasa alfa (efectivo)")]["B"]["difference"] == 5.0  # 45 - 40
    assert rows[("indicadores", "Tasa alfa (meta)")]["B"]["difference"] == 0.0
    # top regions of either: Coquimbo in both, Biobío only in 2023
    coquimbo = rows[("regiones", "Coquimbo")]
    assert coquimbo["A"]["value"] == pytest.approx(840.0) and coquimbo["B"]["value"] == 300.0
    assert rows[("regiones", "Biobío")]["A"]["status"] == "no informa"
    assert [k[1] for k in rows if k[0] == "regiones"] == ["Coquimbo", "Biobío"]


def test_two_programs_in_the_same_pesos_open_converted_too(data):
    # both in M$ 2024, the latest year the fixture's factors reach: relabelled, not scaled
    out, rows = compare(data, "alfa", "beta")
    assert out["basis"] == "≈ M$ 2024"
    executed = rows[("presupuesto", "Ejecutado")]
    assert (executed["A"]["value"], executed["B"]["value"]) == (900.0, 1800.0)


def test_pesos_ficha_keeps_each_fichas_pesos(data):
    out, rows = compare(data, "alfa", "beta", "--pesos", "ficha")
    assert out["basis"] == "pesos de cada ficha"
    executed = rows[("presupuesto", "Ejecutado")]
    assert (executed["A"]["value"], executed["B"]["value"], executed["B"]["difference"]) == (
        900.0,
        1800.0,
        900.0,
    )
    # Beta's indicator efectivo is N/C: kept, no difference
    assert rows[("porcentajes", "Cumplimiento de meta")]["B"]["status"] == "N/C"
    assert rows[("porcentajes", "Cumplimiento de meta")]["B"]["difference"] is None


def test_different_pesos_convert_to_the_latest_target(data):
    # Delta (M$ 2022) against Alfa 2022 (M$ 2023): both to M$ 2024 (1,10 and 1,05)
    _, rows = compare(data, "delta", "alfa", "--year", "2021", "--year", "2022")
    executed = rows[("presupuesto", "Ejecutado")]
    assert executed["A"]["value"] == pytest.approx(5500.0)  # 5.000 x 1,10
    assert executed["B"]["value"] == pytest.approx(840.0)  # 800 x 1,05
    assert executed["A"]["difference"] == pytest.approx(-4660.0)


def test_text_at_80_columns(data):
    result = CliRunner().invoke(
        main, ["compare", "alfa", "alfa", "--year", "2022", "--year", "2023", "--data", data]
    )
    assert result.exit_code == 0, result.output
    text = result.output
    assert "A: 2022" in text and "B: 2023" in text and "Montos en ≈ M$ 2024." in text
    assert "≈840" in text and "900" in text and "Diferencia (B − A)" in text
    assert "▲ +60" in text  # 900 − 840, signed with its arrow as the explorer shows it
    assert "Tasa alfa (efectivo)" in text and "no informa" in text


@pytest.mark.parametrize(
    "args, code, message",
    [
        (["zzz", "alfa"], 1, "Ningún programa coincide con «zzz»"),
        (["a", "alfa"], 2, "coincide con"),
        (["alfa", "beta", "--year", "2019"], 1, "no tiene ficha de 2019"),
        (["alfa", "beta", "--year", "1", "--year", "2", "--year", "3"], 2, "--year"),
        (["alfa", "beta", "--pesos", "2030"], 2, "No hay factores"),
    ],
)
def test_refusals(data, args, code, message):
    result = CliRunner().invoke(main, ["compare", *args, "--data", data])
    assert result.exit_code == code, result.output
    assert message in result.output


def test_different_pesos_without_factors_are_never_subtracted():
    # the UI fixture has no inflators: Residencia 2021 (M$ 2022) against 2023 (M$ 2024)
    _, rows = compare(str(FIXTURE), "residencia", "residencia", "--year", "2021", "--year", "2023")
    executed = rows[("presupuesto", "Ejecutado")]
    assert (executed["A"]["value"], executed["A"]["price_year"]) == (1_773_474.0, 2022)
    assert (executed["B"]["value"], executed["B"]["price_year"]) == (8_146_335.0, 2024)
    assert executed["A"]["difference"] is None
    assert executed["A"]["difference_status"] == "pesos distintos"
    # percentages have no pesos: 1.773.474 / 2.000.000 = 88,7 % against the stated 83,1 %
    execution = rows[("porcentajes", "Ejecución / inicial")]
    assert execution["A"]["value"] == pytest.approx(88.6737)
    assert execution["B"]["difference"] == pytest.approx(83.1 - 88.6737)
