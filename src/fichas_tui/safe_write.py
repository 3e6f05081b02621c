"""Every file fichas writes: staged under a unique name beside it, then renamed into place."""

from __future__ import annotations

import contextlib
import errno
import os
import tempfile
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import BinaryIO

# The mode a plain open() would give a new file under the process's umask, for files the user
# asked for (an export); mkstemp's own 0600 stays for private ones (settings, reports).
_umask: int | None = None


def public_mode() -> int:
    global _umask
    if _umask is None:
        _umask = os.umask(0o022)  # reading the umask means setting it: put it straight back
        os.umask(_umask)
    return 0o666 & ~_umask


@contextlib.contextmanager
def staged(path: Path, *, private: bool = True) -> Iterator[BinaryIO]:
    """A binary file to write `path`'s new content to; on a clean exit it replaces `path` in
    one rename (a reader sees the old file or the new one), on an error it is removed.

    The staging file is made by mkstemp in `path`'s folder: a name nobody can predict, created
    with O_EXCL, so a link planted beside the target is never followed (a fixed `.name.tmp`
    was: an export overwrote the file such a link pointed at). A link at `path` itself is
    replaced by the new file, not written through.
    """
    path = Path(path)
    fd, name = tempfile.mkstemp(prefix=f".{path.name[:100]}.", suffix=".tmp", dir=path.parent)
    staging = Path(name)
    try:
        with os.fdopen(fd, "wb") as handle:
            if not private:
                os.fchmod(handle.fileno(), public_mode())
            yield handle
            handle.flush()
            os.fsync(handle.fileno())  # the rename never shows a file whose bytes are not down
        os.replace(staging, path)
    except BaseException:
        with contextlib.suppress(OSError):
            staging.unlink()
        raise


def replace_file(path: Path, parts: Iterable[bytes], *, private: bool = False) -> None:
    """Write `parts` to `path` atomically and safely (see `staged`)."""
    with staged(path, private=private) as handle:
        for part in parts:
            handle.write(part)


# The system's words for why a path failed are English (strerror); the user reads Spanish.
REASONS = {
    errno.ENAMETOOLONG: "el nombre es demasiado largo",
    errno.EACCES: "sin permiso",
    errno.EPERM: "sin permiso",
    errno.ENOENT: "la carpeta no existe",
    errno.ENOTDIR: "una parte de la ruta no es una carpeta",
    errno.EISDIR: "es una carpeta",
    errno.ENOSPC: "el disco está lleno",
    errno.EDQUOT: "se agotó la cuota de disco",
    errno.EROFS: "el disco es de sólo lectura",
    errno.ELOOP: "demasiados enlaces simbólicos en la ruta",
    errno.EEXIST: "ya existe",
    errno.EXDEV: "está en otro disco",
    errno.EIO: "error de lectura o escritura del disco",
}


def reason(error: BaseException) -> str:
    """Why a path failed, in Spanish, for a message that names the path."""
    if isinstance(error, OSError) and error.errno in REASONS:
        return REASONS[error.errno]
    if isinstance(error, OSError):
        code = errno.errorcode.get(error.errno or 0)
        return f"error del sistema ({code})" if code else "error del sistema"
    if isinstance(error, ValueError) and "null" in str(error):
        return "contiene un carácter nulo"
    if isinstance(error, RuntimeError):  # Path.expanduser: ~usuario desconocido
        return "no se reconoce el usuario de ~"
    return "ruta no válida"
