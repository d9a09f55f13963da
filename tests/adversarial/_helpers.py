"""Helpers of the hostile-input suite: run the CLI in a measured subprocess, drop root's privileges.

Every CLI run goes through a small wrapper process that runs ``python -m ropa ...`` and reports the
child's exit code, output, wall time and peak memory (``RUSAGE_CHILDREN`` of the wrapper, which has
exactly one child, so earlier runs cannot inflate the figure).
"""

from __future__ import annotations

import contextlib
import json
import os
import re
import shutil
import signal
import subprocess
import sys
from collections.abc import Iterator, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from types import FrameType

import pytest

import ropa

REPO = Path(__file__).resolve().parents[2]
PYTHON = sys.executable

_WRAPPER = r"""
import json, resource, subprocess, sys, time
limit = float(sys.argv[1])
start = time.perf_counter()
try:
    proc = subprocess.run(sys.argv[2:], capture_output=True, timeout=limit)
    rc, out, err = proc.returncode, proc.stdout, proc.stderr
except subprocess.TimeoutExpired as exc:
    rc, out, err = None, exc.stdout or b"", exc.stderr or b""
seconds = time.perf_counter() - start
usage = resource.getrusage(resource.RUSAGE_CHILDREN)
keep = 200_000
json.dump(
    {
        "rc": rc,
        "stdout": out[:keep].decode("utf-8", "replace"),
        "stderr": err[:keep].decode("utf-8", "replace"),
        "traceback": b"Traceback" in out or b"Traceback" in err,
        "seconds": seconds,
        "cpu_seconds": usage.ru_utime + usage.ru_stime,
        "max_rss_mb": usage.ru_maxrss / 1024,
    },
    sys.stdout,
)
"""


@dataclass(frozen=True)
class CliRun:
    """The outcome of one measured CLI run (``returncode`` is ``None`` after a timeout)."""

    args: tuple[str, ...]
    returncode: int | None
    stdout: str
    stderr: str
    traceback: bool
    seconds: float
    cpu_seconds: float
    max_rss_mb: float

    @property
    def output(self) -> str:
        return self.stdout + self.stderr

    def lines_with(self, file: str, line: int | None, code: str) -> list[str]:
        """Text-format output lines that report ``code`` at ``file:line`` (any line when ``None``).

        The file may be printed with the path it was given under (``/tmp/x/case.yaml:3:1``).
        """
        where = rf"(?:^|/){re.escape(file)}" + (rf":{line}:\d+" if line is not None else r"(?::\d+:\d+)?")
        pattern = re.compile(rf"{where} {re.escape(code)} ")
        return [text for text in self.stdout.splitlines() if pattern.search(text)]

    def assert_handled(self, expected: int) -> None:
        """The run ended by itself with ``expected``, no traceback, no internal error."""
        assert self.returncode is not None, f"timed out: {self.args}"
        assert self.returncode != 3, self.output[-2000:]
        assert not self.traceback, self.output[-2000:]
        assert "internal error" not in self.stderr, self.stderr[-2000:]
        assert self.returncode == expected, (self.returncode, self.output[-2000:])


def run_measured(
    argv: Sequence[str], *, timeout: float = 60.0, prefix: Sequence[str] = (), cwd: Path | None = None
) -> CliRun:
    """Run ``argv`` (optionally behind ``prefix``, e.g. setpriv) under the measuring wrapper."""
    env = dict(os.environ)
    env["PYTHONPATH"] = str(REPO)
    env.pop("ROPA_TRACEBACK", None)
    command = [*prefix, PYTHON, "-c", _WRAPPER, str(timeout), *argv]
    proc = subprocess.run(
        command, capture_output=True, text=True, timeout=timeout + 30, env=env, cwd=cwd, check=False
    )
    assert proc.returncode == 0, proc.stderr
    data = json.loads(proc.stdout)
    return CliRun(
        args=tuple(argv),
        returncode=data["rc"],
        stdout=data["stdout"],
        stderr=data["stderr"],
        traceback=data["traceback"],
        seconds=data["seconds"],
        cpu_seconds=data["cpu_seconds"],
        max_rss_mb=data["max_rss_mb"],
    )


def run_cli(*args: str | Path, timeout: float = 60.0, prefix: Sequence[str] = ()) -> CliRun:
    """``python -m ropa ARGS`` in a measured subprocess."""
    return run_measured([PYTHON, "-m", "ropa", *map(str, args)], timeout=timeout, prefix=prefix)


_BATCH = r"""
import contextlib, io, json, sys, time
from ropa.cli import main
out = []
for argv in json.loads(sys.argv[1]):
    stdout, stderr = io.StringIO(), io.StringIO()
    cpu, wall = time.process_time(), time.perf_counter()
    with contextlib.redirect_stdout(stdout), contextlib.redirect_stderr(stderr):
        try:
            code = main(argv)
        except SystemExit as exc:
            code = exc.code if isinstance(exc.code, int) else 2
        except BaseException:
            import traceback
            traceback.print_exc()
            code = None
    out.append({"rc": code, "stdout": stdout.getvalue(), "stderr": stderr.getvalue(),
                "cpu": time.process_time() - cpu, "wall": time.perf_counter() - wall})
print(json.dumps(out))
"""


def run_cli_batch(argvs: Sequence[Sequence[str | Path]], *, timeout: float = 300.0) -> list[CliRun]:
    """Several ``ropa`` command lines, one after the other, in ONE fresh process.

    ``python -m ropa`` is ``sys.exit(ropa.cli.main())``: each command line goes through ``main`` exactly
    as there, with its own output and exit code, but the interpreter starts (and imports openpyxl) once.
    ``max_rss_mb`` is the peak of the whole batch, an upper bound for each run.
    """
    batch = json.dumps([[str(a) for a in argv] for argv in argvs])
    run = run_measured([PYTHON, "-c", _BATCH, batch], timeout=timeout)
    assert run.returncode == 0, run.output[-3000:]
    return [
        CliRun(
            args=tuple(str(a) for a in argv),
            returncode=one["rc"],
            stdout=one["stdout"],
            stderr=one["stderr"],
            traceback="Traceback" in one["stdout"] + one["stderr"],
            seconds=one["wall"],
            cpu_seconds=one["cpu"],
            max_rss_mb=run.max_rss_mb,
        )
        for argv, one in zip(argvs, json.loads(run.stdout), strict=True)
    ]


def run_cli_many(paths: Sequence[Path], *, timeout: float = 60.0) -> list[CliRun]:
    """``ropa validate PATH`` for each path, a few at a time (each is a separate process)."""
    workers = max(2, min(6, (os.cpu_count() or 2) + 1))
    with ThreadPoolExecutor(max_workers=workers) as pool:
        return list(pool.map(lambda p: run_cli("validate", p, timeout=timeout), paths))


def codes_at(result: ropa.LoadResult) -> list[tuple[str, int]]:
    """(code, line) of every diagnostic, in report order."""
    return [(d.code, d.location.line) for d in result.diagnostics]


def unprivileged_prefix() -> list[str]:
    """A command prefix under which file permissions apply, or skip the test.

    As a normal user nothing is needed. As root, permission bits do not stop reads or writes, so the
    command runs with CAP_DAC_OVERRIDE and CAP_DAC_READ_SEARCH removed from the bounding set (setpriv,
    util-linux); when that is not possible the test is skipped.
    """
    if os.geteuid() != 0:
        return []
    setpriv = shutil.which("setpriv")
    if setpriv is None:
        pytest.skip("running as root and setpriv is not available: permissions cannot be enforced")
    prefix = [setpriv, "--bounding-set=-dac_override,-dac_read_search"]
    probe = subprocess.run([*prefix, "true"], capture_output=True, check=False)
    if probe.returncode != 0:
        pytest.skip(f"running as root and setpriv cannot drop capabilities: {probe.stderr!r}")
    return prefix


class StillRunning(BaseException):
    """Raised by :func:`deadline`; not an OSError (as TimeoutError is), so no ``except OSError`` eats it."""


@contextlib.contextmanager
def deadline(seconds: float) -> Iterator[None]:
    """Fail (instead of hanging the suite) when the block runs longer than ``seconds``."""

    def expired(signum: int, frame: FrameType | None) -> None:
        raise StillRunning(f"still running after {seconds} s: an endless loop or a blocking read")

    previous = signal.signal(signal.SIGALRM, expired)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
