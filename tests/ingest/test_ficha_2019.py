"""002 (2019 template): values hand-checked against the ficha text."""

from __future__ import annotations

import pytest

from tests.helpers import F2019 as F


def test_program_facts(ds):
    name, service, ministry, year, price, start, end, layout = ds.one(
        "SELECT program_name, service, ministry, evaluated_year, price_year, start_year, "
        "end_text, layout FROM fichas WHERE ficha_id = ?",
        F,
    )
    assert name == "PROTECCIÓN - RESIDENCIA DE PROTECCIÓN PARA PRIMERA INFANCIA (RLP)"
    assert service == "SERVICIO NACIONAL DE MENORES"
    assert ministry == "MINISTERIO DE JUSTICIA Y DERECHOS HUMANOS"
    assert (year, price, start, end, layout) == (2019, 2020, 2005, "Permanente", "2019")


def test_description_purpose_regions_executors(ds):
    desc, purpose, regions, executors = ds.one(
        "SELECT description, purpose, regions, executors FROM fichas WHERE ficha_id = ?", F
    )
    assert desc.startswith("El programa busca resolver la situación de niños(as) menores de seis")
    assert purpose.startswith("Niños y niñas menores de 6 años víctimas de vulneraciones")
    assert len(regions) == 16
    assert "Libertador General Bernardo O'Higgins" in regions
    assert executors.startswith("Organismo privado sin fines de lucro")


def test_budget_mm_of_each_year_becomes_thousands(ds):
    rows = {
        (y, c): (a, s, p, u)
        for y, c, a, s, p, u in ds.rows(
            "SELECT year, concept, amount_kclp, amount_status, price_year, unit FROM budget "
            "WHERE ficha_id = ?",
            F,
        )
    }
    assert len(rows) == 15
    assert rows[(2017, "inicial")] == (2_402_000.0, None, None, "MM$ nominales")
    assert rows[(2019, "inicial")][0] == 9_686_000.0
    assert rows[(2019, "final")][0] == 10_174_000.0
    assert rows[(2019, "ejecutado")][0] == 10_174_000.0
    assert rows[(2018, "ejecutado")][0] == 7_392_000.0
    assert rows[(2020, "inicial")][0] == 10_174_000.0
    # As written (a unit slip in the ficha), and flagged rather than corrected.
    assert rows[(2016, "inicial")][0] == 2_200_000_000.0
    # `-` is missing, not zero.
    assert rows[(2020, "final")] == (None, "-", None, "MM$ nominales")
    assert rows[(2020, "ejecutado")][:2] == (None, "-")


def test_magnitude_warning(ds):
    warnings = ds.rows("SELECT section, message FROM warnings WHERE ficha_id = ?", F)
    assert any(s == "presupuesto" and "inicial 2016" in m for s, m in warnings)


def test_coverage_on_both_bases(ds):
    rows = {
        (y, b): v
        for y, b, v in ds.rows(
            "SELECT year, basis, coverage_pct FROM coverage WHERE ficha_id = ?", F
        )
    }
    assert len(rows) == 10
    assert rows[(2019, "potencial")] == 71.85
    assert rows[(2019, "objetivo")] == 97.85
    assert rows[(2016, "potencial")] == 143.96
    assert rows[(2016, "objetivo")] == 145.92
    assert rows[(2015, "objetivo")] == 100.0


def test_execution_and_admin_ratios(ds):
    rows = {
        (y, r): (v, s)
        for y, r, v, s in ds.rows(
            "SELECT year, ratio, value_pct, value_status FROM ratios WHERE ficha_id = ?", F
        )
    }
    assert rows[(2017, "ejecucion_inicial")] == (258.47, None)
    assert rows[(2015, "ejecucion_inicial")] == (None, "-")
    assert rows[(2016, "ejecucion_final")] == (99.68, None)
    assert rows[(2019, "ejecucion_final")] == (100.0, None)
    assert rows[(2019, "gasto_administrativo")] == (15.25, None)


def test_component_blocks(ds):
    rows = ds.rows(
        "SELECT component, production_unit, year, spending_kclp, production, production_status, "
        "unit_cost_kclp, price_year FROM components WHERE ficha_id = ? ORDER BY position, year",
        F,
    )
    names = list(dict.fromkeys(r[0] for r in rows))
    assert names == [
        "Gestión de redes intersectoriales",
        "Intervención individual con NNA",
        "Intervención con la familia",
        "Atención Residencial",
    ]
    by = {(r[0], r[2]): r for r in rows}
    first = by[("Gestión de redes intersectoriales", 2019)]
    assert first[1] == "Niños/as y familias atendidas en habilitación de redes"
    assert first[3:] == (2_155_493.0, 1409.0, None, 1530.0, 2020)
    assert by[("Gestión de redes intersectoriales", 2016)][4:6] == (None, "vacío")
    assert by[("Gestión de redes intersectoriales", 2017)][4] == 712.0
    assert by[("Intervención individual con NNA", 2017)][4] == 1513.0
    assert by[("Intervención con la familia", 2016)][4] == 1133.0
    residencial = by[("Atención Residencial", 2019)]
    assert residencial[1] == "Niños atendidos en Residencias"
    assert residencial[3] == 2_155_492.0
    assert residencial[6] == 1530.0


def test_indicators_with_na_codes_and_formulas(ds):
    rows = ds.rows(
        "SELECT level, indicator, formula, year, kind, value, value_status FROM indicators "
        "WHERE ficha_id = ? ORDER BY position, year, kind",
        F,
    )
    assert len(rows) == 18
    proposito = [r for r in rows if r[0] == "proposito"]
    assert len({r[1] for r in proposito}) == 2
    first = [r for r in proposito if r[1].startswith("Porcentaje de niños, niñas y adolescentes")]
    assert first[0][2].startswith("(Nº de niños, niñas y adolescentes egresados de RLP")
    values = {(r[3], r[4]): (r[5], r[6]) for r in first}
    assert values == {
        (2018, "efectivo"): (None, "N/C"),
        (2019, "efectivo"): (93.0, None),
        (2019, "meta"): (None, "N/C"),
    }
    componente = {
        r[1]: r[5] for r in rows if r[0] == "componente" and r[3] == 2019 and r[4] == "efectivo"
    }
    assert sorted(componente.values()) == [64.0, 85.0, 95.0, 100.0]


@pytest.mark.parametrize(
    ("dimension", "count"),
    [
        ("Focalización y Cobertura", 3),
        ("Eficiencia y ejecución presupuestaria", 4),
        ("Eficacia", 3),
    ],
)
def test_findings_by_dimension(ds, dimension, count):
    n = ds.one(
        "SELECT count(*) FROM findings WHERE ficha_id = ? AND dimension = ? AND kind = 'resultado'",
        F,
        dimension,
    )
    assert n == count


def test_other_sections(ds):
    assert ds.one("SELECT list(goal ORDER BY goal) FROM ods WHERE ficha_id = ?", F) == [
        1,
        3,
        4,
        10,
        16,
    ]
    assessments = ds.rows("SELECT criterion, result FROM assessments WHERE ficha_id = ?", F)
    assert ("Pertinencia de Criterios de Focalización", "Cumple") in assessments
    assert len(assessments) == 3
    sections = {r[0] for r in ds.rows("SELECT DISTINCT section FROM texts WHERE ficha_id = ?", F)}
    assert {"Antecedentes", "Pobreza multidimensional", "Eficiencia"} <= sections


def test_a_very_long_program_name_is_read_from_the_text():
    """Regression: a 215-character name (a real catalog program) was missed as a heading."""
    from fichas_tui.ingest.reader import parse_bytes
    from tests.helpers import SAMPLE_DIR

    long_name = (
        "PROGRAMA DE APOYO POR MEDIO DE LABORATORIO ARBITRADOR A LA IMPLEMENTACIÓN DE LA LEY N° "
        "20.656 QUE REGULA LAS TRANSACCIONES COMERCIALES DE PRODUCTOS AGRÍCOLAS Y DE SU "
        "REGLAMENTO ESPECIAL PARA EL PRODUCTO TRIGO Y OTROS"
    )
    text = (SAMPLE_DIR / F).read_text(encoding="utf-8")
    text = text.replace(
        "PROTECCIÓN - RESIDENCIA DE PROTECCIÓN PARA PRIMERA INFANCIA (RLP)", long_name
    )
    record, _ = parse_bytes(text.encode(), "x.txt")
    assert record.facts["program_name"] == long_name
    assert record.facts["ministry"] == "MINISTERIO DE JUSTICIA Y DERECHOS HUMANOS"
