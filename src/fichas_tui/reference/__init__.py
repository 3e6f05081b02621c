"""Official reference tables shipped with the package: the 2024 census and the BIPS catalog."""

from __future__ import annotations

from pathlib import Path

# The CSV files sit beside this module, in a checkout and in the wheel alike.
FOLDER = Path(__file__).resolve().parent
