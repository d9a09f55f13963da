"""Documentation that is generated or executable stays true."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

import ropa
from ropa import _fielddocs
from ropa.models import field_docs

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
        docs = field_docs(model)
        for name in model.model_fields:
            assert docs.get(name), f"{model.__name__}.{name} has no docstring"


def test_api_examples_run(monkeypatch: pytest.MonkeyPatch) -> None:
    blocks = re.findall(
        r"```python\n(.*?)```", (DOCS / "api.md").read_text(encoding="utf-8"), flags=re.DOTALL
    )
    assert len(blocks) >= 4
    monkeypatch.chdir(REPO)
    for block in blocks:
        exec(compile(block, "docs/api.md", "exec"), {})  # noqa: S102 - our own documentation


def test_readme_example_register_gives_the_finding_shown(tmp_path: Path) -> None:
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    block = re.findall(r"```yaml\n# registers/acme/orders.yaml\n(.*?)```", readme, flags=re.DOTALL)[0]
    (tmp_path / "orders.yaml").write_text(block, encoding="utf-8")
    report = ropa.validate(tmp_path)
    assert [d for d in report if d.code.startswith(("SYN", "STR"))] == []
    shown = re.findall(r"orders.yaml:(\d+):(\d+) ([A-Z]+-\d{3}) (\w+)", readme)
    assert shown
    found = {(str(d.location.line), str(d.location.column), d.code, d.severity.value) for d in report}
    assert set(shown) <= found


def test_readme_starts_with_the_two_commands() -> None:
    head = (REPO / "README.md").read_text(encoding="utf-8").splitlines()[:6]
    assert any(line.startswith("make demo") for line in head)
    assert any(line.startswith("make test") for line in head)
    assert "make test" in (REPO / ".ci" / "run").read_text(encoding="utf-8")
