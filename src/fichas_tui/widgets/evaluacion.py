"""Evaluación pane: evaluation history, assessments, ODS, complementarities and the prose."""

from __future__ import annotations

from .pane import Pane


class EvaluacionPane(Pane):
    NAME = "evaluacion"
