"""Fuzz: fichas in hostile encodings and under hostile names lose no row the clean file yields.

CI runs a few examples with a fixed seed; `HYPOTHESIS_PROFILE=long` runs many more.
"""

from __future__ import annotations

import os
from functools import cache

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from fichas_tui.data.dataset import read_dataset
from fichas_tui.ingest.decoding import REPLACEMENT
from fichas_tui.ingest.pipeline import EXIT_OK, ingest
from fichas_tui.ingest.reader import parse_bytes
from tests.helpers import F2019, F2021, F2023, SAMPLE_DIR

SAMPLES = {name: (SAMPLE_DIR / name).read_bytes() for name in (F2019, F2021, F2023)}
NAMES = sorted(SAMPLES)
UNCOUNTED = ("warnings", "texts")  # a warning more is expected; prose is not rows
# A whole ingest per example is slower than a parse: fewer of them, in the same proportion.
END_TO_END = settings(
    max_examples=max(3, settings.default.max_examples // 8),
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)


@cache
def clean_counts(name: str) -> dict[str, int]:
    record, _ = parse_bytes(SAMPLES[name], "a.txt")
    return {t: len(rows) for t, rows in record.rows.items() if t not in UNCOUNTED}


def text(name: str) -> str:
    return SAMPLES[name].decode("utf-8")


ENCODINGS = {
    "cp1252": lambda t: t.encode("cp1252", "replace"),
    "latin-1": lambda t: t.encode("latin-1", "replace"),
    "utf-8-bom": lambda t: t.encode("utf-8-sig"),
    "utf-16": lambda t: t.encode("utf-16"),
    "utf-16-le, no BOM": lambda t: t.encode("utf-16-le"),
    "utf-16-be, no BOM": lambda t: t.encode("utf-16-be"),
    "crlf": lambda t: t.replace("\n", "\r\n").encode(),
}


def plain_line(line: bytes) -> bool:
    """A blank, prose or table line: one that does not end in markup. A byte inside markup
    (`**1. Focalización**<byte>`) breaks the markup itself, which no decoding can repair."""
    text = line.decode("utf-8").rstrip()
    return not text or ((text[-1].isalnum() or text[-1] in ".,;%)") and not text.startswith("#"))


@st.composite
def bad_bytes(draw, name: str) -> tuple[bytes, int]:
    """The UTF-8 file with 1-8 bytes that are not UTF-8 at the end of random plain lines."""
    lines = SAMPLES[name].split(b"\n")
    plain = [i for i, line in enumerate(lines[:-1]) if plain_line(line)]
    count = draw(st.integers(1, 8))
    where = draw(st.lists(st.sampled_from(plain), min_size=count, max_size=count))
    for index in where:
        lines[index] += bytes([draw(st.integers(0x80, 0xFF))])
    return b"\n".join(lines), count


def mutated(name: str):
    """(bytes, description) of the sample `name` in a hostile form."""
    encoded = st.sampled_from(sorted(ENCODINGS)).map(lambda e: (ENCODINGS[e](text(name)), e))
    broken = bad_bytes(name).map(lambda pair: (pair[0], f"{pair[1]} bytes malos"))
    bom_broken = bad_bytes(name).map(lambda pair: (b"\xef\xbb\xbf" + pair[0], "BOM + malos"))
    return st.one_of(encoded, broken, bom_broken)


def counts(record) -> dict[str, int]:
    return {t: len(rows) for t, rows in record.rows.items() if t not in UNCOUNTED}


@settings(deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.sampled_from(NAMES).flatmap(lambda n: st.tuples(st.just(n), mutated(n))))
def test_no_row_lost_in_any_encoding(case):
    name, (data, how) = case
    record, _ = parse_bytes(data, "a.txt")
    assert counts(record) == clean_counts(name), how
    replaced = [w for w in record.warnings if "no válido" in w and REPLACEMENT in w]
    if "malos" in how:
        assert len(replaced) == 1, how  # one warning, naming the lines
    else:
        assert not replaced, how


names = st.binary(min_size=1, max_size=24).filter(
    lambda b: b"/" not in b and b"\x00" not in b and not b.startswith(b".")
)


@END_TO_END
@given(
    st.lists(
        st.tuples(
            names, st.sampled_from(NAMES).flatmap(lambda n: st.tuples(st.just(n), mutated(n)))
        ),
        min_size=1,
        max_size=3,
        # each sample once: two fichas of one program and year would replace each other
        unique_by=(lambda item: item[0], lambda item: item[1][0]),
    )
)
def test_ingest_keeps_every_row_whatever_the_names_and_encodings(tmp_path_factory, files):
    """End to end: files named in any bytes, in any of those encodings, all load, whole."""
    folder = tmp_path_factory.mktemp("in")
    for raw_name, (_sample, (data, _how)) in files:
        with open(os.fsencode(folder) + b"/" + raw_name + b".txt", "wb") as fh:
            fh.write(data)
    out = tmp_path_factory.mktemp("ds")
    lines: list[str] = []
    assert ingest([folder], out, echo=lines.append, workers=1) == EXIT_OK, lines
    for line in lines:
        line.encode("utf-8")  # printable
    tables = read_dataset(out)
    samples = [sample for _name, (sample, _data) in files]
    for table, rows in tables.items():
        want = sum(clean_counts(s).get(table, 0) for s in samples)
        if table in clean_counts(samples[0]):
            assert rows.num_rows == want, table
    for source in tables["fichas"]["source_file"].to_pylist():
        source.encode("utf-8")  # valid UTF-8 in the Parquet file
