"""Where a value was printed: table rows that remember their line, and the source columns.

Lines are 0-based while parsing (indexes into Document.lines) and stored 1-based, as an
editor numbers them; a column is the header text the value stands under, as printed.
"""

from __future__ import annotations

from collections.abc import Iterable


class Row(list):
    """A table row's cells and the index of the line it was read from.

    A continuation line merged into the row (a PDF break) gives the cells it filled their
    own line in `cell_lines`.
    """

    __slots__ = ("cell_lines", "line")

    def __init__(self, cells: Iterable[str] = (), line: int | None = None) -> None:
        super().__init__(cells)
        self.line = line
        self.cell_lines: dict[int, int] | None = None


def line_of(row: list[str], i: int | None = None) -> int | None:
    """The 0-based line of cell `i` of a row (of the row when `i` is None), or None."""
    lines = getattr(row, "cell_lines", None)
    if lines and i in lines:
        return lines[i]
    return getattr(row, "line", None)


def source(line: int | None, column: str | None = None, prefix: str = "source") -> dict:
    """`{source_line, source_column}` for a 0-based line (stored 1-based)."""
    if prefix == "source":  # most calls: the key names without formatting them each time
        return {"source_line": None if line is None else line + 1, "source_column": column or None}
    return {
        f"{prefix}_line": None if line is None else line + 1,
        f"{prefix}_column": column or None,
    }


def at(row: list[str], i: int | None = None, column: str | None = None, prefix="source") -> dict:
    """The source columns of cell `i` of a table row, under header `column`."""
    lines = getattr(row, "cell_lines", None)  # line_of, inlined: every figure comes here
    line = lines[i] if lines and i in lines else getattr(row, "line", None)
    return source(line, column, prefix)


def header_text(row: list[str], i: int) -> str | None:
    """A header cell as plain text, or None when the row has no such cell."""
    from .markup import plain  # markup imports this module

    return (plain(row[i]) or None) if i < len(row) else None


def copy_row(row: list[str]) -> list[str]:
    """A copy of a row that keeps its line."""
    out = Row(row, getattr(row, "line", None))
    lines = getattr(row, "cell_lines", None)
    if lines:
        out.cell_lines = dict(lines)
    return out


def continued(target: list[str], row: list[str], i: int) -> None:
    """Cell `i` of `target` was filled from `row`, a continuation line: it keeps that line."""
    line = getattr(row, "line", None)
    if line is None or not isinstance(target, Row):
        return
    if target.cell_lines is None:
        target.cell_lines = {}
    target.cell_lines.setdefault(i, line)


def lines_text(lines: Iterable[int | None]) -> str:
    """1-based stored lines as words: `línea 12`, `líneas 12, 13 y 15`."""
    found = sorted({n for n in lines if n is not None})
    if not found:
        return ""
    if len(found) == 1:
        return f"línea {found[0]}"
    return "líneas " + ", ".join(map(str, found[:-1])) + f" y {found[-1]}"


def keep_text(record, sha256: str, text: str) -> None:
    """The ficha's SHA-256 (of its bytes) in its facts, and its text as its lines count them."""
    record.facts["source_sha256"] = sha256
    record.add("ficha_texts", source_file=record.source_file, source_sha256=sha256, text=text)
