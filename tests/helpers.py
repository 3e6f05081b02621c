"""What tests share: data paths, keys, pilot steps (from scripts/pilot.py), screen text."""

from __future__ import annotations

import io
import itertools
import math
import os
import shutil
import subprocess
import sys
from contextlib import asynccontextmanager
from pathlib import Path

import duckdb
from scripts.pilot import open_keys, press, quick_idle, settle  # noqa: F401 (re-exported)

REPO = Path(__file__).resolve().parents[1]
SAMPLE_DIR = REPO / "data" / "fichas"
COMMITTED_DATASET = REPO / "data" / "parquet"
FIXTURES = REPO / "tests" / "fixtures"
FIXTURE = FIXTURES / "fixture"
HOSTILE = FIXTURES / "hostile"


# Filter queries typed by a user against the hostile dataset, and the names each finds: a
# search is literal (LIKE wildcards, quotes, SQL, markup and escapes are text). Punctuation
# is ignored around typed words (`"; DROP TABLE fichas; --` finds the name holding those
# words); a query of punctuation alone is looked for as written. Shared by the store, CLI
# and explorer tests.
def literal_queries() -> list[tuple[str, list[str]]]:
    from tests.fixtures.make_hostile import HOSTILE_NAME, QUOTES_NAME

    return [
        ("%", [HOSTILE_NAME]),
        ("_", [HOSTILE_NAME]),
        ("100%", [HOSTILE_NAME]),
        ("%_%", []),
        ("'", [QUOTES_NAME]),
        ('"', [QUOTES_NAME]),
        ("\\", [QUOTES_NAME]),
        ("' OR 1=1 --", []),
        ('"; DROP TABLE fichas; --', [QUOTES_NAME]),
        ("DROP TABLE fichas; --", [QUOTES_NAME]),
        ("[bold]", [HOSTILE_NAME]),  # the word "bold" of its markup, typed as text
        ("[bold", [HOSTILE_NAME]),
        ("[/]", [HOSTILE_NAME]),
        ("\x1b[2J", [HOSTILE_NAME]),  # the name holds it, raw
        ("*", []),
        ("?", []),
    ]


# A slice of the program catalog (../shared/catalog), so corpus tests never depend on ../shared.
CATALOG = FIXTURES / "catalog" / "bips-2025-programs.csv"
# The bundled sample's program whose name has punctuation (search tests, exports).
GSL = "Gestión Social Local - GSL (Ex Apoyo, Monitoreo y Supervisión a la Gestión Territorial)"

F2019 = "002_d169eeaf477df404.txt"
F2021 = "000_db7d9702ee44d38f.txt"
F2023 = "003_177960693a00c8d4.txt"
# The sample fichas' program ids, by layout.
P2019 = "proteccion-residencia-de-proteccion-para-primera-infancia-rlp"
P2021 = "gestion-social-local-gsl-ex-apoyo-monitoreo-y-supervision-a-la-gestion-territorial"
P2023 = "residencia-familiar-de-administracion-directa-rf"

# The provenance keys `source` gains in JSON cells (views/sources.py as_dict).
PROVENANCE = ("ficha_id", "ficha_year", "file", "sha256", "line", "column", "rule", "inputs")


def without_provenance(cell: dict) -> dict:
    """A JSON cell without where it was printed: its figure, unit and basis only."""
    out = dict(cell)
    source = {k: v for k, v in out.pop("source", {}).items() if k not in PROVENANCE}
    source.pop("missing", None)
    if source:
        out["source"] = source
    return out


# Every screen is snapshot at these sizes; the smallest supported one for some.
SIZES = {"80x24": (80, 24), "120x40": (120, 40)}
SMALLEST = (60, 20)


def dataset_copy(source: Path, tmp_path: Path) -> Path:
    """A copy of the dataset folder `source` a test may alter: its current version's files,
    as plain files (what a dataset of an older fichas, or the bundled sample, holds)."""
    from fichas_tui.data.versions import current

    out = tmp_path / "ds"
    shutil.copytree(current(source), out)
    return out


def run_without_terminal(*args: str, timeout: float = 30) -> subprocess.CompletedProcess:
    """`python -m fichas_tui ARGS` as cron or `ssh` without -t would run it: stdin from
    /dev/null, not under textual-serve."""
    env = {k: v for k, v in os.environ.items() if k != "TEXTUAL_DRIVER"}
    return subprocess.run(
        [sys.executable, "-m", "fichas_tui", *args],
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
        timeout=timeout,
        env=env,
        check=False,
    )


# The fixture's program with two fichas and every pane filled.
RESIDENCIA = open_keys("residencia")


def quiet(*_args, **_kwargs) -> None:
    """An echo that prints nothing."""


@asynccontextmanager
async def explore(data: Path = FIXTURE, size: tuple[int, int] = (80, 24), *keys: str):
    """The explorer on `data`, settled, after `keys`: `async with explore(...) as pilot:`."""
    from fichas_tui.tui.app import make_app

    app = make_app(data)
    async with app.run_test(size=size) as pilot:
        await settle(pilot)
        await press(pilot, *keys)
        yield pilot


def keys_then(*keys: str):
    """A snapshot's run_before: settle, then press `keys` (each settled)."""

    async def run_before(pilot) -> None:
        await settle(pilot)
        await press(pilot, *keys)

    return run_before


def rendered(app, selector: str) -> str:
    """What a Static of the screen (a status line, notes) shows, as plain text."""
    return str(app.screen.query_one(selector).render())


def pane_text(app, pane: str) -> str:
    """The whole body of a pane (not only what is scrolled into view) as plain text."""
    widget = app.screen.query_one(f"#pane-{pane}")
    return "\n".join(strip.text for strip in widget.content_lines())


def list_names(app) -> list[str]:
    """Names in the program list, in its order."""
    from fichas_tui.tui.widgets.program_list import ProgramList

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


# -- datasets made for one hazard ---------------------------------------------------------------

NON_FINITE = (math.nan, math.inf, -math.inf)


def non_finite_dataset(folder: Path) -> Path:
    """The fixture with every present number of every floating-point column replaced by NaN,
    +inf or -inf in turn (a dataset written by something other than `fichas ingest`)."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    shutil.copytree(FIXTURE, folder)
    _add_coverage(folder)
    cycle = itertools.cycle(NON_FINITE)
    for path in sorted(folder.glob("*.parquet")):
        table = pq.read_table(path)
        for index, field in enumerate(table.schema):
            if not pa.types.is_floating(field.type):
                continue
            column = table.column(index)
            values = [None if v is None else next(cycle) for v in column.to_pylist()]
            table = table.set_column(index, field, pa.array(values, field.type))
        pq.write_table(table, path)
    return folder


def _add_coverage(folder: Path) -> None:
    """The fixture has no coverage rows: give every ficha one per basis (the numbers are then
    made non-finite like the others), since the Resumen pane crashed on them."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    path = folder / "coverage.parquet"
    table = pq.read_table(path)
    fichas = pq.read_table(folder / "fichas.parquet", columns=["ficha_id", "evaluated_year"])
    rows = [
        {
            "ficha_id": f["ficha_id"],
            "year": f["evaluated_year"],
            "basis": basis,
            "coverage_pct": 50.0,
            "beneficiaries": 10.0,
            "target_population": 20.0,
        }
        for f in fichas.to_pylist()
        for basis in ("objetivo", "potencial")
    ]
    added = pa.Table.from_pylist(rows, schema=table.schema)
    pq.write_table(pa.concat_tables([table, added]), path)


def count_non_finite(folder: Path, table: str) -> int:
    """How many numbers in `table` are NaN or infinite."""
    import pyarrow as pa
    import pyarrow.compute as pc
    import pyarrow.parquet as pq

    data = pq.read_table(folder / f"{table}.parquet")
    total = 0
    for index, field in enumerate(data.schema):
        if pa.types.is_floating(field.type):
            column = data.column(index)
            total += pc.sum(pc.invert(pc.is_finite(column.drop_null()))).as_py() or 0
    return total


def oversized_dataset(folder: Path, *, indicators: int = 0, budget: int = 0) -> Path:
    """The fixture with `indicators` extra indicator rows and `budget` extra budget rows in
    the latest ficha of residencia-familiar-adolescentes (far beyond any real ficha)."""
    shutil.copytree(FIXTURE, folder)
    con = duckdb.connect()
    fid, year = con.execute(
        "SELECT ficha_id, evaluated_year FROM read_parquet(?) "
        "WHERE program_id = 'residencia-familiar-adolescentes' ORDER BY evaluated_year DESC",
        [str(folder / "fichas.parquet")],
    ).fetchall()[0]
    extra = {
        "indicators": f"""
            SELECT ? AS ficha_id, 'componente' AS level, 'Indicador ' || (i // 2) AS indicator,
                   {year}::INTEGER AS year,
                   CASE WHEN i % 2 = 0 THEN 'efectivo' ELSE 'meta' END AS kind,
                   (i % 97)::DOUBLE AS value, (1000 + i)::INTEGER AS position
            FROM range({indicators}) t(i)""",
        "budget": f"""
            SELECT ? AS ficha_id, (2000 + i % 20)::INTEGER AS year, 'ejecutado' AS concept,
                   1.0 AS amount_kclp
            FROM range({budget}) t(i)""",
    }
    for table, rows in (("indicators", indicators), ("budget", budget)):
        if rows:
            path, tmp = folder / f"{table}.parquet", folder / f"{table}.tmp"
            con.execute(
                f"COPY (SELECT * FROM read_parquet(?) UNION ALL BY NAME {extra[table]}) "
                f"TO '{tmp}' (FORMAT parquet)",
                [str(path), fid],
            )
            tmp.replace(path)
    con.close()
    return folder


RESTATED = FIXTURES / "restated"  # two fichas of one program (tests/fixtures/make_restated.py)
RESTATED_DATASET = FIXTURES / "restated_dataset"  # the pair ingested, for snapshots


def restated_dataset(folder: Path) -> Path:
    """The fixture pair ingested into `folder`."""
    from fichas_tui.ingest.pipeline import run_ingest

    assert run_ingest([RESTATED], folder, echo=quiet, workers=1)
    return folder


def dataset_rows(folder: Path) -> dict[str, list[str]]:
    """Every table of the dataset at `folder`, its rows as sorted reprs: two calls compare
    whole datasets."""
    from fichas_tui.data.dataset import read_dataset

    return {name: sorted(map(repr, t.to_pylist())) for name, t in read_dataset(folder).items()}


def ingest_cli(out: Path, *files: Path):
    """`fichas ingest FILES --data OUT` through Click's runner."""
    from click.testing import CliRunner

    from fichas_tui.cli.commands import main

    args = ["ingest", *map(str, files), "--data", str(out)]
    return CliRunner().invoke(main, args, prog_name="fichas")


def ingested_2021(tmp_path: Path) -> Path:
    """A dataset of the sample's 2021 ficha alone, in `tmp_path/ds`."""
    from fichas_tui.ingest.pipeline import EXIT_OK, ingest

    out = tmp_path / "ds"
    assert ingest([SAMPLE_DIR / F2021], out, echo=lambda _l: None) == EXIT_OK
    return out
