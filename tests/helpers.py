"""What tests (and scripts/screenshots.py) share: data paths, keys, pilot steps, screen text."""

from __future__ import annotations

import io
from pathlib import Path

import duckdb

REPO = Path(__file__).resolve().parents[1]
SAMPLE_DIR = REPO / "data" / "fichas"
COMMITTED_DATASET = REPO / "data" / "parquet"
FIXTURE = REPO / "tests" / "data" / "fixture"
HOSTILE = REPO / "tests" / "data" / "hostile"
# A slice of the program catalog (../shared/catalog), so corpus tests never depend on ../shared.
CATALOG = REPO / "tests" / "data" / "catalog" / "bips-2025-programs.csv"

F2019 = "002_d169eeaf477df404.txt"
F2021 = "000_db7d9702ee44d38f.txt"
F2023 = "003_177960693a00c8d4.txt"
# The sample fichas' program ids, by layout.
P2019 = "proteccion-residencia-de-proteccion-para-primera-infancia-rlp"
P2021 = "gestion-social-local-gsl-ex-apoyo-monitoreo-y-supervision-a-la-gestion-territorial"
P2023 = "residencia-familiar-de-administracion-directa-rf"

# Every screen is snapshot at these sizes; the smallest supported one for some.
SIZES = {"80x24": (80, 24), "120x40": (120, 40)}
SMALLEST = (60, 20)


def open_keys(text: str) -> tuple[str, ...]:
    """Keys that filter the list by `text` and open the highlighted program (one Enter)."""
    return ("slash", *text, "enter")


# The fixture's program with two fichas and every pane filled.
RESIDENCIA = open_keys("residencia")


def quiet(*_args, **_kwargs) -> None:
    """An echo that prints nothing."""


async def settle(pilot) -> None:
    """Let queued messages and every query worker finish."""
    await pilot.pause()
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


async def press(pilot, *keys: str) -> None:
    """Press each key and settle after it."""
    for key in keys:
        await pilot.press(key)
        await settle(pilot)


def pane_text(app, pane: str) -> str:
    """The whole body of a pane (not only what is scrolled into view) as plain text."""
    widget = app.screen.query_one(f"#pane-{pane}")
    return "\n".join(strip.text for strip in widget.content_lines())


def list_names(app) -> list[str]:
    """Names in the program list, in its order."""
    from fichas_tui.widgets.program_list import ProgramList

    return [p.name for p in app.screen.query_one(ProgramList).programs]


def screen_output(app) -> tuple[str, str, str]:
    """The current screen as (plain text, the bytes a terminal would get, SVG screenshot).

    The same render `App.export_screenshot` uses, printed to a true-colour terminal console:
    links would be OSC 8 sequences in the second value, styles SGR sequences.
    """
    from rich.console import Console

    width, height = app.size
    console = Console(
        width=width,
        height=height,
        file=io.StringIO(),
        force_terminal=True,
        color_system="truecolor",
        record=True,
        legacy_windows=False,
        safe_box=False,
    )
    console.print(
        app.screen._compositor.render_update(full=True, screen_stack=app._background_screens)
    )
    return console.export_text(styles=False), console.file.getvalue(), app.export_screenshot()


def steady_cursor() -> None:
    """No blinking cursor in inputs: its phase depends on timing, screenshots must not."""
    from textual.widgets import Input

    Input._toggle_cursor = lambda self: None


class Dataset:
    """SQL over a dataset folder, one ficha at a time, for readable assertions."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.con = duckdb.connect()
        for path in folder.glob("*.parquet"):
            self.con.execute(
                f"CREATE VIEW {path.stem} AS SELECT * FROM read_parquet('{path.as_posix()}')"
            )
        self.ids = dict(self.con.execute("SELECT source_file, ficha_id FROM fichas").fetchall())

    def rows(self, sql: str, source_file: str, *params) -> list[tuple]:
        return self.con.execute(sql, [self.ids[source_file], *params]).fetchall()

    def one(self, sql: str, source_file: str, *params):
        rows = self.rows(sql, source_file, *params)
        assert len(rows) == 1, rows
        return rows[0] if len(rows[0]) > 1 else rows[0][0]
