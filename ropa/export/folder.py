"""Writing a register folder as one step: a new register is staged beside the folder and swapped in.

:func:`write_register_files` is what :func:`ropa.export.yaml.write_register_folder` uses. It promises:

- **Only what ropa wrote is replaced.** Every register folder ropa writes gets a manifest,
  :data:`MANIFEST`, that names each file ropa wrote and its SHA-256. With ``force``, a folder is replaced
  only when every register file in it (every ``.yaml``/``.yml`` file the loader would read) is named in
  the manifest and unchanged since; otherwise nothing is written and :class:`~ropa.errors.ExportError`
  lists the files that stand in the way. A folder without a manifest that holds register files is not
  a ropa register and is refused. Other files (``README.md``, ``.git``, notes) are carried over
  untouched. Manifest entries outside the register layout are ignored, so a hand-made manifest cannot
  make ropa delete ``docker-compose.yaml``.
- **Old or new, never a mix.** The new register is written into :data:`the stage <STAGE_SUFFIX>`, a
  hidden folder beside the target (``registers/.acme.ropa-tmp``), with every file and folder synced;
  the files ropa did not write are moved into it; then the two folders are exchanged in one atomic
  ``renameat2(RENAME_EXCHANGE)`` (Linux), or by two renames elsewhere. The old register, now in the
  stage's place, is removed last.
- **A crash is repaired by the next write.** Killed at any moment, the target holds the old or the new
  register; the next call for the same folder finishes the swap (when the new register was complete)
  or undoes it, moves carried-over files back, and warns (:class:`~ropa.errors.ExportWarning`).
- **Links are not followed inside the folder.** A symbolic link given as the folder is resolved (the
  register is written where it points, as the loader reads it); a symbolic link where the register
  needs a folder (``activities/``) is refused, because the loader would not read through it.

The swap needs write access to the folder's parent (the stage is created there).
"""

from __future__ import annotations

import contextlib
import ctypes
import errno
import hashlib
import json
import os
import re
import stat
import sys
import warnings
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

from ropa.errors import ExportError, ExportWarning

__all__ = [
    "LAYOUT",
    "MANIFEST",
    "MANIFEST_FORMAT",
    "STAGE_SUFFIX",
    "check_register_folder",
    "write_register_files",
]

MANIFEST = ".ropa-manifest.json"
"""The file in a register folder that lists the files ropa wrote, with their SHA-256."""
MANIFEST_FORMAT = "ropa-register-manifest/1"
STAGE_SUFFIX = ".ropa-tmp"
"""The stage of folder ``acme`` is the hidden sibling ``.acme.ropa-tmp``."""
_OLD_SUFFIX = ".ropa-old"
"""Where the old register waits between the two renames when the folders cannot be exchanged."""
_MARKER = ".ropa-staged"
"""In the stage once it is complete; in the target right after the swap (removed at once)."""

LAYOUT = re.compile(
    r"(?:register|organisation|vocabulary|parties|activities|processor)\.yaml|activities/[^/]+\.yaml"
)
"""The files of the register layouts (relative POSIX paths): the only files a manifest may name."""
_SHOWN = 20
"""Files listed in a refusal; the rest are counted."""


def _is_register_file(relative: str) -> bool:
    """True for a file the loader reads: ``.yaml``/``.yml``, no hidden part in its path."""
    parts = PurePosixPath(relative).parts
    return relative.endswith((".yaml", ".yml")) and not any(p.startswith(".") for p in parts)


def _sha256(data: bytes) -> str:
    return "sha256:" + hashlib.sha256(data).hexdigest()


def _file_sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return "sha256:" + digest.hexdigest()


def _manifest_text(files: Mapping[str, bytes]) -> bytes:
    data = {"format": MANIFEST_FORMAT, "files": {name: _sha256(files[name]) for name in sorted(files)}}
    return (json.dumps(data, indent=2, ensure_ascii=False) + "\n").encode("utf-8")


def _read_manifest(folder: Path) -> dict[str, str] | None:
    """``{path: sha256}`` of the register layout files the manifest names; ``None`` without a manifest.

    Raises:
        ExportError: the manifest exists but is not one ropa wrote.
    """
    path = folder / MANIFEST
    try:
        info = path.lstat()
    except FileNotFoundError:
        return None
    except OSError as exc:
        raise ExportError(f"cannot read {path}: {exc.strerror or exc}") from exc
    problem = "it is not a regular file"
    if stat.S_ISREG(info.st_mode) and info.st_size <= 64 * 1024 * 1024:
        try:
            data = json.loads(path.read_bytes())
        except (OSError, ValueError) as exc:
            problem = f"it cannot be read ({exc})"
        else:
            files = data.get("files") if isinstance(data, dict) else None
            if isinstance(data, dict) and data.get("format") == MANIFEST_FORMAT and isinstance(files, dict):
                return {
                    name: digest
                    for name, digest in files.items()
                    if isinstance(name, str) and isinstance(digest, str) and LAYOUT.fullmatch(name)
                }
            problem = f"it is not a {MANIFEST_FORMAT} manifest"
    raise ExportError(
        f"{path} is damaged: {problem}; ropa cannot tell which files of {folder} it wrote. Nothing was "
        "written. Write the register to a new folder, or remove the old register's files yourself."
    )


# --------------------------------------------------------------------------------------------------------
# The plan: what is replaced, what is carried over, what stands in the way
# --------------------------------------------------------------------------------------------------------


@dataclass
class _Plan:
    """What replacing ``folder`` involves."""

    folder: Path
    exists: bool = False
    old: list[str] = field(default_factory=list)
    """Files of the old register (named in its manifest, unchanged), and the manifest itself."""
    carry: list[str] = field(default_factory=list)
    """Entries (files, links, whole folders) that ropa did not write: moved into the new register."""
    problems: list[str] = field(default_factory=list)


def _walk(folder: Path) -> Iterator[tuple[str, os.stat_result]]:
    """Every entry under ``folder`` (relative POSIX path, lstat), links not followed, parents first."""
    stack = [""]
    while stack:
        relative = stack.pop()
        base = folder / relative if relative else folder
        try:
            names = sorted(os.listdir(base))
        except OSError as exc:
            raise ExportError(f"cannot read {base}: {exc.strerror or exc}") from exc
        for name in names:
            child = f"{relative}/{name}" if relative else name
            try:
                info = os.lstat(folder / child)
            except FileNotFoundError:
                continue
            yield child, info
            if stat.S_ISDIR(info.st_mode):
                stack.append(child)


def _plan(folder: Path, files: Mapping[str, bytes], *, force: bool) -> _Plan:
    plan = _Plan(folder)
    try:
        info = os.stat(folder)
    except FileNotFoundError:
        return plan
    except OSError as exc:
        raise ExportError(f"cannot read {folder}: {exc.strerror or exc}") from exc
    if not stat.S_ISDIR(info.st_mode):
        raise ExportError(f"{folder} exists and is not a folder")
    plan.exists = True
    entries = dict(_walk(folder))
    if not entries:
        return plan
    if not force:
        raise ExportError(
            f"{folder} exists and is not empty; nothing was written. Choose a new folder, or pass "
            "force=True (--force) to replace the register in it."
        )
    manifest = _read_manifest(folder)
    new_dirs = {"activities"} | {
        str(parent) for name in files for parent in PurePosixPath(name).parents if str(parent) != "."
    }
    changed: list[str] = []
    foreign: list[str] = []
    for relative, entry in entries.items():
        mode = entry.st_mode
        if relative in new_dirs and not stat.S_ISDIR(mode):
            kind = "a symbolic link" if stat.S_ISLNK(mode) else "not a folder"
            plan.problems.append(
                f"{relative} is {kind}; the register needs a folder there (the loader does not follow links)"
            )
            continue
        if relative == MANIFEST and manifest is not None:
            plan.old.append(relative)
            continue
        if manifest is not None and relative in manifest:
            if not stat.S_ISREG(mode):
                changed.append(f"{relative} (no longer a regular file)")
            elif _file_sha256(folder / relative) != manifest[relative]:
                changed.append(f"{relative} (changed since ropa wrote it)")
            else:
                plan.old.append(relative)
            continue
        if _is_register_file(relative) and not stat.S_ISDIR(mode):
            foreign.append(relative)
        elif relative in files:
            plan.problems.append(f"{relative} is in the way of a register file")
    if manifest is None and foreign:
        plan.problems.append(
            f"{folder} is not a ropa register (it has no {MANIFEST}); --force would replace these files "
            f"ropa did not write: {_listing(foreign)}"
        )
    elif foreign:
        plan.problems.append(f"register files ropa did not write: {_listing(foreign)}")
    if changed:
        plan.problems.append(f"register files changed after ropa wrote them: {_listing(changed)}")
    if plan.problems:
        return plan
    plan.carry = _carried(entries, set(plan.old), new_dirs)
    for relative in _sources(plan):
        if not os.access(folder / relative if relative else folder, os.W_OK | os.X_OK):
            plan.problems.append(
                f"{folder / relative if relative else folder} is read-only; ropa could not move or remove "
                "the files in it"
            )
    return plan


def _carried(entries: Mapping[str, os.stat_result], old: set[str], new_dirs: set[str]) -> list[str]:
    """The entries to move into the new register: whole entries, except folders that hold old files or
    that the new register has too (their content is carried entry by entry)."""
    holds_old = {str(parent) for name in old for parent in PurePosixPath(name).parents if str(parent) != "."}
    split = holds_old | new_dirs
    carry: list[str] = []
    for relative in sorted(entries):
        if relative in old or relative in split:
            continue
        parent = str(PurePosixPath(relative).parent)
        if parent == "." or parent in split:
            carry.append(relative)
    return carry


def _sources(plan: _Plan) -> set[str]:
    """The folders from which entries are moved or removed (they must be writable)."""
    folders = {str(PurePosixPath(name).parent) for name in [*plan.old, *plan.carry]}
    return {"" if name == "." else name for name in folders}


def _listing(names: list[str]) -> str:
    shown = ", ".join(names[:_SHOWN])
    return shown + (f" and {len(names) - _SHOWN} more" if len(names) > _SHOWN else "")


def check_register_folder(folder: str | os.PathLike[str], *, force: bool = False) -> None:
    """Check, without writing anything, that a register may be written to ``folder``.

    Raises:
        ExportError: what :func:`write_register_files` would refuse: ``folder`` is a file; it is not empty
            and ``force`` is not set; or, with ``force``, it holds register files that ropa did not write
            or that changed since (listed), a symbolic link where the register needs a folder, or a
            read-only folder from which old files would have to be removed.
    """
    target = _target(Path(folder))
    plan = _plan(target, {}, force=force)
    _raise_for(plan)


def _raise_for(plan: _Plan) -> None:
    if plan.problems:
        raise ExportError(
            f"{plan.folder}: nothing was written: "
            + "; ".join(plan.problems)
            + ". --force replaces only the files ropa wrote into a register folder and that nobody "
            "changed since; move the other files out of the folder (or commit and delete them), or write "
            "to a new folder."
        )


# --------------------------------------------------------------------------------------------------------
# Writing
# --------------------------------------------------------------------------------------------------------


def _target(folder: Path) -> Path:
    absolute = Path(os.path.abspath(folder))
    if absolute.is_symlink():
        absolute = absolute.resolve()
    if absolute.parent == absolute:
        raise ExportError(f"cannot write a register into {absolute}: choose a folder below it")
    return absolute


def _stage(target: Path) -> Path:
    return target.parent / f".{target.name}{STAGE_SUFFIX}"


def _old(target: Path) -> Path:
    return target.parent / f".{target.name}{_OLD_SUFFIX}"


def write_register_files(
    folder: str | os.PathLike[str], files: Mapping[str, bytes], *, force: bool = False
) -> list[Path]:
    """Write ``files`` (``{relative POSIX path: bytes}`` of the register layout) as the register folder
    ``folder``, replacing the register in it with ``force``; see the module docstring.

    Returns:
        The paths written, in the order of ``files``.

    Raises:
        ExportError: the folder may not be replaced (see :func:`check_register_folder`) or cannot be
            written; nothing was written and the old register is untouched.

    Warns:
        ExportWarning: an interrupted earlier write was repaired, or the old register could not be removed
            completely after the new one was in place.
    """
    for name in files:
        if not LAYOUT.fullmatch(name):
            raise ValueError(f"{name!r} is not a file of the register layout")
    target = _target(Path(folder))
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise ExportError(f"cannot create {target.parent}: {exc.strerror or exc}") from exc
    with _locked(target.parent):
        recover(target)
        plan = _plan(target, files, force=force)
        _raise_for(plan)
        stage = _stage(target)
        carried: list[str] = []
        try:
            _write_stage(stage, files, plan.carry)
            for relative in plan.carry:
                _move(target / relative, stage / relative)
                carried.append(relative)
            _sync_dir(stage)
            swapped = _swap(target, stage, exists=plan.exists)
        except BaseException as exc:
            _undo(target, stage, carried)
            if isinstance(exc, OSError):
                reason = exc.strerror or exc
                raise ExportError(f"cannot write {target}: {reason}; nothing was written") from exc
            raise
        with contextlib.suppress(FileNotFoundError):
            os.unlink(target / _MARKER)
        _sync_dir(target.parent)
        if swapped is not None:
            left = _remove_old(swapped, plan.old)
            if left:
                warnings.warn(
                    f"the new register is in {target}, but the old one could not be removed completely: "
                    f"{swapped} is left ({left}); delete it",
                    ExportWarning,
                    stacklevel=3,
                )
    return [target / name for name in files]


def _write_stage(stage: Path, files: Mapping[str, bytes], carry: list[str]) -> None:
    """The new register in ``stage``: every file synced, then the manifest, then the marker, which lists
    the entries about to be carried over (so that an interrupted write can move them back)."""
    if os.path.lexists(stage):
        raise ExportError(f"{stage} exists; remove it (it is not ropa's) and try again")
    os.mkdir(stage)
    folders = {stage}
    for name, data in [*files.items(), (MANIFEST, _manifest_text(files))]:
        path = stage / name
        if path.parent not in folders:
            path.parent.mkdir(parents=True, exist_ok=True)
            folders.add(path.parent)
        _write_synced(path, data)
    for folder in sorted(folders, key=lambda p: len(p.parts), reverse=True):
        _sync_dir(folder)
    _write_synced(stage / _MARKER, json.dumps(carry).encode("utf-8"))
    _sync_dir(stage)


def _write_synced(path: Path, data: bytes) -> None:
    """A new file, synced; its mode is what ``open()`` gives (0o666 less the umask)."""
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0), 0o666)
    with os.fdopen(fd, "wb") as handle:
        handle.write(data)
        handle.flush()
        os.fsync(handle.fileno())


def _sync_dir(folder: Path) -> None:
    """Make the entries of ``folder`` durable (POSIX; a no-op where folders cannot be opened)."""
    try:
        fd = os.open(folder, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0))
    except OSError:
        return
    try:
        with contextlib.suppress(OSError):
            os.fsync(fd)
    finally:
        os.close(fd)


def _move(source: Path, destination: Path) -> None:
    destination.parent.mkdir(parents=True, exist_ok=True)
    if os.path.lexists(destination):
        raise OSError(errno.EEXIST, "exists", str(destination))
    os.rename(source, destination)


def _swap(target: Path, stage: Path, *, exists: bool) -> Path | None:
    """Put ``stage`` in ``target``'s place; return where the old folder went (``None``: there was none)."""
    if not exists:
        os.rename(stage, target)
        return None
    if _exchange(target, stage):
        return stage
    old = _old(target)
    os.rename(target, old)
    try:
        os.rename(stage, target)
    except BaseException:
        os.rename(old, target)
        raise
    return old


_RENAME_EXCHANGE = 2
_AT_FDCWD = -100


def _exchange(first: Path, second: Path) -> bool:
    """Swap two paths in one step (Linux ``renameat2``); False where that is not supported."""
    if not sys.platform.startswith("linux"):
        return False
    try:
        function = ctypes.CDLL(None, use_errno=True).renameat2
    except (AttributeError, OSError):
        return False
    function.argtypes = [ctypes.c_int, ctypes.c_char_p, ctypes.c_int, ctypes.c_char_p, ctypes.c_uint]
    function.restype = ctypes.c_int
    if function(_AT_FDCWD, os.fsencode(first), _AT_FDCWD, os.fsencode(second), _RENAME_EXCHANGE) == 0:
        return True
    error = ctypes.get_errno()
    if error in (errno.ENOSYS, errno.EINVAL, errno.EOPNOTSUPP):
        return False
    raise OSError(error, os.strerror(error), str(first))


def _undo(target: Path, stage: Path, carried: list[str]) -> None:
    """After a failure before the swap: move carried entries back, remove the stage."""
    for relative in reversed(carried):
        with contextlib.suppress(OSError):
            _move(stage / relative, target / relative)
    _remove_stage(stage)


def _remove_stage(stage: Path) -> str:
    """Remove a stage (or an old register) that holds only what ropa wrote; return what was left."""
    if not os.path.lexists(stage):
        return ""
    try:
        entries = dict(_walk(stage))
    except ExportError as exc:
        return str(exc)
    ours = [
        relative
        for relative, info in entries.items()
        if not stat.S_ISDIR(info.st_mode) and (LAYOUT.fullmatch(relative) or relative in (MANIFEST, _MARKER))
    ]
    return _remove_old(stage, ours)


def _remove_old(folder: Path, files: list[str]) -> str:
    """Remove ``files`` from ``folder``, then its empty folders and itself; return what is left."""
    problems: list[str] = []
    for relative in files:
        try:
            os.unlink(folder / relative)
        except FileNotFoundError:
            pass
        except OSError as exc:
            problems.append(f"{relative}: {exc.strerror or exc}")
    for current, _dirs, _names in sorted(os.walk(folder, topdown=False), key=lambda t: -len(t[0])):
        with contextlib.suppress(OSError):
            os.rmdir(current)
    if os.path.lexists(folder):
        remaining = sum(1 for _ in _safe_walk(folder))
        problems.append(f"{remaining} entries ropa did not write or could not remove")
    return "; ".join(problems)


def _safe_walk(folder: Path) -> Iterator[str]:
    with contextlib.suppress(ExportError):
        for relative, _ in _walk(folder):
            yield relative


# --------------------------------------------------------------------------------------------------------
# Repairing an interrupted write
# --------------------------------------------------------------------------------------------------------


def recover(folder: str | os.PathLike[str]) -> str | None:
    """Finish or undo a write into ``folder`` that was interrupted (killed, power cut); say what was done.

    - The stage was complete and the old folder had been moved aside: the stage becomes the folder.
    - The swap had happened: the old register (in the stage's or the old folder's place) is removed.
    - The swap had not happened: the entries carried into the stage go back into the folder (the marker
      in the stage lists them); the stage is removed.

    Returns:
        A sentence for the user (also emitted as an :class:`~ropa.errors.ExportWarning`), or ``None`` when
        there was nothing to repair.

    Raises:
        ExportError: a leftover folder holds files ropa did not write; it is left alone.
    """
    target = _target(Path(folder))
    stage, old = _stage(target), _old(target)
    if not (os.path.lexists(stage) or os.path.lexists(old) or os.path.lexists(target / _MARKER)):
        return None
    done: list[str] = []
    try:
        if not os.path.lexists(target) and os.path.lexists(stage / _MARKER):
            os.rename(stage, target)
            done.append("the new register, which was complete, was moved into place")
        if os.path.lexists(target / _MARKER):
            os.unlink(target / _MARKER)
            done.append("the new register was in place")
        elif os.path.lexists(stage / _MARKER):
            moved = 0
            for relative in _carried_list(stage):
                if os.path.lexists(stage / relative) and not os.path.lexists(target / relative):
                    _move(stage / relative, target / relative)
                    moved += 1
            done.append(f"the new register was discarded and {moved} of your files were moved back")
    except OSError as exc:
        raise ExportError(f"cannot repair an interrupted write into {target}: {exc.strerror or exc}") from exc
    for leftover in (stage, old):
        left = _remove_stage(leftover)
        if left:
            raise ExportError(
                f"an interrupted write into {target} left {leftover}, which holds files ropa did not write "
                f"or cannot remove ({left}); look at it, move what you need, delete it and try again"
            )
    message = f"repaired an interrupted write into {target}: " + "; ".join(
        done or ["the old register was removed"]
    )
    warnings.warn(message, ExportWarning, stacklevel=3)
    return message


def _carried_list(stage: Path) -> list[str]:
    """The entries the marker says were (to be) carried into the stage."""
    try:
        data = json.loads((stage / _MARKER).read_bytes() or b"[]")
    except (OSError, ValueError):
        return []
    if not isinstance(data, list):
        return []
    return [
        item
        for item in data
        if isinstance(item, str) and item and not item.startswith("/") and ".." not in item.split("/")
    ]


@contextlib.contextmanager
def _locked(folder: Path) -> Iterator[None]:
    """Serialise writers of registers in ``folder`` (POSIX ``flock``; nothing where it is missing)."""
    try:
        import fcntl
    except ImportError:  # pragma: no cover - Windows
        yield
        return
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        yield
        return
    try:
        with contextlib.suppress(OSError):
            fcntl.flock(fd, fcntl.LOCK_EX)
        yield
    finally:
        os.close(fd)
