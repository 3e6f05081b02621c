"""Start-up from the program list file: the list first, DuckDB after, nothing checked less."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from fichas_tui.data import list_file
from fichas_tui.data.dataset import read_table
from fichas_tui.tui.app import make_app
from fichas_tui.tui.screens.browser import BrowserScreen
from fichas_tui.tui.screens.empty import EmptyScreen
from fichas_tui.tui.widgets.detail import Detail
from fichas_tui.tui.widgets.program_list import ProgramList
from tests.helpers import FIXTURE, settle


def with_list(tmp_path: Path) -> Path:
    folder = tmp_path / "ds"
    shutil.copytree(FIXTURE, folder)
    list_file.write(folder, list_file.rows_of(read_table(folder, "programs")))
    return folder


@pytest.mark.asyncio
async def test_list_from_the_file_then_the_detail(tmp_path):
    app = make_app(with_list(tmp_path))
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, BrowserScreen)
        assert len(app.screen.query_one(ProgramList).programs) == 5
        await settle(pilot)
        assert app.store.connected
        detail = app.screen.query_one(Detail).detail
        first = app.screen.query_one(ProgramList).programs[0]
        assert detail is not None and detail.program.program_id == first.program_id


@pytest.mark.asyncio
async def test_a_file_damaged_behind_the_list_still_says_so(tmp_path):
    folder = with_list(tmp_path)
    path = folder / "regions.parquet"
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 2])
    # a list stamped after the damage (as if written by hand): the store opens deferred and
    # the check of every file, run once the list is on screen, still refuses the dataset
    list_file.write(folder, list_file.rows_of(read_table(folder, "programs")))
    app = make_app(folder)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        assert isinstance(app.screen, EmptyScreen)
        assert app.screen.damaged and "regions.parquet" in app.screen.problem


@pytest.mark.asyncio
@pytest.mark.parametrize("dataset", ["fixture", "missing"])
async def test_the_collector_is_back_on_after_the_first_frame(tmp_path, dataset):
    """explorer.open_explorer turns the garbage collector off for start-up; the app turns it
    on again once its first frame is drawn, with a dataset or without one."""
    import gc

    folder = FIXTURE if dataset == "fixture" else tmp_path / "nada"
    app = make_app(folder)
    gc.disable()
    try:
        async with app.run_test(size=(80, 24)) as pilot:
            await settle(pilot)
            assert gc.isenabled()
            expected = BrowserScreen if dataset == "fixture" else EmptyScreen
            assert isinstance(app.screen, expected)
    finally:
        gc.enable()
