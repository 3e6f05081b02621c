"""`fichas totales`, `fichas regiones` and `fichas catalogo`: the analyst's tables, for scripts.

Registered on the `fichas` group by cli/commands.py; heavy imports happen inside the commands.
"""

from __future__ import annotations

import sys

import click

from .across_commands import FILTER_HELP, _dataset, _fmt

GROUP_KEYS = ("ministerio", "servicio", "region", "hallazgo")


def _selection_options(f):
    """The filters of `fichas ranking`, in its words."""
    for option in reversed(
        [
            click.option("--region", default=None, help="Sólo programas que operan en la región."),
            click.option("--ministerio", default=None, help="Sólo programas del ministerio."),
            click.option("--servicio", default=None, help="Sólo programas del servicio (texto)."),
            click.option("--formato", "layout", default=None, help="Sólo fichas de este formato."),
            click.option(
                "--con-avisos", "with_warnings", is_flag=True, help="Sólo fichas con avisos."
            ),
            click.option(
                "--year",
                type=int,
                default=None,
                help="Año evaluado de las fichas (por omisión, la última de cada programa).",
            ),
            click.option(
                "--hallazgo",
                default=None,
                metavar="VEREDICTO[:TEMA]",
                help="Sólo fichas cuyos hallazgos dicen VEREDICTO (como en `fichas ranking`).",
            ),
            click.option(
                "--filtro",
                "measure_filters",
                multiple=True,
                metavar="«MEDIDA OP VALOR»",
                help=FILTER_HELP,
            ),
            click.option(
                "--pesos",
                type=int,
                default=None,
                metavar="AÑO",
                help="Montos en M$ de AÑO con los inflactores de las fichas del dataset.",
            ),
            click.option("--json", "as_json", is_flag=True, help="Salida JSON para scripts."),
            click.option("--csv", "as_csv", is_flag=True, help="Salida CSV (una fila por grupo)."),
        ]
    ):
        f = option(f)
    return f


def register(main: click.Group, data_option) -> None:
    """Add the commands to the `fichas` group."""

    @main.command()
    @click.option(
        "--por",
        "by",
        type=click.Choice(GROUP_KEYS),
        default="ministerio",
        show_default=True,
        help="Agrupar por ministerio, servicio, región o veredicto de los hallazgos.",
    )
    @_selection_options
    @data_option
    def totales(by, region, ministerio, servicio, layout, with_warnings, year, hallazgo,
                measure_filters, pesos, as_json, as_csv, data_dir):  # fmt: skip
        """Totales de presupuesto inicial, final y ejecutado de los programas seleccionados,
        por grupo, en una sola base de pesos.

        Cada programa aporta su ficha del año pedido (o la última). Un programa sin cifra no
        cuenta como 0: se informa en «missing»; las cifras en otra base de pesos (o sin factor
        con --pesos) no se suman y se informan aparte.
        """
        from .totals_output import Filters, run_totals

        filters = Filters(year, region, ministerio, servicio, layout, with_warnings, pesos,
                          measure_filters, hallazgo)  # fmt: skip
        code = run_totals(by, _dataset(data_dir), filters, fmt=_fmt(as_json, as_csv))
        sys.exit(code)

    @main.command()
    @_selection_options
    @data_option
    def regiones(region, ministerio, servicio, layout, with_warnings, year, hallazgo,
                 measure_filters, pesos, as_json, as_csv, data_dir):  # fmt: skip
        """Gasto de los programas seleccionados en cada región, de norte a sur: total, por
        habitante (Censo 2024, INE) y su parte del gasto junto a su parte de la población.

        Suma el desglose regional de cada ficha (la del año pedido, o la última), en una sola
        base de pesos; Nivel central va aparte y no entra en los porcentajes.
        """
        from .totals_output import Filters, run_regions

        filters = Filters(year, region, ministerio, servicio, layout, with_warnings, pesos,
                          measure_filters, hallazgo)  # fmt: skip
        sys.exit(run_regions(_dataset(data_dir), filters, fmt=_fmt(as_json, as_csv)))

    @main.command()
    @click.option(
        "--sin-ficha",
        "without_ficha",
        is_flag=True,
        help="Sólo los programas del catálogo que no tienen ficha en el dataset.",
    )
    @click.option("--ministerio", default=None, help="Sólo programas del ministerio (texto).")
    @click.option("--json", "as_json", is_flag=True, help="Salida JSON para scripts.")
    @click.option("--csv", "as_csv", is_flag=True, help="Salida CSV (una fila por programa).")
    @data_option
    def catalogo(without_ficha, ministerio, as_json, as_csv, data_dir):
        """El catálogo de programas sociales 2025 (BIPS) y qué programas tienen ficha en el
        dataset (el número BIPS que ingest les asignó)."""
        from .totals_output import run_catalog

        fmt = _fmt(as_json, as_csv)
        sys.exit(run_catalog(_dataset(data_dir), without_ficha, ministerio, fmt=fmt))
