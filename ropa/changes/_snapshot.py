"""A register as it was at some point: a folder, a file, or a git revision, read with git itself.

:func:`load_revision` reads the files of a register at a git revision with ``git ls-tree`` and
``git cat-file --batch``: the working tree, the index and the repository's refs are never touched, so it is
safe in a pre-commit hook, in CI and on a dirty checkout. The contents go to
:func:`ropa.loading.loader.load_files` under their paths relative to the register, so diagnostics point at
the same files and lines as for the working tree.
"""

from __future__ import annotations

import os
import subprocess
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

from ropa.errors import RevisionError
from ropa.loading.loader import YAML_SUFFIXES, LoadResult, load, load_files
from ropa.models import Register

__all__ = ["WORKING_TREE", "Snapshot", "load_revision", "snapshot_of"]

WORKING_TREE = "working tree"
"""The label of a register read from the files on disk."""

_GIT_ENV_DROP = ("GIT_DIR", "GIT_WORK_TREE", "GIT_INDEX_FILE", "GIT_NAMESPACE", "GIT_PREFIX")
"""Variables a calling git (a hook) may set that would make git look elsewhere than the path given."""


@dataclass(frozen=True)
class Snapshot:
    """A register at one point in time, with where it came from.

    Attributes:
        result: what was loaded; an empty register when the register did not exist.
        label: how to name it to people: the revision as given (``origin/main``), ``working tree``, or
            the path.
        revision: the full commit hash for a git revision; ``None`` otherwise.
        exists: False when there was no register there (no such folder or file, or no YAML files in it).
        path: the register path as given (a folder or one file), used to show file names; ``None`` for a
            register built in memory.
        is_file: True when the register is one file rather than a folder.
        skipped: files under the register that were not read (symbolic links and submodules at a git
            revision), as POSIX paths relative to the register.
    """

    result: LoadResult
    label: str
    revision: str | None = None
    exists: bool = True
    path: str | None = None
    is_file: bool = False
    skipped: tuple[str, ...] = field(default=())

    @property
    def register(self) -> Register:
        """The register (empty when it did not exist)."""
        return self.result.register


def _empty() -> LoadResult:
    return LoadResult(register=Register())


def snapshot_of(source: str | os.PathLike[str] | Register | LoadResult | Snapshot) -> Snapshot:
    """A :class:`Snapshot` of a path (the files on disk), a register, a load result or a snapshot.

    Raises:
        FileNotFoundError: a path that does not exist.
    """
    if isinstance(source, Snapshot):
        return source
    if isinstance(source, Register):
        return Snapshot(LoadResult(register=source), label="register")
    if isinstance(source, LoadResult):
        root = source.root
        if root is None:
            return Snapshot(source, label="register")
        return Snapshot(source, label=root.as_posix(), path=root.as_posix(), is_file=root.is_file())
    path = Path(source)
    result = load(path)
    return Snapshot(result, label=path.as_posix(), path=path.as_posix(), is_file=path.is_file())


def load_revision(path: str | os.PathLike[str], revision: str | None = None) -> Snapshot:
    """The register at ``path`` as it was at a git ``revision``, or in the working tree (``None``).

    ``path`` is the register's path in the working tree (a folder or one YAML file), as for
    :func:`ropa.load`; it need not exist there any more. At a revision where it did not exist, or held no
    YAML files, the snapshot is empty with ``exists`` False.

    Args:
        path: the register folder or file.
        revision: anything ``git rev-parse`` understands (``origin/main``, ``HEAD~3``, ``v1.2``, a hash);
            ``None`` for the files on disk.

    Raises:
        RevisionError: git is not installed, ``path`` is not inside a git repository, or the revision is
            unknown.
    """
    given = Path(path)
    shown = given.as_posix()
    if revision is None:
        if not given.exists():
            return Snapshot(_empty(), label=WORKING_TREE, exists=False, path=shown)
        result = load(given)
        return Snapshot(result, label=WORKING_TREE, path=shown, is_file=given.is_file())
    if not revision or revision.startswith("-"):
        raise RevisionError(f"'{revision}' is not a revision; name a branch, tag or commit")
    absolute = Path(os.path.abspath(given))
    top = _toplevel(absolute)
    try:
        inside = PurePosixPath(Path(os.path.realpath(absolute)).relative_to(Path(os.path.realpath(top))))
    except ValueError:
        raise RevisionError(f"{shown} is outside the git repository at {top}") from None
    commit = _git(top, "rev-parse", "--verify", "--quiet", "--end-of-options", f"{revision}^{{commit}}")
    if commit is None:
        raise RevisionError(f"unknown revision '{revision}' in the git repository at {top}")
    sha = commit.decode("ascii").strip()
    entries = _ls_tree(top, sha, inside)
    is_file = len(entries) == 1 and entries[0][3] == inside
    files: dict[str, str] = {}
    skipped: list[str] = []
    for mode, kind, obj, name in entries:
        relative = name.name if is_file else name.relative_to(inside).as_posix()
        if not is_file and (
            not name.name.endswith(YAML_SUFFIXES) or any(part.startswith(".") for part in relative.split("/"))
        ):
            continue
        if kind != "blob" or mode == "120000":  # a symbolic link or a submodule: nothing to read here
            skipped.append(relative)
            continue
        files[relative] = obj
    if not files:
        return Snapshot(
            _empty(), label=revision, revision=sha, exists=False, path=shown, skipped=tuple(skipped)
        )
    contents = _cat_blobs(top, files)
    return Snapshot(
        load_files(contents),
        label=revision,
        revision=sha,
        path=shown,
        is_file=is_file,
        skipped=tuple(skipped),
    )


def _environment() -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in _GIT_ENV_DROP}
    env["GIT_OPTIONAL_LOCKS"] = "0"  # never take the index lock, not even to refresh it
    env["LC_ALL"] = "C"
    return env


def _git(cwd: Path, *args: str, stdin: bytes | None = None) -> bytes | None:
    """The standard output of ``git args`` run in ``cwd``; ``None`` when git exits non-zero."""
    try:
        done = subprocess.run(
            ["git", "--literal-pathspecs", "-c", "core.quotepath=off", *args],
            cwd=cwd,
            input=stdin,
            capture_output=True,
            env=_environment(),
            check=False,
        )
    except FileNotFoundError:
        raise RevisionError(
            "git is not installed (or not on PATH); it is needed to read a revision"
        ) from None
    except OSError as exc:
        raise RevisionError(f"cannot run git: {exc.strerror or exc}") from exc
    return done.stdout if done.returncode == 0 else None


def _toplevel(absolute: Path) -> Path:
    start = absolute
    while not start.is_dir():
        if start.parent == start:
            break
        start = start.parent
    out = _git(start, "rev-parse", "--show-toplevel")
    if out is None:
        raise RevisionError(f"{absolute} is not inside a git repository")
    return Path(out.decode("utf-8", "surrogateescape").rstrip("\n"))


def _ls_tree(top: Path, sha: str, inside: PurePosixPath) -> list[tuple[str, str, str, PurePosixPath]]:
    """``(mode, type, object, path)`` of every entry at or below ``inside``, recursively."""
    spec = inside.as_posix()
    out = _git(top, "ls-tree", "-r", "-z", "--full-tree", sha, "--", spec)
    if out is None:
        raise RevisionError(f"git could not list {spec} at {sha}")
    entries = []
    for record in out.split(b"\0"):
        if not record:
            continue
        meta, _, raw_name = record.partition(b"\t")
        mode, kind, obj = meta.decode("ascii").split(" ")
        entries.append((mode, kind, obj, PurePosixPath(raw_name.decode("utf-8", "surrogateescape"))))
    return entries


def _cat_blobs(top: Path, objects: dict[str, str]) -> dict[str, bytes]:
    """The contents of the blobs, by name, read in one ``git cat-file --batch``."""
    names: Sequence[str] = list(objects)
    request = "".join(f"{objects[name]}\n" for name in names).encode("ascii")
    out = _git(top, "cat-file", "--batch", stdin=request)
    if out is None:
        raise RevisionError("git could not read the register files")
    contents: dict[str, bytes] = {}
    position = 0
    for name in names:
        header_end = out.index(b"\n", position)
        header = out[position:header_end].decode("ascii").split(" ")
        if len(header) != 3:
            raise RevisionError(f"git could not read {name}: {' '.join(header)}")
        size = int(header[2])
        start = header_end + 1
        contents[name] = out[start : start + size]
        position = start + size + 1  # the content is followed by a newline
    return contents
