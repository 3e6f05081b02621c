"""Heading keys: the Latin-1 byte table and the NFKD error handler fold as NFKD of the text does."""

import unicodedata

from fichas_tui.ingest.markup import KEY_CHARS, heading_keys


def reference_keys(lines: list[str]) -> list[str]:
    """The plain definition: NFKD, ASCII only, uppercase, key characters, spaces collapsed."""
    keys = []
    for line in lines:
        text = line[:KEY_CHARS]
        folded = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().upper()
        kept = "".join(c if c.isascii() and (c.isalnum() or c in "$%/") else " " for c in folded)
        keys.append(" ".join(kept.split()))
    return keys


def test_keys_fold_accents_ligatures_fractions_and_symbols_by_hand():
    lines = [
        "## III. DESEMPEÑO 2021 (M\\$ 2022)",
        "**Año de término:** ½ ¾",
        "• Eﬁcacia – “propósito”",
        "ÆØß þ Ð ×÷",
        "Ｆｕｌｌ ① ²",
    ]
    assert heading_keys(lines) == [
        "III DESEMPENO 2021 M$ 2022",
        "ANO DE TERMINO 12 34",
        "EFICACIA PROPOSITO",
        "",
        "FULL 1 2",
    ]


def test_keys_match_nfkd_over_every_latin1_and_many_wider_characters():
    chars = [chr(c) for c in range(0x20, 0x3000) if chr(c) not in "<>\n"]
    lines = ["a" + "x".join(chars[i : i + 30]) + "b" for i in range(0, len(chars), 30)]
    assert heading_keys(lines) == reference_keys(lines)
