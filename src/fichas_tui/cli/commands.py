"""The `fichas` command: open the explorer, ingest fichas, show one program, serve it."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import click

from .. import locations
from .across_commands import register as register_across
from .click_spanish import SpanishGroup
from .explorer import open_explorer
from .totals_commands import register as register_totals

# The measures `fichas cite` knows (views/citation.py; no heavy imports there).
MEASURE_NAMES = (
    "inicial",
    "final",
    "ejecutado",
    "ejecucion-inicial",
    "ejecucion-final",
    "administrativo",
    "gasto-por-beneficiario",
    "cobertura",
    "indicador",
    "meta",
)

# Nothing here imports textual, duckdb or pyarrow at module level: `fichas --help` and
# `fichas ingest` must start fast, and the explorer pays its imports only when it opens.

DATA_OPTION = click.option(
    "--data",
    "data_dir",
    type=click.Path(file_okay=False, path_type=Path),
    metavar="CARPETA",
    default=None,
    help="Carpeta del dataset (archivos Parquet); ver «Datos» en fichas --help.",
)


def _version(package: str) -> str:
    from importlib.metadata import PackageNotFoundError, version  # slow: only for --version

    try:
        return version(package)
    except PackageNotFoundError:
        return "?"


def _print_version(ctx: click.Context, _param: click.Parameter, value: bool) -> None:
    if value and not ctx.resilient_parsing:
        click.echo(
            f"fichas {_version('fichas-tui')} "
            f"(Textual {_version('textual')}, DuckDB {_version('duckdb')})"
        )
        ctx.exit()


class _Group(SpanishGroup):
    def format_epilog(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        # Computed when shown, so the folders follow XDG_DATA_HOME / XDG_CONFIG_HOME.
        from ..settings import Settings

        user = locations.user_data_dir()
        rows = [
            ("1. --data CARPETA", "la carpeta indicada"),
            (f"2. {locations.ENV_DATA}", os.environ.get(locations.ENV_DATA) or "(no definida)"),
            ("3. datos propios", f"{user} (si tiene fichas; ahí escribe fichas ingest sin --data)"),
            (f"4. {locations.SAMPLE_LABEL}", f"{locations.sample_dir()} (sólo lectura)"),
        ]
        last = Settings().get("last_dataset")
        with formatter.section("Datos (el explorador abre el primero que exista)"):
            formatter.write_dl(rows)
            formatter.write_paragraph()
            formatter.write_text(
                f"Ajustes (tema, base de pesos, último dataset: {last or 'ninguno'}): "
                f"{locations.config_dir() / 'settings.json'}"
            )


@click.group(
    cls=_Group,
    invoke_without_command=True,
    context_settings={"help_option_names": ["-h", "--help"]},
)
@DATA_OPTION
@click.option(
    "--version",
    is_flag=True,
    expose_value=False,
    is_eager=True,
    callback=_print_version,
    help="Versión de fichas, Textual y DuckDB.",
)
@click.pass_context
def main(ctx: click.Context, data_dir: Path | None) -> None:
    """Explorador de fichas de evaluación de desempeño de programas públicos de Chile.

    Sin subcomando abre el explorador sobre el dataset.
    """
    ctx.ensure_object(dict)
    ctx.obj["data_dir"] = data_dir
    if ctx.invoked_subcommand is not None:
        return
    sys.exit(open_explorer(data_dir))


@main.command()
@click.argument(
    "paths", nargs=-1, required=True, metavar="RUTA...", type=click.Path(path_type=Path)
)
@DATA_OPTION
@click.option(
    "--name",
    "name",
    default=None,
    metavar="NOMBRE",
    help="Nombre del programa si la ficha no lo trae.",
)
@click.option("--quiet", "-q", is_flag=True, help="Sólo el resumen y los errores.")
@click.option(
    "--workers",
    type=click.IntRange(min=1),
    default=None,
    metavar="N",
    help="Procesos que leen fichas a la vez.  [por omisión: los núcleos de la máquina]",
)
def ingest(
    paths: tuple[Path, ...],
    data_dir: Path | None,
    name: str | None,
    quiet: bool,
    workers: int | None,
) -> None:
    """Lee fichas (archivos o carpetas) y las agrega al dataset.

    Sin --data (ni FICHAS_DATA) escribe en los datos propios del usuario, nunca en la muestra
    incluida. Una ficha que ya estaba se reemplaza. Un archivo que no se puede leer se informa
    con su nombre y motivo; los demás se cargan igual.

    Estado de salida: 0 todo cargado; 1 algún archivo no se pudo leer (los demás sí se
    cargaron); 2 uso incorrecto; 3 otro ingest escribe el dataset o no se puede leer;
    4 no queda espacio en disco; 5 sin permiso para escribir. Con 3, 4 y 5 el dataset
    anterior queda intacto. 130 Ctrl+C, 143 SIGTERM: se detiene y dice qué dataset quedó.
    """
    target = locations.dataset_to_write(data_dir)
    if target.resolve() == locations.packaged_sample_dir().resolve():
        click.echo(
            "La muestra incluida es de sólo lectura; indique otra carpeta con --data.", err=True
        )
        sys.exit(2)
    from ..ingest.pipeline import ingest as run

    sys.exit(
        run(
            list(paths),
            target,
            name=name,
            echo=click.echo,
            quiet=quiet,
            workers=workers,
            echo_err=lambda message: click.echo(message, err=True),
        )
    )


@main.command()
@click.argument("text", metavar="TEXTO")
@DATA_OPTION
@click.option("--year", type=int, default=None, metavar="AÑO", help="Año evaluado de la ficha.")
@click.option("--json", "as_json", is_flag=True, help="Salida JSON para scripts.")
@click.option(
    "--pesos",
    type=int,
    default=None,
    metavar="AÑO",
    help="Montos convertidos a M$ de AÑO con los inflactores de las fichas del dataset.",
)
@click.option(
    "--todo",
    "everything",
    is_flag=True,
    help="Todas las filas de cada tabla (sin esta opción, un máximo por ficha).",
)
def show(
    text: str,
    data_dir: Path | None,
    year: int | None,
    as_json: bool,
    pesos: int | None,
    everything: bool,
) -> None:
    """Muestra el resumen de un programa (presupuesto, indicadores, regiones) y sale."""
    from .show import run_show

    source = locations.dataset_to_open(data_dir)
    sys.exit(
        run_show(text, source.path, year=year, as_json=as_json, pesos=pesos, everything=everything)
    )


@main.command()
@click.argument("text", metavar="PROGRAMA")
@DATA_OPTION
@click.option(
    "--medida",
    "measure",
    required=True,
    type=click.Choice(sorted(MEASURE_NAMES)),
    help="Cifra: inicial, final, ejecutado, cobertura, indicador...",
)
@click.option(
    "--año", "--ano", "year", type=int, required=True, metavar="AÑO", help="Año de la cifra."
)
@click.option(
    "--ficha",
    "ficha_year",
    type=int,
    default=None,
    metavar="AÑO",
    help="Ficha (año evaluado); por omisión la última.",
)
@click.option("--json", "as_json", is_flag=True, help="Salida JSON para scripts.")
def cite(
    text: str,
    data_dir: Path | None,
    measure: str,
    year: int,
    ficha_year: int | None,
    as_json: bool,
) -> None:
    """Muestra una cifra de un programa y dónde la imprime la ficha (archivo, línea, SHA-256)."""
    from .cite import run_cite

    source = locations.dataset_to_open(data_dir)
    sys.exit(run_cite(text, source.path, measure, year, ficha_year=ficha_year, as_json=as_json))


@main.command()
@DATA_OPTION
@click.option("--host", default="127.0.0.1", show_default=True, help="Dirección donde escuchar.")
@click.option("--port", default=8000, show_default=True, type=int, help="Puerto.")
@click.option(
    "--public-url",
    default=None,
    help="URL con que el navegador llega al servidor (detrás de un proxy o túnel).",
)
@click.option(
    "--max-sesiones",
    "max_sessions",
    default=4,
    show_default=True,
    type=int,
    metavar="N",
    help="Pestañas abiertas a la vez (cada una es un proceso del explorador).",
)
def serve(
    data_dir: Path | None, host: str, port: int, public_url: str | None, max_sessions: int
) -> None:
    """Abre el explorador en el navegador (textual-serve), por defecto sólo en esta máquina.

    Cada pestaña del navegador ejecuta su propio explorador. La dirección que muestra al iniciar
    lleva un código de acceso nuevo en cada inicio (?token=…): sin él, el servidor no abre.
    Para usarlo desde otra máquina prefiera un túnel (ssh -L 8000:127.0.0.1:8000 SERVIDOR) o un
    proxy con autenticación.
    """
    from .serve import run_serve

    sys.exit(run_serve(locations.dataset_to_open(data_dir), host, port, public_url, max_sessions))


register_across(main, DATA_OPTION)
register_totals(main, DATA_OPTION)

if __name__ == "__main__":
    main()
