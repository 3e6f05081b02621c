"""Click's chrome for every `fichas` command: its words in Spanish, a quiet closed pipe."""

from __future__ import annotations

import os
import signal
import sys

import click
import click.core
import click.decorators
import click.exceptions
import click.formatting
import click.parser
import click.termui
import click.types
import click.utils

from ..compat import translate_click

# Click 8 marks its messages with gettext but ships no catalogue: its messages go through
# these (fichas_tui.compat.translate_click says how).
SPANISH = {
    "Usage:": "Uso:",
    "Options": "Opciones",
    "Commands": "Comandos",
    "Positional arguments": "Argumentos",
    "Show this message and exit.": "Muestra esta ayuda y sale.",
    "Show the version and exit.": "Muestra la versión y sale.",
    "%(prog)s, version %(version)s": "%(prog)s, versión %(version)s",
    "Error: {message}": "Error: {message}",
    "Try '{command} {option}' for help.": "Pruebe '{command} {option}' para ver la ayuda.",
    "Missing argument": "Falta el argumento",
    "Missing option": "Falta la opción",
    "Missing parameter": "Falta el parámetro",
    "Missing {param_type}": "Falta {param_type}",
    "Missing parameter: {param_name}": "Falta el parámetro: {param_name}",
    "Missing command.": "Falta el comando.",
    "No such option {name!r}.": "No existe la opción {name!r}.",
    "No such command {name!r}.": "No existe el comando {name!r}.",
    "Invalid value: {message}": "Valor no válido: {message}",
    "Invalid value for {param_hint}: {message}": "Valor no válido para {param_hint}: {message}",
    "Option {name!r} does not take a value.": "La opción {name!r} no lleva valor.",
    "Argument {name!r} takes {nargs} values.": "El argumento {name!r} lleva {nargs} valores.",
    "Invalid start character for option ({option})": "Carácter inicial no válido en ({option})",
    "Value must be an iterable.": "El valor debe ser una lista.",
    "Aborted!": "¡Cancelado!",
    "Do you want to continue?": "¿Desea continuar?",
    "Confirm the action without prompting.": "Confirma la acción sin preguntar.",
    "unknown error": "error desconocido",
    "Could not open file {filename!r}: {message}": "No se puede abrir {filename!r}: {message}",
    "default: {default}": "por omisión: {default}",
    "env var: {var}": "variable de entorno: {var}",
    "(dynamic)": "(dinámico)",
    "deprecated": "obsoleto",
    "required": "obligatorio",
    "Choose from:\n\t{choices}": "Elija entre:\n\t{choices}",
    "{value!r} is not a valid {number_type}.": "{value!r} no es un {number_type} válido.",
    "{value} is not in the range {range}.": "{value} no está en el rango {range}.",
    "{value!r} is not a valid boolean. Recognized values: {states}": (
        "{value!r} no es un valor de verdad válido. Valores reconocidos: {states}"
    ),
    "{value!r} is not a valid UUID.": "{value!r} no es un UUID válido.",
    "file": "archivo",
    "directory": "carpeta",
    "path": "ruta",
    "{name} {filename!r} does not exist.": "{name} {filename!r} no existe.",
    "{name} {filename!r} is a file.": "{name} {filename!r} es un archivo.",
    "{name} {filename!r} is a directory.": "{name} {filename!r} es una carpeta.",
    "{name} {filename!r} is not readable.": "{name} {filename!r} no se puede leer.",
    "{name} {filename!r} is not writable.": "{name} {filename!r} no se puede escribir.",
    "{name} {filename!r} is not executable.": "{name} {filename!r} no es ejecutable.",
}
SPANISH_PLURAL = {
    "Got unexpected extra argument ({args})": (
        "Sobra un argumento ({args})",
        "Sobran argumentos ({args})",
    ),
    "Option {name!r} requires an argument.": (
        "La opción {name!r} necesita un valor.",
        "La opción {name!r} necesita {nargs} valores.",
    ),
    "Did you mean {possibility}?": (
        "¿Quiso decir {possibility}?",
        "(¿Quiso decir {possibilities}?)",
    ),
    "{value!r} is not {choice}.": (
        "{value!r} no es {choice}.",
        "{value!r} no es uno de {choices}.",
    ),
    "Takes {nargs} values but 1 was given.": (
        "Lleva {nargs} valores pero se dio 1.",
        "Lleva {nargs} valores pero se dieron {len}.",
    ),
}
# Type names appear in metavars (TEXTO, ENTERO) and in "'x' no es un entero válido".
TYPE_NAMES = {
    click.types.StringParamType: "texto",
    click.types.UnprocessedParamType: "texto",
    click.types.IntParamType: "entero",
    click.types.IntRange: "entero",
    click.types.FloatParamType: "número",
    click.types.FloatRange: "número",
    click.types.BoolParamType: "sí/no",
}


def gettext(message: str) -> str:
    return SPANISH.get(message, message)


def ngettext(singular: str, plural: str, n: int) -> str:
    pair = SPANISH_PLURAL.get(singular)
    if pair is None:
        return singular if n == 1 else plural
    return pair[0] if n == 1 else pair[1]


def install() -> None:
    """Make click speak Spanish in this process (idempotent)."""
    modules = (
        click.core,
        click.decorators,
        click.exceptions,
        click.formatting,
        click.parser,
        click.termui,
        click.types,
        click.utils,
    )
    translate_click(modules, gettext, ngettext)  # the names click binds at import (compat)
    for cls, name in TYPE_NAMES.items():
        cls.name = name


class SpanishCommand(click.Command):
    """A command whose usage line says `[OPCIONES]`."""

    def __init__(self, *args, **kwargs) -> None:
        kwargs.setdefault("options_metavar", "[OPCIONES]")
        super().__init__(*args, **kwargs)


# `fichas show ... | head`: the reader went away, as with `cat`: no message, and the status a
# shell reports for a process ended by SIGPIPE (128 + 13).
CLOSED_PIPE_STATUS = 128 + signal.SIGPIPE


def closed_pipe_exit() -> None:
    """Leave quietly after a write to a closed pipe: nothing more reaches the gone reader."""
    # Python flushes stdout again at exit; pointing it at /dev/null keeps that flush (and its
    # "Exception ignored" message) from happening.
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, sys.stdout.fileno())
    os.close(devnull)
    sys.exit(CLOSED_PIPE_STATUS)


class SpanishGroup(click.Group):
    """The `fichas` group: subcommands are SpanishCommands, usage is in Spanish, and a closed
    pipe ends any command quietly (click itself would exit 1, like "not found")."""

    command_class = SpanishCommand

    def __init__(self, *args, **kwargs) -> None:
        kwargs.setdefault("options_metavar", "[OPCIONES]")
        kwargs.setdefault("subcommand_metavar", "[COMANDO [ARGUMENTOS]...]")
        super().__init__(*args, **kwargs)

    def invoke(self, ctx: click.Context):
        try:
            result = super().invoke(ctx)
            sys.stdout.flush()  # a closed pipe shows up here for output still buffered
            return result
        except BrokenPipeError:
            closed_pipe_exit()
        except SystemExit as exc:
            # Rich's Console turns a closed pipe into SystemExit(1) (on_broken_pipe).
            if isinstance(exc.__context__, BrokenPipeError):
                closed_pipe_exit()
            try:
                sys.stdout.flush()
            except BrokenPipeError:
                closed_pipe_exit()
            raise


install()
