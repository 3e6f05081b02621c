"""The 2023 template generation (like 003_177960693a00c8d4.txt): amounts in M$ of year+1."""

from __future__ import annotations

import random

from . import data, vocab
from .common import Cell, Program, Truth, fmt_int, missing, pct_cells, present, region_spelling

GEN = "2023"
ATTRS = ("Porcentual", ("Eficacia", "Calidad", "Eficiencia"), "Anual", "Ascendente")


def _b(text: str) -> str:
    return f"<b>{text}</b>"


def _value(rng: random.Random, base: float, stars: bool = True) -> Cell:
    r = rng.random()
    if r < 0.12:
        return missing("N/C", stars)
    if r < 0.16:
        return missing(rng.choice(("S/I", "N/A")), stars)
    return present(min(100.0, max(0.0, base + rng.uniform(-12, 12))), 2, pct=True)


def _findings(rng: random.Random, t: Truth, year: int) -> list[str]:
    out = ["## HALLAZGOS NO SUPERADOS DEL DESEMPEÑO", ""]
    options = {
        "Focalización": [
            "Sin hallazgos en la dimensión de focalización.",
            "El programa presenta una cobertura superior al 100% respecto de su población"
            f" objetivo durante el {year}.",
        ],
        "Eficiencia y ejecución presupuestaria": [
            "El programa presenta una subejecución presupuestaria (inferior al 85%) respecto"
            f" de su presupuesto inicial durante el {year}.",
            "El programa presenta un gasto administrativo superior al promedio de programas"
            " similares.",
            "Sin hallazgos en la dimensión de eficiencia.",
        ],
        "Eficacia": [
            "Sin hallazgos en la dimensión de eficacia.",
            "El indicador de propósito no permite medir adecuadamente el objetivo del programa.",
        ],
    }
    for k, (dim, texts) in enumerate(options.items(), 1):
        out += [f"**{k}. {dim}**", ""]
        chosen = rng.sample(texts, rng.choice((1, 1, 2)))
        if len(chosen) > 1:
            chosen = [x for x in chosen if not x.startswith("Sin hallazgos")]
        for text in chosen:
            out += [text, ""]
            t.add("findings", dimension=dim, finding=text, kind="hallazgo")
    return out


def _indicator_rows(
    rng: random.Random, t: Truth, inds: list, years: list[int], allow_split: bool
) -> list[str]:
    out = []
    word = "de propósito" if inds[0].level == "proposito" else "complementario"
    for ind in inds:
        dim = rng.choice(ATTRS[1])
        vals = [_value(rng, ind.base) for _ in years]
        result = (
            f"No es posible evaluar la variación del resultado del indicador {word} en el"
            f" {years[-1]} respecto a la ejecución del {years[-2]}, debido a que el indicador"
            " se modificó o es nuevo."
        )
        if allow_split and rng.random() < 0.35:
            # A row the PDF conversion broke over four lines, after a blank line.
            out += [
                "",
                f"{ind.name}\t{ind.formula()}\t{_b('Unidad de medida:')} Porcentual"
                f"\t\t\t\t\t{result}",
                f"\t\t{_b('Dimensión:')} {dim}\t" + "\t".join(v.text for v in vals) + "\t\t",
                f"\t\t{_b('Periodicidad:')} Anual\t\t\t\t\t",
                f"\t\t{_b('Sentido de medición:')} Ascendente\t\t\t\t\t",
            ]
        else:
            attrs = (
                f"{_b('Unidad de medida:')} Porcentual  {_b('Dimensión:')} {dim}  "
                f"{_b('Periodicidad:')} Anual  {_b('Sentido de medición:')} Ascendente"
            )
            cells = [ind.name, ind.latex(rng), attrs, *(v.text for v in vals), result]
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
                unit="Porcentual",
                dimension=dim,
                periodicity="Anual",
                direction="Ascendente",
            )
    return out


FOOT_IND = [
    "\\* S/I: Valor de indicador no informado.",
    "",
    "\\*\\* N/A: No aplica reportar valor del indicador en el presente periodo.",
    "",
    "\\*\\*\\* N/C: Valor no comparable, debido a que el indicador se modificó o es nuevo.",
    "",
]


def render(rng: random.Random, prog: Program, year: int) -> tuple[str, Truth]:
    t = Truth()
    py = year + 1
    years = [year - 2, year - 1, year]
    m = f"M\\${py}"
    out = ["", "", "", "", "## I. ANTECEDENTES", "", f"**Descripción:** {prog.description}", ""]
    out += [f"**Año de inicio:** {prog.start_year}", "", "**Año de término:** Permanente", ""]
    out += [f"**Ejecutores:** {prog.executor}.", ""]
    out += ["**Complementariedades informadas:**", ""]
    out += [f"- Otro - {prog.service}.", "", "## PROPÓSITO", "", prog.purpose, ""]
    out += _findings(rng, t, year)
    out += ["## HISTORIAL EVALUATIVO", "", "**Evaluaciones Ex Ante:** No", ""]
    out += ["**Ex Dure o Monitoreo (en los últimos 3 años):** Sí", "", " "]
    out += [f"{year - 3}, {year - 2}, {year - 1}", "", "**Evaluación Ex-Post:** No", ""]
    out += ["**Otras evaluaciones:** No", "", "## II. DESEMPEÑO DEL PROGRAMA: FOCALIZACIÓN", ""]
    out += ["### POBLACIONES", "", "", "", "#### Población objetivo", ""]
    out += [f"{prog.population.capitalize()} que presentan el problema.", ""]
    out += ["#### Población beneficiada", "", " ", f"{prog.population.capitalize()} atendidos.", ""]

    cov = [
        missing("N/C") if rng.random() < 0.1 else present(rng.uniform(20, 110), 1, pct=True)
        for _ in years
    ]
    out += ["### COBERTURA POR AÑO", "", "\t" + "\t".join(map(str, years))]
    out += ["Cobertura*\t" + "\t".join(c.text for c in cov), ""]
    for y, c in zip(years, cov, strict=False):
        t.add("coverage", year=y, basis="objetivo", coverage_pct=c.value, coverage_status=c.status)
    out += [
        "\\* Cobertura: (Población beneficiada del año t / población objetivo año t)\\*100.",
        "",
    ]
    out += ["### III. DESEMPEÑO DEL PROGRAMA: EFICIENCIA", "", "", ""]
    out += [
        "<sup>1</sup> La ejecución presupuestaria inicial corresponde a (presupuesto ejecutado"
        " año t / presupuesto inicial año t \\*100).",
        "",
    ]
    out += [
        "\\* Gasto por Beneficiario: ((gasto componentes + gasto administrativo ejecutado"
        " año t) / número beneficiarios efectivos año t).",
        "",
    ]

    comps = data.components(rng, prog, years, year)
    t.anomalies += comps.anomalies
    total = comps.raw_total[year]
    out += [f"GASTO POR SUBTÍTULOS * ({m})\t", f"Subtítulo *\tGasto total ejecutado {year} ({m})"]
    for k, (code, name, amount) in enumerate(data.subtitles(rng, total)):
        out.append(f"{code} ({name})\t{fmt_int(amount)}")
        if k == 0 and rng.random() < 0.4:
            out.append("")  # a blank line inside the table (page break)
        t.add(
            "subtitles",
            year=year,
            subtitle=code,
            subtitle_name=name,
            amount_kclp=float(amount),
            price_year=py,
            amount_status=None,
        )
    out += [f"{_b(f'Presupuesto Ley Ejecutado {year}')}\t{_b(fmt_int(total))}", ""]
    out += [
        "\\* Los subtítulos identificados pueden corresponder a uno o más programas"
        " presupuestarios.",
        "",
    ]

    out += [f"GASTO Y PRODUCCIÓN DE COMPONENTES ({m})" + "\t" * 9]
    out += [
        f"Componentes (unidad de producción) *\tGasto ejecutado ({m})\t\t\tProducción (unidad)"
        f"\t\t\tGasto unitario ({m})\t\t"
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
    pct_comp, pct_admin = [], []
    for y in years:
        tot = comps.raw_total[y]
        if comps.total[y].value is None:
            pct_comp.append(missing("N/C"))
            pct_admin.append(missing("N/C"))
        else:
            pc, pa = pct_cells([comps.raw_comp_total[y], tot - comps.raw_comp_total[y]], tot, 1)
            pct_comp.append(pc)
            pct_admin.append(pa)
    pad = "\t" * 6

    def bold_row(label: str, cells: dict[int, Cell]) -> str:
        vals = [_b(cells[y].text) if cells[y].value is not None else cells[y].text for y in years]
        return f"{_b(label)}\t" + "\t".join(vals) + pad

    out.append(bold_row("Total Gastos Componentes", comps.comp_total))
    out.append("Porcentaje Gastos Componentes\t" + "\t".join(c.text for c in pct_comp) + pad)
    out.append(bold_row("Total Gasto Administrativo", comps.admin))
    out.append("Porcentaje Gasto Administrativo\t" + "\t".join(c.text for c in pct_admin) + pad)
    out.append(bold_row("Total Ejecutado", comps.total))
    for y in years:
        for concept, cells in (
            ("componentes", comps.comp_total),
            ("administrativo", comps.admin),
            ("ejecutado", comps.total),
        ):
            c = cells[y]
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
        f"\\* Dado que los diseños de los programas pueden variar cada año y en esta Tabla"
        f" sólo se muestran los componentes vigentes en {year}, la suma total para los años"
        f" {years[0]} y {years[1]} podría no cuadrar.",
        "",
    ]

    table_regions: list[str] = []
    if rng.random() < 0.75:
        table_regions = _regional(rng, prog, t, year, comps, m, out)
    out += ["**Gasto por beneficiario:**", ""]
    out += [
        f"- El programa presenta un gasto por beneficiario dentro de rango durante el {year},"
        " en relación al promedio de los dos años anteriores.",
        "",
    ]

    out += ["IV. DESEMPEÑO DEL PROGRAMA: EFICACIA", "", "INDICADORES DE PROPÓSITO", ""]
    head = "Indicador\tFórmula de cálculo\tOtros atributos\t"
    head += "\t".join(f"Efectivo {y}" for y in years) + "\tResultado"
    out += [head]
    out += _indicator_rows(rng, t, prog.purpose_indicators, years, False)
    out += ["", *FOOT_IND]
    if prog.complementary:
        out += ["INDICADORES COMPLEMENTARIOS", "", head]
        out += _indicator_rows(rng, t, prog.complementary, years, True)
        out += ["", *FOOT_IND]

    out += [
        "## V. OTROS ATRIBUTOS",
        "",
        "### CONTRIBUCIÓN A LOS OBJETIVOS DE DESARROLLO SOSTENIBLE (ODS)",
        "",
    ]
    out += [*sorted(rng.sample(vocab.ODS, 2), key=lambda s: int(s.split(".")[0])), ""]
    out += [
        "### POBREZA MULTIDIMENSIONAL",
        "",
        "El programa no presenta potencial de contribución a la pobreza multidimensional.",
        "",
    ]
    out += ["## VI. OBSERVACIONES DE LA INSTITUCIÓN", "", "### Población:", ""]
    out += ["El Servicio utiliza un sistema informático con información de los beneficiarios.", ""]
    out += ["**VII. NOTAS TÉCNICAS**", "", f"**Nota técnica 1:** {vocab.NOTA_TECNICA}", ""]
    out += [
        f"**Nota técnica 3:** Tanto los montos de presupuesto como de gastos reportados en la"
        f" presente ficha se encuentran en pesos año {py}.",
        "",
    ]
    out += ["**Inflatores:**", "", "Año\tInflador"]
    factor = 1.0
    rows = []
    for y in range(py, year - 4, -1):
        text = f"{factor:.4f}".rstrip("0").rstrip(".").replace(".", ",")
        rows.append(f"{y}\t{text}")
        t.add("inflators", year=y, factor=float(text.replace(",", ".")))
        factor *= 1 + rng.uniform(0.02, 0.12)
    out += [*reversed(rows), ""]
    month = rng.choice(vocab.MONTHS)
    out += [
        f"**Fecha de publicación del reporte:** {rng.randint(1, 28)} de {month} de {py}"
        f" {rng.randint(8, 18)}:{rng.randint(0, 59):02d}"
    ]
    t.facts.update(
        evaluated_year=year,
        price_year=py,
        start_year=prog.start_year,
        description=prog.description,
        purpose=prog.purpose,
        regions=table_regions or None,
    )
    return "\n".join(out) + "\n", t


def _regional(rng, prog, t, year, comps, m, out) -> list[str]:
    """The regional table: spending, %, beneficiaries, %, bold TOTAL row, `-` cells."""
    py = year + 1
    regions = list(prog.regions)
    spend_total = comps.raw_comp_total[year]
    dash = set(rng.sample(regions, 1)) if len(regions) > 2 and rng.random() < 0.3 else set()
    paying = [r for r in regions if r not in dash]
    amounts = dict(data.regional(rng, paying, spend_total, False))
    ben_total = max(len(regions) * 3, int(comps.raw_total[year] / rng.uniform(200, 3000)))
    bens = dict(zip(regions, data.split_total(rng, ben_total, len(regions)), strict=False))
    out.append("DESAGREGACIÓN REGIONAL DE GASTO COMPONENTES Y POBLACIÓN BENEFICIADA\t\t\t\t")
    out.append(
        f"Región\tTotal ejecutado ({m})\tPorcentaje total ejecutado\tPoblación beneficiada"
        "\tPorcentaje población beneficiada"
    )
    for r in regions:
        if r in dash:
            s, sp = missing("-"), missing("-")
        else:
            s = present(amounts[r])
            sp = present(100.0 * amounts[r] / spend_total, 1, pct=True)
        b = present(bens[r])
        bp = present(100.0 * bens[r] / ben_total, 1, pct=True)
        written = region_spelling(rng, r)
        out.append("\t".join((written, s.text, sp.text, b.text, bp.text)))
        t.add(
            "regions",
            region=r,
            spending_kclp=s.value,
            spending_pct=sp.value,
            beneficiaries=b.value,
            beneficiaries_pct=bp.value,
            price_year=py,
            region_as_written=written,
            spending_status=s.status,
            beneficiaries_status=b.status,
            year=year,
        )
    out.append(
        f"{_b('TOTAL')}\t{_b(fmt_int(spend_total))}\t{_b('100%')}\t{_b(fmt_int(ben_total))}"
        f"\t{_b('100%')}"
    )
    out += [
        "",
        "\\* En esta tabla se despliegan sólo aquellas regiones para las que se ejecutaron"
        " recursos y/o tienen beneficiarios, identificados por región.",
        "",
    ]
    return regions
