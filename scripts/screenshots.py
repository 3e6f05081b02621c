"""Write screenshots/*.svg of the explorer's main screens from the bundled data/parquet."""

from __future__ import annotations

import asyncio
import sys
from pathlib import Path

from textual.widgets import Input

from fichas_tui.app import make_app

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "screenshots"
DATA = ROOT / "data" / "parquet"
OPEN = ("slash", *"residencia familiar", "enter", "enter")

# file name -> (size, keys)
SHOTS = {
    "lista": ((80, 24), ()),
    "filtro": ((80, 24), ("slash", *"residencia")),
    "resumen": ((80, 24), OPEN),
    "presupuesto": ((80, 24), (*OPEN, "2")),
    "indicadores": ((80, 24), (*OPEN, "3")),
    "regiones": ((80, 24), (*OPEN, "4")),
    "ayuda": ((80, 24), ("question_mark",)),
    "ancho": ((120, 40), (*OPEN, "4")),
}


async def shoot(name: str, size: tuple[int, int], keys: tuple[str, ...]) -> None:
    app = make_app(DATA)
    async with app.run_test(size=size) as pilot:
        for key in ("", *keys):
            if key:
                await pilot.press(key)
            await pilot.pause()
            await app.workers.wait_for_complete()
            await pilot.pause()
        app.save_screenshot(str(OUT / f"{name}.svg"))


def main() -> int:
    OUT.mkdir(exist_ok=True)
    Input._toggle_cursor = lambda self: None  # a steady cursor, same picture every run
    for name, (size, keys) in SHOTS.items():
        asyncio.run(shoot(name, size, keys))
        print(OUT / f"{name}.svg", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
