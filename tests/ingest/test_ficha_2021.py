"""000 (2021 template): values hand-checked against the ficha text."""

from __future__ import annotations

from tests.helpers import F2021 as F


def test_program_facts_from_text_and_manifest(ds):
    name, ministry, year, price, start, source, regions = ds.one(
        "SELECT program_name, ministry, evaluated_year, price_year, start_year, name_source, "
        "regions FROM fichas WHERE ficha_id = ?",
        F,
    )
    assert name.startswith("Gestión Social Local - GSL")
    assert ministry == "Ministerio de Desarrollo Social y Familia"
    assert (year, price, start, source) == (2021, 2022, 2007, "manifest")
    assert len(regions) == 16 and "Biobío" in regions  # written `Bío-bío`


def test_subtitles_sum_to_stated_total(ds):
    rows = ds.rows(
        "SELECT subtitle, subtitle_name, amount_kclp, year, price_year FROM subtitles "
        "WHERE ficha_id = ? ORDER BY subtitle",
        F,
    )
    assert rows == [
        (21, "Gastos en personal", 574_404.0, 2021, 2022),
        (22, "Bienes y servicios de consumo", 50_986.0, 2021, 2022),
        (24, "Transferencias Corrientes", 1_983_253.0, 2021, 2022),
    ]
    assert sum(r[2] for r in rows) == 2_608_643.0


def test_budget_from_components_table(ds):
    rows = {
        (y, c): (a, s)
        for y, c, a, s in ds.rows(
            "SELECT year, concept, amount_kclp, amount_status FROM budget WHERE ficha_id = ?", F
        )
    }
    assert rows[(2021, "ejecutado")] == (2_608_643.0, None)
    assert rows[(2021, "administrativo")] == (625_390.0, None)
    assert rows[(2021, "componentes")] == (1_983_253.0, None)
    assert rows[(2019, "ejecutado")] == (None, "N/C")
    assert rows[(2020, "administrativo")] == (None, "N/C")


def test_components(ds):
    rows = {
        (c, y): (u, s, p, k, ss)
        for c, u, y, s, p, k, ss in ds.rows(
            "SELECT component, production_unit, year, spending_kclp, production, unit_cost_kclp, "
            "spending_status FROM components WHERE ficha_id = ?",
            F,
        )
    }
    assert len(rows) == 12
    base = rows[("Gestión Social Local - Módulo Base", 2021)]
    assert base == (
        "Municipios con asistencia técnica módulo base GSL finalizada",
        213_352.0,
        178.0,
        1198.6,
        None,
    )
    assert rows[("Gestión Social Local - Módulo Base", 2019)][1:] == (None, None, None, "N/C")
    red = rows[("Coordinación y articulación de la red provincial", 2021)]
    assert red[1:4] == (1_175_136.0, 52.0, 22_598.8)
    # Zero production is as written (the ficha says 0), and flagged beside its spending.
    assert rows[("Gestión Social Local - Módulos temáticos", 2021)][2] == 0.0


def test_coverage_and_spending_per_beneficiary(ds):
    coverage = ds.rows(
        "SELECT year, basis, coverage_pct, coverage_status FROM coverage WHERE ficha_id = ? "
        "ORDER BY year",
        F,
    )
    assert coverage == [
        (2019, "objetivo", None, "N/C"),
        (2020, "objetivo", 100.0, None),
        (2021, "objetivo", 75.0, None),
    ]
    spb = ds.rows(
        "SELECT year, amount_kclp, price_year FROM spending_per_beneficiary WHERE ficha_id = ? "
        "ORDER BY year",
        F,
    )
    assert spb == [(2019, 24_571.0, 2022), (2020, 9_560.4, 2022), (2021, 8_724.6, 2022)]


def test_regional_spending_is_nivel_central(ds):
    rows = ds.rows(
        "SELECT region, spending_kclp, beneficiaries, beneficiaries_status, price_year "
        "FROM regions WHERE ficha_id = ?",
        F,
    )
    assert rows == [("Nivel central", 1_983_253.0, None, None, 2022)]


def test_indicators(ds):
    rows = ds.rows(
        "SELECT level, indicator, formula, year, value, value_status, evaluation_relevance "
        "FROM indicators WHERE ficha_id = ? AND kind = 'efectivo' ORDER BY position, year",
        F,
    )
    assert len(rows) == 18
    proposito = [r for r in rows if r[0] == "proposito"]
    assert [r[4] for r in proposito if r[3] == 2021] == [45.0, 77.0]
    assert {r[5] for r in proposito if r[3] in (2019, 2020)} == {"N/C"}
    assert proposito[0][2].startswith("(N° de organizaciones con GSL en régimen en el año t")
    assert "\\text" not in proposito[0][2]
    comp = [r for r in rows if r[0] == "complementario" and r[3] == 2021]
    assert [r[4] for r in comp] == [70.0, 0.0, 0.0, 99.0]
    assert comp[0][6] == "El indicador es pertinente"


def test_admin_share_findings_and_history(ds):
    assert (
        ds.one(
            "SELECT value_pct FROM ratios WHERE ficha_id = ? AND ratio = 'gasto_administrativo' "
            "AND year = 2021",
            F,
        )
        == 24.0
    )
    dims = ds.rows(
        "SELECT DISTINCT dimension FROM findings WHERE ficha_id = ? ORDER BY dimension", F
    )
    assert [d[0] for d in dims] == [
        "Eficacia",
        "Eficiencia y ejecución presupuestaria",
        "Focalización",
    ]
    labelled = ds.rows(
        "SELECT finding FROM findings WHERE ficha_id = ? AND dimension LIKE 'Eficiencia%' "
        "AND kind = 'resultado'",
        F,
    )
    assert len(labelled) == 5
    assert labelled[0][0].startswith("Ejecución presupuestaria inicial 2021:")
    history = ds.rows(
        "SELECT kind, year FROM evaluations WHERE ficha_id = ? AND year IS NOT NULL ORDER BY year",
        F,
    )
    assert history == [("ex_post", 2016), ("ex_ante", 2020), ("ex_ante", 2021)]


def test_a_ficha_without_ministry_or_service_is_warned_about():
    # 000 names neither its ministry nor its service in the text (manifest.csv gives both):
    # read without the manifest, ingest says so instead of leaving "—" in the list silently.
    from fichas_tui.ingest.reader import parse_bytes
    from tests.helpers import COMMITTED_DATASET

    data = (COMMITTED_DATASET.parent / "fichas" / "000_db7d9702ee44d38f.txt").read_bytes()
    record, _fields = parse_bytes(data, "000.txt")
    said = [w for w in record.warnings if "ministerio" in w]
    assert len(said) == 1 and "no dice su ministerio ni su servicio" in said[0]
    manifest = {"ministry": "Ministerio de Desarrollo Social y Familia", "service": "Subsecretaría"}
    record, fields = parse_bytes(data, "000.txt", manifest)
    assert fields == ["ministry", "service"]
    assert not [w for w in record.warnings if "ministerio" in w or "servicio" in w]
