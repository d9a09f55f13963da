"""The public API as a type checker sees it: mypy --strict on ``typing_api.py`` reveals the types written
beside each ``reveal_type`` and reports exactly the errors marked ``# error:``."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

HERE = Path(__file__).resolve().parent
REPO = HERE.parents[1]
SAMPLE = HERE / "typing_api.py"


@pytest.mark.slow
def test_mypy_reveals_the_documented_types() -> None:
    run = subprocess.run(
        [sys.executable, "-m", "mypy", "--strict", "--no-error-summary", "--hide-error-context", str(SAMPLE)],
        capture_output=True,
        text=True,
        cwd=REPO,
    )
    assert "error:" not in run.stderr, run.stderr
    revealed: dict[int, str] = {}
    errors: dict[int, set[str]] = {}
    for line in run.stdout.splitlines():
        if match := re.match(r".*typing_api\.py:(\d+): note: Revealed type is \"(.*)\"$", line):
            revealed[int(match[1])] = match[2]
        elif match := re.match(r".*typing_api\.py:(\d+): error: .*\[([a-z-]+)\]$", line):
            errors.setdefault(int(match[1]), set()).add(match[2])
    lines = SAMPLE.read_text(encoding="utf-8").splitlines()
    wanted = {n: m[1] for n, text in enumerate(lines, 1) if (m := re.search(r"# revealed: (.*)$", text))}
    refused = {n: {m[1]} for n, text in enumerate(lines, 1) if (m := re.search(r"# error: ([a-z-]+)$", text))}
    assert len(wanted) >= 25
    assert len(refused) >= 5
    assert revealed == wanted, run.stdout
    assert errors == refused, run.stdout
