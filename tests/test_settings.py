"""Settings file: remembered values round-trip; a broken or unwritable file never stops fichas."""

from __future__ import annotations

import json
import os
import threading

import pytest

from fichas_tui.settings import Settings


def test_values_round_trip(tmp_path):
    path = tmp_path / "cfg" / "settings.json"
    settings = Settings(path)
    settings.set("theme", "nord")
    settings.set("basis", "2024")
    assert json.loads(path.read_text(encoding="utf-8")) == {"theme": "nord", "basis": "2024"}
    assert Settings(path).get("theme") == "nord"
    assert Settings(path).get("basis") == "2024"


def test_default_path_is_in_the_config_dir(isolated_user_dirs):
    path = isolated_user_dirs / "config" / "fichas" / "settings.json"
    assert Settings().path == path


@pytest.mark.parametrize("text", ["{not json", "[1, 2]", '{"theme": 3, "other": "x"}', ""])
def test_broken_file_means_defaults(tmp_path, text):
    path = tmp_path / "settings.json"
    path.write_text(text, encoding="utf-8")
    assert Settings(path).values == {}


def test_unwritable_folder_keeps_the_value_for_the_session(tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("x")
    settings = Settings(blocker / "settings.json")  # its folder is a file: cannot be created
    settings.set("theme", "nord")
    assert settings.get("theme") == "nord"


def test_unknown_key_is_a_bug():
    with pytest.raises(KeyError):
        Settings().set("colour", "red")


@pytest.mark.parametrize(
    ("key", "value"),
    [
        ("basis", "²"),  # passes isdigit(), fails int(): stopped every start
        ("basis", "٢٠٢٤"),
        ("basis", "20245"),
        ("basis", "real"),
        ("theme", "x" * 65),
        ("theme", "nord\x1b]0;t\x07"),
        ("last_dataset", "/tmp/a\nb"),
        ("last_dataset", ""),
        ("basis", 2024),
        ("theme", ["nord"]),
    ],
)
def test_values_outside_the_schema_are_dropped(tmp_path, key, value):
    path = tmp_path / "settings.json"
    good = {"theme": "nord"} if key != "theme" else {"basis": "2024"}
    path.write_text(json.dumps({**good, key: value}), encoding="utf-8")
    settings = Settings(path)
    assert settings.values == good  # the bad value dropped, the rest kept
    if isinstance(value, str):
        settings.set(key, value)
        assert Settings(path).values == good  # nor ever written back


@pytest.mark.parametrize("basis", ["ficha", "2024", "1990"])
def test_valid_basis_round_trips(tmp_path, basis):
    path = tmp_path / "settings.json"
    Settings(path).set("basis", basis)
    assert Settings(path).get("basis") == basis


def test_a_fifo_in_place_of_the_file_does_not_hang_start_up(tmp_path):
    path = tmp_path / "settings.json"
    os.mkfifo(path)
    result = {}
    reader = threading.Thread(target=lambda: result.update(values=Settings(path).values))
    reader.start()
    reader.join(timeout=20)
    if reader.is_alive():  # unblock the reader before failing
        os.close(os.open(path, os.O_WRONLY | os.O_NONBLOCK))
        reader.join()
        pytest.fail("Settings blocked on a FIFO")
    assert result["values"] == {}


@pytest.mark.parametrize("kind", ["folder", "huge"])
def test_a_folder_or_an_oversized_file_means_defaults(tmp_path, kind):
    path = tmp_path / "settings.json"
    if kind == "folder":
        path.mkdir()
    else:
        path.write_text('{"theme": "nord", "pad": "' + "x" * 100_000 + '"}')
    assert Settings(path).values == {}
