"""Regiones pane: spending and beneficiaries by region, in the order `o` cycles through."""

from __future__ import annotations

from ..views.pesos import EACH_FICHA
from ..views.regiones import ORDER_KEYS
from .pane import Pane


class RegionesPane(Pane):
    NAME = "regiones"
    order_index = 0
    pesos = EACH_FICHA  # the basis of its amounts (the screen's `p`)

    def options(self) -> dict:
        return {"order": ORDER_KEYS[self.order_index], "pesos": self.pesos}

    def cycle_sort(self) -> str:
        """The next order; returns its name ('gasto', 'región', ...)."""
        self.order_index = (self.order_index + 1) % len(ORDER_KEYS)
        self.refresh_body()
        return ORDER_KEYS[self.order_index]
