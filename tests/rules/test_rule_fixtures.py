"""Every rule: its ``fail`` fixtures trigger exactly that code at the marked lines; ``pass`` ones do not.

A rule has one ``fail`` and one ``pass`` fixture, plus named cases (``fail-<case>.yaml``,
``pass-<case>.yaml``), each a register of its own built from one case of an issue.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from .conftest import FIXTURES, all_fixture_cases, expected_lines, run_rule

STRUCTURAL_PREFIXES = ("SYN-", "STR-", "IO-")


def _id(case: tuple[str, Path]) -> str:
    code, path = case
    return f"{code}/{path.name}"


@pytest.mark.parametrize("case", all_fixture_cases("fail"), ids=_id)
def test_fail_fixture_triggers_the_rule_at_the_marked_lines(case: tuple[str, Path]) -> None:
    code, path = case
    assert path.exists(), f"missing fixture {path.relative_to(FIXTURES)}"
    report = run_rule(code, path)
    structural = [d for d in report if d.code.startswith(STRUCTURAL_PREFIXES)]
    assert structural == [], "fixtures must load cleanly"
    found = {(d.location.file, d.location.line) for d in report if d.code == code}
    expected = expected_lines(path, code)
    assert expected, f"{path} has no '# expect: {code}' marker"
    assert found == expected


@pytest.mark.parametrize("case", all_fixture_cases("pass"), ids=_id)
def test_pass_fixture_does_not_trigger_the_rule(case: tuple[str, Path]) -> None:
    code, path = case
    assert path.exists(), f"missing fixture {path.relative_to(FIXTURES)}"
    report = run_rule(code, path)
    assert [d for d in report if d.code.startswith(STRUCTURAL_PREFIXES)] == []
    assert [str(d) for d in report if d.code == code] == []
