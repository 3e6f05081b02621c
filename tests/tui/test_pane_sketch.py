"""A pane's prose drawn ahead (pane_sketch.RichPart, in the read-ahead worker) is line for line
what Textual draws for it on the main thread (Visual.to_strips), for every pane of every
program of the fixture."""

from __future__ import annotations

import pytest
from textual.strip import Strip
from textual.visual import Visual, visualize

from fichas_tui.tui.app import make_app
from fichas_tui.tui.widgets.detail import Detail
from fichas_tui.tui.widgets.pane_sketch import RichPart, sketch
from fichas_tui.views.panes import PANE_TABLES
from tests.helpers import FIXTURE, press, settle

pytestmark = pytest.mark.asyncio


def cells(strips: list[Strip]) -> list[list[tuple]]:
    """Each line as its characters and their look (Textual's Content adds the offsets its own
    text selection uses to the styles' meta; the panes select by their lines' text)."""
    return [
        [
            (char, s.style.clear_meta_and_links() if s.style else None)
            for s in strip
            for char in s.text
        ]
        for strip in strips
    ]


async def test_prose_drawn_ahead_is_what_textual_draws():
    app = make_app(FIXTURE)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        compared = 0
        for key, tab in zip("12345", PANE_TABLES, strict=False):
            await press(pilot, key)
            pane = app.screen.query_one(Detail).pane(tab)
            look = pane.look()
            style = pane.visual_style
            for program in app.store.programs():
                detail = app.store.detail(program.program_id, partial=True, tables=PANE_TABLES[tab])
                made = sketch(look, detail, (), app.store.folder)
                for part in made.parts:
                    if not isinstance(part, RichPart):
                        continue
                    ahead = [
                        Strip(line).apply_style(style.rich_style)
                        for line in part.lines(look.console, look.console_options, look.width)
                    ]
                    textual = Visual.to_strips(
                        pane, visualize(pane, part.part), look.width, None, style
                    )
                    assert cells(ahead) == cells(textual), (tab, program.program_id)
                    compared += 1
        assert compared >= 5  # a facts block at least in every program
