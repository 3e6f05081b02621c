"""The peso basis of every amount on the main screen: `p` cycles each ficha's pesos and M$ of
each year the dataset's deflators reach; the factors are read in a worker."""

from __future__ import annotations

from textual import work
from textual.message import Message

from ...data.dataset import DatasetError
from ...data.queries import SORT_BUDGET
from ...text import clean
from ...views.pesos import EACH_FICHA, Pesos, default_across, main_pesos, series_lines
from ..widgets.detail import Detail
from ..widgets.program_list import ProgramList
from .browser_host import BrowserHost


class PesosRead(Message):
    """The dataset's deflators were read: `pesos` is the basis to show next."""

    def __init__(self, pesos: Pesos, step: bool) -> None:
        super().__init__()
        self.pesos = pesos
        self.step = step  # the user pressed p (else: a reload re-read the factors)


class PesosSwitch(BrowserHost):
    """BrowserScreen's part that changes the peso basis (a mixin: it uses the screen's widgets)."""

    def action_pesos(self) -> None:
        """Cycle the basis of every amount: each ficha's pesos, then M$ of each year the
        dataset's deflators reach (read in a worker the first time)."""
        self.run_pesos(self.pesos, step=True)

    @work(thread=True, exclusive=True, group="pesos")
    def run_pesos(self, current: Pesos | None, step: bool) -> None:
        """Read the deflators; with `step`, move to the next basis, else keep the target
        (after a reload) when the new dataset still reaches it; `current` None: the default
        across programs (views.pesos.default_across), when no basis was chosen."""
        try:
            deflators = self.store.deflators()
        except (DatasetError, OSError) as exc:
            self.app.call_from_thread(
                self.notify,
                f"No se pudieron leer los factores: {clean(str(exc))}",
                severity="error",
                timeout=6,
                markup=False,
            )
            return
        if current is None:
            self.post_message(PesosRead(default_across(deflators), False))
            return
        pesos = Pesos(current.target, deflators)
        if step:
            pesos = pesos.following()
        elif pesos.target not in deflators.years:
            pesos = EACH_FICHA
        self.post_message(PesosRead(pesos, step))

    def on_pesos_read(self, message: PesosRead) -> None:
        pesos = message.pesos
        if not message.step:
            pass  # a reload: the same basis, quietly
        elif not pesos.deflators:
            self.notify(
                series_lines(pesos.deflators)[0] + " Los montos quedan en los pesos de cada ficha.",
                timeout=6,
                markup=False,
            )
        else:
            self.notify(f"Montos en {pesos.label}", timeout=3, markup=False)
        if message.step:  # the user's choice is remembered, the default is not
            self.app.remember("basis", str(pesos.target or "ficha"))
        self.set_pesos(pesos)

    def set_pesos(self, pesos: Pesos) -> None:
        """Show every amount in `pesos`: the list (its figures and order) and the program."""
        self.pesos = pesos
        self._budget_keys = None
        plist = self.query_one(ProgramList)
        plist.set_pesos(pesos, main_pesos(self.store.programs(), pesos))
        self._update_header()
        self.query_one(Detail).set_pesos(pesos)
        if self.sort == SORT_BUDGET:
            self.refilter()
        else:
            self._update_status(len(plist.programs))
