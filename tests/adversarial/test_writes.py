"""Interrupted and failing writes: the previous export survives, no partial file and no temporary file
is left behind, and two exports racing to one path leave one complete output.

``ropa.export.write`` writes to a temporary file beside the target, fsyncs it and renames it over the
target. These tests break every step: a full disk in the middle of the data, at fsync and at rename, a
read-only folder, a target that is a folder, a process killed with SIGKILL, and a concurrent writer.
"""

from __future__ import annotations

import contextlib
import errno
import json
import os
import shutil
import signal
import stat
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import BinaryIO

import pytest

from ropa.errors import ExportError
from ropa.export import write as write_module
from ropa.export.write import write_atomic, write_atomic_with

from ._helpers import REPO, unprivileged_prefix

OLD = b'{"previous": "export"}\n'


def _leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.endswith(".tmp"))


def _full_disk_after(nbytes: int) -> Callable[[BinaryIO], None]:
    def writer(handle: BinaryIO) -> None:
        handle.write(b"x" * nbytes)
        raise OSError(errno.ENOSPC, "No space left on device")

    return writer


@pytest.mark.parametrize("previous", [True, False], ids=["previous-file", "no-previous-file"])
def test_full_disk_in_the_middle_of_the_data(tmp_path: Path, previous: bool) -> None:
    target = tmp_path / "register.json"
    if previous:
        target.write_bytes(OLD)
    with pytest.raises(ExportError, match="No space left on device"):
        write_atomic_with(target, _full_disk_after(1_000_000))
    assert (target.read_bytes() == OLD) if previous else not target.exists()
    assert _leftovers(tmp_path) == []


@pytest.mark.parametrize("step", ["fsync", "replace", "chmod"])
def test_failure_at_each_later_step(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, step: str) -> None:
    target = tmp_path / "register.json"
    target.write_bytes(OLD)
    codes = {"fsync": errno.ENOSPC, "replace": errno.EXDEV, "chmod": errno.EPERM}

    def failing(*args: object, **kwargs: object) -> None:
        raise OSError(codes[step], os.strerror(codes[step]))

    monkeypatch.setattr(write_module.os, step, failing)
    with pytest.raises(ExportError, match=os.strerror(codes[step])):
        write_atomic(target, b'{"new": "export"}\n')
    assert target.read_bytes() == OLD
    assert _leftovers(tmp_path) == []


@pytest.mark.parametrize("error", [RuntimeError("bug in a writer"), KeyboardInterrupt()])
def test_writer_exceptions_propagate_and_clean_up(tmp_path: Path, error: BaseException) -> None:
    target = tmp_path / "register.json"
    target.write_bytes(OLD)

    def writer(handle: BinaryIO) -> None:
        handle.write(b"partial")
        raise error

    with pytest.raises(type(error)):
        write_atomic_with(target, writer)
    assert target.read_bytes() == OLD
    assert _leftovers(tmp_path) == []


def test_read_only_folder_simulated(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "register.json"
    target.write_bytes(OLD)

    def mkstemp(*args: object, **kwargs: object) -> tuple[int, str]:
        raise PermissionError(errno.EACCES, "Permission denied", str(tmp_path))

    monkeypatch.setattr(write_module.tempfile, "mkstemp", mkstemp)
    with pytest.raises(ExportError, match="Permission denied"):
        write_atomic(target, b"new")
    assert target.read_bytes() == OLD


_WRITE_ONE = r"""
import sys
from pathlib import Path
from ropa.errors import ExportError
from ropa.export.write import write_atomic
try:
    write_atomic(Path(sys.argv[1]), b"new export\n")
except ExportError as exc:
    print("ExportError:", exc)
    sys.exit(2)
"""


def _python(code: str, *args: str, prefix: list[str] | None = None) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, PYTHONPATH=str(REPO))
    return subprocess.run(
        [*(prefix or []), sys.executable, "-c", code, *args],
        capture_output=True,
        text=True,
        timeout=60,
        env=env,
        check=False,
    )


def test_read_only_folder_for_real(tmp_path: Path) -> None:
    prefix = unprivileged_prefix()
    folder = tmp_path / "out"
    folder.mkdir()
    target = folder / "register.json"
    target.write_bytes(OLD)
    folder.chmod(stat.S_IRUSR | stat.S_IXUSR)
    try:
        done = _python(_WRITE_ONE, str(target), prefix=prefix)
        assert done.returncode == 2, done.stderr
        assert "Permission denied" in done.stdout
        assert "Traceback" not in done.stderr
    finally:
        folder.chmod(stat.S_IRWXU)
    assert target.read_bytes() == OLD
    assert _leftovers(folder) == []


def test_target_is_a_folder(tmp_path: Path) -> None:
    target = tmp_path / "register.json"
    target.mkdir()
    (target / "keep").write_bytes(b"keep")
    with pytest.raises(ExportError):
        write_atomic(target, b"new")
    assert (target / "keep").read_bytes() == b"keep"
    assert _leftovers(tmp_path) == []


def test_parent_is_a_file(tmp_path: Path) -> None:
    (tmp_path / "file").write_bytes(b"a file")
    with pytest.raises(ExportError):
        write_atomic(tmp_path / "file" / "register.json", b"new")
    assert (tmp_path / "file").read_bytes() == b"a file"


def test_mode_of_an_existing_file_is_kept(tmp_path: Path) -> None:
    target = tmp_path / "register.json"
    target.write_bytes(OLD)
    target.chmod(0o600)
    write_atomic(target, b"new")
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    assert target.read_bytes() == b"new"


_WRITE_WITH_UMASK = r"""
import os, stat, sys
from pathlib import Path
from ropa.export.write import write_atomic
os.umask(int(sys.argv[2], 8))
path = write_atomic(Path(sys.argv[1]), b"new")
print(oct(stat.S_IMODE(path.stat().st_mode)))
"""


@pytest.mark.parametrize(("umask", "mode"), [("077", "0o600"), ("027", "0o640"), ("022", "0o644")])
def test_a_new_file_respects_the_umask(tmp_path: Path, umask: str, mode: str) -> None:
    """An export holds the register: with umask 077 nobody else may read it (as with any other file)."""
    done = _python(_WRITE_WITH_UMASK, str(tmp_path / "register.json"), umask)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == mode


# --- a real full disk ----------------------------------------------------------------------------

_FULL_TMPFS = r"""
set -e
mount -t tmpfs -o size=64k tmpfs "$1"
printf '{"previous": "export"}\n' > "$1/register.json"
"$2" -c '
import json, os, sys
from pathlib import Path
import ropa
from ropa.errors import ExportError
from ropa.models import Register
folder = Path(sys.argv[1])
register = Register.model_validate({"activities": [{"id": f"a{i}", "name": "x" * 200} for i in range(1000)]})
try:
    ropa.export_json(register, folder / "register.json")
    outcome = "written"
except ExportError as exc:
    outcome = "ExportError: " + str(exc)
print(json.dumps({
    "outcome": outcome,
    "content": (folder / "register.json").read_text(),
    "files": sorted(os.listdir(folder)),
}))
' "$1"
"""


def test_a_real_full_disk(tmp_path: Path) -> None:
    """A 64 KB tmpfs in a private mount namespace (needs root and unshare; skipped otherwise)."""
    unshare = shutil.which("unshare")
    if os.geteuid() != 0 or unshare is None:
        pytest.skip("a private tmpfs needs root and unshare(1)")
    mount_point = tmp_path / "small"
    mount_point.mkdir()
    env = dict(os.environ, PYTHONPATH=str(REPO))
    done = subprocess.run(
        [
            unshare,
            "--mount",
            "--propagation",
            "private",
            "sh",
            "-c",
            _FULL_TMPFS,
            "sh",
            str(mount_point),
            sys.executable,
        ],
        capture_output=True,
        text=True,
        timeout=60,
        env=env,
        check=False,
    )
    if done.returncode != 0 and ("mount" in done.stderr or "unshare" in done.stderr):
        pytest.skip(f"cannot mount a tmpfs here: {done.stderr.strip()}")
    assert done.returncode == 0, done.stderr
    seen = json.loads(done.stdout)
    assert seen["outcome"].startswith("ExportError: "), seen
    assert "No space left on device" in seen["outcome"]
    assert seen["content"] == OLD.decode()
    assert seen["files"] == ["register.json"]


# --- killed in the middle ------------------------------------------------------------------------

_SLOW_WRITER = r"""
import sys, time
from pathlib import Path
from ropa.export.write import write_atomic_with

def writer(handle):
    handle.write(b"new, incomplete export " * 10_000)
    handle.flush()
    print("writing", flush=True)
    time.sleep(60)

write_atomic_with(Path(sys.argv[1]), writer)
"""


def test_sigkill_while_writing_keeps_the_previous_file(tmp_path: Path) -> None:
    target = tmp_path / "register.json"
    target.write_bytes(OLD)
    env = dict(os.environ, PYTHONPATH=str(REPO))
    child = subprocess.Popen(
        [sys.executable, "-c", _SLOW_WRITER, str(target)], stdout=subprocess.PIPE, text=True, env=env
    )
    try:
        assert child.stdout is not None
        assert child.stdout.readline().strip() == "writing"
        child.send_signal(signal.SIGKILL)
        child.wait(timeout=30)
        child.stdout.close()
    finally:
        if child.poll() is None:
            child.kill()
            child.wait()
    assert child.returncode == -signal.SIGKILL
    assert target.read_bytes() == OLD
    # A killed process cannot remove its temporary file; it is hidden and named after the target.
    assert all(name.startswith(".register.json.") for name in _leftovers(tmp_path))


_EXPORT_LOOP = r"""
import sys
from pathlib import Path
import ropa
from ropa.models import Register

kind, target = sys.argv[1], Path(sys.argv[2])
activities = [
    {"id": f"a{i}", "name": f"Activity {i}", "description": "d" * 300, "systems": ["s1", "s2"]}
    for i in range(int(sys.argv[3]))
]
register = Register.model_validate({"organisation": {"name": "X"}, "activities": activities})
print("ready", flush=True)
while True:
    if kind == "json":
        ropa.export_json(register, target)
    else:
        ropa.export_xlsx(register, target)
"""


def _complete(kind: str, path: Path) -> bool:
    if kind == "json":
        data = json.loads(path.read_bytes())
        return isinstance(data, dict) and len(data["activities"]) > 0
    import openpyxl

    book = openpyxl.load_workbook(path, read_only=True)
    try:
        return len(book.sheetnames) > 3
    finally:
        book.close()


@pytest.mark.parametrize(("kind", "size"), [("json", 4000), ("xlsx", 300)])
def test_sigkill_at_random_moments_of_a_real_export(tmp_path: Path, kind: str, size: int) -> None:
    """An export loop is killed at two moments: the target is always the previous export or a new
    complete one, never a partial file."""
    if kind == "xlsx":
        pytest.importorskip("ropa.export.xlsx")
    target = tmp_path / f"register.{kind}"
    previous = _EXPORT_LOOP.split("while True:")[0].replace('print("ready", flush=True)', "")
    done = _python(previous + f"ropa.export_{kind}(register, target)\n", kind, str(target), str(size))
    assert done.returncode == 0, done.stderr
    assert _complete(kind, target)
    env = dict(os.environ, PYTHONPATH=str(REPO))
    for delay in (0.15, 0.7):
        child = subprocess.Popen(
            [sys.executable, "-c", _EXPORT_LOOP, kind, str(target), str(size)],
            stdout=subprocess.PIPE,
            text=True,
            env=env,
        )
        try:
            assert child.stdout is not None
            assert child.stdout.readline().strip() == "ready"
            time.sleep(delay)
            child.send_signal(signal.SIGKILL)
            child.wait(timeout=30)
            child.stdout.close()
        finally:
            if child.poll() is None:
                child.kill()
                child.wait()
        assert _complete(kind, target), delay  # the previous export, or a new complete one


# --- two writers, one path -----------------------------------------------------------------------

_WRITE_LOOP = r"""
import sys
from pathlib import Path
from ropa.export.write import write_atomic
content = sys.argv[2].encode() * 2_000_000
for _ in range(int(sys.argv[3])):
    write_atomic(Path(sys.argv[1]), content)
"""


def test_two_exports_racing_to_one_path(tmp_path: Path) -> None:
    target = tmp_path / "register.json"
    contents = {b"a" * 2_000_000, b"b" * 2_000_000}
    env = dict(os.environ, PYTHONPATH=str(REPO))
    writers = [
        subprocess.Popen([sys.executable, "-c", _WRITE_LOOP, str(target), letter, "15"], env=env)
        for letter in ("a", "b")
    ]
    seen: list[bytes] = []
    stop = threading.Event()

    def read() -> None:
        while not stop.is_set():
            with contextlib.suppress(FileNotFoundError):
                seen.append(target.read_bytes())
            time.sleep(0.002)

    reader = threading.Thread(target=read)
    reader.start()
    try:
        for writer in writers:
            assert writer.wait(timeout=120) == 0
    finally:
        stop.set()
        reader.join()
        for writer in writers:
            if writer.poll() is None:
                writer.kill()
                writer.wait()
    assert seen, "the reader never saw the file"
    assert all(data in contents for data in seen), {len(d) for d in seen}
    assert target.read_bytes() in contents
    assert _leftovers(tmp_path) == []


def test_temporary_files_go_beside_the_target_not_to_tmp(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The rename is atomic only within one file system: the temporary file must be in the target's folder."""
    created: list[str] = []
    real = tempfile.mkstemp

    def spy(*args: object, **kwargs: object) -> tuple[int, str]:
        fd, name = real(*args, **kwargs)  # type: ignore[call-overload]
        created.append(name)
        return fd, name

    monkeypatch.setattr(write_module.tempfile, "mkstemp", spy)
    write_atomic(tmp_path / "out" / "register.json", b"x")
    assert [Path(name).parent for name in created] == [tmp_path / "out"]


def test_the_umask_without_proc(monkeypatch: pytest.MonkeyPatch) -> None:
    """Where /proc/self/status cannot be read (macOS, BSD), the umask is read by setting it back."""

    def no_proc(*args: object, **kwargs: object) -> None:
        raise FileNotFoundError(errno.ENOENT, "No such file or directory")

    monkeypatch.setattr(write_module, "open", no_proc, raising=False)
    previous = os.umask(0o027)
    try:
        assert write_module._new_file_mode() == 0o640
        assert os.umask(0o027) == 0o027  # restored
    finally:
        os.umask(previous)
