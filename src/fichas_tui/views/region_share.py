"""One rule for a region's share of a program's spending and for spending per beneficiary in a
region, used by the Regiones pane and the Región screen alike."""

from __future__ import annotations

from .figures import COMPUTED_MARK, COMPUTED_NOTE
from .model import Cell

# A share the ficha does not print, computed from its regional amounts: marked and explained.
SHARE_LEGEND = (
    f"{COMPUTED_MARK} % calculado: la ficha no lo imprime; gasto de la región / suma del "
    "desglose regional."
)
# The regional table's M$ per beneficiary is not the ficha's "gasto por beneficiario" (whose
# definition depends on the template: views/per_beneficiary.py); it is named for what it is.
PER_BENEFICIARY_LEGEND = "M$/benef. = gasto en la región / beneficiarios en la región."


def legend(computed: bool) -> str:
    """The two on one line, for a screen whose notes have few lines (the Región screen)."""
    return PER_BENEFICIARY_LEGEND + (f" {SHARE_LEGEND}" if computed else "")


def computed_share(spending: float | None, total: float | None) -> float | None:
    """`spending` as a % of `total` (the sum of the breakdown's rows), or None."""
    if spending is None or total is None or total <= 0:
        return None
    return spending / total * 100


def share_cell(
    stated: float | None,
    stated_status: str | None,
    computed: float | None,
    spending_status: str | None = None,
) -> Cell:
    """The ficha's printed share when it prints one; else the computed share, marked; else
    missing with the code of the share (or of the spending it would come from)."""
    if stated is not None:
        return Cell(stated)
    if computed is not None:
        return Cell(computed, note=COMPUTED_NOTE)
    return Cell(None, stated_status or spending_status or "-")


def per_beneficiary(
    spending: float | None,
    spending_status: str | None,
    beneficiaries: float | None,
    beneficiaries_status: str | None,
) -> tuple[float | None, str | None]:
    """M$ per beneficiary in a region, or the code of whichever figure is missing."""
    if spending is None:
        return None, spending_status or "s/d"
    if beneficiaries is None:
        return None, beneficiaries_status or "s/d"
    if beneficiaries <= 0:
        return None, "-"
    return spending / beneficiaries, None
