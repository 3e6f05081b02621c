"""Presupuesto pane: budget and execution, subtitles, components, spending per beneficiary."""

from __future__ import annotations

from .pane import Pane


class PresupuestoPane(Pane):
    NAME = "presupuesto"
