"""Reading the program on screen: the detail query in a worker, stale results dropped, the
tables of another tab read when it is shown, and the next program read ahead."""

from __future__ import annotations

import contextlib
from collections.abc import Callable
from functools import partial
from typing import TYPE_CHECKING

from textual.message import Message
from textual.screen import Screen
from textual.timer import Timer

from ...data.dataset import DatasetError
from ...data.diagnosis import ingest_command, missing_tables
from ...data.queries import Store
from ...views.panes import PANE_TABLES, REQUIRED_TABLES
from ..widgets.detail import Detail
from ..widgets.program_list import ProgramList

if TYPE_CHECKING:  # imported with the first detail (Detail.pane_widgets, Store.detail)
    from ...data.detail_records import ProgramDetail
    from ..widgets.pane import Pane
    from ..widgets.pane_sketch import Look, Sketch


class Loaded(Message):
    """A program read for the screen (ProgramLoader.run_load, run_part)."""

    def __init__(
        self,
        token: int,
        detail: ProgramDetail | None,
        program_id: str = "",
        problem: str | None = None,
        missing: tuple[str, ...] = (),
        part: bool = False,
    ) -> None:
        super().__init__()
        self.token = token
        self.part = part  # more tables of the program on screen (another tab shown)
        self.detail = detail
        self.program_id = program_id
        self.problem = problem  # why the program could not be read
        self.missing = missing  # contract tables whose file is absent


class AheadRead(Message):
    """The next program, read ahead: the pane on screen draws it while the user reads."""

    def __init__(
        self,
        store: Store,
        program_id: str,
        detail: ProgramDetail | None,
        missing: tuple[str, ...] = (),
        drawn: tuple[Pane, Sketch] | None = None,
    ) -> None:
        super().__init__()
        self.store = store  # the store it was read from (a reload replaces the app's)
        self.program_id = program_id
        self.detail = detail  # None: it could not be read (the read that asks reports why)
        self.missing = missing
        self.drawn = drawn  # the pane on screen and its sketch of the program, made ahead


# Seconds without a keystroke in the filter before the highlighted program is read.
TYPING_PAUSE = 0.2
# Seconds a program being read ahead is waited for before it is read on its own.
AHEAD_WAIT = 0.5
# Seconds from a program's frame to reading the next one ahead (see _schedule_ahead).
AHEAD_DELAY = 0.03


class ProgramLoader:
    """Reads programs for the main screen and shows them in its detail.

    Its reads run in the screen's thread workers (groups "detail", "detail-part",
    "read-ahead": a newer read cancels the older) and come back as messages posted to the
    screen (Loaded, AheadRead), whose handlers hand them here on the main thread; a result
    for a program the user has left (its token is old) is dropped.
    """

    def __init__(
        self,
        screen: Screen,
        store: Callable[[], Store],
        detail: Detail,
        programs: ProgramList,
        shown: Callable[[], object],
    ) -> None:
        self._screen = screen  # runs the workers and timers, receives the messages
        self._store = store  # the app's store now (a reload replaces it)
        self._detail = detail
        self._programs = programs
        self._shown = shown  # called when a program is on screen (the app settles memory)
        self.loaded_id: str | None = None  # the program on screen
        self._detail_token = 0
        self._part_token = 0
        self._ahead_from = 0  # the list row read last: which way the cursor is moving
        self._ahead: AheadRead | None = None  # the program read ahead, while it is the one ahead
        self._reading_ahead: str | None = None  # the program being read ahead now
        self._waiting: tuple | None = None  # (token, program, tables) of a load waiting for it
        self._pending: Timer | None = None  # a program to read once typing pauses

    def highlighted(self, program_id: str, typing: bool) -> None:
        """The list's cursor is on a program: read it, once the typing pauses when `typing`
        moved the cursor (the list follows every key, the program is read once). Not "the
        filter has the focus": it has it at start, before the list takes it, and the first
        program then waited for a pause."""
        self._stop_pending()
        if program_id == self.loaded_id:
            return
        if typing:
            self._pending = self._screen.set_timer(
                TYPING_PAUSE, lambda: self._load_pending(program_id)
            )
        else:
            self.load(program_id)

    def selected(self, program_id: str) -> None:
        """Enter on a program: read it now if it is not the one on screen."""
        self._stop_pending()
        if program_id != self.loaded_id:
            self.load(program_id)

    @property
    def read_pending(self) -> bool:
        """A highlighted program waits for the typing pause before it is read."""
        return self._pending is not None

    def _stop_pending(self) -> None:
        if self._pending is not None:
            self._pending.stop()
            self._pending = None

    def _load_pending(self, program_id: str) -> None:
        self._pending = None
        if program_id != self.loaded_id:
            self.load(program_id)

    def forget(self) -> None:
        """The program on screen is read again when next asked (a reload's new files)."""
        self.loaded_id = None

    def load(self, program_id: str, year: int | None = None) -> None:
        """Read a program: the ficha and the tables of the tab on screen (the other tabs'
        tables when they are shown, see read_missing)."""
        self._detail_token += 1
        tables = PANE_TABLES[self._detail.active_tab]
        ahead, self._ahead = self._ahead, None
        if (
            year is None
            and ahead is not None
            and ahead.detail is not None
            and ahead.store is self._store()
            and ahead.detail.program.program_id == program_id
            and ahead.detail.has(tables)
        ):
            # Read (and drawn) ahead: shown now, in the frame that moves the list's cursor,
            # without a round trip through a worker thread.
            detail = ahead.detail
            self.on_loaded(Loaded(self._detail_token, detail, program_id, missing=ahead.missing))
            return
        self._waiting = None
        if year is None and program_id == self._reading_ahead:
            # Being read ahead right now (the key came before that read finished): take that
            # read when it comes, rather than a second query queued behind it.
            self._waiting = (self._detail_token, program_id, tables)
            token = self._detail_token
            self._screen.set_timer(AHEAD_WAIT, lambda: self._stop_waiting(token))
            return
        self.run_load(self._detail_token, program_id, year, tables)

    def _stop_waiting(self, token: int) -> None:
        """The read ahead never came (a reload, a cancelled worker): read the program now."""
        if self._waiting is not None and self._waiting[0] == token == self._detail_token:
            _token, program_id, tables = self._waiting
            self._waiting = None
            self.run_load(token, program_id, None, tables)

    def run_load(self, token: int, program_id: str, year: int | None, tables) -> None:
        read = partial(self._read, self._store(), token, program_id, year, tables, False)
        self._screen.run_worker(read, thread=True, exclusive=True, group="detail")

    def _run_part(self, token: int, program_id: str, year: int | None, tables) -> None:
        read = partial(self._read, self._store(), token, program_id, year, tables, True)
        self._screen.run_worker(read, thread=True, exclusive=True, group="detail-part")

    def _read(
        self, store: Store, token: int, program_id: str, year: int | None, tables, part: bool
    ) -> None:
        """In a worker thread: the program's records, posted to the screen."""
        post = self._screen.post_message
        try:
            detail = store.detail(program_id, year, partial=True, tables=tables)
        except (DatasetError, OSError) as exc:
            # A damaged file, or one replaced by an ingest while the explorer is open: a plain
            # message in the panes, never a traceback; the list stays usable.
            post(Loaded(token, None, program_id, problem=str(exc), part=part))
            return
        missing = missing_tables(store.folder, REQUIRED_TABLES)
        post(Loaded(token, detail, program_id, missing=missing, part=part))

    def tab_shown(self) -> None:
        """Another tab is on screen: its tables, and the next program with them."""
        if not self.read_missing() and self._detail.detail is not None:
            # the next program, with this tab's tables (the read ahead had the last tab's)
            self._screen.call_after_refresh(self._schedule_ahead, self._detail_token)

    def read_missing(self) -> bool:
        """Read the tables the tab on screen shows, when the program on screen lacks them
        (True: a read started)."""
        current = self._detail.detail
        tables = PANE_TABLES[self._detail.active_tab]
        if current is None or current.has(tables):
            return False
        self._part_token += 1
        self._run_part(self._part_token, current.program.program_id, current.year, tables)
        return True

    def on_loaded(self, message: Loaded) -> None:
        detail = self._detail
        folder = self._store().folder
        if message.part:
            current = detail.detail
            if (
                message.token != self._part_token
                or current is None
                or current.program.program_id != message.program_id
            ):
                return  # stale: another program, or another tab asked since
            if message.detail is not None and message.detail.ficha == current.ficha:
                merged = current.merged(message.detail)
                detail.show(merged, missing=message.missing, folder=folder)
                # the next program, with the tables of the tab now shown
                self._screen.call_after_refresh(self._schedule_ahead, self._detail_token)
                return
        elif message.token != self._detail_token:
            return  # stale: the user has moved on to another program or year
        if message.detail is None:
            self.loaded_id = None
            if message.problem is not None:
                detail.show_problem(
                    "No se pudo leer este programa.",
                    f"{message.problem}\n\nSi el dataset se está actualizando, pulse Ctrl+R para "
                    f"recargarlo. Si el problema sigue, vuelva a generarlo con: "
                    f"{ingest_command(folder)}",
                )
            else:
                detail.show_problem(
                    "Este programa ya no está en el dataset.",
                    "El dataset cambió mientras el explorador estaba abierto (por ejemplo, con "
                    "fichas ingest). Pulse Ctrl+R para recargar la lista.",
                )
            return
        self.loaded_id = message.detail.program.program_id
        detail.show(message.detail, missing=message.missing, folder=folder)
        self.read_missing()  # the tab changed while the program was read
        # once this program is drawn (not competing with its drawing for the interpreter)
        self._screen.call_after_refresh(self._schedule_ahead, self._detail_token)
        self._shown()

    def _schedule_ahead(self, token: int) -> None:
        # And written: Textual's writer thread sends the frame after the refresh, and a read
        # ahead started at once (DuckDB's rows, then the drawing, both holding the
        # interpreter) delayed the frame's last bytes (benchmarks/README.md, "Earlier this
        # round": Program switch).
        self._screen.set_timer(
            AHEAD_DELAY, lambda: self._read_ahead() if token == self._detail_token else None
        )

    def _read_ahead(self) -> None:
        """Read the list's next row in the direction the cursor last moved, so moving on
        shows it without waiting for its queries."""
        plist = self._programs
        step = -1 if plist.cursor < self._ahead_from else 1
        self._ahead_from = plist.cursor
        index = plist.cursor + step
        if 0 <= index < len(plist.programs):
            tables = PANE_TABLES[self._detail.active_tab]
            self._reading_ahead = program_id = plist.programs[index].program_id
            pane = self._detail.pane(self._detail.active_tab)
            look = pane.look() if pane is not None else None  # read here, on the main thread
            read = partial(self._read_next, self._store(), program_id, tables, pane, look)
            self._screen.run_worker(read, thread=True, exclusive=True, group="read-ahead")

    def _read_next(
        self, store: Store, program_id: str, tables, pane: Pane | None, look: Look | None
    ) -> None:
        """In a worker thread: the next program's records and its pane's sketch, posted."""
        detail, drawn = None, None
        missing: tuple[str, ...] = ()
        try:
            with contextlib.suppress(DatasetError, OSError):  # the read that asks reports it
                store.read_ahead(program_id, tables=tables)
                detail = store.ahead(program_id, tables=tables)
                if detail is not None:
                    missing = missing_tables(store.folder, REQUIRED_TABLES)
            if detail is not None and pane is not None and look is not None:
                # Its view and tables made here, not on the main thread, where they would hold
                # up the next key; the pane (a widget: main thread only) is not touched here,
                # it makes the strips when the message comes (Pane.keep_sketch).
                from ..widgets.pane_sketch import sketch

                with contextlib.suppress(Exception):
                    made = sketch(look, detail, missing, store.folder)
                    drawn = (pane, made) if made is not None else None
        finally:  # always answered: a load may be waiting for it
            self._screen.post_message(AheadRead(store, program_id, detail, missing, drawn))

    def on_ahead_read(self, message: AheadRead) -> None:
        """Show the program read ahead if a load waits for it; else draw it, unless the user
        has moved on past it."""
        program_id = message.program_id
        store = self._store()
        if program_id == self._reading_ahead:
            self._reading_ahead = None
        if self._waiting is not None and self._waiting[1] == program_id:
            token, _program_id, tables = self._waiting
            self._waiting = None
            if token != self._detail_token:
                return
            if message.detail is not None and message.store is store and message.detail.has(tables):
                _keep_drawn(message)
                self.on_loaded(Loaded(token, message.detail, program_id, missing=message.missing))
            else:  # not read, or another tab's tables: read it on its own
                self.run_load(token, program_id, None, PANE_TABLES[self._detail.active_tab])
            return
        if message.detail is None:
            return
        plist = self._programs
        near = {p.program_id for p in plist.programs[max(0, plist.cursor - 1) : plist.cursor + 2]}
        widget = self._detail
        shown = widget.detail.program.program_id if widget.detail is not None else None
        if program_id in near and program_id != shown and message.store is store:
            self._ahead = message
            if not _keep_drawn(message):
                widget.prepare(message.detail, message.missing, store.folder)


def _keep_drawn(message: AheadRead) -> bool:
    """Draw the sketch made in the read-ahead thread, if there is one."""
    if message.drawn is None:
        return False
    pane, made = message.drawn
    pane.keep_sketch(made)
    return True
