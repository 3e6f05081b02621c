"""The peso basis of every amount in the explorer (the app's `pesos`, which every screen
watches): `p` cycles each ficha's pesos and M$ of each year the dataset's deflators reach; the
factors are read in a worker, whose answer comes back to the app as PesosRead."""

from __future__ import annotations

from textual.message import Message

from ..data.dataset import DatasetError
from ..data.queries import Store
from ..text import clean
from ..views.pesos import EACH_FICHA, Pesos, default_across, series_lines


class PesosRead(Message):
    """The dataset's deflators were read: `pesos` is the basis to show next (None: they
    could not be read, `problem` says why)."""

    def __init__(self, pesos: Pesos | None, step: bool, problem: str | None = None) -> None:
        super().__init__()
        self.pesos = pesos
        self.step = step  # the user pressed p (else: the start or a reload re-read the factors)
        self.problem = problem


def read_pesos(store: Store, current: Pesos | None, step: bool) -> PesosRead:
    """In a worker thread: with `step`, the basis after `current`; else `current`'s target
    when the dataset still reaches it (a reload), each ficha's pesos when it does not;
    `current` None: the default across programs (views.pesos.default_across)."""
    try:
        deflators = store.deflators()
    except (DatasetError, OSError) as exc:
        return PesosRead(None, step, clean(str(exc)))
    if current is None:
        return PesosRead(default_across(deflators), False)
    pesos = Pesos(current.target, deflators)
    if step:
        pesos = pesos.following()
    elif pesos.target not in deflators.years:
        pesos = EACH_FICHA
    return PesosRead(pesos, step)


def said(message: PesosRead) -> tuple[str, bool, int] | None:
    """What the explorer says of a new basis (text, whether an error, seconds shown): the
    basis chosen with p, or why it could not change; nothing when not the user's doing."""
    if message.problem is not None:
        return f"No se pudieron leer los factores: {message.problem}", True, 6
    pesos = message.pesos
    if not message.step or pesos is None:
        return None  # the start's or a reload's basis: quietly
    if not pesos.deflators:
        first = series_lines(pesos.deflators)[0]
        return first + " Los montos quedan en los pesos de cada ficha.", False, 6
    factors = " (P: los factores)" if pesos.target is not None else ""
    return f"Montos en {pesos.label}{factors}", False, 3
