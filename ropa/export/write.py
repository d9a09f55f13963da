"""Atomic file writing: a failing export never leaves a partial file nor destroys the previous one.

The path written is a regular file, or a path where none exists yet. A symbolic link is followed: the
file it points to is replaced (atomically, beside the target), and the link stays. A named pipe, a
device (``/dev/stdout`` on a terminal or a pipe), a socket or a folder is refused: replacing it with a
regular file would destroy it, and writing into it cannot be atomic. The command line takes ``-o -`` for
standard output instead.
"""

from __future__ import annotations

import contextlib
import os
import stat
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import BinaryIO

from ropa.errors import ExportError

__all__ = ["target_of", "write_atomic", "write_atomic_with"]


def write_atomic_with(path: Path, writer: Callable[[BinaryIO], None]) -> Path:
    """Call ``writer`` on a temporary file beside ``path``, fsync it, then rename it over ``path``.

    Raises:
        ExportError: ``path`` is not a regular file (a pipe, device, socket or folder), the folder cannot
            be written, the disk is full, or ``writer`` failed.
    """
    path = target_of(path)
    folder = path.parent if str(path.parent) else Path(".")
    try:
        folder.mkdir(parents=True, exist_ok=True)
        fd, tmp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=folder)
    except OSError as exc:
        raise ExportError(f"cannot write {path}: {exc.strerror or exc}") from exc
    tmp = Path(tmp_name)
    try:
        with os.fdopen(fd, "wb") as handle:
            writer(handle)
            handle.flush()
            os.fsync(handle.fileno())
        mode = path.stat().st_mode & 0o777 if path.exists() else _new_file_mode()
        os.chmod(tmp, mode)
        os.replace(tmp, path)
    except BaseException as exc:
        with contextlib.suppress(OSError):
            tmp.unlink()
        if isinstance(exc, OSError):
            raise ExportError(f"cannot write {path}: {exc.strerror or exc}") from exc
        raise
    return path


def target_of(path: Path) -> Path:
    """The file that writing ``path`` replaces: ``path``, or the file its symbolic links lead to.

    Raises:
        ExportError: ``path`` exists and is not a regular file, or its links cannot be followed.
    """
    try:
        info = os.stat(path)
    except FileNotFoundError:
        info = None
    except OSError as exc:  # a link loop, a permission problem
        raise ExportError(f"cannot write {path}: {exc.strerror or exc}") from exc
    if info is not None and not stat.S_ISREG(info.st_mode):
        kind = (
            "a folder"
            if stat.S_ISDIR(info.st_mode)
            else "a named pipe"
            if stat.S_ISFIFO(info.st_mode)
            else "a socket"
            if stat.S_ISSOCK(info.st_mode)
            else "a device"
        )
        raise ExportError(
            f"cannot write {path}: it is {kind}, not a regular file; nothing was written. Exports replace "
            "their file as a whole, which would replace it; give a file name, or -o - for standard output"
        )
    if not path.is_symlink():
        return path
    try:
        return Path(os.path.realpath(path, strict=False))
    except OSError as exc:
        raise ExportError(f"cannot write {path}: {exc.strerror or exc}") from exc


def _new_file_mode() -> int:
    """The mode ``open()`` gives a new file: 0o666 less the umask (a fixed 0o644 would make an export
    readable by everyone under ``umask 077``)."""
    try:  # Linux: read the umask without changing it
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("Umask:"):
                    return 0o666 & ~int(line.split()[1], 8)
    except (OSError, ValueError):
        pass
    umask = os.umask(0o077)  # elsewhere: set and restore; meanwhile new files are at most private
    os.umask(umask)
    return 0o666 & ~umask


def write_atomic(path: Path, data: bytes) -> Path:
    """Write ``data`` to ``path`` atomically."""

    def writer(handle: BinaryIO) -> None:
        handle.write(data)

    return write_atomic_with(path, writer)
