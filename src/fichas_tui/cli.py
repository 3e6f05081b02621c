"""The `fichas` command: open the explorer, ingest fichas, show one program."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from .locations import DEFAULT_DATA_DIR

# Nothing here imports textual, duckdb or pyarrow at module level: `fichas --help` and
# `fichas ingest` must start fast, and the explorer pays its imports only when it opens.

DATA_OPTION = click.option(
    "--data",
    "data_dir",
    type=click.Path(file_okay=False, path_type=Path),
    default=DEFAULT_DATA_DIR,
    show_default="data/parquet del repositorio",
    help="Carpeta del dataset (archivos Parquet).",
)


@click.group(invoke_without_command=True, context_settings={"help_option_names": ["-h", "--help"]})
@DATA_OPTION
@click.pass_context
def main(ctx: click.Context, data_dir: Path) -> None:
    """Explorador de fichas de evaluación de desempeño de programas públicos de Chile.

    Sin subcomando abre el explorador sobre el dataset.
    """
    ctx.ensure_object(dict)
    ctx.obj["data_dir"] = data_dir
    if ctx.invoked_subcommand is None:
        from .app import make_app

        make_app(data_dir).run()


@main.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@DATA_OPTION
@click.option("--name", "name", default=None, help="Nombre del programa si la ficha no lo trae.")
@click.option("--quiet", "-q", is_flag=True, help="Sólo el resumen y los errores.")
def ingest(paths: tuple[Path, ...], data_dir: Path, name: str | None, quiet: bool) -> None:
    """Lee fichas (archivos o carpetas) y las agrega al dataset.

    Una ficha que ya estaba se reemplaza. Un archivo que no se puede leer se informa con su
    nombre y motivo; los demás se cargan igual. Sale con estado 1 si algún archivo falló.
    """
    from .ingest.pipeline import run_ingest

    ok = run_ingest(
        list(paths),
        data_dir,
        name=name,
        echo=click.echo,
        quiet=quiet,
        echo_err=lambda message: click.echo(message, err=True),
    )
    sys.exit(0 if ok else 1)


@main.command()
@click.argument("text")
@DATA_OPTION
@click.option("--year", type=int, default=None, help="Año evaluado de la ficha.")
@click.option("--json", "as_json", is_flag=True, help="Salida JSON para scripts.")
def show(text: str, data_dir: Path, year: int | None, as_json: bool) -> None:
    """Muestra el resumen de un programa (presupuesto, indicadores, regiones) y sale."""
    from .show import run_show

    sys.exit(run_show(text, data_dir, year=year, as_json=as_json))


if __name__ == "__main__":
    main()
