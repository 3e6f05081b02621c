"""The parser under abuse: mutated fichas parse or fail with one clear reason, never crash.

CI runs a fixed number of examples with a fixed seed; `HYPOTHESIS_PROFILE=long` runs many more.
"""

from __future__ import annotations

import random
import time

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from fichas_tui.ingest.build import records_to_tables
from fichas_tui.ingest.parsed import FichaError
from fichas_tui.ingest.pipeline import run_ingest
from fichas_tui.ingest.reader import parse_bytes
from tests.helpers import F2019, F2021, F2023, SAMPLE_DIR

SAMPLES = {name: (SAMPLE_DIR / name).read_text(encoding="utf-8") for name in (F2019, F2021, F2023)}
NAMES = sorted(SAMPLES)
GENERATED = {"n": 0}  # how many inputs the fuzz tests fed the parser (reported in -s runs)


def check(data: bytes) -> None:
    """The contract for any input: a record whose rows fit the schema, or a FichaError."""
    GENERATED["n"] += 1
    start = time.perf_counter()
    try:
        record, _ = parse_bytes(data, "fuzz.txt")
    except FichaError as exc:
        assert str(exc)  # a reason a person can read
        return
    finally:
        assert time.perf_counter() - start < 5, "parsing took too long"
    tables = records_to_tables([record])  # raises if a value has the wrong type
    assert tables["fichas"].num_rows == 1
    assert record.facts["program_name"]


sample = st.sampled_from(NAMES)
seeds = st.integers(0, 2**32).map(random.Random)
common = settings(
    deadline=None,
    suppress_health_check=[
        HealthCheck.too_slow,
        HealthCheck.data_too_large,
        HealthCheck.large_base_example,
    ],
)


@common
@given(sample, st.floats(min_value=0, max_value=1))
def test_cut_at_any_point(name, fraction):
    text = SAMPLES[name]
    check(text[: int(len(text) * fraction)].encode())


@common
@given(sample, seeds, st.integers(1, 40))
def test_delete_and_duplicate_lines(name, rnd, edits):
    lines = SAMPLES[name].split("\n")
    for _ in range(edits):
        i = rnd.randrange(len(lines))
        if rnd.random() < 0.5:
            del lines[i]
        else:
            lines.insert(i, lines[i])
    check("\n".join(lines).encode())


@common
@given(sample, seeds)
def test_shuffle_table_rows(name, rnd):
    lines = SAMPLES[name].split("\n")
    tab_rows = [i for i, line in enumerate(lines) if "\t" in line]
    chosen = rnd.sample(tab_rows, k=min(len(tab_rows), rnd.randint(2, 12)))
    moved = [lines[i] for i in chosen]
    rnd.shuffle(moved)
    for i, line in zip(chosen, moved, strict=True):
        lines[i] = line
    check("\n".join(lines).encode())


@common
@given(sample, seeds, st.floats(0.01, 1))
def test_digits_swapped_for_letters(name, rnd, rate):
    text = "".join(
        rnd.choice("abcxyzOIl") if c.isdigit() and rnd.random() < rate else c for c in SAMPLES[name]
    )
    check(text.encode())


@common
@given(sample, st.lists(st.tuples(st.floats(0, 1), st.binary(min_size=1, max_size=64)), max_size=8))
def test_random_bytes_injected(name, injections):
    data = bytearray(SAMPLES[name].encode())
    for where, junk in injections:
        at = int(len(data) * where)
        data[at:at] = junk
    check(bytes(data))


@common
@given(
    sample,
    st.floats(0, 1),
    st.sampled_from(["x", "<", "(", "<li>", "\t", "1.", "*", "$", "Año\t"]),
    st.integers(1_000, 60_000),
)
def test_very_long_lines(name, where, unit, repeat):
    text = SAMPLES[name]
    at = int(len(text) * where)
    check((text[:at] + unit * repeat + text[at:]).encode())


@common
@given(st.text(max_size=3000))
def test_arbitrary_text(text):
    check(text.encode("utf-8", "replace"))


def test_huge_file_is_refused_quickly(tmp_path):
    big = tmp_path / "grande.txt"
    with open(big, "wb") as handle:
        handle.write(SAMPLES[F2023].encode() * (20 * 1024 * 1024 // len(SAMPLES[F2023]) + 1))
    lines: list[str] = []
    start = time.perf_counter()
    assert run_ingest([big], tmp_path / "ds", echo=lines.append) is False
    assert time.perf_counter() - start < 5
    assert any("grande.txt" in line and "KB" in line for line in lines)


@pytest.mark.parametrize(
    ("label", "data", "expect"),
    [
        ("empty", b"", "vacío"),
        ("binary", bytes(range(256)) * 10, "binario"),
        ("pdf", b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n", "PDF"),
    ],
)
def test_files_that_are_not_fichas(label, data, expect):
    with pytest.raises(FichaError, match=expect):
        parse_bytes(data, f"{label}.txt")


@pytest.mark.parametrize(
    "encode",
    [
        pytest.param(lambda t: t.encode("cp1252"), id="windows-1252"),
        pytest.param(lambda t: t.encode("latin-1", "replace"), id="latin-1"),
        pytest.param(lambda t: t.replace("\n", "\r\n").encode(), id="crlf"),
        pytest.param(lambda t: b"\xef\xbb\xbf" + t.encode(), id="utf-8-bom"),
        pytest.param(lambda t: t.encode("utf-16"), id="utf-16"),
    ],
)
def test_readable_encodings_give_the_same_values(encode):
    text = SAMPLES[F2023]
    reference, _ = parse_bytes(text.encode(), "a.txt")
    record, _ = parse_bytes(encode(text), "a.txt")
    for table in ("regions", "components", "indicators", "budget"):
        strip = [{k: v for k, v in row.items() if k != "ficha_id"} for row in record.rows[table]]
        want = [{k: v for k, v in row.items() if k != "ficha_id"} for row in reference.rows[table]]
        assert strip == want, table


def test_a_batch_of_broken_files_loads_the_good_ones(tmp_path):
    """End to end: every file gets one line; good ones land; nothing of a bad one does."""
    rnd = random.Random(7)
    folder = tmp_path / "in"
    folder.mkdir()
    expected_good = 0
    for i in range(30):
        text = SAMPLES[NAMES[i % 3]]
        if i % 3 == 0:
            data = text[: rnd.randrange(len(text) // 10)].encode()  # mostly unreadable
        elif i % 3 == 1:
            data = bytes(rnd.randrange(256) for _ in range(2000))
        else:
            data = (text + f"\nNota {i}\n").encode()
            expected_good += 1
        (folder / f"f{i:02}.txt").write_bytes(data)
    lines: list[str] = []
    run_ingest([folder], tmp_path / "ds", echo=lines.append)
    per_file = [line for line in lines if line.startswith(("ok", "ERROR"))]
    assert len(per_file) == 30
    assert all("Traceback" not in line for line in lines)
    from fichas_tui.data.dataset import read_dataset

    fichas = read_dataset(tmp_path / "ds")["fichas"]
    assert fichas.num_rows >= expected_good
    loaded = set(fichas["source_file"].to_pylist())
    failed = {
        line.split()[1].rsplit("/", 1)[-1].rstrip(":") for line in lines if line.startswith("ERROR")
    }
    assert not loaded & failed


def test_control_characters_are_made_visible_not_sent_to_the_terminal():
    text = SAMPLES[F2019].replace(
        "PROTECCIÓN - RESIDENCIA",
        "\x1b[2J\x1b]8;;file:///etc/passwd\x07PROTECCIÓN\x9b - RESIDENCIA",
    )
    record, _ = parse_bytes(text.encode(), "x.txt")
    name = record.facts["program_name"]
    assert "\x1b" not in name and "\x07" not in name and "\x9b" not in name
    assert name.startswith("␛[2J␛]8;;file:///etc/passwd␇PROTECCIÓN")


def test_rich_markup_in_a_name_is_kept_as_text():
    text = SAMPLES[F2019].replace(
        "PROTECCIÓN - RESIDENCIA", "[bold red]x[/] [link=file:///etc/passwd]y"
    )
    record, _ = parse_bytes(text.encode(), "x.txt")
    assert record.facts["program_name"].startswith("[bold red]x[/] [link=file:///etc/passwd]y")
