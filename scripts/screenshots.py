"""Write screenshots/*.svg of the explorer's main screens from the bundled data/parquet."""

from __future__ import annotations

import asyncio
import sys
from pathlib import Path

from pilot import open_keys, press, settle, steady_cursor  # the tests' own steps (scripts/)

from fichas_tui.tui.app import make_app

ROOT = Path(__file__).resolve().parents[1]
COMMITTED_DATASET = ROOT / "data" / "parquet"
OUT = ROOT / "screenshots"
OPEN = open_keys("residencia familiar")

# file name -> (size, keys)
SHOTS = {
    "lista": ((80, 24), ()),
    "filtro": ((80, 24), ("slash", *"residencia")),
    "resumen": ((80, 24), OPEN),
    "presupuesto": ((80, 24), (*OPEN, "2")),
    "indicadores": ((80, 24), (*OPEN, "3")),
    "regiones": ((80, 24), (*OPEN, "4")),
    "evaluacion": ((80, 24), (*OPEN, "5")),
    "pesos": ((80, 24), ("p",)),
    "filtros": ((80, 24), ("t",)),
    # Residencia Familiar against Gestión Social Local, picked with the list's search
    "comparar": ((120, 40), (*OPEN, "c", *"gestion", "enter")),
    "ayuda": ((80, 24), ("question_mark",)),
    "ancho": ((120, 40), (*OPEN, "4")),
    "ranking": ((100, 24), ("K", "right_square_bracket", "right_square_bracket")),
    "region": ((100, 24), ("r",)),
    "totales": ((100, 24), ("s",)),
    "regiones_resumen": ((100, 30), ("R",)),
}


async def shoot(name: str, size: tuple[int, int], keys: tuple[str, ...]) -> None:
    app = make_app(COMMITTED_DATASET)
    async with app.run_test(size=size) as pilot:
        await settle(pilot)
        await press(pilot, *keys)
        app.save_screenshot(str(OUT / f"{name}.svg"))


def main(names: list[str]) -> int:
    """Every screenshot, or those named on the command line."""
    OUT.mkdir(exist_ok=True)
    steady_cursor()  # the same picture every run
    for name, (size, keys) in SHOTS.items():
        if names and name not in names:
            continue
        asyncio.run(shoot(name, size, keys))
        print(OUT / f"{name}.svg", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
