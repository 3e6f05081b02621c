"""Reading the program on screen: a key that comes while the next program is still being read
ahead takes that read (no second query), and never waits for one that does not come."""

from __future__ import annotations

import pytest

from fichas_tui.tui.app import make_app
from fichas_tui.tui.screens import program_loading
from fichas_tui.tui.screens.program_loading import AheadRead
from fichas_tui.tui.widgets.detail import Detail
from fichas_tui.tui.widgets.program_list import ProgramList
from fichas_tui.views.panes import PANE_TABLES
from tests.helpers import FIXTURE, settle


async def _on_first_program(pilot, monkeypatch) -> tuple[list, str]:
    """Settled on the list's first program; the store's reads counted from now on. Returns
    (reads, the next program's id), with that program marked as being read ahead."""
    app = pilot.app
    await settle(pilot)
    # The real read ahead of the next program, started by a timer after the first frame,
    # has come (else, under load, it comes during the test and is taken for the pretended one).
    for _ in range(500):
        if app.screen.loader._ahead is not None:
            break
        await pilot.pause(0.02)
    assert app.screen.loader._ahead is not None
    asked: list = []
    read = type(app.store).detail
    monkeypatch.setattr(type(app.store), "detail", lambda *a, **k: asked.append(a) or read(*a, **k))
    screen = app.screen
    programs = screen.query_one(ProgramList)
    following = programs.programs[programs.cursor + 1].program_id
    screen.loader._ahead = None  # nothing read ahead yet: the read is under way
    screen.loader._reading_ahead = following
    return asked, following


@pytest.mark.asyncio
async def test_a_key_during_the_read_ahead_takes_that_read(monkeypatch):
    # The wait for the read ahead must not run out while the test runs, under any load.
    monkeypatch.setattr(program_loading, "AHEAD_WAIT", 60.0)
    app = make_app(FIXTURE)
    async with app.run_test(size=(120, 40)) as pilot:
        asked, following = await _on_first_program(pilot, monkeypatch)
        screen = app.screen
        await pilot.press("down")
        detail = screen.query_one(Detail)
        assert detail.detail.program.program_id != following  # not read yet
        assert screen.loader._waiting is not None
        tables = PANE_TABLES[detail.active_tab]
        ahead = app.store.detail(following, None, partial=True, tables=tables)
        asked.clear()
        screen.post_message(AheadRead(app.store, following, ahead))
        await pilot.pause()
        assert detail.detail.program.program_id == following
        assert asked == []  # shown from the read ahead, no query of its own
        assert screen.loader._waiting is None


@pytest.mark.asyncio
async def test_a_read_ahead_that_never_comes_is_not_waited_for(monkeypatch):
    wait = 1.0  # long enough that pressing a key under load does not outlast it
    monkeypatch.setattr(program_loading, "AHEAD_WAIT", wait)
    app = make_app(FIXTURE)
    async with app.run_test(size=(120, 40)) as pilot:
        asked, following = await _on_first_program(pilot, monkeypatch)
        await pilot.press("down")
        detail = app.screen.query_one(Detail)
        assert asked == []  # still waiting for the read ahead
        for _ in range(100):  # then read on its own, once the wait runs out
            await pilot.pause(wait / 3)
            if asked:
                break
        await settle(pilot)
        assert [a[1] for a in asked] == [following]
        assert detail.detail.program.program_id == following
