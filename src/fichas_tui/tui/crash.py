"""A crash's full report goes to a file; the user's terminal gets one Spanish line naming it."""

from __future__ import annotations

import os
import platform
import sys
import tempfile
import time
from pathlib import Path

# sysexits.h EX_SOFTWARE ("internal software error"): distinct from the commands' own statuses
# (1 a file failed / not found, 2 several matches, 3 no dataset).
EXIT_CRASH = 70


def reports_dir() -> Path:
    """Where reports go: the user's state folder (XDG), as the platform conventions say."""
    state = os.environ.get("XDG_STATE_HOME") or str(Path.home() / ".local" / "state")
    return Path(state) / "fichas" / "informes"


def write_report(details: str) -> Path:
    """Write `details` with what identifies the run; the state folder, else the temp folder."""
    from .. import __version__

    stamp = time.strftime("%Y%m%d-%H%M%S")
    header = (
        f"fichas {__version__}, Python {platform.python_version()}, {platform.platform()}\n"
        f"{time.strftime('%Y-%m-%d %H:%M:%S %z')}\n"
        f"argv: {sys.argv!r}\n\n"
    )
    text = (header + details).encode("utf-8", errors="replace")
    try:
        folder = reports_dir()
        folder.mkdir(parents=True, exist_ok=True)
        return _new_file(folder, f"fallo-{stamp}-", text)
    except OSError:
        return _new_file(None, f"fichas-fallo-{stamp}-", text)


def _new_file(folder: Path | None, prefix: str, text: bytes) -> Path:
    # mkstemp: a name nobody can predict, created with O_EXCL and mode 0600, so a link planted
    # at the name a report would take is never followed, and the report is the user's alone.
    fd, name = tempfile.mkstemp(prefix=prefix, suffix=".txt", dir=folder)
    with os.fdopen(fd, "wb") as out:
        out.write(text)
    return Path(name)


def report(details: str) -> int:
    """Save the report, say where in one line on stderr, and return the exit status."""
    try:
        where = f"el informe completo está en {write_report(details)}"
    except OSError as exc:  # nowhere to write: the line says so rather than lose the cause
        where = f"no se pudo guardar el informe ({exc.strerror or exc})"
    from ..text import one_line

    sys.stderr.write(one_line(f"fichas se cerró por un error interno; {where}") + "\n")
    sys.stderr.flush()
    return EXIT_CRASH
