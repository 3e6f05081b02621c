"""`e` exports the table in focus through a dialog; `y`/`Y` copy a row or the table with OSC 52."""

from __future__ import annotations

import base64
import csv

import pytest
from openpyxl import load_workbook
from textual.screen import Screen
from textual.widgets import Select, Static

from fichas_tui.locations import sample_dir
from fichas_tui.settings import Settings
from fichas_tui.tui.app import make_app
from fichas_tui.tui.screens.export import ExportScreen, Target
from fichas_tui.views.model import AMOUNT, Basis, Cell, Column, Row, Table
from tests.helpers import GSL, open_keys, press, settle

# The bundled sample, in name order (GSL first): hand-checked against the fichas (ejecutado,
# M$ of the ficha's pesos; the 2019 ficha's budget is nominal).
EXECUTED = [2608643, 10174000, 8146335]
# Nominal pesos name their year: the 2019 ficha's executed 2019 is in pesos of 2019.
BASES = ["M$ 2022", "M$ nominales de 2019", "M$ 2024"]


@pytest.fixture
def in_tmp(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    return tmp_path


def _in_each_fichas_pesos(folder):
    """The sample in each ficha's own pesos (the opt-in; it opens in ≈ M$ 2024)."""
    settings = Settings(folder / "settings.json")
    settings.set("basis", "ficha")
    return make_app(sample_dir(), settings=settings)


def _notices(app) -> list[str]:
    return [n.message for n in app._notifications]


@pytest.mark.asyncio
async def test_export_list_to_xlsx_reads_back_the_list(in_tmp):
    app = _in_each_fichas_pesos(in_tmp)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await press(pilot, "e")
        assert isinstance(app.screen, ExportScreen)
        app.screen.query_one("#export-format", Select).value = "xlsx"
        await settle(pilot)
        await press(pilot, "enter")
        await pilot.pause(0.5)
        await settle(pilot)
        assert not isinstance(app.screen, ExportScreen)
        assert _notices(app) == [f"Exportado a {in_tmp / 'programas.xlsx'}"]
    rows = list(load_workbook(in_tmp / "programas.xlsx").active.iter_rows(values_only=True))
    assert rows[0][0] == "Programa" and rows[0][5] == "Ejecutado"
    assert rows[1][0] == GSL
    assert [r[5] for r in rows[1:]] == EXECUTED
    assert [r[6] for r in rows[1:]] == BASES


@pytest.mark.asyncio
async def test_existing_file_is_replaced_only_on_second_enter(in_tmp):
    (in_tmp / "mio.csv").write_text("no tocar")
    app = make_app(sample_dir())
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await press(pilot, "e")
        app.screen.query_one("#export-path").value = "mio.csv"
        await press(pilot, "enter")
        message = str(app.screen.query_one("#export-message", Static).render())
        assert "ya existe" in message
        assert (in_tmp / "mio.csv").read_text() == "no tocar"
        await press(pilot, "enter")
        await pilot.pause(0.5)
        await settle(pilot)
    assert (in_tmp / "mio.csv").read_text(encoding="utf-8").startswith("Programa,")


@pytest.mark.asyncio
async def test_unwritable_folder_is_said_in_the_dialog(in_tmp):
    app = make_app(sample_dir())
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await press(pilot, "e")
        app.screen.query_one("#export-path").value = "no/existe/tabla.csv"
        await press(pilot, "enter")
        await pilot.pause(0.5)
        await settle(pilot)
        assert isinstance(app.screen, ExportScreen)  # still open, nothing lost
        message = str(app.screen.query_one("#export-message", Static).render())
        assert message == f"La carpeta {in_tmp / 'no' / 'existe'} no existe."


async def _typed_path_message(value: str) -> str:
    app = make_app(sample_dir())
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await press(pilot, "e")
        app.screen.query_one("#export-path").value = value
        await press(pilot, "enter")
        await pilot.pause(0.5)
        await settle(pilot)
        assert isinstance(app.screen, ExportScreen)  # the app goes on, the dialog says why
        message = str(app.screen.query_one("#export-message", Static).render())
    assert app.return_code in (None, 0)
    return message


@pytest.mark.asyncio
async def test_a_name_too_long_is_said_in_the_dialog(in_tmp):
    # ENAMETOOLONG from path.exists() stopped the app (exit 70).
    message = await _typed_path_message("x" * 300 + ".csv")
    assert message.startswith("No se puede usar xxx") and "el nombre es demasiado largo" in message


@pytest.mark.asyncio
async def test_a_path_in_an_unreadable_folder_is_said_in_the_dialog(in_tmp, monkeypatch):
    import pathlib

    closed = in_tmp / "cerrada"
    closed.mkdir()
    real_stat = pathlib.Path.stat

    def stat(self, *, follow_symlinks=True):
        # What a folder without search permission gives (tests may run as root, who passes).
        if self.parent == closed:
            raise PermissionError(13, "Permission denied", str(self))
        return real_stat(self, follow_symlinks=follow_symlinks)

    monkeypatch.setattr(pathlib.Path, "stat", stat)
    message = await _typed_path_message("cerrada/tabla.csv")
    assert "cerrada/tabla.csv: sin permiso." in message


@pytest.mark.asyncio
async def test_an_unknown_home_or_a_folder_name_is_said_in_the_dialog(in_tmp):
    message = await _typed_path_message("~nadie-con-este-nombre/t.csv")
    assert "no se reconoce el usuario de ~" in message
    (in_tmp / "carpeta.csv").mkdir()
    message = await _typed_path_message("carpeta.csv")
    assert "es una carpeta" in message


@pytest.mark.asyncio
async def test_escape_cancels(in_tmp):
    app = make_app(sample_dir())
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await press(pilot, "e", "escape")
        assert not isinstance(app.screen, ExportScreen)
    assert list(in_tmp.iterdir()) == []


def _osc52(text: str) -> str:
    return "\x1b]52;c;" + base64.b64encode(text.encode("utf-8")).decode() + "\a"


@pytest.mark.asyncio
async def test_y_copies_the_row_and_Y_the_table_with_osc52(tmp_path):
    app = _in_each_fichas_pesos(tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        written: list[str] = []
        app._driver.write = written.append  # what the terminal would receive
        await press(pilot, "y")
        row = "\t".join(
            [
                GSL,
                "Ministerio de Desarrollo Social y Familia",
                "Subsecretaría de Servicios Sociales",
                "2021",
                "2021",
                "2.608.643",
            ]
        )
        assert _osc52(row) in written
        assert _notices(app)[-1] == f"Copiado: {GSL}"

        await press(pilot, "Y")
        table = app.clipboard.splitlines()
        assert table[0] == "Programa\tMinisterio\tServicio\tFichas\tÚltima ficha\tEjecutado"
        assert [line.rsplit("\t", 1)[1] for line in table[1:]] == [
            "2.608.643",
            "10.174.000",
            "8.146.335",
        ]
        assert _osc52(app.clipboard) in written
        assert _notices(app)[-1] == "Copiado: la tabla Programas (3 filas)"


def test_dialog_snapshot(snap_compare, in_tmp):
    async def run_before(pilot) -> None:
        await settle(pilot)
        await press(pilot, "e")

    assert snap_compare(make_app(sample_dir()), terminal_size=(80, 24), run_before=run_before)


RF = "residencia familiar"  # the 2023 sample ficha: M$ 2024


@pytest.mark.asyncio
async def test_export_from_a_pane_offers_its_tables_and_writes_the_chosen_one(in_tmp):
    app = make_app(sample_dir())
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await press(pilot, *open_keys(RF), "2", "e")
        assert isinstance(app.screen, ExportScreen)
        choice = app.screen.query_one("#export-table", Select)
        # budget, admin share, subtitles, 3 components, gasto por beneficiario (computed: the
        # fixture does not print it, views/per_beneficiary.py)
        assert len(choice._options) == 7
        await press(pilot, "enter")  # the first table (budget by year), CSV
        await pilot.pause(0.5)
        await settle(pilot)
    (path,) = in_tmp.glob("*.csv")
    assert path.name == (
        "residencia-familiar-de-administracion-directa-rf-2023-presupuesto-por-ano-m-2024.csv"
    )
    with open(path, encoding="utf-8", newline="") as handle:
        rows = list(csv.reader(handle))
    assert rows[0][:4] == [
        "Año",
        "Inicial (M$ 2024)",
        "Inicial (M$ 2024) código",
        "Final (M$ 2024)",
    ]
    ejecutado = rows[0].index("Ejecutado (M$ 2024)")
    assert [(r[0], r[ejecutado]) for r in rows[1:]] == [
        ("2021", "1773474"),
        ("2022", "5227400"),
        ("2023", "8146335"),
    ]
    assert {r[2] for r in rows[1:]} == {"s/d"}  # no initial budget in this ficha: never 0


@pytest.mark.asyncio
async def test_region_export_keeps_the_order_on_screen(in_tmp):
    app = make_app(sample_dir())
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await press(pilot, *open_keys(RF), "4", "o", "e", "enter")  # by beneficiaries
        await pilot.pause(0.5)
        await settle(pilot)
    (path,) = in_tmp.glob("*.csv")
    with open(path, encoding="utf-8", newline="") as handle:
        rows = list(csv.reader(handle))
    # The first column says what each row is: the ficha's TOTAL is marked, not a region.
    assert rows[0][0] == "fila" and rows[-1][:2] == ["total", "Total"]
    regions = [r[1] for r in rows[1:5]]
    assert regions == ["Metropolitana de Santiago", "Coquimbo", "Valparaíso", "Biobío"]
    assert {r[0] for r in rows[1:-1]} == {"dato"}


@pytest.mark.asyncio
async def test_y_in_a_pane_copies_the_row_under_the_cursor_with_its_headers():
    app = make_app(sample_dir())
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await press(pilot, *open_keys(RF), "2", "y")  # the cursor starts on the first row
        header, row, citation = app.clipboard.split("\n")
        assert header.split("\t")[:2] == ["Año", "Inicial (M$ 2024)"]
        assert row == "2021\ts/d\ts/d\t1.773.474\ts/d\ts/d"
        assert citation == (
            "2021 Ejecutado: 1.773.474 M$ 2024 — Residencia Familiar de Administración Directa "
            "(RF) — ficha 2023, archivo 003_177960693a00c8d4.txt, línea 124, columna Gasto "
            "ejecutado (M$2024) 2021 — SHA-256 ab8655652398"
        )
        assert _notices(app)[-1] == "Copiado: fila 2021 de Presupuesto por año (M$ 2024)"


class TableScreen(Screen[None]):
    """A screen with a table of its own, as the cross-program views are."""

    TABLE = Table(
        key="ranking",
        title="Ranking",
        columns=(
            Column("name", "Programa"),
            Column("gasto", "Gasto", AMOUNT, basis=Basis(price_year=2024), decimals=1),
        ),
        rows=(Row((Cell("=1+1"), Cell(1234.5))), Row((Cell("Otro"), Cell(None, status="N/C")))),
    )

    def export_target(self) -> Target:
        return Target([self.TABLE], "ranking", row=1)


@pytest.mark.asyncio
async def test_any_screen_with_export_target_gets_e_y_and_Y(in_tmp):
    app = make_app(sample_dir())
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await app.push_screen(TableScreen())
        await press(pilot, "y")
        assert app.clipboard == "Otro\tN/C"
        await press(pilot, "Y")
        assert app.clipboard == "Programa\tGasto (M$ 2024)\n'=1+1\t1.234,5\nOtro\tN/C"
        await press(pilot, "e", "enter")
        await pilot.pause(0.5)
        await settle(pilot)
    assert (in_tmp / "ranking-ranking.csv").read_text(encoding="utf-8").splitlines() == [
        "Programa,Gasto (M$ 2024),Gasto (M$ 2024) código",
        "'=1+1,1234.5,",
        "Otro,,N/C",
    ]
