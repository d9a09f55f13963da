"""docs/exports.md stays true: the generated column tables are current and its examples run."""

from __future__ import annotations

import re
from pathlib import Path

from ropa.export import _docs

DOC = Path(__file__).resolve().parents[2] / "docs" / "exports.md"


def test_column_tables_are_current() -> None:
    text = DOC.read_text(encoding="utf-8")
    assert _docs.START in text
    assert _docs.END in text
    assert _docs.update(text) == text, "run: python -m ropa.export._docs docs/exports.md"


def test_python_examples_run() -> None:
    blocks = re.findall(r"```python\n(.*?)```", DOC.read_text(encoding="utf-8"), flags=re.DOTALL)
    assert blocks
    for block in blocks:
        exec(compile(block, str(DOC), "exec"), {})  # noqa: S102 - our own documentation


def test_update_replaces_only_the_generated_part() -> None:
    text = f"before\n{_docs.START}\nstale\n{_docs.END}\nafter\n"
    updated = _docs.update(text)
    assert updated.startswith("before\n")
    assert updated.endswith("\nafter\n")
    assert "stale" not in updated
    assert "| `purposes` | **30(1)(b)** |" in updated
