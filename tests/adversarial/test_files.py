"""Hostile and broken file systems: empty folders, loops, unreadable files, pipes and devices.

A register folder is read with ``os.walk`` without following symlinked folders; every YAML file that
cannot be read is an IO-001 diagnostic and the CLI exits 2. Nothing hangs, nothing reads without end.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

import ropa

from ._helpers import CliRun, deadline, run_cli, run_cli_batch, unprivileged_prefix

VALID = b"activities:\n  - {id: a, name: A}\n"


def _codes(result: ropa.LoadResult) -> list[tuple[str, str | None]]:
    return [(d.code, d.location.file) for d in result.diagnostics]


def _io_lines(run: CliRun, code: str, file: str) -> list[str]:
    return run.lines_with(file, None, code)


# --- folders without register files -------------------------------------------------------------


def _empty(root: Path) -> None:
    root.mkdir()


def _no_yaml(root: Path) -> None:
    root.mkdir()
    (root / "README.md").write_text("# not a register\n")
    (root / "data.json").write_text("{}\n")
    (root / "register.yaml.bak").write_bytes(VALID)


def _only_hidden(root: Path) -> None:
    root.mkdir()
    (root / ".draft.yaml").write_bytes(VALID)
    (root / ".git").mkdir()
    (root / ".git" / "x.yaml").write_bytes(VALID)


def _dir_named_yaml(root: Path) -> None:
    (root / "x.yaml").mkdir(parents=True)


def _folder_symlink_loop(root: Path) -> None:
    root.mkdir()
    (root / "loop").symlink_to(root, target_is_directory=True)
    (root / "sub").mkdir()
    (root / "sub" / "up").symlink_to("..", target_is_directory=True)


def _loop_files(root: Path) -> Path:
    root.mkdir()
    (root / "a.yaml").write_bytes(VALID)
    (root / "self.yaml").symlink_to("self.yaml")
    (root / "ping.yaml").symlink_to("pong.yaml")
    (root / "pong.yaml").symlink_to("ping.yaml")
    return root


def _broken_link(root: Path) -> Path:
    root.mkdir()
    (root / "gone.yaml").symlink_to("nowhere.yaml")
    return root


def _loop_as_path(root: Path) -> Path:
    root.mkdir()
    (root / "self.yaml").symlink_to("self.yaml")
    return root / "self.yaml"


def _missing(root: Path) -> Path:
    return root / "nope"


def _pipe(root: Path) -> Path:
    root.mkdir()
    (root / "a.yaml").write_bytes(VALID)
    os.mkfifo(root / "pipe.yaml")
    return root


def _zero(root: Path) -> Path:
    root.mkdir()
    (root / "zero.yaml").symlink_to("/dev/zero")
    return root


def _built(build: Callable[[Path], None]) -> Callable[[Path], Path]:
    def make(root: Path) -> Path:
        build(root)
        return root

    return make


TREES: dict[str, Callable[[Path], Path]] = {
    "empty": _built(_empty),
    "no-yaml": _built(_no_yaml),
    "only-hidden": _built(_only_hidden),
    "dir-named-yaml": _built(_dir_named_yaml),
    "folder-symlink-loop": _built(_folder_symlink_loop),
    "file-symlink-loops": _loop_files,
    "broken-symlink": _broken_link,
    "symlink-loop-as-path": _loop_as_path,
    "missing-path": _missing,
    "named-pipe": _pipe,
}
if Path("/dev/zero").exists():
    TREES["dev-zero"] = _zero


@pytest.fixture(scope="module")
def trees(tmp_path_factory: pytest.TempPathFactory) -> dict[str, tuple[Path, CliRun]]:
    """Every tree, and ``ropa validate PATH`` on each, in one measured process (see run_cli_batch)."""
    paths = {name: make(tmp_path_factory.mktemp(name) / "register") for name, make in TREES.items()}
    runs = run_cli_batch([["validate", path] for path in paths.values()], timeout=120)
    return {name: (paths[name], run) for name, run in zip(paths, runs, strict=True)}


@pytest.mark.parametrize("name", ["empty", "no-yaml", "only-hidden", "dir-named-yaml", "folder-symlink-loop"])
def test_folder_without_register_files(trees: dict[str, tuple[Path, CliRun]], name: str) -> None:
    path, run = trees[name]
    with deadline(10):
        result = ropa.load(path)
    assert _codes(result) == [("IO-002", None)]
    run.assert_handled(2)
    assert "IO-002" in run.stdout


def test_folder_symlink_loop_next_to_a_register_file(tmp_path: Path) -> None:
    (tmp_path / "a.yaml").write_bytes(VALID)
    (tmp_path / "loop").symlink_to(tmp_path, target_is_directory=True)
    with deadline(10):
        result = ropa.load(tmp_path)
    assert result.diagnostics == ()
    assert result.files == ("a.yaml",)


def test_directory_named_like_a_yaml_file_holding_a_register(tmp_path: Path) -> None:
    folder = tmp_path / "x.yaml"
    folder.mkdir()
    (folder / "a.yaml").write_bytes(VALID)
    result = ropa.load(tmp_path)
    assert result.files == ("x.yaml/a.yaml",)
    assert result.diagnostics == ()
    # given directly, the directory is the register folder
    assert ropa.load(folder).files == ("a.yaml",)


# --- files that cannot be read ----------------------------------------------------------------


def test_file_symlink_loop_in_a_folder(trees: dict[str, tuple[Path, CliRun]]) -> None:
    path, run = trees["file-symlink-loops"]
    result = ropa.load(path)
    assert sorted(_codes(result)) == [
        ("IO-001", "ping.yaml"),
        ("IO-001", "pong.yaml"),
        ("IO-001", "self.yaml"),
    ]
    assert [a.id for a in result.register.activities or []] == ["a"]  # the readable file still loads
    run.assert_handled(2)
    for name in ("self.yaml", "ping.yaml", "pong.yaml"):
        assert _io_lines(run, "IO-001", name)


def test_broken_symlink_in_a_folder(trees: dict[str, tuple[Path, CliRun]]) -> None:
    path, run = trees["broken-symlink"]
    assert _codes(ropa.load(path)) == [("IO-001", "gone.yaml")]
    run.assert_handled(2)
    assert _io_lines(run, "IO-001", "gone.yaml")


def test_symlink_loop_given_as_the_path(trees: dict[str, tuple[Path, CliRun]]) -> None:
    path, run = trees["symlink-loop-as-path"]
    with pytest.raises(FileNotFoundError):
        ropa.load(path)
    run.assert_handled(2)
    assert "self.yaml" in run.stderr


def test_missing_path(trees: dict[str, tuple[Path, CliRun]]) -> None:
    path, run = trees["missing-path"]
    with pytest.raises(FileNotFoundError):
        ropa.load(path)
    run.assert_handled(2)
    assert "nope" in run.stderr


def test_named_pipe_does_not_hang(trees: dict[str, tuple[Path, CliRun]]) -> None:
    path, run = trees["named-pipe"]
    with deadline(10):
        result = ropa.load(path)
    assert _codes(result) == [("IO-001", "pipe.yaml")]
    assert [a.id for a in result.register.activities or []] == ["a"]
    with deadline(10):
        result = ropa.load(path / "pipe.yaml")  # given directly, too
    assert _codes(result) == [("IO-001", "pipe.yaml")]
    run.assert_handled(2)
    assert _io_lines(run, "IO-001", "pipe.yaml")


@pytest.mark.skipif("dev-zero" not in TREES, reason="needs /dev/zero")
def test_endless_device_is_not_read(trees: dict[str, tuple[Path, CliRun]]) -> None:
    path, run = trees["dev-zero"]
    with deadline(10):
        result = ropa.load(path)
    assert _codes(result) == [("IO-001", "zero.yaml")]
    run.assert_handled(2)
    assert run.max_rss_mb < 200


def test_unreadable_file(tmp_path: Path) -> None:
    prefix = unprivileged_prefix()
    (tmp_path / "a.yaml").write_bytes(VALID)
    secret = tmp_path / "secret.yaml"
    secret.write_bytes(VALID.replace(b"id: a", b"id: b"))
    secret.chmod(0)
    try:
        run = run_cli("validate", tmp_path, timeout=30, prefix=prefix)
        run.assert_handled(2)
        assert _io_lines(run, "IO-001", "secret.yaml")
        run = run_cli("validate", secret, timeout=30, prefix=prefix)
        run.assert_handled(2)
        assert _io_lines(run, "IO-001", "secret.yaml")
    finally:
        secret.chmod(stat.S_IRUSR | stat.S_IWUSR)


def test_unreadable_folder(tmp_path: Path) -> None:
    prefix = unprivileged_prefix()
    (tmp_path / "a.yaml").write_bytes(VALID)
    locked = tmp_path / "locked"
    locked.mkdir()
    (locked / "b.yaml").write_bytes(VALID)
    locked.chmod(0)
    try:
        run = run_cli("validate", tmp_path, timeout=30, prefix=prefix)
        run.assert_handled(2)
        assert _io_lines(run, "IO-001", "locked")
    finally:
        locked.chmod(stat.S_IRWXU)


def test_unreadable_file_through_the_library(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The same, in-process: a read that fails with EACCES becomes IO-001 for that file only."""
    (tmp_path / "a.yaml").write_bytes(VALID)
    (tmp_path / "secret.yaml").write_bytes(VALID)
    original = open

    def open_(file: Any, *args: Any, **kwargs: Any) -> Any:
        if Path(file).name == "secret.yaml":
            raise PermissionError(13, "Permission denied", str(file))
        return original(file, *args, **kwargs)

    # the loader reads with the built-in open (root may read anything: chmod cannot make it fail here)
    monkeypatch.setattr("ropa.loading.loader.open", open_, raising=False)
    result = ropa.load(tmp_path)
    assert _codes(result) == [("IO-001", "secret.yaml")]
    assert [a.id for a in result.register.activities or []] == ["a"]
