"""A dataset folder whose name holds glob characters is read literally, never as a pattern."""

from __future__ import annotations

import json
import shutil

import pytest
from click.testing import CliRunner

from fichas_tui.cli.commands import main
from fichas_tui.data.queries import Store
from tests.helpers import FIXTURES

DATA = FIXTURES


@pytest.mark.parametrize(
    ("literal", "neighbours"),
    [("d[12]", ("d1", "d2")), ("dx*", ("dxa", "dxb")), ("q?", ("qa", "qb"))],
)
def test_glob_characters_in_the_folder_name(tmp_path, literal, neighbours):
    # The folder asked for holds the fixture (5 programs); its neighbours, which the name
    # matches as a pattern, hold the hostile dataset: none of their programs may appear.
    shutil.copytree(DATA / "fixture", tmp_path / literal)
    for name in neighbours:
        shutil.copytree(DATA / "hostile", tmp_path / name)
    with Store.open(tmp_path / literal) as store:
        ids = sorted(p.program_id for p in store.programs())
        budget = store.detail("alimentacion-escolar").budget
    with Store.open(DATA / "fixture") as fixture:
        assert ids == sorted(p.program_id for p in fixture.programs())
        assert budget == fixture.detail("alimentacion-escolar").budget
    result = CliRunner().invoke(
        main, ["show", "alimentacion-escolar", "--json", "--data", str(tmp_path / literal)]
    )
    assert result.exit_code == 0, result.output
    assert json.loads(result.output)["program_id"] == "alimentacion-escolar"


def test_glob_folder_alone_is_not_empty(tmp_path):
    # With nothing beside it, the pattern `d[12]` matches no file at all: still readable.
    shutil.copytree(DATA / "fixture", tmp_path / "d[12]" / "sub*")
    with Store.open(tmp_path / "d[12]" / "sub*") as store:
        assert len(store.programs()) == 5
