"""The README's pre-commit snippet works as written: run the way pre-commit runs it, it validates the
register it names, and only that one, even with a second register beside it under ``registers/``."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[1]


def _blocks(markdown: str, lang: str) -> list[str]:
    return re.findall(rf"```{lang}\n(.*?)```", markdown, flags=re.DOTALL)


def _readme_hook() -> dict[str, Any]:
    """The hook entry of the README's ``.pre-commit-config.yaml`` block."""
    (block,) = [b for b in _blocks((ROOT / "README.md").read_text(encoding="utf-8"), "yaml") if "repos:" in b]
    config = yaml.safe_load(block)
    (repo,) = config["repos"]
    (hook,) = repo["hooks"]
    assert isinstance(hook, dict)
    return hook


def _published_hook(hook_id: str) -> dict[str, Any]:
    hooks = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    (found,) = [h for h in hooks if h["id"] == hook_id]
    assert isinstance(found, dict)
    return found


def _readme_register() -> str:
    """The README's "register in ten lines"."""
    (block,) = [
        b for b in _blocks((ROOT / "README.md").read_text(encoding="utf-8"), "yaml") if "activity:" in b
    ]
    return block


def _run_hook(
    hook: dict[str, Any], repo: Path, changed: list[str]
) -> subprocess.CompletedProcess[str] | None:
    """What pre-commit does for a hook with ``pass_filenames: false``: run ``entry`` plus ``args`` in the
    repository when one of the changed files matches ``files``; ``None`` when the hook does not run."""
    if not any(re.search(hook["files"], name) for name in changed):
        return None
    assert hook["pass_filenames"] is False
    command = hook["entry"].split()
    assert command[0] == "ropa"
    executable = shutil.which("ropa", path=str(Path(sys.executable).parent)) or "ropa"
    return subprocess.run(
        [executable, *command[1:], *hook.get("args", [])],
        cwd=repo,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


@pytest.fixture
def repository(tmp_path: Path) -> Path:
    """A repository with the README's register as registers/acme and another register beside it."""
    text = _readme_register()
    acme = tmp_path / "registers" / "acme"
    other = tmp_path / "registers" / "other"
    acme.mkdir(parents=True)
    other.mkdir(parents=True)
    (acme / "orders.yaml").write_text(text, encoding="utf-8")
    (other / "orders.yaml").write_text(text.replace("Acme B.V.", "Other B.V."), encoding="utf-8")
    return tmp_path


def test_the_readme_hook_validates_the_register_it_names(repository: Path) -> None:
    hook = {**_published_hook(_readme_hook()["id"]), **_readme_hook()}
    result = _run_hook(hook, repository, ["registers/acme/orders.yaml"])
    assert result is not None
    assert result.returncode == 0, result.stdout + result.stderr  # the README's register has no errors
    assert "registers/acme/orders.yaml" in result.stdout
    assert "registers/other" not in result.stdout + result.stderr  # the sibling is not merged in
    assert " STR-" not in result.stdout
    assert _run_hook(hook, repository, ["registers/other/orders.yaml"]) is None  # not its register


def test_without_args_the_hook_would_merge_the_sibling_register(repository: Path) -> None:
    """The regression the README's `args` prevent: the published hook alone reads all of registers/."""
    hook = _published_hook(_readme_hook()["id"])
    result = _run_hook(hook, repository, ["registers/acme/orders.yaml"])
    assert result is not None
    assert result.returncode == 1
    assert "registers/other/orders.yaml" in result.stdout
    assert "STR-006" in result.stdout  # 'organisation' is already defined
