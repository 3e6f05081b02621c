"""The gap scan's fast path (no placeholder in the text) finds what the line-by-line scan finds."""

from __future__ import annotations

import random

from fichas_tui.ingest import images
from fichas_tui.ingest.document import Document
from tests.helpers import SAMPLE_DIR


def _reference(doc: Document) -> list[tuple[int, int]]:
    """Every run of blank lines (`images._blank`), two or more, or one with a placeholder."""
    flags = [images._blank(doc, i) for i in range(len(doc.lines))]
    out, i = [], 0
    while i < len(flags):
        if not flags[i]:
            i += 1
            continue
        j = i
        while j + 1 < len(flags) and flags[j + 1]:
            j += 1
        if j - i + 1 >= images.MIN_BLANKS or any(doc.lines[k].strip() for k in range(i, j + 1)):
            out.append((i, j))
        i = j + 1
    return out


def _texts() -> list[str]:
    texts = [p.read_text(encoding="utf-8") for p in sorted(SAMPLE_DIR.glob("*.txt"))]
    rnd = random.Random(5)
    out = list(texts)
    for text in texts:
        lines = text.split("\n")
        for _ in range(5):  # blank lines (empty, spaces, tabs) dropped in at random
            edited = list(lines)
            for _k in range(30):
                edited.insert(rnd.randrange(len(edited) + 1), rnd.choice(["", "  ", "\t", " \t "]))
            out.append("\n".join(edited))
    out += [
        "",
        "\n",
        "\n\n",
        "a\n\n\nb",
        "\n\nx\n \n\t\ny\n",
        "x\n<!-- image -->\ny",
        "a\n![](p.png)\n\n",
    ]
    return out


def test_the_fast_scan_finds_the_same_gaps_as_the_line_by_line_scan():
    fast = 0
    for text in _texts():
        doc = Document(text)
        if not images._PLACEHOLDER_HINT_RE.search(doc.text):
            fast += 1
        assert images._gaps(doc) == _reference(doc), text[:80]
    assert fast > 10  # the fast path was taken
