"""Documentation that is generated or executable stays true."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

import ropa
from ropa import _fielddocs

REPO = Path(__file__).resolve().parents[1]
DOCS = REPO / "docs"


def yaml_blocks(path: Path) -> list[str]:
    return re.findall(r"```yaml\n(.*?)```", path.read_text(encoding="utf-8"), flags=re.DOTALL)


def test_field_reference_is_current() -> None:
    committed = (DOCS / "register-fields.md").read_text(encoding="utf-8")
    assert committed == _fielddocs.render(), "run: python -m ropa._fielddocs docs/register-fields.md"


def test_register_format_example_loads_cleanly() -> None:
    blocks = yaml_blocks(DOCS / "register-format.md")
    assert blocks
    for block in blocks:
        result = ropa.loads(block)
        assert [str(d) for d in result.diagnostics] == []
        assert result.register.activities


def test_every_model_field_is_documented() -> None:
    for _, model in _fielddocs.MODELS:
        for name, info in model.model_fields.items():
            assert info.description, f"{model.__name__}.{name} has no docstring"


def test_api_examples_run(monkeypatch: pytest.MonkeyPatch) -> None:
    blocks = re.findall(
        r"```python\n(.*?)```", (DOCS / "api.md").read_text(encoding="utf-8"), flags=re.DOTALL
    )
    assert len(blocks) >= 4
    monkeypatch.chdir(REPO)
    for block in blocks:
        exec(compile(block, "docs/api.md", "exec"), {})  # noqa: S102 - our own documentation
