"""Write the fixed test dataset in tests/data/fixture/ (run: python -m tests.data.make_fixture)."""

from __future__ import annotations

from pathlib import Path

from tests.data.rows import budget, empty, ficha, indicator, region, script, split, tables

HERE = Path(__file__).resolve().parent
OUT = HERE / "fixture"

MDS = "Ministerio de Desarrollo Social y Familia"
MINEDUC = "Ministerio de Educación"
MINTRAB = "Ministerio del Trabajo y Previsión Social"
MINCAP = "Ministerio de las Culturas, las Artes y el Patrimonio"
SPE = "Servicio Nacional de Protección Especializada a la Niñez y Adolescencia"

# (ficha_id, program_id, name, ministry, service, evaluated_year, price_year, start_year)
FICHAS = [
    (
        "res2021",
        "residencia-familiar-adolescentes",
        "Residencia Familiar para Adolescentes",
        MDS,
        SPE,
        2021,
        2022,
        2018,
    ),
    (
        "res2023",
        "residencia-familiar-adolescentes",
        "Residencia Familiar para Adolescentes",
        MDS,
        SPE,
        2023,
        2024,
        2018,
    ),
    (
        "pae2019",
        "alimentacion-escolar",
        "Programa de Alimentación Escolar",
        MINEDUC,
        "Junta Nacional de Auxilio Escolar y Becas",
        2019,
        None,
        1964,
    ),
    (
        "pae2022",
        "alimentacion-escolar",
        "Programa de Alimentación Escolar",
        MINEDUC,
        "Junta Nacional de Auxilio Escolar y Becas",
        2022,
        2023,
        1964,
    ),
    (
        "pae2023",
        "alimentacion-escolar",
        "Programa de Alimentación Escolar",
        MINEDUC,
        "Junta Nacional de Auxilio Escolar y Becas",
        2023,
        2024,
        1964,
    ),
    (
        "sej2023",
        "subsidio-empleo-joven",
        "Subsidio al Empleo Joven",
        MINTRAB,
        "Servicio Nacional de Capacitación y Empleo",
        2023,
        2024,
        2009,
    ),
    (
        "faa2022",
        "fondo-fomento-audiovisual",
        "Fondo de Fomento Audiovisual",
        MINCAP,
        "Subsecretaría de las Culturas y las Artes",
        2022,
        2023,
        2005,
    ),
    (
        "vin2022",
        "programa-vinculos",
        "Programa Vínculos",
        MDS,
        "Subsecretaría de Servicios Sociales",
        2022,
        2023,
        2013,
    ),
]

TEXTS = {
    "residencia-familiar-adolescentes": (
        "Atiende a adolescentes de 14 a 17 años separados de sus familias por orden judicial.",
        "Adolescentes con graves vulneraciones de derechos interrumpen esas vivencias.",
        "Organismo privado sin fines de lucro, Municipio.",
    ),
    "alimentacion-escolar": (
        "Entrega desayuno y almuerzo a estudiantes vulnerables de establecimientos públicos.",
        "Estudiantes vulnerables mantienen su asistencia gracias a una alimentación suficiente.",
        "Empresas concesionarias de alimentación.",
    ),
    "subsidio-empleo-joven": (
        "Subsidio a la remuneración de jóvenes de 18 a 24 años y a quienes los contratan.",
        "Jóvenes vulnerables aumentan su empleabilidad formal.",
        "Servicio Nacional de Capacitación y Empleo.",
    ),
    "fondo-fomento-audiovisual": (
        "Concursos para producción, distribución y formación audiovisual [incluye series].",
        "El sector audiovisual nacional mejora su producción y circulación.",
        "Personas naturales y jurídicas adjudicadas por concurso.",
    ),
    "programa-vinculos": (
        "Acompañamiento psicosocial y sociolaboral a personas mayores que viven solas.",
        "Personas mayores vulnerables acceden a la red de apoyo local.",
        "Municipio.",
    ),
}

REGIONS_LIST = ["Coquimbo", "Valparaíso", "Biobío", "Metropolitana de Santiago"]

# ficha -> {year: (inicial, final, ejecutado)}; a str is a missing code.
BUDGET = {
    "res2021": {
        2019: (1_200_000, 1_250_000, 1_100_000),
        2020: (1_500_000, 1_700_000, 1_650_000),
        2021: (2_000_000, 2_100_000, 1_773_474),
    },
    "res2023": {
        2021: (2_100_000, 2_200_000, 1_773_474),
        2022: (5_000_000, 5_300_000, 5_227_400),
        2023: (9_800_000, 9_900_000, 8_146_335),
    },
    "pae2019": {
        2017: (850_000_000, 860_000_000, 845_500_000),
        2018: (900_000_000, "S/I", 890_250_000),
        2019: (950_000_000, 975_000_000, 960_123_000),
    },
    "pae2022": {
        2020: (1_000_000_000, 1_010_000_000, 990_000_000),
        2021: (1_050_000_000, 1_080_000_000, 1_070_000_000),
        2022: (1_100_000_000, 1_150_000_000, 1_120_456_789),
    },
    "pae2023": {
        2021: (1_120_000_000, 1_150_000_000, 1_140_000_000),
        2022: (1_170_000_000, 1_220_000_000, 1_190_000_000),
        2023: (1_250_000_000, 1_300_000_000, 1_283_987_654),
    },
    "sej2023": {
        2021: (150_000_000, 140_000_000, 120_000_000),
        2022: (160_000_000, 165_000_000, 158_000_000),
        2023: (170_000_000, 168_000_000, 151_234_567),
    },
    "faa2022": {
        2020: (9_000_000, 9_200_000, 8_900_000),
        2021: (9_500_000, 9_600_000, "N/C"),
        2022: (10_000_000, 10_100_000, 9_876_543),
    },
    "vin2022": {
        2020: (12_000_000, 12_000_000, 11_500_000),
        2021: (12_500_000, 12_400_000, 12_300_000),
        2022: (13_000_000, 13_100_000, 12_950_000),
    },
}

# ficha -> [(subtitle, name, amount)] for the evaluated year.
SUBTITLES = {
    "res2023": [
        (21, "Gastos en personal", 297_978),
        (22, "Bienes y servicios de consumo", 74_199),
        (24, "Transferencias Corrientes", 7_765_091),
        (29, "Adquisición de Activos No Financieros", 9_068),
    ],
    "pae2023": [
        (22, "Bienes y servicios de consumo", 3_987_654),
        (24, "Transferencias Corrientes", 1_280_000_000),
    ],
    "sej2023": [(24, "Transferencias Corrientes", 151_234_567)],
}

# ficha -> [(component, unit, {year: (spending, production, unit_cost)})]
COMPONENTS = {
    "res2023": [
        (
            "Residencialidad emocionalmente segura",
            "Adolescentes atendidos",
            {
                2021: (480_760, 335, 1_435.1),
                2022: (1_981_857, 473, 4_190.0),
                2023: (3_094_173, 646, 4_789.7),
            },
        ),
        (
            "Acompañamiento familiar",
            "Familias acompañadas",
            {
                2021: (482_204, 335, 1_439.4),
                2022: (1_486_392, "N/C", "N/C"),
                2023: (2_320_629, 248, 9_357.4),
            },
        ),
    ],
    "res2021": [
        (
            "Residencialidad emocionalmente segura",
            "Adolescentes atendidos",
            {
                2019: (400_000, 300, 1_333.3),
                2020: (450_000, 310, 1_451.6),
                2021: (500_000, 335, 1_492.5),
            },
        ),
    ],
    "pae2023": [
        (
            "Raciones de alimentación",
            "Raciones diarias",
            {
                2021: (1_100_000_000, 1_900_000, 578.9),
                2022: (1_150_000_000, 2_000_000, 575.0),
                2023: (1_240_000_000, 2_100_000, 590.5),
            },
        ),
    ],
    "sej2023": [
        ("Subsidio al trabajador", "Jóvenes subsidiados", {2023: (140_000_000, 310_000, 451.6)}),
    ],
}

# ficha -> admin share % by year (ratio gasto_administrativo)
ADMIN = {"res2023": {2021: 13.7, 2022: 5.2, 2023: 5.0}, "pae2023": {2023: 3.4}}

# (level, indicator, formula, unit, {ficha: {year: (efectivo, meta)}})
INDICATORS = [
    (
        "proposito",
        "Porcentaje de adolescentes egresados que no reingresan en el año t",
        "(N° de adolescentes egresados que no reingresan / N° de egresados)*100",
        "%",
        {
            "res2021": {2019: (70.0, 75.0), 2020: (72.5, 75.0), 2021: ("S/I", 78.0)},
            "res2023": {2021: (80.0, 78.0), 2022: ("N/C", 80.0), 2023: (92.0, 85.0)},
        },
    ),
    (
        "complementario",
        "Porcentaje de proyectos con supervisión técnica satisfactoria",
        "(N° de proyectos con puntaje 3 o más / N° de proyectos ejecutados)*100",
        "%",
        {"res2023": {2021: ("N/A", "N/A"), 2022: (55.5, 60.0), 2023: (61.25, 65.0)}},
    ),
    (
        "proposito",
        "Porcentaje de estudiantes que asisten al menos 85% de los días",
        None,
        "%",
        {
            "pae2019": {2017: (88.0, 90.0), 2018: (87.5, 90.0), 2019: (89.1, 90.0)},
            "pae2022": {2020: (40.2, 90.0), 2021: (75.3, 90.0), 2022: (86.4, 90.0)},
            "pae2023": {2021: (75.3, 90.0), 2022: (86.4, 90.0), 2023: (90.7, 91.0)},
        },
    ),
    (
        "proposito",
        "Tasa de empleo formal de jóvenes subsidiados",
        "(N° de jóvenes con cotizaciones 12 meses después / N° de subsidiados)*100",
        "%",
        {"sej2023": {2021: (41.0, "S/I"), 2022: (43.2, 45.0), 2023: (44.9, 46.0)}},
    ),
    (
        "proposito",
        "Porcentaje de proyectos estrenados a los dos años",
        "(N° de proyectos estrenados / N° de proyectos adjudicados t-2)*100",
        "%",
        {"faa2022": {2020: ("S/I", 50.0), 2021: ("S/I", 50.0), 2022: (47.0, 50.0)}},
    ),
    (
        "proposito",
        "Porcentaje de personas mayores que acceden a la red local",
        "(N° de personas mayores vinculadas / N° de participantes)*100",
        "%",
        {"vin2022": {2020: (66.0, 70.0), 2021: (71.0, 70.0), 2022: (74.4, 72.0)}},
    ),
]

# ficha -> [(region, spending, spending_pct, beneficiaries, beneficiaries_pct)]
REGIONS = {
    "res2023": [
        ("Coquimbo", 1_745_448, 22.6, 114, 17.6),
        ("Valparaíso", 707_309, 9.1, 64, 9.9),
        ("Libertador General Bernardo O'Higgins", "-", "-", 40, 6.2),
        ("Biobío", 1_005_643, 13.0, 59, 9.1),
        ("Metropolitana de Santiago", 1_600_140, 20.7, 140, 21.7),
        ("Nivel central", 2_676_892, 34.6, "-", "-"),
    ],
    "res2021": [
        ("Coquimbo", 800_000, 45.1, 150, 44.8),
        ("Metropolitana de Santiago", 973_474, 54.9, 185, 55.2),
    ],
    "pae2023": [
        ("Arica y Parinacota", 20_000_000, 1.6, 30_000, 1.4),
        ("Metropolitana de Santiago", 500_000_000, 38.9, 820_000, 39.0),
        ("Biobío", 150_000_000, 11.7, 250_000, 11.9),
        ("Nivel central", 613_987_654, 47.8, "-", "-"),
    ],
    "faa2022": [
        ("Metropolitana de Santiago", 7_000_000, 70.9, "S/I", "S/I"),
        ("Valparaíso", 2_876_543, 29.1, "S/I", "S/I"),
    ],
    "vin2022": [("Maule", 6_000_000, 46.3, 5_000, 45.5), ("Ñuble", 6_950_000, 53.7, 6_000, 54.5)],
}

# ficha -> the breakdown's TOTAL row as the ficha states it (spending, %, beneficiaries, %).
# faa2022's stated spending total is 100.000 more than its regions add up to (on purpose).
REGION_TOTALS = {
    "res2023": (7_735_432, 100.0, 417, 100.0),
    "pae2023": (1_283_987_654, 100.0, 1_100_000, 100.0),
    "faa2022": (9_976_543, 100.0, "S/I", "S/I"),
}

# The Evaluación pane's sections for res2023 (shaped like 003's), and 2019-style assessments
# for pae2019 (like 002's).
EVALUATIONS = {
    "res2023": [
        ("ex_ante", None, "No"),
        ("monitoreo", 2021, "Sí"),
        ("monitoreo", 2022, "Sí"),
        ("ex_post", None, "No"),
    ]
}
ASSESSMENTS = {
    "pae2019": [
        ("FOCALIZACIÓN", "Pertinencia de criterios de focalización", "Cumple", "Criterios claros."),
        ("EFICACIA", "Resultados de indicadores", "No cumple", "Asistencia bajo la meta."),
    ]
}
ODS = {"res2023": [(1, "Fin de la pobreza", "Poner fin a la pobreza en todas sus formas")]}
COMPLEMENTARITIES = {"res2023": ["Familias de Acogida (FAE) - Servicio de Protección"]}
# (section, label, text)
PROSE = {
    "res2023": [
        ("Observaciones de la institución", "Población", "La población 2023 incluye arrastre."),
        ("Notas técnicas", "Nota técnica 1", "Montos en pesos de 2024."),
        ("Enfoque de género", None, "Registra a sus beneficiarios según sexo."),
    ]
}
# ficha -> {year: M$ per beneficiary}
SPENDING_PER_BENEFICIARY = {"res2023": {2021: 5_293.9, 2022: 11_052.0, 2023: 12_609.8}}

FINDINGS = {
    "res2023": [
        ("Focalización", "Sin hallazgos en la dimensión de focalización."),
        (
            "Eficiencia y ejecución presupuestaria",
            "El programa presenta una subejecución presupuestaria (inferior al 85%) "
            "respecto de su presupuesto inicial durante el 2023.",
        ),
        ("Eficacia", "Sin hallazgos en la dimensión de eficacia."),
    ],
    "pae2023": [("Eficacia", "La asistencia [meta] no alcanza el 91% comprometido.")],
    "sej2023": [("Focalización", "No cuantifica su población potencial.")],
}

WARNINGS = {
    "res2023": [("regions", "Libertador General Bernardo O'Higgins: gasto informado como '-'")],
    "pae2019": [("budget", "Montos en MM$ nominales de cada año")],
}


def build() -> dict:
    rows = empty()
    for fid, pid, name, ministry, service, year, price, start in FICHAS:
        desc, purpose, executors = TEXTS[pid]
        rows["fichas"].append(
            ficha(
                fid,
                pid,
                name,
                ministry,
                service,
                year,
                price,
                start_year=start,
                description=desc,
                purpose=purpose,
                regions=[r for r, *_ in REGIONS.get(fid, [])] or REGIONS_LIST,
                executors=executors,
                layout="fixture",
            )
        )
        for byear, triple in BUDGET.get(fid, {}).items():
            for concept, cell in zip(("inicial", "final", "ejecutado"), triple, strict=True):
                rows["budget"].append(budget(fid, byear, concept, cell, price))
        for sub, sname, amount in SUBTITLES.get(fid, []):
            rows["subtitles"].append(
                dict(
                    ficha_id=fid,
                    year=year,
                    subtitle=sub,
                    subtitle_name=sname,
                    amount_kclp=float(amount),
                    price_year=price,
                )
            )
        for position, (comp, unit, by_year) in enumerate(COMPONENTS.get(fid, [])):
            for cyear, (spend, prod, cost) in by_year.items():
                (s, ss), (p, ps), (c, cs) = split(spend), split(prod), split(cost)
                rows["components"].append(
                    dict(
                        ficha_id=fid,
                        component=comp,
                        production_unit=unit,
                        year=cyear,
                        spending_kclp=s,
                        spending_status=ss,
                        production=p,
                        production_status=ps,
                        unit_cost_kclp=c,
                        unit_cost_status=cs,
                        price_year=price,
                        position=position,
                    )
                )
        for ryear, pct in ADMIN.get(fid, {}).items():
            rows["ratios"].append(
                dict(ficha_id=fid, year=ryear, ratio="gasto_administrativo", value_pct=pct)
            )
        for name_, spend, spct, ben, bpct in REGIONS.get(fid, []):
            rows["regions"].append(
                region(fid, name_, spend, spct, ben, price, year, beneficiaries_pct=split(bpct)[0])
            )
        if fid in REGION_TOTALS:
            spend, spct, ben, bpct = REGION_TOTALS[fid]
            (s, ss), (b, bs) = split(spend), split(ben)
            rows["region_totals"].append(
                dict(
                    ficha_id=fid,
                    spending_kclp=s,
                    spending_status=ss,
                    spending_pct=split(spct)[0],
                    beneficiaries=b,
                    beneficiaries_status=bs,
                    beneficiaries_pct=split(bpct)[0],
                    price_year=price,
                    year=year,
                )
            )
        for kind, eyear, detail in EVALUATIONS.get(fid, []):
            rows["evaluations"].append(dict(ficha_id=fid, kind=kind, year=eyear, detail=detail))
        for section, criterion, result, comment in ASSESSMENTS.get(fid, []):
            rows["assessments"].append(
                dict(
                    ficha_id=fid,
                    section=section,
                    criterion=criterion,
                    result=result,
                    comment=comment,
                )
            )
        for goal, gname, description in ODS.get(fid, []):
            rows["ods"].append(dict(ficha_id=fid, goal=goal, name=gname, description=description))
        for program in COMPLEMENTARITIES.get(fid, []):
            rows["complementarities"].append(dict(ficha_id=fid, program=program))
        for position, (section, label, text) in enumerate(PROSE.get(fid, [])):
            rows["texts"].append(
                dict(ficha_id=fid, section=section, label=label, text=text, position=position)
            )
        for syear, amount in SPENDING_PER_BENEFICIARY.get(fid, {}).items():
            rows["spending_per_beneficiary"].append(
                dict(ficha_id=fid, year=syear, amount_kclp=amount, price_year=price)
            )
        for position, (dim, text) in enumerate(FINDINGS.get(fid, [])):
            rows["findings"].append(
                dict(ficha_id=fid, dimension=dim, finding=text, position=position)
            )
        for section, message in WARNINGS.get(fid, []):
            rows["warnings"].append(dict(ficha_id=fid, section=section, message=message))
    # The 2023 ficha of Residencia reports its own execution ratios; the others are computed.
    for ryear, ini, fin in ((2021, 84.4, 80.6), (2022, 104.5, 98.6), (2023, 83.1, 82.3)):
        rows["ratios"].append(
            dict(ficha_id="res2023", year=ryear, ratio="ejecucion_inicial", value_pct=ini)
        )
        rows["ratios"].append(
            dict(ficha_id="res2023", year=ryear, ratio="ejecucion_final", value_pct=fin)
        )
    for position, (level, ind, formula, unit, by_ficha) in enumerate(INDICATORS):
        for fid, by_year in by_ficha.items():
            for iyear, (eff, meta) in by_year.items():
                for kind, cell in (("efectivo", eff), ("meta", meta)):
                    rows["indicators"].append(
                        indicator(
                            fid,
                            level,
                            ind,
                            iyear,
                            kind,
                            cell,
                            position,
                            formula=formula,
                            unit=unit,
                        )
                    )
    return tables(rows)


if __name__ == "__main__":
    script(build, OUT, "dataset de prueba")
