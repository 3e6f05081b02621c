"""Ficha bytes -> text in the encoding that reads the whole file, with its faults named by line."""

from __future__ import annotations

from dataclasses import dataclass, field

from .parsed import FichaError

REPLACEMENT = "\N{REPLACEMENT CHARACTER}"
SHOWN_LINES = 5  # lines named in the warning; the rest are counted
# At least this share of zero bytes at odd (little-endian) or even (big-endian) offsets: the
# text is UTF-16 without BOM (ASCII letters, spaces and digits leave their high byte zero).
UTF16_ZEROS = 0.6


@dataclass
class Decoded:
    """The text, which encoding gave it, and the lines where bytes were not valid in it."""

    text: str
    encoding: str
    bad_bytes: int = 0
    bad_lines: list[int] = field(default_factory=list)  # 1-based

    def warning(self) -> str | None:
        """What the user is told when bytes were replaced (None when none were)."""
        if not self.bad_bytes:
            return None
        lines = ", ".join(map(str, self.bad_lines[:SHOWN_LINES]))
        more = len(self.bad_lines) - SHOWN_LINES
        if more > 0:
            lines += f" y {more} más"
        where = "la línea" if len(self.bad_lines) == 1 else "las líneas"
        what = "1 byte no válido" if self.bad_bytes == 1 else f"{self.bad_bytes} bytes no válidos"
        return f"{what} en UTF-8 en {where} {lines}; se reemplazó por {REPLACEMENT}"


def decode(data: bytes) -> Decoded:
    """UTF-8 (with or without BOM) and UTF-16 (with BOM, or plain text without one) as such.

    A file that is UTF-8 but for a few bytes stays UTF-8, those bytes replaced by U+FFFD and
    counted: decoding it all as Windows-1252 instead turned every accented letter into two
    characters, so headings went unrecognised and whole sections were lost. Windows-1252 is
    used only when it reads the file better: its bytes are not UTF-8 at all (no valid
    multi-byte sequence outnumbers the invalid ones).
    """
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return Decoded(data.decode("utf-16"), "utf-16")
        except UnicodeDecodeError:
            raise FichaError("dice ser UTF-16 pero no se puede decodificar") from None
    if data.startswith(b"%PDF"):
        raise FichaError("es un PDF: conviértalo a texto antes de ingerirlo")
    if b"\x00" in data[:4096]:
        unmarked = _utf16_without_bom(data)
        if unmarked is None:
            raise FichaError("es un archivo binario, no el texto de una ficha")
        return unmarked
    try:
        return Decoded(data.decode("utf-8-sig"), "utf-8")
    except UnicodeDecodeError:
        pass
    body = data[3:] if data.startswith(b"\xef\xbb\xbf") else data
    lines = body.split(b"\n")
    bad_lines, bad = [], 0
    for number, line in enumerate(lines, 1):
        try:
            line.decode("utf-8")
        except UnicodeDecodeError:
            bad_lines.append(number)
            bad += _invalid_sequences(line)
    text = body.decode("utf-8", "replace")
    if bad_lines:
        text = _blank_lines_of_nothing(text, bad_lines)
    # Characters beyond ASCII that UTF-8 read correctly: each is 2-4 bytes of a valid sequence.
    valid = sum(1 for ch in text if ord(ch) > 127) - text.count(REPLACEMENT)
    valid += body.count(REPLACEMENT.encode())  # a U+FFFD written in the file is valid UTF-8
    if body is not data or valid > bad:
        return Decoded(text, "utf-8", bad, bad_lines)
    try:
        return Decoded(data.decode("cp1252"), "cp1252")
    except UnicodeDecodeError:  # 0x81, 0x8d, 0x8f, 0x90, 0x9d: only Latin-1 has them
        return Decoded(data.decode("latin-1"), "latin-1")


def _blank_lines_of_nothing(text: str, bad_lines: list[int]) -> str:
    """A line that held only bytes no encoding read carries no text: it reads as blank (a
    stray byte alone on a line became a finding of its own)."""
    lines = text.split("\n")
    for number in bad_lines:
        if not lines[number - 1].replace(REPLACEMENT, "").strip():
            lines[number - 1] = ""
    return "\n".join(lines)


def _invalid_sequences(line: bytes) -> int:
    """How many invalid sequences (each one U+FFFD) a line has in UTF-8."""
    return line.decode("utf-8", "replace").count(REPLACEMENT) - line.count(REPLACEMENT.encode())


def _utf16_without_bom(data: bytes) -> Decoded | None:
    """UTF-16 text saved without a BOM: ASCII letters leave every other byte zero."""
    sample = data[:4096]
    half = max(1, len(sample) // 2)
    for encoding, zeros in (("utf-16-le", sample[1::2]), ("utf-16-be", sample[0::2])):
        if zeros.count(0) / half >= UTF16_ZEROS and len(data) % 2 == 0:
            try:
                return Decoded(data.decode(encoding), encoding)
            except UnicodeDecodeError:
                return None
    return None
