"""Presupuesto pane: budget and execution, subtitles, components, spending per beneficiary."""

from __future__ import annotations

from ..views.pesos import EACH_FICHA
from .pane import Pane


class PresupuestoPane(Pane):
    NAME = "presupuesto"
    pesos = EACH_FICHA  # the basis of its amounts (the screen's `p`)

    def options(self) -> dict:
        return {"pesos": self.pesos}
