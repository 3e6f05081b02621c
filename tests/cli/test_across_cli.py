"""`fichas region`, `fichas ranking`: JSON, CSV, text, bad region or measure (exit 2)."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys

import pytest
from click.testing import CliRunner

from fichas_tui.cli.across_output import to_csv
from fichas_tui.cli.commands import main
from fichas_tui.data.across import MeasureRow
from fichas_tui.views.across import ranking_view
from tests.fixtures import make_across


@pytest.fixture(scope="module")
def data(tmp_path_factory):
    return str(make_across.write(tmp_path_factory.mktemp("across-cli")))


def run(*args):
    return CliRunner().invoke(main, list(args))


def test_ranking_opens_in_the_latest_year_the_factors_reach(data):
    # Alfa 2023's inflators reach M$ 2024: Delta's 5.000 M$ 2022 x 1,10 = 5.500 ranks first
    # with the others (already in M$ 2024); Gamma's N/C stays last, unranked.
    out = json.loads(run("ranking", "--by", "gasto", "--data", data, "--json").output)
    assert out["basis"] == "M$ 2024" and out["counts"]["other_basis"] == 0
    assert [(r["program_id"], r["rank"], r["value"]) for r in out["rows"]] == [
        ("delta", 1, pytest.approx(5500.0)),
        ("beta", 2, 1800.0),
        ("alfa", 3, 900.0),
        ("epsilon", 3, 900.0),
        ("gamma", None, None),
    ]
    assert out["rows"][0]["factor"] == 1.10 and out["rows"][0]["source_basis"] == "M$ 2022"


def test_pesos_takes_a_year_before_the_target(data):
    # M$ 2022 from the 2024 table: Beta's 1.800 M$ 2024 / 1,10 = 1.636,36..., written as the
    # ficha writes amounts, whole M$ (the factor supports no more digits): 1.636
    out = json.loads(
        run("ranking", "--by", "gasto", "--data", data, "--json", "--pesos", "2022").output
    )
    by = {r["program_id"]: r for r in out["rows"]}
    assert by["delta"]["value"] == 5000.0 and by["delta"]["rank"] == 1
    assert by["beta"]["value"] == 1636.0 and by["beta"]["rank"] == 2
    assert run("ranking", "--by", "gasto", "--data", data, "--pesos", "hoy").exit_code == 2


def test_ranking_json(data):
    result = run("ranking", "--by", "gasto", "--data", data, "--json", "--pesos", "ficha")
    assert result.exit_code == 0, result.output
    out = json.loads(result.output)
    assert (out["measure"], out["unit"], out["basis"], out["price_year"]) == (
        "gasto",
        "M$",
        "M$ 2024",
        2024,
    )
    assert [(r["program_id"], r["rank"], r["value"], r["status"]) for r in out["rows"]] == [
        ("beta", 1, 1800.0, None),
        ("alfa", 2, 900.0, None),
        ("epsilon", 2, 900.0, None),
        ("delta", None, 5000.0, None),
        ("gamma", None, None, "N/C"),
    ]
    for row in out["rows"]:
        assert {"program_id", "program_name", "ficha_id", "year", "value", "status"} <= set(row)
    assert out["rows"][0]["ficha_id"] == "beta23" and out["rows"][0]["year"] == 2023


def test_ranking_csv_same_rows(data):
    result = run(
        "ranking",
        "--by",
        "ejecucion-final",
        "--data",
        data,
        "--csv",
        "--limit",
        "3",
        "--pesos",
        "ficha",
    )
    assert result.exit_code == 0, result.output
    rows = list(csv.DictReader(io.StringIO(result.output)))
    assert [(r["program_id"], r["rank"], r["value"]) for r in rows] == [
        ("delta", "1", "100.0"),
        ("beta", "2", "90.0"),
        ("epsilon", "2", "90.0"),
    ]
    assert rows[0]["ejecutado"] == "5000.0" and rows[0]["final"] == "5000.0"
    assert rows[0]["amounts_basis"] == "M$ 2022"


def test_ranking_filters_by_folded_ministry_and_region(data):
    result = run(
        "ranking", "--by", "gasto", "--data", data, "--json", "--ministerio", "alfabeto",
        "--region", "BIOBIO",
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    out = json.loads(result.output)
    assert [r["program_id"] for r in out["rows"]] == ["alfa", "epsilon"]
    assert out["filters"]["region"] == "Biobío"


def test_ranking_text_at_80_columns_keeps_every_column(data):
    result = run("ranking", "--by", "ejecucion-inicial", "--data", data, "--pesos", "ficha")
    assert result.exit_code == 0
    for text in ("Delta", "125,0", "5.000", "4.000", "Ejecutado", "Inicial", "N/C"):
        assert text in result.output


def test_ranking_text_ranks_the_fichas_without_a_factor_apart():
    from tests.helpers import COMMITTED_DATASET

    result = run("ranking", "--by", "gasto", "--data", str(COMMITTED_DATASET))
    assert result.exit_code == 0, result.output
    ranked, _, apart = result.output.partition(
        "Sin convertir (1): sin factor para pesos de 2019; cifras como en la ficha"
    )
    # RF 8.146.335 (M$ 2024) and GSL 2.608.643 M$ 2022 x 1,1002 = ≈2.870.029 ranked; RLP's
    # 10.174.000 nominal pesos of 2019 apart, its column headed by its own pesos
    assert "8.146.335" in ranked and "≈2.870.029" in ranked and "10.174.000" not in ranked
    assert "Gasto ejecutado (M$ 2024)" in ranked
    assert "10.174.000†" in apart and "PROTECCIÓN" in apart
    assert "Gasto ejecutado (M$ nominales)" in apart


def test_bad_measure_lists_the_valid_ones(data):
    result = run("ranking", "--by", "costo", "--data", data)
    assert result.exit_code == 2
    assert "Medida desconocida" in result.output
    assert "gasto-por-beneficiario" in result.output and "indicador" in result.output


def test_bad_region_lists_the_valid_ones(data):
    result = run("region", "narnia", "--data", data)
    assert result.exit_code == 2
    assert "Región desconocida: «narnia»" in result.output and "Ñuble" in result.output
    result = run("ranking", "--by", "gasto", "--region", "narnia", "--data", data)
    assert result.exit_code == 2


def test_unknown_ministry_exit_2(data):
    result = run("ranking", "--by", "gasto", "--ministerio", "hacienda", "--data", data)
    assert result.exit_code == 2 and "Ministerio de Alfabeto" in result.output


@pytest.mark.parametrize(
    "typed, canonical",
    [
        ("coquimbo", "Coquimbo"),
        ("nuble", "Ñuble"),
        ("ohiggins", "Libertador General Bernardo O'Higgins"),
    ],
)
def test_region_names_without_accents(data, typed, canonical):
    result = run("region", typed, "--data", data, "--json")
    assert result.exit_code == 0
    assert json.loads(result.output)["region"] == canonical


def test_region_json_and_csv(data):
    out = json.loads(run("region", "coquimbo", "--data", data, "--json", "--pesos", "ficha").output)
    assert [(r["program_id"], r["value"], r["breakdown"]) for r in out["rows"]] == [
        ("alfa", 300.0, True),
        ("delta", 1000.0, True),
        ("beta", None, True),
        ("gamma", None, False),
    ]
    # By default in M$ 2024: Delta's 1.000 M$ 2022 x 1,10 = 1.100 ranks with Alfa's 300.
    rows = list(
        csv.DictReader(io.StringIO(run("region", "coquimbo", "--data", data, "--csv").output))
    )
    assert [r["program_id"] for r in rows] == ["delta", "alfa", "beta", "gamma"]
    assert [r["rank"] for r in rows[:2]] == ["1", "2"] and float(rows[0]["value"]) == 1100.0
    assert rows[2]["value"] == "" and rows[2]["status"] == "-"
    assert rows[3]["status"] == "sin desglose regional"


def test_region_year_text(data):
    result = run("region", "coquimbo", "--year", "2022", "--data", data, "--pesos", "ficha")
    assert result.exit_code == 0
    assert "Alfa" in result.output and "800" in result.output and "Beta" not in result.output


def test_no_dataset_exit_3(tmp_path):
    assert run("ranking", "--by", "gasto", "--data", str(tmp_path)).exit_code == 3
    assert run("region", "maule", "--data", str(tmp_path)).exit_code == 3


def test_json_and_csv_together_refused(data):
    assert run("region", "maule", "--data", data, "--json", "--csv").exit_code == 2


def test_csv_never_starts_a_formula():
    rows = [
        MeasureRow("p1", '=HYPERLINK("http://x")', "f1", 2023, 5.0, None, None),
        MeasureRow("p2", "+1 programa", "f2", 2023, 4.0, None, None),
        MeasureRow("p3", "-menos", "f3", 2023, -3.0, None, None),
        MeasureRow("p4", "@suma", "f4", 2023, None, "N/C", None),
    ]
    out = list(csv.reader(io.StringIO(to_csv(ranking_view(rows, "cobertura")))))
    names = [r[out[0].index("program_name")] for r in out[1:]]
    assert names == ['\'=HYPERLINK("http://x")', "'+1 programa", "'-menos", "'@suma"]
    values = [r[out[0].index("value")] for r in out[1:]]
    assert values == ["5.0", "4.0", "-3.0", ""]  # numbers stay numbers


def test_help_lists_measures_with_units_and_imports_nothing_heavy():
    result = run("ranking", "--help")
    assert "gasto-por-beneficiario" in result.output and "M$ por beneficiario" in result.output
    assert "% de la meta" in result.output
    check = (
        "import sys\nfrom fichas_tui.cli.commands import main\n"
        "for args in (['ranking', '--help'], ['region', '--help']):\n"
        "    try:\n        main(args, standalone_mode=False)\n"
        "    except SystemExit:\n        pass\n"
        "print([m for m in ('textual', 'duckdb', 'pyarrow', 'rich') if m in sys.modules])"
    )
    out = subprocess.run([sys.executable, "-c", check], capture_output=True, text=True, check=True)
    assert out.stdout.strip().splitlines()[-1] == "[]"


def test_ranking_in_constant_pesos(data):
    out = json.loads(
        run("ranking", "--by", "gasto", "--data", data, "--json", "--pesos", "2024").output
    )
    assert out["basis"] == "M$ 2024" and out["filters"]["pesos"] == 2024
    rows = [(r["program_id"], r["rank"], r["value"], r["factor"]) for r in out["rows"]]
    # Delta: 5.000 M$ 2022 x 1,10 = 5.500 M$ 2024, now ranked with the others
    assert rows[0][:3] == ("delta", 1, pytest.approx(5500.0)) and rows[0][3] == 1.10
    assert rows[1:] == [
        ("beta", 2, 1800.0, None),  # already M$ 2024: unchanged, no factor
        ("alfa", 3, 900.0, None),
        ("epsilon", 3, 900.0, None),
        ("gamma", None, None, None),
    ]
    assert out["rows"][0]["source_basis"] == "M$ 2022"
    assert out["counts"]["other_basis"] == 0


def test_region_in_constant_pesos_of_a_year(data):
    # Alfa's 2022 ficha is in M$ 2023: 800 x 1,05 = 840 M$ 2024; 40 beneficiaries -> 21,0
    out = json.loads(
        run(
            "region", "coquimbo", "--year", "2022", "--pesos", "2024", "--data", data, "--json"
        ).output
    )
    row = out["rows"][0]
    assert (row["value"], row["factor"], row["price_year"]) == (pytest.approx(840.0), 1.05, 2024)
    assert row["per_beneficiary_kclp"] == pytest.approx(21.0)
    text = run("region", "coquimbo", "--year", "2022", "--pesos", "2024", "--data", data).output
    assert "≈840" in text and "≈21,0" in text and "convertido a M$ de 2024" in text


def test_pesos_without_factors_is_refused(data):
    result = run("ranking", "--by", "gasto", "--pesos", "2019", "--data", data)
    assert result.exit_code == 2
    assert "No hay factores para expresar montos en M$ de 2019" in result.output
    assert "2024" in result.output


def test_fichas_pesos_lists_each_years_factor(data):
    # make_across: Alfa 2023 prints 2022: 1,10 and 2023: 1,05 into M$ 2024
    result = run("pesos", "--data", data)
    assert result.exit_code == 0, result.output
    assert "Factores a M$ de 2024" in result.output
    assert "1,1000" in result.output and "impreso" in result.output and "alfa23" in result.output
    out = json.loads(run("pesos", "--data", data, "--pesos", "2023", "--json").output)
    steps = {f["year"]: f for f in out["factors"]}
    assert steps[2022]["factor"] == pytest.approx(1.10 / 1.05)
    assert steps[2022]["how"] == "dividido: 2022 → 2024 / 2023 → 2024"
    assert steps[2024]["factor"] == pytest.approx(1 / 1.05) and steps[2023]["factor"] == 1.0
    assert run("pesos", "--data", data, "--pesos", "1990").exit_code == 2
