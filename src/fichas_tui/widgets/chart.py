"""Text charts that fit a table cell: proportional bars and an efectivo-vs-meta bar."""

from __future__ import annotations

from rich.text import Text

_EIGHTHS = " ▏▎▍▌▋▊▉█"


def bar(value: float | None, top: float, width: int, style: str = "cyan") -> Text:
    """A bar `width` cells long at full scale `top`; empty when the value is missing."""
    if value is None or top <= 0 or width <= 0:
        return Text(" " * width)
    eighths = round(max(0.0, min(value / top, 1.0)) * width * 8)
    full, part = divmod(eighths, 8)
    body = "█" * full + (_EIGHTHS[part] if part else "")
    return Text(body.ljust(width), style=style)


def target_bar(value: float | None, meta: float | None, top: float, width: int) -> Text:
    """Efectivo as a bar with the meta marked '┃' (green when the meta is reached)."""
    reached = value is not None and meta is not None and value >= meta
    chart = bar(value, top, width, style="green" if reached else "cyan")
    if meta is not None and top > 0:
        at = min(width - 1, max(0, round(meta / top * width) - 1))
        chart = chart[:at] + Text("┃", style="bold yellow") + chart[at + 1 :]
    return chart
