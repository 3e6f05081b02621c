"""`fichas region`, `fichas ranking` and `fichas compare`: the views across programs, for scripts.

Registered on the `fichas` group by cli.py. Heavy imports (duckdb, rich) happen inside the
commands, so `fichas --help` stays fast.
"""

from __future__ import annotations

import sys
from pathlib import Path

import click

from ..views.across import MEASURES

EXIT_NOT_FOUND = 1
EXIT_USAGE = 2
EXIT_NO_DATA = 3

_MEASURE_HELP = "\n".join(f"  {m.key:<24}{m.help} ({m.unit})" for m in MEASURES.values())


class PesosParam(click.ParamType):
    """--pesos: a year (int) or `ficha` (each ficha's own pesos)."""

    name = "pesos"

    def convert(self, value, param, ctx):
        if isinstance(value, int) or value == EACH_FICHA_OPTION:
            return value
        text = str(value).strip().lower()
        if text in ("ficha", "fichas", "cada-ficha"):
            return EACH_FICHA_OPTION
        if text.isdigit():
            return int(text)
        self.fail(f"«{value}» no es un año ni «ficha»", param, ctx)


EACH_FICHA_OPTION = "ficha"

FILTER_HELP = (
    "Sólo programas cuya MEDIDA (ver abajo; también su nombre: «ejecución respecto del "
    "inicial») cumple OP VALOR (<, <=, >, >=, =), p. ej. «ejecucion-inicial < 85», "
    "«gasto-por-beneficiario > 1.000» (formato chileno). Los montos se comparan en la base "
    "de --pesos; sin dato o sin factor, el programa queda fuera. Se puede repetir."
)


def register(main: click.Group, data_option) -> None:
    """Add the cross-program commands to the `fichas` group."""
    sources = click.option(
        "--fuentes",
        "sources",
        is_flag=True,
        help="Agrega la fuente de cada cifra (ficha, archivo, línea) y el archivo y SHA-256 "
        "de la ficha: las columnas de «Con fuentes» al exportar.",
    )
    output = [
        click.option("--json", "as_json", is_flag=True, help="Salida JSON para scripts."),
        click.option(
            "--csv", "as_csv", is_flag=True, help="Salida CSV (encabezado y una fila por programa)."
        ),
    ]
    year = click.option(
        "--year",
        type=int,
        default=None,
        help="Año evaluado de las fichas (por omisión, la última de cada programa).",
    )

    pesos = click.option(
        "--pesos",
        type=PesosParam(),
        default=None,
        metavar="AÑO|ficha",
        help="Montos en M$ de AÑO (convertidos con los inflactores de las fichas del dataset) o "
        "«ficha»: los pesos de cada ficha. Por omisión, M$ del último año que alcanzan los "
        "factores del dataset.",
    )

    hallazgo = click.option(
        "--hallazgo",
        default=None,
        metavar="VEREDICTO[:TEMA]",
        help="Sólo fichas cuyos hallazgos dicen VEREDICTO (subejecucion, sobreejecucion, "
        "dentro-de-rango, fuera-de-rango, suficiente, insuficiente, no-evaluable, "
        "sin-hallazgos...), sobre TEMA si se da (ejecucion-inicial, ejecucion-final, "
        "persistencia-subejecucion, gasto-por-beneficiario, administrativo, "
        "cobertura-potencial, cobertura-objetivo, indicador, focalizacion). Tildes opcionales.",
    )

    filtro = click.option(
        "--filtro",
        "filtros",
        multiple=True,
        metavar="«MEDIDA OP VALOR»",
        help=FILTER_HELP,
    )

    def outputs(f):
        for option in reversed(output):
            f = option(f)
        return f

    _register_compare(main, data_option, pesos, outputs)

    @main.command("pesos")
    @data_option
    @click.option(
        "--pesos",
        "target",
        type=int,
        default=None,
        metavar="AÑO",
        help="Año de destino (por omisión, el último que alcanzan los factores del dataset).",
    )
    @click.option("--json", "as_json", is_flag=True, help="Salida JSON para scripts.")
    def factors(data_dir, target, as_json):
        """Los factores con que se convierten los montos a M$ de un año: el de cada año, si lo
        imprime una ficha, se encadena o se divide, y qué ficha lo imprime."""
        from .across_output import run_factors

        sys.exit(run_factors(_dataset(data_dir), target=target, as_json=as_json))

    @main.command()
    @click.option(
        "--programa", default=None, metavar="TEXTO", help="Sólo el programa (nombre o id)."
    )
    @data_option
    @outputs
    def revisiones(programa, data_dir, as_json, as_csv):
        """Cifras que una ficha posterior del mismo programa imprime distinto (revisadas).

        Compara cada año que dos fichas seguidas de un programa imprimen (presupuesto inicial,
        final y ejecutado, gasto por beneficiario, cobertura, beneficiarios, efectivo y meta de
        cada indicador), los montos en pesos nominales del año con los factores de cada ficha.
        Lista las diferencias mayores que el redondeo de las cifras y de los factores, de
        mayor a menor, con las dos cifras y sus fuentes.
        """
        from .revisions import run_revisions

        fmt = _fmt(as_json, as_csv)
        sys.exit(run_revisions(_dataset(data_dir), program=programa, fmt=fmt))

    @main.command()
    @click.argument("nombre")
    @data_option
    @year
    @pesos
    @hallazgo
    @filtro
    @outputs
    @sources
    def region(nombre, data_dir, year, pesos, hallazgo, filtros, as_json, as_csv, sources):
        """Programas que desglosan gasto en la región NOMBRE (sin tildes ni mayúsculas:
        coquimbo, nuble, ohiggins) y los que la listan sin desglose regional."""
        from .across_output import run_region

        fmt = _fmt(as_json, as_csv)
        sys.exit(
            run_region(
                nombre,
                _dataset(data_dir),
                year=year,
                pesos=pesos,
                hallazgo=hallazgo,
                filtros=filtros,
                fmt=fmt,
                sources=sources,
            )
        )

    # "\b" keeps click from rewrapping the list into one paragraph
    @main.command(epilog="\b\nMedidas (--medida, o --by):\n" + _MEASURE_HELP)
    @click.option(
        "--medida",
        "--by",
        "measure",
        required=True,
        metavar="MEDIDA",
        help="Medida: " + ", ".join(MEASURES) + ".",
    )
    @click.option("--region", default=None, help="Sólo programas que operan en la región.")
    @click.option("--ministerio", default=None, help="Sólo programas del ministerio (texto).")
    @click.option("--servicio", default=None, help="Sólo programas del servicio (texto).")
    @click.option(
        "--formato", "layout", default=None, help="Sólo fichas de este formato (2019, 2021, 2023)."
    )
    @click.option(
        "--con-avisos",
        "with_warnings",
        is_flag=True,
        help="Sólo fichas con avisos de calidad de datos.",
    )
    @click.option(
        "--limit", type=click.IntRange(min=1), default=None, help="Mostrar sólo los N primeros."
    )
    @click.option("--ascendente", is_flag=True, help="De menor a mayor.")
    @data_option
    @year
    @pesos
    @hallazgo
    @filtro
    @outputs
    @sources
    def ranking(
        measure,
        region,
        ministerio,
        servicio,
        layout,
        with_warnings,
        limit,
        ascendente,
        data_dir,
        year,
        pesos,
        hallazgo,
        filtros,
        as_json,
        as_csv,
        sources,
    ):
        """Ordena los programas por una MEDIDA (ver la lista abajo).

        Cada programa aporta su ficha del año evaluado pedido (o la última). Los programas sin
        dato van al final y no cuentan como 0; los montos en otra base de pesos van después de
        los ordenados.
        """
        from .across_output import run_ranking

        sys.exit(
            run_ranking(
                measure,
                _dataset(data_dir),
                year=year,
                region=region,
                ministry=ministerio,
                service=servicio,
                layout=layout,
                with_warnings=with_warnings,
                limit=limit,
                descending=not ascendente,
                pesos=pesos,
                hallazgo=hallazgo,
                filtros=filtros,
                fmt=_fmt(as_json, as_csv),
                sources=sources,
            )
        )


def _register_compare(main: click.Group, data_option, pesos, outputs) -> None:
    @main.command()
    @click.argument("a")
    @click.argument("b")
    @data_option
    @click.option(
        "--year",
        "years",
        type=int,
        multiple=True,
        help="Año evaluado: una vez para ambos, dos veces para A y B (--year 2019 --year 2023).",
    )
    @pesos
    @outputs
    def compare(a, b, data_dir, years, pesos, as_json, as_csv):
        """Compara dos programas (o un programa en dos años) lado a lado.

        A y B: texto que encuentra un programa cada uno, o su id. Presupuesto y ejecución,
        gasto por beneficiario, cobertura, componentes, indicadores de propósito y regiones con
        más gasto, con la diferencia B − A, en una misma base de pesos.
        """
        from .compare_output import run_compare

        fmt = _fmt(as_json, as_csv)
        sys.exit(run_compare(a, b, _dataset(data_dir), years=years, pesos=pesos, fmt=fmt))


def _dataset(data_dir: Path | None) -> Path:
    """--data, else the folder `fichas` opens (see locations)."""
    from ..locations import dataset_to_open

    return dataset_to_open(data_dir).path


def _fmt(as_json: bool, as_csv: bool) -> str:
    if as_json and as_csv:
        raise click.UsageError("Use --json o --csv, no ambos.")
    return "json" if as_json else "csv" if as_csv else "text"
