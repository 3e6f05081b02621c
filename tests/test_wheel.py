"""A regular install (not editable) carries the sample and works from any directory."""

from __future__ import annotations

import os
import site
import subprocess
import sys
import zipfile
from pathlib import Path

from tests.helpers import REPO


def _run(*args, **kwargs) -> subprocess.CompletedProcess:
    return subprocess.run(args, capture_output=True, text=True, timeout=300, check=True, **kwargs)


def test_wheel_installs_and_shows_the_sample_elsewhere(tmp_path, isolated_user_dirs):
    dist = tmp_path / "dist"
    # No build isolation and no index: hatchling comes from the test extra, so this is fast
    # and works offline.
    _run(
        sys.executable,
        "-m",
        "pip",
        "wheel",
        "-q",
        "--no-deps",
        "--no-build-isolation",
        "--no-index",
        "-w",
        str(dist),
        str(REPO),
    )
    (wheel,) = dist.glob("fichas_tui-*.whl")
    names = set(zipfile.ZipFile(wheel).namelist())
    assert "fichas_tui/sample/parquet/fichas.parquet" in names
    assert "fichas_tui/sample/fichas/manifest.csv" in names
    assert len([n for n in names if n.startswith("fichas_tui/sample/fichas/")]) == 4
    # fichas serve's own page (Spanish, no web fonts) and textual-serve's licence for it
    assert "fichas_tui/cli/serve_page/app_index.html" in names
    assert "fichas_tui/cli/serve_page/LICENSE-textual-serve.txt" in names

    venv = tmp_path / "venv"
    _run(sys.executable, "-m", "venv", "--without-pip", str(venv))
    python = venv / "bin" / "python"
    _run(
        sys.executable,
        "-m",
        "pip",
        "--python",
        str(python),
        "install",
        "-q",
        "--no-deps",
        "--no-index",
        str(wheel),
    )
    # The dependencies come from this test's own environment, appended after the new
    # environment's site-packages (whose fichas_tui is the wheel's, so it wins).
    purelib = _run(str(python), "-c", "import sysconfig; print(sysconfig.get_path('purelib'))")
    (Path(purelib.stdout.strip()) / "_deps.pth").write_text(
        "\n".join(site.getsitepackages()) + "\n"
    )

    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "FICHAS_DATA")}
    where = _run(
        str(python),
        "-c",
        "import fichas_tui, fichas_tui.locations as l; "
        "print(fichas_tui.__file__); print(l.sample_dir())",
        cwd=elsewhere,
        env=env,
    ).stdout.split()
    assert all(Path(p).is_relative_to(venv) for p in where), where

    sample = Path(where[1])
    before = sorted((p.name, p.stat().st_size) for p in sample.iterdir())
    shown = _run(
        str(venv / "bin" / "fichas"), "show", "gestion social local", cwd=elsewhere, env=env
    )
    # Read in place: nothing is written beside the installed sample (no lock, no index).
    assert sorted((p.name, p.stat().st_size) for p in sample.iterdir()) == before
    assert "Subsecretaría de Servicios Sociales" in shown.stdout
    assert "2.608.643" in shown.stdout  # ejecutado 2021, M$ 2022, as the ficha writes it
