"""Indicadores pane: each indicator's history across the program's fichas, formulas on `f`."""

from __future__ import annotations

from .pane import Pane


class IndicadoresPane(Pane):
    NAME = "indicadores"
    show_formulas = False

    def options(self) -> dict:
        return {"formulas": self.show_formulas}

    def toggle_formulas(self) -> None:
        self.show_formulas = not self.show_formulas
        self.refresh_body()
