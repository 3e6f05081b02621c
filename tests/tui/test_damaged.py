"""Damaged datasets and an ingest while the explorer is open: a plain message, never a traceback."""

from __future__ import annotations

import shutil
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from fichas_tui.data.dataset import write_dataset
from fichas_tui.tui.app import make_app
from fichas_tui.tui.screens.browser import BrowserScreen
from fichas_tui.tui.screens.empty import EmptyScreen
from fichas_tui.tui.widgets.detail import Detail
from fichas_tui.tui.widgets.program_list import ProgramList
from tests.fixtures import make_hostile
from tests.helpers import FIXTURE, RESIDENCIA, pane_text, press, screen_output, settle


def copy_fixture(tmp_path: Path, name: str = "ds") -> Path:
    folder = tmp_path / name
    shutil.copytree(FIXTURE, folder)
    return folder


def flat(text: str) -> str:
    return " ".join(text.split())


def holds(text: str, expected: str) -> bool:
    """Whether `expected` is in `text` however the pane wrapped it (a long temporary path
    is cut anywhere, not only at spaces)."""
    return "".join(expected.split()) in "".join(text.split())


def truncate(path: Path) -> None:
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 2])


def scramble_pages(path: Path) -> None:
    """Overwrite the data pages but keep the footer: the file opens, reading it fails."""
    data = bytearray(path.read_bytes())
    footer = int.from_bytes(data[-8:-4], "little")
    end = len(data) - 8 - footer
    data[4:end] = b"\xff" * (end - 4)
    path.write_bytes(bytes(data))


def wrong_type(path: Path, column: str) -> None:
    table = pq.read_table(path)
    index = table.schema.get_field_index(column)
    pq.write_table(table.set_column(index, column, pa.array(["abc"] * table.num_rows)), path)


@pytest.mark.asyncio
async def test_missing_table_file_is_named_in_its_pane(tmp_path):
    folder = copy_fixture(tmp_path)
    (folder / "indicators.parquet").unlink()
    app = make_app(folder)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await press(pilot, *RESIDENCIA)
        assert "subejecución presupuestaria" in flat(pane_text(app, "resumen"))
        assert "Falta" not in pane_text(app, "resumen")
        await press(pilot, "2")
        assert "8.146.335" in pane_text(app, "presupuesto")
        await press(pilot, "3")
        text = flat(pane_text(app, "indicadores"))
        assert "Falta indicators.parquet" in text
        assert holds(text, f"fichas ingest data/fichas/ --data {folder}")


def missing_snapshot_app():
    return make_app(Path("ds"))


def test_missing_table_snapshot(snap_compare, tmp_path, monkeypatch):
    copy_fixture(tmp_path)
    (tmp_path / "ds" / "indicators.parquet").unlink()
    monkeypatch.chdir(tmp_path)  # a short relative path in the message

    async def run_before(pilot) -> None:
        await settle(pilot)
        await press(pilot, *RESIDENCIA, "3")

    assert snap_compare(missing_snapshot_app(), terminal_size=(80, 24), run_before=run_before)


# The pane that reads each table, and a text every other pane still shows for the program.
PANE_OF = {"regions": "regiones", "indicators": "indicadores", "budget": "presupuesto"}
PANE_OF |= {"findings": "resumen"}
SHOWN = {
    "resumen": "Servicio Nacional de Protección Especializada",
    "presupuesto": "8.146.335",
    "indicadores": "Porcentaje",
    "regiones": "Coquimbo",
}
KEYS = {"resumen": "1", "presupuesto": "2", "indicadores": "3", "regiones": "4"}


async def _damaged_detail_table(folder: Path, table: str) -> None:
    """A damaged table the list does not need: refused at open with its name, or named in the
    pane that reads it (with what to run) while the other panes still show the program."""
    app = make_app(folder)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        if isinstance(app.screen, EmptyScreen):
            assert app.screen.damaged and f"{table}.parquet" in app.screen.problem
            text = flat(app.screen.message)
            assert "No se puede leer el dataset" in text and "fichas ingest" in text
            return
        await press(pilot, *RESIDENCIA)
        damaged = PANE_OF[table]
        for pane, key in KEYS.items():
            await press(pilot, key)
            text = flat(pane_text(app, pane))
            if pane == damaged:
                assert f"No se pudo leer {table}.parquet" in text
                assert holds(text, f"fichas ingest data/fichas/ --data {folder}")
                assert SHOWN[pane] not in text
            else:
                assert SHOWN[pane] in text and "No se pudo leer" not in text
        assert "Servicio Nacional" in flat(str(app.screen.query_one("#detail-title").render()))
    assert app.return_code in (None, 0)


@pytest.mark.asyncio
@pytest.mark.parametrize("table", ["regions", "indicators", "budget", "findings"])
async def test_unreadable_table_only_costs_its_pane(tmp_path, table):
    folder = copy_fixture(tmp_path)
    scramble_pages(folder / f"{table}.parquet")
    await _damaged_detail_table(folder, table)


@pytest.mark.asyncio
async def test_truncated_detail_table(tmp_path):
    folder = copy_fixture(tmp_path)
    truncate(folder / "regions.parquet")
    await _damaged_detail_table(folder, "regions")


@pytest.mark.asyncio
async def test_wrong_column_type(tmp_path):
    folder = copy_fixture(tmp_path)
    wrong_type(folder / "regions.parquet", "spending_kclp")
    await _damaged_detail_table(folder, "regions")


@pytest.mark.asyncio
async def test_truncated_list_table_names_the_file(tmp_path):
    folder = copy_fixture(tmp_path)
    truncate(folder / "budget.parquet")
    app = make_app(folder)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        assert isinstance(app.screen, EmptyScreen) and app.screen.damaged
        text = flat(app.screen.message)
        assert "budget.parquet" in text and "fichas ingest" in text
        assert "No se puede leer el dataset" in flat(screen_output(app)[0])


@pytest.mark.asyncio
@pytest.mark.parametrize("kind", ["random_files", "file", "nonexistent", "empty"])
async def test_not_a_dataset(tmp_path, kind):
    path = tmp_path / "x"
    expected = {
        "random_files": "no es un dataset de fichas",
        "file": "es un archivo, no una carpeta",
        "nonexistent": "no hay dataset",
        "empty": "no hay dataset",
    }[kind]
    if kind == "random_files":
        path.mkdir()
        (path / "notas.txt").write_text("hola")
        (path / "otra.parquet").write_bytes(b"PAR1 no es parquet")
    elif kind == "file":
        path.write_text("no soy una carpeta")
    elif kind == "empty":
        path.mkdir()
    app = make_app(path)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        assert isinstance(app.screen, EmptyScreen)
        text = flat(app.screen.message)
        assert expected in text
        assert "fichas ingest data/fichas/ --data" in text
        await press(pilot, "q")
    assert app.return_code == 0


@pytest.mark.asyncio
async def test_ingest_while_open_shows_old_or_new_data(tmp_path):
    folder = copy_fixture(tmp_path)
    app = make_app(folder)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await press(pilot, *RESIDENCIA)
        assert app.screen.query_one(Detail).detail.program.program_id == (
            "residencia-familiar-adolescentes"
        )
        # An ingest replaces the whole dataset: new files renamed into place.
        write_dataset(folder, make_hostile.build())
        # The list still holds the old programs; each one now has no ficha on disk.
        await press(pilot, "escape", "slash")
        app.screen.query_one("#filter").value = ""
        await settle(pilot)
        await press(pilot, "down", "enter")
        for key in ("1", "2", "3", "4", "left_square_bracket", "f", "o"):
            await press(pilot, key)
        detail = app.screen.query_one(Detail)
        if detail.detail is None:  # the program vanished: a plain message in the pane
            text = flat(pane_text(app, detail.active_tab))
            assert "ya no está en el dataset" in text or "No se pudo leer" in text
            assert "Ctrl+R" in text
        # The palette still answers from the list it has.
        await press(pilot, "ctrl+p", *"vinculos")
        await pilot.pause(0.3)
        await press(pilot, "enter")
        assert isinstance(app.screen, BrowserScreen)
        # Ctrl+R reads the new dataset: the list and the programs are the new ones.
        await press(pilot, "ctrl+r")
        await settle(pilot)
        names = [p.name for p in app.screen.query_one(ProgramList).programs]
        assert make_hostile.PLAIN_NAME in names and len(names) == 4
        await press(pilot, "escape", "slash", *"normal", "enter", "2")
        assert app.screen.query_one(Detail).detail.program.name == make_hostile.PLAIN_NAME
        assert "990" in pane_text(app, "presupuesto")
    assert app.return_code in (None, 0)


@pytest.mark.asyncio
async def test_reload_of_a_dataset_that_is_gone_says_so(tmp_path):
    folder = copy_fixture(tmp_path)
    app = make_app(folder)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        shutil.rmtree(folder)
        await press(pilot, "ctrl+r")
        await settle(pilot)
        assert isinstance(app.screen, BrowserScreen)  # the old list stays
        assert len(app.screen.query_one(ProgramList).programs) == 5
        messages = [n.message for n in app._notifications]
        assert any("No se pudo recargar" in m and str(folder) in m for m in messages)
