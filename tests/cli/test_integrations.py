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
    assert set(action["inputs"]) == {"path", "fail-on", "version", "diff-summary"}
    assert action["inputs"]["diff-summary"]["default"] == "true"
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
    assert env["ROPA_BASE"] == "${{ github.event.pull_request.base.sha }}"


def test_action_fail_on_values_are_accepted(run: Run) -> None:
    description = _action()["inputs"]["fail-on"]["description"]
    for value in ("error", "warning", "info", "never"):
        assert value in description
        assert value in _validate_help(run)


def test_action_writes_the_diff_to_the_step_summary_on_pull_requests_only(run: Run) -> None:
    steps = _action()["runs"]["steps"]
    names = [s.get("name") for s in steps]
    diff = next(s for s in steps if "ropa diff" in s.get("run", ""))
    assert diff["if"] == "github.event_name == 'pull_request' && inputs.diff-summary == 'true'"
    assert names.index(diff["name"]) < names.index("Validate the register")  # runs even when validation fails
    assert '--base "$ROPA_BASE" --format markdown' in diff["run"]
    assert '>> "$GITHUB_STEP_SUMMARY"' in diff["run"]
    help_text = run("diff", "--help").out
    command = next(line for line in diff["run"].splitlines() if "ropa diff" in line)
    assert _long_options(command) <= _long_options(help_text)


def test_action_diff_step_runs_against_a_shallow_pull_request_checkout(tmp_path: Path) -> None:
    """The step's script, run by bash as the runner would, on a repository whose base commit is present."""
    repo = tmp_path / "repo"
    repo.mkdir()
    env = {
        **os.environ,
        "GIT_CONFIG_GLOBAL": os.devnull,
        "GIT_AUTHOR_NAME": "t",
        "GIT_AUTHOR_EMAIL": "t@t",
        "GIT_COMMITTER_NAME": "t",
        "GIT_COMMITTER_EMAIL": "t@t",
    }

    def git(*args: str) -> str:
        return subprocess.run(
            ["git", *args], cwd=repo, env=env, check=True, capture_output=True, text=True
        ).stdout

    git("init", "-q")
    write_register(repo / "registers", {"activities.yaml": GOOD})
    git("add", "-A")
    git("commit", "-qm", "base")
    base = git("rev-parse", "HEAD").strip()
    (repo / "registers" / "activities.yaml").write_text(GOOD.replace("6-1-a", "6-1-f"), encoding="utf-8")
    step = next(s for s in _action()["runs"]["steps"] if "ropa diff" in s.get("run", ""))
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    (bin_dir / "ropa").write_text(f'#!/bin/sh\nexec "{sys.executable}" -m ropa "$@"\n', encoding="utf-8")
    (bin_dir / "ropa").chmod(0o755)
    summary = tmp_path / "summary.md"
    step_env = {
        **env,
        "PATH": f"{bin_dir}{os.pathsep}{env['PATH']}",
        "ROPA_PATH": "registers",
        "ROPA_BASE": base,
        "RUNNER_TEMP": str(tmp_path),
        "GITHUB_STEP_SUMMARY": str(summary),
    }
    done = subprocess.run(
        ["bash", "-e", "-c", step["run"]], cwd=repo, env=step_env, capture_output=True, text=True
    )
    assert done.returncode == 0, done.stderr
    text = summary.read_text(encoding="utf-8")
    assert text.startswith("## ropa diff: `registers`")
    assert "CHG-008" in text
