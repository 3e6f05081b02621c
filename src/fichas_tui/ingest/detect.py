"""Which template generation a ficha's text follows, told from the text itself."""

from __future__ import annotations

from . import layout_2019, layout_2021, layout_2023
from .document import Document
from .parsed import FichaError

LAYOUTS = {module.NAME: module for module in (layout_2019, layout_2021, layout_2023)}


def detect_layout(doc: Document):
    """The parser module for this ficha, or FichaError naming the layouts it knows."""
    scores = {
        name: sum(1 for pattern in module.MARKERS if doc.has_heading(pattern))
        for name, module in LAYOUTS.items()
    }
    best = max(scores, key=lambda n: scores[n])
    if scores[best] < 2:
        raise FichaError(
            "no tiene el formato de ninguna ficha conocida; se esperaba uno de estos: "
            + "; ".join(f"{n} ({module.DESCRIPTION})" for n, module in LAYOUTS.items())
        )
    return LAYOUTS[best]
