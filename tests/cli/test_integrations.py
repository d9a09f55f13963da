"""The pre-commit hook and the GitHub Action are tested as users run them: from their own files."""

from __future__ import annotations

import os
import re
import shlex
import subprocess
import sys
import tomllib
from pathlib import Path
from typing import Any

import pytest
import yaml

from tests.cli.conftest import BAD, GOOD, Run, write_register

REPO = Path(__file__).resolve().parents[2]
PYPROJECT = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))


def _hook() -> dict[str, Any]:
    hooks = yaml.safe_load((REPO / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    assert isinstance(hooks, list)
    (hook,) = [h for h in hooks if h["id"] == "ropa-validate"]
    assert isinstance(hook, dict)
    return hook


def _action() -> dict[str, Any]:
    action = yaml.safe_load((REPO / "action.yml").read_text(encoding="utf-8"))
    assert isinstance(action, dict)
    return action


def _long_options(command: str) -> set[str]:
    return set(re.findall(r"(?<![\w-])--[a-z][a-z-]*", command))


def _validate_help(run: Run) -> str:
    result = run("validate", "--help")
    assert result.code == 0
    return result.out


# --- pre-commit -----------------------------------------------------------------------------------------


def test_hook_definition() -> None:
    hook = _hook()
    assert hook["name"]
    assert hook["language"] == "python"
    assert hook["pass_filenames"] is False
    entry = shlex.split(hook["entry"])
    assert entry[:2] == ["ropa", "validate"]
    assert entry[0] in PYPROJECT["project"]["scripts"]  # the console script the python hook installs


@pytest.mark.parametrize(
    ("path", "runs"),
    [
        ("registers/acme/activities.yaml", True),
        ("registers/organisation.yml", True),
        ("ropa.toml", True),
        ("registers/acme/ropa.toml", True),
        ("pyproject.toml", True),
        ("registers/README.md", False),
        ("docs/cli.md", False),
        (".github/workflows/ci.yaml", False),
        ("src/app.yaml", False),
    ],
)
def test_hook_files_pattern(path: str, runs: bool) -> None:
    # pre-commit matches `files` with re.search against repository-relative POSIX paths
    assert (re.search(_hook()["files"], path) is not None) is runs


@pytest.mark.parametrize(("register", "expected"), [(GOOD, 0), (BAD, 1)])
def test_hook_entry_runs_on_a_repository(tmp_path: Path, register: str, expected: int) -> None:
    hook = _hook()
    write_register(tmp_path / "registers", {"activities.yaml": register})
    (tmp_path / "ropa.toml").write_text('select = ["LAW-001"]\n', encoding="utf-8")
    entry = shlex.split(hook["entry"])
    command = [sys.executable, "-m", "ropa", *entry[1:], *hook.get("args", [])]
    env = {k: v for k, v in os.environ.items() if k not in ("GITHUB_ACTIONS", "GITHUB_STEP_SUMMARY")}
    done = subprocess.run(command, cwd=tmp_path, capture_output=True, text=True, env=env, check=False)
    assert done.returncode == expected, done.stdout + done.stderr
    if expected:
        assert "registers/activities.yaml:5:9 LAW-001 error" in done.stdout


def test_hook_options_exist(run: Run) -> None:
    hook = _hook()
    command = " ".join([hook["entry"], *hook.get("args", [])])
    assert _long_options(command) <= _long_options(_validate_help(run))


# --- GitHub Action --------------------------------------------------------------------------------------


def test_action_is_a_composite_with_the_documented_inputs() -> None:
    action = _action()
    assert action["name"]
    assert action["description"]
    assert set(action["inputs"]) == {"path", "fail-on", "version"}
    assert action["inputs"]["fail-on"]["default"] == "error"
    assert action["runs"]["using"] == "composite"


def test_action_steps(run: Run) -> None:
    steps = _action()["runs"]["steps"]
    assert any(str(s.get("uses", "")).startswith("actions/setup-python@") for s in steps)
    scripts = [s for s in steps if "run" in s]
    for step in scripts:
        assert step["shell"] == "bash"  # composite steps must name their shell
    install = next(s["run"] for s in scripts if "pip install" in s["run"])
    assert PYPROJECT["project"]["name"] in install
    validate = next(s for s in scripts if "ropa validate" in s["run"])
    assert "--format github" in validate["run"]
    assert _long_options(validate["run"]) <= _long_options(_validate_help(run))


def test_action_inputs_reach_scripts_only_through_the_environment() -> None:
    action = _action()
    declared = set(action["inputs"])
    for step in action["runs"]["steps"]:
        assert "${{" not in step.get("run", ""), "inputs pasted into a script can inject shell code"
        for value in step.get("env", {}).values():
            for name in re.findall(r"\$\{\{\s*inputs\.([\w-]+)\s*\}\}", value):
                assert name in declared
    env = {k: v for step in action["runs"]["steps"] for k, v in step.get("env", {}).items()}
    assert env["ROPA_PATH"] == "${{ inputs.path }}"
    assert env["ROPA_FAIL_ON"] == "${{ inputs.fail-on }}"
    assert env["ROPA_VERSION"] == "${{ inputs.version }}"


def test_action_fail_on_values_are_accepted(run: Run) -> None:
    description = _action()["inputs"]["fail-on"]["description"]
    for value in ("error", "warning", "info", "never"):
        assert value in description
        assert value in _validate_help(run)
