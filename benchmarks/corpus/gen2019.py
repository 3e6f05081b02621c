"""The 2019 template generation (like 002_d169eeaf477df404.txt).

Name, service and ministry are in the text (uppercase); the budget is in MM$ of each year
(nominal, price_year null) and the components in M$ of year+1.
"""

from __future__ import annotations

import random

from . import data, vocab
from .common import (
    Cell,
    Program,
    Truth,
    collapse,
    drift,
    fmt_int,
    missing,
    present,
    region_spelling,
)

GEN = "2019"
UL = '<ul style="list-style-type: none">'
PAD = "\t" * 37


def _mm(value_kclp: float) -> Cell:
    """An amount in MM$ as the budget table writes it; small ones keep a decimal."""
    mm = value_kclp / 1000
    return present(mm, 1) if mm < 100 else present(mm)


def _budget(rng: random.Random, prog: Program, year: int, t: Truth) -> list[str]:
    years = list(range(year - 3, year + 2))
    rows: dict[str, list[Cell]] = {"Inicial": [], "Final": [], "Ejecutado": []}
    for y in years:
        executed = data.year_amount(rng, prog, y, year) * (1.03 ** (y - year))
        rows["Inicial"].append(_mm(executed * rng.uniform(0.88, 1.12)))
        if y > year:
            rows["Final"].append(missing("-"))
            rows["Ejecutado"].append(missing("-"))
        else:
            rows["Final"].append(_mm(executed / rng.uniform(0.93, 1.0)))
            rows["Ejecutado"].append(_mm(executed))
    if rng.random() < 0.03:  # a figure typed in M$ instead of MM$, as in the real 002
        c = rows["Inicial"][0]
        wrong = round(c.value * 1000)
        rows["Inicial"][0] = Cell(fmt_int(wrong), float(wrong), None)
        t.anomalies.append(("budget", f"Presupuesto Inicial {years[0]} written 1000x too large"))
    out = ["PROPÓSITO\tPRESUPUESTO (MM\\$ de cada año)\t\t\t\t\t"]
    out.append("\t\t" + "\t".join(map(str, years)))
    for k, (label, cells) in enumerate(rows.items()):
        first = prog.purpose if k == 0 else ""
        out.append(f"{first}\tPresupuesto {label}\t" + "\t".join(c.text for c in cells))
        for y, c in zip(years, cells, strict=False):
            t.add(
                "budget",
                year=y,
                concept=label.lower(),
                price_year=None,
                amount_kclp=None if c.value is None else round(c.value * 1000, 6),
                amount_status=c.status,
            )
    ratios = []
    for i, y in enumerate(years[:-1]):
        ex, ini, fin = (rows[k][i].value for k in ("Ejecutado", "Inicial", "Final"))
        ratios.append((y, 100 * ex / ini, 100 * ex / fin))
    t.facts["_ratios"] = ratios
    return out


def _components(rng: random.Random, prog: Program, year: int, t: Truth) -> list[str]:
    py = year + 1
    years = list(range(year - 4, year + 1))
    side = prog.components[:3]
    block = prog.components[3:]
    spend, uc, prods = [], [], []
    for comp in prog.components:
        s = int(drift(rng, prog.size / len(prog.components), 0.3))
        p = max(1, round(s / drift(rng, comp.scale, 0.3)))
        series = [
            missing("") if rng.random() < 0.12 else present(max(0, round(drift(rng, p, 0.4))))
            for _ in years[:-1]
        ] + [present(p)]
        spend.append(present(s))
        uc.append(present(s / p))
        prods.append(series)
    out = [f"**COSTO Y PRODUCCIÓN DE COMPONENTES (M\\$ {py}):  ", "BIENES**", "", " "]
    if side:
        out.append("\t".join(f"Nombre Bien o Servicio (componente) {c.name}" for c in side) + PAD)
        out.append(
            "\t".join(f"<b>Gasto total</b> M\\$ {spend[i].text}" for i in range(len(side))) + PAD
        )
        out.append(
            "\t".join(
                f"<b>Gasto unitario</b> M\\$ {uc[i].text} por cada {c.unit}"
                for i, c in enumerate(side)
            )
            + PAD
        )
        html = []
        for i, c in enumerate(side):
            trs = " ".join(
                f"<tr><td>{y}</td><td>{v.text}</td></tr>"
                for y, v in zip(years, prods[i], strict=False)
            )
            flat = "\t".join(f"{y}\t{v.text}" for y, v in zip(years, prods[i], strict=False))
            html.append(
                f'<b>{c.unit}</b>  <table border="1"> <caption>{c.unit}</caption> <thead>'
                f" <tr> <th>Año</th> <th>{c.category}</th> </tr> </thead> <tbody> {trs}"
                f" </tbody> </table>\tAño\t{c.category}\t{flat}"
            )
        out.append("\t".join(html))
        for i, c in enumerate(side):
            out.append(f"Año\t{c.category}{PAD}")
            out += [f"{y}\t{v.text}{PAD}" for y, v in zip(years, prods[i], strict=False)]
        out.append("")
    for k, c in enumerate(block, len(side)):
        out += [f"**Nombre Bien o Servicio (componente)  \n{c.name}**", ""]
        out += ["**Gasto total**  ", f"M\\$ {spend[k].text}", "", "**Gasto unitario**  "]
        out += [f"M\\$ {uc[k].text} por cada {c.unit}.", "", " ", f"**{c.unit}.**", "", ""]
    for i, c in enumerate(prog.components):
        for j, y in enumerate(years):
            if i >= len(side) and y != year:
                continue
            prod = prods[i][j] if i < len(side) else Cell("", None, None)
            row = dict(
                component=c.name,
                production_unit=c.unit,
                year=y,
                price_year=py,
                production=prod.value,
                production_status=prod.status,
            )
            if i < len(side):
                row["production_category"] = c.category
            if y == year:
                row.update(
                    spending_kclp=spend[i].value,
                    unit_cost_kclp=uc[i].value,
                    spending_status=None,
                    unit_cost_status=None,
                )
            t.add("components", **row)
    return out


def _findings(rng: random.Random, year: int, t: Truth) -> list[str]:
    rows = {
        "Focalización y Cobertura": [
            "El programa cuenta con criterios focalización pertinentes y un adecuado método de"
            " selección de sus beneficiarios.",
            f"El programa presenta una cobertura suficiente {year} (mayor al 10% y menor al 100%)"
            " respecto a la población objetivo.",
        ],
        "Eficiencia y ejecución presupuestaria": [
            f"El programa presenta una ejecución presupuestaria dentro de rango respecto al"
            f" presupuesto inicial {year} (entre el 85% al 110%, ambos valores incluidos).",
            "El gasto administrativo representa un"
            f" {rng.randint(3, 25)},{rng.randint(10, 99)}% del presupuesto ejecutado.",
        ],
        "Eficacia": [
            f"Debido a que los indicadores no reportan valor efectivo y/o meta {year}, no es"
            " posible evaluar el resultado.",
            "El resultado del indicador de propósito no es posible evaluar respecto al año"
            " anterior.",
        ],
    }
    out = []
    for dim, texts in rows.items():
        chosen = texts[: rng.choice((1, 2))]
        items = " ".join(f"<li>• {x}</li>" for x in chosen)
        out.append(f"{dim}\t{UL} {items} </ul>")
        for x in chosen:
            t.add("findings", dimension=dim, finding=x, kind="resultado")
    return out


def _value(rng: random.Random, base: float) -> Cell:
    if rng.random() < 0.25:
        return missing(rng.choice(("N/C", "N/C", "S/I", "N/A")))
    return present(min(100.0, max(0.0, base + rng.uniform(-10, 10))), 2, pct=True)


def _eficacia(rng: random.Random, inds, year: int, t: Truth, title: str) -> list[str]:
    head = f"\tEfectivo {year - 1}\tEfectivo {year}\tMeta {year}\tEvaluación Calidad"
    head += "\tEvaluación Pertinencia"
    if inds[0].level == "proposito":
        head += "\tResultado respecto al año anterior\tResultado respecto a la meta"
    else:
        head += "\tResultado respecto a la meta\t"
    out = [f"EFICACIA ({title})" + "\t" * 7, head]
    note = f"Debido a que el indicador no reporta valor efectivo y/o meta {year}, no es posible"
    note += " evaluar el resultado del indicador"
    for ind in inds:
        vals = [_value(rng, ind.base) for _ in range(3)]
        tail = ["No es posible evaluar", note] if ind.level == "proposito" else [note, ""]
        out.append("\t".join([ind.name, *(v.text for v in vals), "Cumple", "Cumple", *tail]))
        formula = ind.formula_2019() if ind.level == "proposito" else None
        for (y, kind), v in zip(
            ((year - 1, "efectivo"), (year, "efectivo"), (year, "meta")), vals, strict=False
        ):
            t.add(
                "indicators",
                level=ind.level,
                indicator=ind.name,
                formula=formula,
                year=y,
                kind=kind,
                value=v.value,
                value_status=v.status,
            )
    return [*out, ""]


def render(rng: random.Random, prog: Program, year: int) -> tuple[str, Truth]:
    t = Truth()
    written = [region_spelling(rng, r) for r in prog.regions]
    out = ["", "", f"**NOMBRE DEL PROGRAMA: {prog.name.upper()}**", ""]
    out += [f"**{prog.service.upper()}  ", f"{prog.ministry.upper()}**", ""]
    out += ["**DESCRIPCIÓN DEL PROGRAMA:**", "", prog.description, ""]
    out += ["El programa se implementa en las regiones: " + ", ".join(written) + ".", ""]
    out += [f"Y se ejecuta por terceros: {prog.executor}.", ""]
    out += ["**RESULTADOS DE EVALUACIÓN DE DESEMPEÑO**", ""]
    out += _findings(rng, year, t)
    out += ["", " "]
    out += _budget(rng, prog, year, t)
    out += ["", "## HISTORIA DEL PROGRAMA:", "", f"Año de inicio: {prog.start_year}  "]
    out += ["Año de término: Permanente  ", "Otro tipo de evaluaciones externas: No", ""]
    out += [
        "## POBLACIÓN OBJETIVO: POBLACIÓN QUE EL PROGRAMA SE PROPONE ATENDER EN UN AÑO CALENDARIO",
        "",
        "El programa focaliza en " + prog.population + ".",
        "",
        "",
        "",
    ]
    out += ["## CONTRIBUCIÓN A LOS OBJETIVOS DE DESARROLLO SOSTENIBLE (ODS)", ""]
    out += [*sorted(rng.sample(vocab.ODS, 2), key=lambda s: int(s.split(".")[0])), ""]
    out += [
        "## POBREZA MULTIDIMENSIONAL",
        "",
        "El programa no presenta potencial de contribución a la pobreza multidimensional.",
        "",
    ]
    out += _components(rng, prog, year, t)
    out += ["RESULTADOS REPORTADOS POR EL PROGRAMA A NIVEL DE PROPÓSITO", "", " "]
    for ind in prog.purpose_indicators:
        out += [f"**{ind.name}**", "", ind.formula_2019().replace("*", "\\*"), "", "", ""]
    out += ["RESULTADOS EVALUACIÓN DE DESEMPEÑO", "", "FOCALIZACIÓN", "", " "]
    out += ["Ámbitos de Evaluación\tResultados Evaluación\tComentarios Evaluadores"]
    out += ["Pertinencia de Criterios de Focalización\tCumple\tLos criterios son coherentes.", ""]
    out += [
        "COBERTURA",
        "",
        "\t" + "\t".join(str(y) for y in range(year - 4, year + 1)) + "\tResultado",
    ]
    pot = [rng.uniform(10, 90) for _ in range(5)]
    for basis, label in (
        (
            "potencial",
            "<b>Cobertura respecto a la población que presenta el problema:</b>"
            " (beneficiarios efectivos año t / población potencial año t)*100",
        ),
        (
            "objetivo",
            "<b>Cobertura:</b> (beneficiarios efectivos año t / población objetivo año t)*100",
        ),
    ):
        cells = []
        for k, y in enumerate(range(year - 4, year + 1)):
            c = (
                missing("-")
                if k == 0 and rng.random() < 0.2
                else present(
                    pot[k] * (1 if basis == "potencial" else rng.uniform(1.0, 1.6)), 2, pct=True
                )
            )
            cells.append(c)
            t.add("coverage", year=y, basis=basis, coverage_pct=c.value, coverage_status=c.status)
        out.append(
            "\t".join(
                [
                    label,
                    *(c.text for c in cells),
                    "El programa presenta una"
                    f" cobertura suficiente {year} respecto a la población {basis}.",
                ]
            )
        )
    out += ["", " ", "EFICIENCIA", "", "EJECUCIÓN PRESUPUESTARIA", ""]
    ratios = t.facts.pop("_ratios")
    out.append("\t" + "\t".join(str(y) for y, *_ in ratios) + "\tResultado")
    for label, k in (("inicial", 1), ("final", 2)):
        cells = [present(r[k], 2, pct=True).text for r in ratios]
        out.append(
            f"<b>Ejecución presupuestaria {label}:</b> (presupuesto ejecutado año t /"
            f" presupuesto {label} año t)*100 *\t"
            + "\t".join(cells)
            + "\tEl programa presenta una ejecución presupuestaria dentro de rango."
        )
    out.append("")
    out += _eficacia(rng, prog.purpose_indicators, year, t, "PROPÓSITO")
    out += _eficacia(rng, prog.component_indicators, year, t, "COMPONENTES")
    comment = rng.choice(
        (
            "Sin comentarios.",
            "En los indicadores ajustar el nombre ya que el programa no atiende a todo el grupo.",
            "Se recomienda revisar la cuantificación de la población objetivo.",
        )
    )
    out += ["COMENTARIOS EVALUADORES" + "\t" * 7, comment + "\t" * 7, ""]
    t.add("findings", dimension="Comentarios evaluadores", finding=comment, kind="comentario")
    out += ["**Antecedentes:** El programa se enmarca en la oferta del " + prog.service + ".", ""]
    out += [f"**Nota técnica:** {vocab.NOTA_TECNICA}"]
    t.facts.update(
        program_name=collapse(prog.name.upper()),
        ministry=collapse(prog.ministry.upper()),
        service=collapse(prog.service.upper()),
        evaluated_year=year,
        price_year=year + 1,
        start_year=prog.start_year,
        description=prog.description,
        purpose=prog.purpose,
        regions=list(prog.regions),
    )
    return "\n".join(out) + "\n", t
