"""The 2021 template generation (like 000_db7d9702ee44d38f.txt): amounts in M$ of year+1."""

from __future__ import annotations

import random

from . import data, vocab
from .common import Program, Truth, fmt_int, missing, present, region_spelling

GEN = "2021"
UL = '<ul style="list-style-type: none">'
STARS_NOTE = [
    "* S/I: Valor de indicador no informado.",
    "",
    "** N/A: No aplica reportar valor del indicador en el presente periodo.",
    "",
    "*** N/C: Valor no comparable dado que se realizaron ajustes o cambios en el indicador.",
    "",
]


def _value(rng: random.Random, base: float):
    r = rng.random()
    if r < 0.15:
        return missing("N/C", True)
    if r < 0.2:
        return missing(rng.choice(("S/I", "N/A")), True)
    return present(min(100.0, max(0.0, base + rng.uniform(-15, 15))), 0, pct=True)


def _findings(rng: random.Random, t: Truth, year: int) -> list[str]:
    out = ["DIMENSIÓN\tRESULTADOS\tOBSERVACIONES EVALUADOR(ES)"]
    rows = [
        (
            "Focalización",
            [
                f"El programa con alta probabilidad, atendió en {year} a beneficiarios que"
                " presentan de manera significativa el problema que da origen al programa.",
                "El programa aplicó criterios de focalización no contemplados en el diseño"
                " vigente de la oferta.",
            ],
        ),
        (
            "Eficiencia y ejecución presupuestaria",
            [
                f"Ejecución presupuestaria final {year}: El programa presentó una ejecución"
                " presupuestaria dentro de rango (90% - 110%) respecto a su presupuesto final.",
                "Gasto administrativo: El gasto administrativo del programa se encuentra"
                " correctamente estimado.",
            ],
        ),
        (
            "Eficacia",
            [
                "Respecto al primer indicador de propósito. El indicador de propósito permite"
                " medir el objetivo del programa.",
                "Respecto a los resultados del indicador en comparación al reporte anterior, la"
                " información no es comparable o no es posible evaluar.",
            ],
        ),
    ]
    for k, (dim, texts) in enumerate(rows):
        chosen = texts[: rng.choice((1, 2))]
        if rng.random() < 0.5:
            body = " ".join(f"• {x}" for x in chosen)
        else:  # no bullets: one paragraph, or labelled runs (`Gasto administrativo: ...`)
            body = " ".join(chosen)
            if not all(":" in x[:60] for x in chosen):
                chosen = [body]
        for text in chosen:
            t.add("findings", dimension=dim, finding=text, kind="resultado")
        note = rng.choice(
            (
                "Sin observaciones en la dimensión.",
                "<p>Se sugiere revisar la sección de población objetivo.</p>",
            )
        )
        t.add(
            "findings",
            dimension=dim,
            finding=note.removeprefix("<p>").removesuffix("</p>"),
            kind="observacion",
        )
        out.append(f"{dim}\t{UL} {body} \t{note}")
        if k == 0:
            out.append("")
    return out


def _indicators(rng, t, inds, years, complementary: bool) -> list[str]:
    head = "Indicador\tFórmula de cálculo\t" + "\t".join(f"Efectivo {y}" for y in years)
    if complementary:
        head += "\tEvaluación Pertinencia\tEvaluación Calidad\tResultado respecto al año anterior"
    out = [head]
    for ind in inds:
        vals = [_value(rng, ind.base) for _ in years]
        cells = [ind.name, ind.latex(rng), *(v.text for v in vals)]
        if complementary:
            cells += ["El indicador es pertinente", "Cumple", "No es posible evaluar"]
        out.append("\t".join(cells))
        for y, v in zip(years, vals, strict=False):
            t.add(
                "indicators",
                level=ind.level,
                indicator=ind.name,
                formula=ind.formula(),
                year=y,
                kind="efectivo",
                value=v.value,
                value_status=v.status,
            )
    return [*out, "", *STARS_NOTE]


def render(rng: random.Random, prog: Program, year: int) -> tuple[str, Truth]:
    t = Truth()
    py = year + 1
    years = [year - 2, year - 1, year]
    m = f"M\\${py}"
    written = [region_spelling(rng, r) for r in prog.regions]
    out = ["", "", "", "", "I. ANTECEDENTES DEL PROGRAMA", "", "DESCRIPCIÓN", "", prog.description]
    out += [
        "",
        "Los beneficiarios efectivos se encuentran en las regiones de: " + ", ".join(written) + ".",
        "",
        "Se ejecuta por terceros.",
        "",
    ]
    out += ["PROPÓSITO", "", prog.purpose, "", "HISTORIAL EVALUATIVO DEL PROGRAMA", ""]
    out += [f"Año de inicio: {prog.start_year}", "", "Año de término: Permanente", ""]
    out += ["Evaluaciones Ex-Ante:", "", f"- {year - 1}: Recomendado favorablemente", ""]
    out += ["Otras evaluaciones: No", "", "II. ANÁLISIS DE DESEMPEÑO", ""]
    out += ["RESULTADOS ANALISIS DEL DESEMPEÑO DEL PROGRAMA:", ""]
    out += _findings(rng, t, year)
    out += ["", f"III. DESEMPEÑO {year} DEL PROGRAMA", "", "PRESUPUESTO Y EJECUCIÓN", "", "", ""]
    out += [
        "* La ejecución presupuestaria inicial corresponde a $(\\text{presupuesto ejecutado año"
        " } t / \\text{presupuesto inicial año } t) \\times 100$.",
        "",
    ]
    out += [
        "*** El presupuesto ejecutado corresponde al Presupuesto Ley ejecutado por los Servicios.",
        "",
        " ",
    ]

    comps = data.components(rng, prog, years, year, zero_production=True)
    t.anomalies += comps.anomalies
    total = comps.raw_total[year]
    out += [f"GASTO POR SUBTÍTULOS ({m})", "", "Subtítulo *\tTotal ejecutado"]
    for code, name, amount in data.subtitles(rng, total):
        out.append(f"{code} ({name})\t{fmt_int(amount)}")
        t.add(
            "subtitles",
            year=year,
            subtitle=code,
            subtitle_name=name,
            amount_kclp=float(amount),
            price_year=py,
            amount_status=None,
        )
    out += [f"Gasto total ejecutado\t{fmt_int(total)}", ""]
    out += [
        "* Los subtítulos identificados pueden corresponder a uno o más programas presupuestarios.",
        "",
    ]

    spend = comps.raw_comp_total[year]
    if rng.random() < 0.8:
        regions = prog.regions if rng.random() < 0.6 else []
        central = not regions or rng.random() < 0.5
        out += [
            f"GASTO COMPONENTES ({m})\t",
            "DESAGREGACIÓN REGIONAL *\t",
            "Región\tTotal ejecutado",
        ]
        for r, amount in data.regional(rng, regions, spend, central):
            name = r if r == "Nivel central" else region_spelling(rng, r)
            out.append(f"{name}\t{fmt_int(amount)}")
            t.add(
                "regions",
                region=r,
                spending_kclp=float(amount),
                price_year=py,
                region_as_written=name,
                spending_status=None,
                year=year,
            )
        out += [f"Gasto total ejecutado componentes\t{fmt_int(spend)}", ""]
        out += [
            "* En esta tabla se despliegan sólo aquellas regiones para las que se ejecutaron"
            " recursos.",
            "",
            "",
            "",
        ]

    cov = [
        missing("N/C") if rng.random() < 0.2 else present(rng.uniform(15, 100), 0, pct=True)
        for _ in years
    ]
    gpb = [missing("N/C") if c.value is None else present(rng.uniform(80, 30000), 1) for c in cov]
    out += ["COBERTURA POR AÑO*\t\t", "\t".join(map(str, years)), "\t".join(c.text for c in cov)]
    out += ["", f"EVOLUCIÓN GASTO POR BENEFICIARIO (M\\$ {py})**\t\t", "\t".join(map(str, years))]
    out += ["\t".join(c.text for c in gpb), ""]
    for y, c, g in zip(years, cov, gpb, strict=False):
        t.add("coverage", year=y, basis="objetivo", coverage_pct=c.value, coverage_status=c.status)
        t.add(
            "spending_per_beneficiary",
            year=y,
            amount_kclp=g.value,
            amount_status=g.status,
            price_year=py,
        )
    out += ["* Cobertura: (Población beneficiada del año t / población objetivo año t)*100.", ""]
    out += [
        "** Gasto por Beneficiario: (Presupuesto ejecutado año t / número beneficiarios"
        " efectivos año t).",
        "",
    ]

    out += [f"COMPONENTES GASTO Y PRODUCCIÓN DE COMPONENTES (M\\$ {py})", ""]
    out += [
        f"Componentes (Unidad de producción) *\tGasto ejecutado Miles de \\$({py})\t\t\t"
        f"Producción (unidad)\t\t\tGasto unitario Miles de \\$({py})\t\t"
    ]
    out += ["\t" + "\t".join(map(str, years * 3))]
    for comp, row in zip(prog.components, comps.rows, strict=False):
        cells = [f"{comp.name} ({comp.unit})"]
        cells += [row[y].spending.text for y in years] + [row[y].production.text for y in years]
        cells += [row[y].unit_cost.text for y in years]
        out.append("\t".join(cells))
        for y in years:
            cy = row[y]
            t.add(
                "components",
                component=comp.name,
                production_unit=comp.unit,
                year=y,
                spending_kclp=cy.spending.value,
                production=cy.production.value,
                unit_cost_kclp=cy.unit_cost.value,
                price_year=py,
                spending_status=cy.spending.status,
                production_status=cy.production.status,
                unit_cost_status=cy.unit_cost.status,
            )
    pad = "\t" * 6
    pct = []
    for y in years:
        if comps.total[y].value is None:
            pct.append("N/C")
        else:
            pct.append(f"{round(100 * comps.admin[y].value / comps.total[y].value)}%")
    out.append("Gasto administrativo\t" + "\t".join(comps.admin[y].text for y in years) + pad)
    out.append("Total\t" + "\t".join(comps.total[y].text for y in years) + pad)
    out.append("Porcentaje gasto administrativo\t" + "\t".join(pct) + pad)
    for y in years:
        for concept, cells in (
            ("componentes", comps.comp_total),
            ("administrativo", comps.admin),
            ("ejecutado", comps.total),
        ):
            c = cells[y]
            partial = any(row[y].spending.value is None for row in comps.rows)
            if concept == "componentes" and c.value is not None and partial:
                continue  # not a sum of the table when a component has no figure that year
            t.add(
                "budget",
                year=y,
                concept=concept,
                amount_kclp=c.value,
                price_year=py,
                amount_status=c.status,
            )
    out += [
        "",
        "* Se entiende por Componentes a los bienes y/o servicios producidos por el"
        " Programa y provistos directamente a sus beneficiarios.",
        "",
    ]

    out += ["INDICADORES", "", "INDICADORES DE PROPÓSITO", ""]
    out += _indicators(rng, t, prog.purpose_indicators, years, False)
    if prog.complementary:
        out += ["INDICADORES COMPLEMENTARIOS", ""]
        out += _indicators(rng, t, prog.complementary, years, True)
    out += ["IV. OTROS ATRIBUTOS DEL PROGRAMA", ""]
    out += ["CONTRIBUCIÓN A LOS OBJETIVOS DE DESARROLLO SOSTENIBLE (ODS)", ""]
    out += [
        "El programa no identifica la contribución a los Objetivos de Desarrollo Sostenible.",
        "",
    ]
    out += [
        "POBREZA MULTIDIMENSIONAL",
        "",
        "El programa no presenta potencial de contribución a la pobreza multidimensional.",
        "",
    ]
    out += [
        "V. CONTINGENCIA SANITARIA",
        "",
        "Fondo de Emergencia Transitorio (FET): El programa"
        " no ejecutó recursos provenientes del Fondo de Emergencia Transitorio.",
        "",
    ]
    out += ["VI. OBSERVACIONES DE LA INSTITUCIÓN", "", "PRESUPUESTO:", ""]
    out += [
        f"- **Presupuesto inicial / final:** El programa recibió recursos por M\\$"
        f" {fmt_int(rng.randint(1000, 900000))} en mayo de {year}.",
        "",
    ]
    out += ["VII. NOTAS TÉCNICAS", "", f"Nota técnica 1: {vocab.NOTA_TECNICA}", ""]
    out += [
        f"Nota técnica 4: Tanto los montos de presupuesto como de gastos reportados en la"
        f" presente ficha se encuentran en pesos año {py}. Se realizó aplicando el inflator"
        f" de Ley de Presupuestos a los años {years[0]}-{year}."
    ]
    t.facts.update(
        evaluated_year=year,
        price_year=py,
        start_year=prog.start_year,
        description=prog.description,
        purpose=prog.purpose,
        regions=list(prog.regions),
    )
    return "\n".join(out) + "\n", t
