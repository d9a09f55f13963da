"""CLI test helpers: small registers in a temporary working directory, and ``ropa.cli.main`` with capture.

The registers are checked with ``--select LAW-001`` (or a ``ropa.toml`` that selects it), so that the tests
do not depend on the other rules of the catalogue.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path

import pytest

from ropa.cli import main

GOOD = """\
activities:
  - id: newsletter
    name: Newsletter
    purposes:
      - description: Send the monthly newsletter
        lawful_basis: 6-1-a
"""

BAD = """\
activities:
  - id: newsletter
    name: Newsletter
    purposes:
      - description: Send the monthly newsletter
      - description: Measure opening rates
        lawful_basis: 6-1-a
"""

STRUCTURALLY_BROKEN = """\
activities:
  - id: newsletter
    nmae: Newsletter
"""


def write_register(folder: Path, files: Mapping[str, str]) -> Path:
    """Write ``files`` (name → YAML text) into ``folder`` and return it."""
    folder.mkdir(parents=True, exist_ok=True)
    for name, text in files.items():
        (folder / name).write_text(text, encoding="utf-8")
    return folder


@dataclass(frozen=True)
class Result:
    code: int
    out: str
    err: str


Run = Callable[..., Result]


@pytest.fixture
def workdir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """An empty working directory; environment variables that change the output are unset."""
    for name in ("GITHUB_ACTIONS", "GITHUB_STEP_SUMMARY", "NO_COLOR", "FORCE_COLOR", "ROPA_TRACEBACK"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.chdir(tmp_path)
    return tmp_path


@pytest.fixture
def good(workdir: Path) -> Path:
    return write_register(workdir / "good", {"activities.yaml": GOOD})


@pytest.fixture
def bad(workdir: Path) -> Path:
    return write_register(workdir / "bad", {"activities.yaml": BAD})


@pytest.fixture
def run(capsys: pytest.CaptureFixture[str]) -> Run:
    """Call ``ropa.cli.main`` with string arguments and capture its exit code, stdout and stderr."""

    def call(*argv: str | Path) -> Result:
        capsys.readouterr()
        code = main([str(a) for a in argv])
        captured = capsys.readouterr()
        return Result(code, captured.out, captured.err)

    return call
