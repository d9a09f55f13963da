"""The scheduled workflow in docs/cli.md: its 'ropa due' step runs as documented and decides the issue."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml

from tests.cli.conftest import Run, write_register

CLI = (Path(__file__).resolve().parents[2] / "docs" / "cli.md").read_text(encoding="utf-8")


def _workflow() -> dict[str, Any]:
    block = next(b for b in re.findall(r"```yaml\n(.*?)```", CLI, flags=re.DOTALL) if "ropa due" in b)
    workflow = yaml.safe_load(block)
    assert isinstance(workflow, dict)
    return workflow


def _steps() -> list[dict[str, Any]]:
    steps: list[dict[str, Any]] = _workflow()["jobs"]["due"]["steps"]
    return steps


def test_the_workflow_is_scheduled_and_may_open_issues() -> None:
    workflow = _workflow()
    assert workflow[True]["schedule"] == [{"cron": "0 7 * * 1"}]  # YAML 1.1 reads the key 'on' as true
    assert workflow["permissions"] == {"contents": "read", "issues": "write"}
    issue = next(s for s in _steps() if "gh issue create" in s.get("run", ""))
    assert issue["if"] == "steps.due.outputs.found == 'yes'"
    assert "--body-file due.md" in issue["run"]


def test_the_options_of_the_due_step_exist(run: Run) -> None:
    step = next(s for s in _steps() if s.get("id") == "due")
    command = next(line for line in step["run"].splitlines() if line.strip().startswith("ropa due"))
    options = set(re.findall(r"(?<![\w-])--[a-z][a-z-]*", command))
    assert options <= set(re.findall(r"(?<![\w-])--[a-z][a-z-]*", run("due", "--help").out))


@pytest.mark.parametrize(("review", "found"), [("2026-12-20", True), ("2027-06-01", False)])
def test_the_due_step_opens_an_issue_only_when_something_falls_due(
    tmp_path: Path, review: str, found: bool
) -> None:
    write_register(
        tmp_path / "registers" / "acme", {"register.yaml": f"register:\n  next_review: {review}\n"}
    )
    (tmp_path / "ropa.toml").write_text("[options]\ndata-max-age-months = 600\n", encoding="utf-8")
    shim = tmp_path / "bin"
    shim.mkdir()
    (shim / "ropa").write_text(
        f'#!/bin/sh\nexec "{sys.executable}" -m ropa "$@" --today 2026-12-03\n', encoding="utf-8"
    )
    (shim / "ropa").chmod(0o755)
    output, summary = tmp_path / "output", tmp_path / "summary.md"
    env = {
        **{k: v for k, v in os.environ.items() if k != "GITHUB_ACTIONS"},
        "PATH": f"{shim}{os.pathsep}{os.environ['PATH']}",
        "GITHUB_OUTPUT": str(output),
        "GITHUB_STEP_SUMMARY": str(summary),
    }
    step = next(s for s in _steps() if s.get("id") == "due")
    done = subprocess.run(
        ["bash", "-e", "-c", step["run"]], cwd=tmp_path, env=env, capture_output=True, text=True
    )
    assert done.returncode == 0, done.stderr
    assert (output.exists() and output.read_text(encoding="utf-8") == "found=yes\n") is found
    body = (tmp_path / "due.md").read_text(encoding="utf-8")
    assert body.startswith("## ropa due: `registers/acme`")
    assert ("| due | 2026-12-20 | in 17 days | register: review of the register |" in body) is found
    assert summary.read_text(encoding="utf-8") == body
