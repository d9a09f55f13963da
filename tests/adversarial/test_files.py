"""Hostile and broken file systems: empty folders, loops, unreadable files, pipes and devices.

A register folder is read with ``os.walk`` without following symlinked folders; every YAML file that
cannot be read is an IO-001 diagnostic and the CLI exits 2. Nothing hangs, nothing reads without end.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Callable
from pathlib import Path

import pytest

import ropa

from ._helpers import CliRun, deadline, run_cli, unprivileged_prefix

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


@pytest.mark.parametrize("build", [_empty, _no_yaml, _only_hidden, _dir_named_yaml, _folder_symlink_loop])
def test_folder_without_register_files(tmp_path: Path, build: Callable[[Path], None]) -> None:
    root = tmp_path / "register"
    build(root)
    with deadline(10):
        result = ropa.load(root)
    assert _codes(result) == [("IO-002", None)]
    run = run_cli("validate", root, timeout=30)
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


def test_file_symlink_loop_in_a_folder(tmp_path: Path) -> None:
    (tmp_path / "a.yaml").write_bytes(VALID)
    (tmp_path / "self.yaml").symlink_to("self.yaml")
    (tmp_path / "ping.yaml").symlink_to("pong.yaml")
    (tmp_path / "pong.yaml").symlink_to("ping.yaml")
    result = ropa.load(tmp_path)
    assert sorted(_codes(result)) == [
        ("IO-001", "ping.yaml"),
        ("IO-001", "pong.yaml"),
        ("IO-001", "self.yaml"),
    ]
    assert [a.id for a in result.register.activities or []] == ["a"]  # the readable file still loads
    run = run_cli("validate", tmp_path, timeout=30)
    run.assert_handled(2)
    for name in ("self.yaml", "ping.yaml", "pong.yaml"):
        assert _io_lines(run, "IO-001", name)


def test_broken_symlink_in_a_folder(tmp_path: Path) -> None:
    (tmp_path / "gone.yaml").symlink_to("nowhere.yaml")
    result = ropa.load(tmp_path)
    assert _codes(result) == [("IO-001", "gone.yaml")]
    run = run_cli("validate", tmp_path, timeout=30)
    run.assert_handled(2)
    assert _io_lines(run, "IO-001", "gone.yaml")


def test_symlink_loop_given_as_the_path(tmp_path: Path) -> None:
    loop = tmp_path / "self.yaml"
    loop.symlink_to("self.yaml")
    with pytest.raises(FileNotFoundError):
        ropa.load(loop)


def test_symlink_loop_given_as_the_path_through_the_cli(tmp_path: Path) -> None:
    loop = tmp_path / "self.yaml"
    loop.symlink_to("self.yaml")
    run = run_cli("validate", loop, timeout=30)
    run.assert_handled(2)
    assert "self.yaml" in run.stderr


def test_missing_path(tmp_path: Path) -> None:
    run = run_cli("validate", tmp_path / "nope", timeout=30)
    run.assert_handled(2)
    assert "nope" in run.stderr


def test_named_pipe_does_not_hang(tmp_path: Path) -> None:
    (tmp_path / "a.yaml").write_bytes(VALID)
    os.mkfifo(tmp_path / "pipe.yaml")
    with deadline(10):
        result = ropa.load(tmp_path)
    assert _codes(result) == [("IO-001", "pipe.yaml")]
    assert [a.id for a in result.register.activities or []] == ["a"]
    run = run_cli("validate", tmp_path, timeout=20)
    run.assert_handled(2)
    assert _io_lines(run, "IO-001", "pipe.yaml")
    run = run_cli("validate", tmp_path / "pipe.yaml", timeout=20)
    run.assert_handled(2)


@pytest.mark.skipif(not Path("/dev/zero").exists(), reason="needs /dev/zero")
def test_endless_device_is_not_read(tmp_path: Path) -> None:
    (tmp_path / "zero.yaml").symlink_to("/dev/zero")
    with deadline(10):
        result = ropa.load(tmp_path)
    assert _codes(result) == [("IO-001", "zero.yaml")]
    run = run_cli("validate", tmp_path, timeout=20)
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
    original = Path.read_bytes

    def read_bytes(self: Path) -> bytes:
        if self.name == "secret.yaml":
            raise PermissionError(13, "Permission denied", str(self))
        return original(self)

    monkeypatch.setattr(Path, "read_bytes", read_bytes)
    result = ropa.load(tmp_path)
    assert _codes(result) == [("IO-001", "secret.yaml")]
    assert [a.id for a in result.register.activities or []] == ["a"]
