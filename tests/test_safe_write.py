"""Every file fichas writes is staged under a unique name: a link planted beside it is never
followed, a failure leaves the old file and no staging file."""

from __future__ import annotations

import os
import stat

import pytest

from fichas_tui.render.export import export_table
from fichas_tui.safe_write import replace_file, staged
from fichas_tui.settings import Settings
from fichas_tui.tui import crash
from tests.render.test_export import TABLE


@pytest.fixture
def victim(tmp_path):
    path = tmp_path / "victim"
    path.mkdir()
    path = path / "keep.txt"
    path.write_text("del usuario\n")
    return path


def _plant(link, victim) -> None:
    link.symlink_to(victim)


@pytest.mark.parametrize("fmt", ["csv", "xlsx", "json", "parquet"])
def test_export_never_writes_through_a_link_planted_at_its_staging_name(tmp_path, victim, fmt):
    target = tmp_path / f"tabla.{fmt}"
    _plant(tmp_path / f".tabla.{fmt}.tmp", victim)  # the name the export used to stage at
    export_table(TABLE, target)
    assert victim.read_text() == "del usuario\n"
    assert target.is_file() and not target.is_symlink() and target.stat().st_size > 0
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(
        [f".tabla.{fmt}.tmp", f"tabla.{fmt}", "victim"]
    )


def test_export_replaces_a_link_at_the_target_instead_of_writing_through_it(tmp_path, victim):
    target = tmp_path / "tabla.csv"
    _plant(target, victim)
    export_table(TABLE, target)
    assert victim.read_text() == "del usuario\n" and not target.is_symlink()


def test_export_file_gets_the_mode_a_plain_open_would(tmp_path):
    old = os.umask(0o027)
    try:
        from fichas_tui import safe_write

        safe_write._umask = None
        export_table(TABLE, tmp_path / "tabla.json")
    finally:
        os.umask(old)
        safe_write._umask = None
    assert stat.S_IMODE((tmp_path / "tabla.json").stat().st_mode) == 0o640


def test_a_failed_write_keeps_the_old_file_and_leaves_no_staging_file(tmp_path):
    target = tmp_path / "datos.bin"
    target.write_bytes(b"viejo")

    def parts():
        yield b"nuevo a medias"
        raise OSError(28, "No space left on device")

    with pytest.raises(OSError):
        replace_file(target, parts())
    assert target.read_bytes() == b"viejo"
    assert [p.name for p in tmp_path.iterdir()] == ["datos.bin"]
    with staged(target) as out:
        out.write(b"nuevo")
    assert target.read_bytes() == b"nuevo" and [p.name for p in tmp_path.iterdir()] == [
        "datos.bin"
    ]


def test_settings_never_write_through_a_link_planted_at_their_staging_name(tmp_path, victim):
    path = tmp_path / "settings.json"
    _plant(tmp_path / "settings.tmp", victim)  # the name settings used to stage at
    Settings(path).set("theme", "nord")
    assert victim.read_text() == "del usuario\n"
    assert Settings(path).get("theme") == "nord"
    assert stat.S_IMODE(path.stat().st_mode) == 0o600


def test_crash_report_never_writes_through_a_planted_link(tmp_path, victim, monkeypatch):
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path / "state"))
    monkeypatch.setattr(crash.time, "strftime", lambda fmt, *a: "20260101-000000")
    folder = crash.reports_dir()
    folder.mkdir(parents=True)
    _plant(folder / f"fallo-20260101-000000-{os.getpid()}.txt", victim)  # the old fixed name
    path = crash.write_report("Traceback: boom\n")
    assert victim.read_text() == "del usuario\n"
    assert path.parent == folder and not path.is_symlink() and "boom" in path.read_text()
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
