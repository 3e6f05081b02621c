"""Settings file: remembered values round-trip; a broken or unwritable file never stops fichas."""

from __future__ import annotations

import json

import pytest

from fichas_tui.settings import Settings


def test_values_round_trip(tmp_path):
    path = tmp_path / "cfg" / "settings.json"
    settings = Settings(path)
    settings.set("theme", "nord")
    settings.set("basis", "real")
    assert json.loads(path.read_text(encoding="utf-8")) == {"theme": "nord", "basis": "real"}
    assert Settings(path).get("theme") == "nord"
    assert Settings(path).get("basis") == "real"


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
