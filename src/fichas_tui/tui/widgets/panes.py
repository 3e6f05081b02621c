"""The five detail panes: each a Pane (pane.py) with the options its view takes."""

from __future__ import annotations

from ...views.pesos import EACH_FICHA
from ...views.regiones import ORDER_KEYS
from .pane import Pane


class ResumenPane(Pane):
    NAME = "resumen"


class PresupuestoPane(Pane):
    NAME = "presupuesto"
    pesos = EACH_FICHA  # the basis of its amounts (the screen's `p`)

    def options(self) -> dict:
        return {"pesos": self.pesos}


class IndicadoresPane(Pane):
    NAME = "indicadores"
    show_formulas = False

    def options(self) -> dict:
        return {"formulas": self.show_formulas}

    def toggle_formulas(self) -> None:
        self.show_formulas = not self.show_formulas
        self.refresh_body()


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


class EvaluacionPane(Pane):
    NAME = "evaluacion"
