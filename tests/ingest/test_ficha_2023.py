"""003 (2023 template): values hand-checked against the ficha text."""

from __future__ import annotations

from tests.helpers import F2023 as F


def test_program_facts(ds):
    year, price, start, executors, published, layout = ds.one(
        "SELECT evaluated_year, price_year, start_year, executors, published, layout "
        "FROM fichas WHERE ficha_id = ?",
        F,
    )
    assert (year, price, start, layout) == (2023, 2024, 2018, "2023")
    assert executors.startswith("Organismo privado sin fines de lucro") and "Municipio" in executors
    assert published == "25 de Abril de 2024 12:21"


def test_regional_table(ds):
    rows = ds.rows(
        "SELECT region, region_as_written, spending_kclp, spending_status, spending_pct, "
        "beneficiaries, beneficiaries_pct, price_year FROM regions WHERE ficha_id = ?",
        F,
    )
    assert len(rows) == 11
    by = {r[0]: r for r in rows}
    ohiggins = by["Libertador General Bernardo O'Higgins"]
    assert ohiggins[1] == "Libertador General Bernardo OHiggins"
    assert ohiggins[2:7] == (None, "-", None, 40.0, 6.2)
    assert by["Coquimbo"][2:7] == (1_745_448.0, None, 22.6, 114.0, 17.6)
    assert by["Biobío"][1] == "Bíobío"
    assert sum(r[2] for r in rows if r[2] is not None) == 7_735_432.0
    assert sum(r[5] for r in rows) == 646.0
    assert {r[7] for r in rows} == {2024}
    regions = ds.one("SELECT regions FROM fichas WHERE ficha_id = ?", F)
    assert sorted(regions) == sorted(by)


def test_subtitles(ds):
    rows = ds.rows(
        "SELECT subtitle, amount_kclp, year FROM subtitles WHERE ficha_id = ? ORDER BY subtitle", F
    )
    assert rows == [
        (21, 297_978.0, 2023),
        (22, 74_199.0, 2023),
        (24, 7_765_091.0, 2023),
        (29, 9_068.0, 2023),
    ]


def test_budget_and_shares(ds):
    rows = {
        (y, c): a
        for y, c, a in ds.rows(
            "SELECT year, concept, amount_kclp FROM budget WHERE ficha_id = ?", F
        )
    }
    assert rows[(2023, "ejecutado")] == 8_146_335.0
    assert rows[(2022, "ejecutado")] == 5_227_400.0
    assert rows[(2021, "componentes")] == 1_530_122.0
    assert rows[(2023, "componentes")] == 7_735_432.0
    assert rows[(2023, "administrativo")] == 410_903.0
    ratios = {
        (y, r): v
        for y, r, v in ds.rows("SELECT year, ratio, value_pct FROM ratios WHERE ficha_id = ?", F)
    }
    assert ratios[(2021, "gasto_componentes")] == 86.3
    assert ratios[(2021, "gasto_administrativo")] == 13.7
    assert ratios[(2023, "gasto_administrativo")] == 5.0


def test_components(ds):
    rows = {
        (c, y): (s, p, u, py)
        for c, y, s, p, u, py in ds.rows(
            "SELECT component, year, spending_kclp, production, unit_cost_kclp, price_year "
            "FROM components WHERE ficha_id = ?",
            F,
        )
    }
    assert len(rows) == 9
    assert rows[("Residencialidad emocionalmente segura", 2023)] == (
        3_094_173.0,
        646.0,
        4789.7,
        2024,
    )
    assert rows[("Intervención psicosocial con niños, niñas y adolescentes", 2023)] == (
        2_320_629.0,
        273.0,
        8500.5,
        2024,
    )
    assert rows[("Acompañamiento familiar", 2021)] == (482_204.0, 335.0, 1439.4, 2024)


def test_coverage(ds):
    rows = ds.rows(
        "SELECT year, basis, coverage_pct FROM coverage WHERE ficha_id = ? ORDER BY year", F
    )
    assert rows == [(2021, "objetivo", 36.5), (2022, "objetivo", 83.8), (2023, "objetivo", 102.9)]


def test_indicators_including_the_row_broken_over_lines(ds):
    rows = ds.rows(
        "SELECT level, indicator, year, value, value_status, dimension, periodicity, direction, "
        "result FROM indicators WHERE ficha_id = ? ORDER BY position, year",
        F,
    )
    assert len(rows) == 15
    assert [r[3] for r in rows if r[0] == "proposito" and r[2] == 2023] == [92.0, 32.0]
    comp = [r for r in rows if r[0] == "complementario"]
    assert [r[3] for r in comp if r[2] == 2023] == [67.0, 100.0, 92.0]
    broken = [r for r in comp if "ámbito familiar" in r[1]]
    assert [(r[2], r[3], r[4]) for r in broken] == [
        (2021, None, "N/C"),
        (2022, None, "N/C"),
        (2023, 92.0, None),
    ]
    assert broken[0][5:8] == ("Calidad", "Anual", "Ascendente")
    assert broken[0][8].startswith("No es posible evaluar la variación")


def test_other_sections(ds):
    inflators = ds.rows("SELECT year, factor FROM inflators WHERE ficha_id = ? ORDER BY year", F)
    assert inflators == [(2020, 1.2252), (2021, 1.1722), (2022, 1.1002), (2023, 1.035), (2024, 1.0)]
    assert ds.one("SELECT count(*) FROM complementarities WHERE ficha_id = ?", F) == 9
    findings = ds.rows(
        "SELECT dimension, finding FROM findings WHERE ficha_id = ? ORDER BY position", F
    )
    assert [f[0] for f in findings] == [
        "Focalización",
        "Eficiencia y ejecución presupuestaria",
        "Eficacia",
    ]
    assert findings[1][1].startswith("El programa presenta una subejecución presupuestaria")
    monitoring = ds.rows(
        "SELECT year FROM evaluations WHERE ficha_id = ? AND kind = 'monitoreo' ORDER BY year", F
    )
    assert monitoring == [(2020,), (2021,), (2022,)]
    assert ds.one("SELECT list(goal ORDER BY goal) FROM ods WHERE ficha_id = ?", F) == [1, 3, 5]
