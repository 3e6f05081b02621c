"""Resumen pane: who runs the program, what it does, coverage, findings and warnings."""

from __future__ import annotations

from .pane import Pane


class ResumenPane(Pane):
    NAME = "resumen"
