"""Text selected with the mouse in every pane and in the list, then ctrl+c: the app stays up and
the clipboard holds exactly the selection (a pane's method once shadowed Widget._render and
ctrl+c killed the app)."""

from __future__ import annotations

import pytest

from fichas_tui.tui.widgets.detail import TABS, Detail
from fichas_tui.tui.widgets.program_list import ProgramList
from tests.helpers import pane_text, press, settle

pytestmark = pytest.mark.asyncio

SIZE = (140, 40)  # wide: the list and the detail side by side


def expected(lines: list[str], start: tuple[int, int], end: tuple[int, int]) -> str:
    """What a drag from `start` to `end` (x, y; the end cell included) covers in `lines`."""
    (x0, y0), (x1, y1) = start, end
    lines = [line.rstrip() for line in lines]
    if y0 == y1:
        return lines[y0][x0 : x1 + 1]
    return "\n".join([lines[y0][x0:], *lines[y0 + 1 : y1], lines[y1][: x1 + 1]])


async def drag(pilot, widget, start: tuple[int, int], end: tuple[int, int]) -> None:
    await pilot.mouse_down(widget, offset=start)
    await pilot.hover(widget, offset=end)
    await pilot.mouse_up(widget, offset=end)
    await pilot.pause()


@pytest.mark.parametrize("tab", [key for key, _title in TABS])
async def test_a_drag_over_each_pane_then_ctrl_c_copies_it(app, tab):
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await press(pilot, "enter", str(1 + [k for k, _ in TABS].index(tab)))
        pane = app.screen.query_one(Detail).pane(tab)
        assert pane.content_lines(), "the pane has something to select"
        lines = pane_text(app, tab).split("\n")
        start, end = (2, 0), (20, min(3, len(lines) - 1))
        await drag(pilot, pane, start, end)
        assert pane.text_selection is not None, "the drag selected text in the pane"
        await press(pilot, "ctrl+c")
        assert app.is_running
        want = expected(lines, start, end)
        assert want.strip(), "the drag covers some text"
        assert app.clipboard == want


@pytest.mark.parametrize("tab", [key for key, _title in TABS])
async def test_select_all_in_each_pane_then_ctrl_c_copies_the_whole_pane(app, tab):
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await press(pilot, "enter", str(1 + [k for k, _ in TABS].index(tab)))
        pane = app.screen.query_one(Detail).pane(tab)
        pane.text_select_all()
        await press(pilot, "ctrl+c")
        assert app.is_running
        whole = "\n".join(line.rstrip() for line in pane_text(app, tab).split("\n"))
        assert app.clipboard == whole.rstrip("\n")


async def test_a_drag_over_the_list_then_ctrl_c_copies_the_rows(app):
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        plist = app.screen.query_one(ProgramList)
        await drag(pilot, plist, (1, 0), (30, 1))
        assert plist.text_selection is not None
        await press(pilot, "ctrl+c")
        assert app.is_running
        drawn = [plist.render_line(y).text.rstrip() for y in (0, 1)]  # what the screen shows
        assert app.clipboard == f"{drawn[0][1:]}\n{drawn[1][:31]}"
        program = plist.programs[0]  # rows of two lines at this width: name, then service
        assert app.clipboard.startswith(program.name[:20])
        assert (program.service or program.ministry)[:10] in app.clipboard.split("\n")[1]


async def test_ctrl_c_without_a_selection_still_says_how_to_quit(app):
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await press(pilot, "ctrl+c")
        assert app.is_running
        assert any("Pulse q para salir" in str(n.message) for n in app._notifications)
