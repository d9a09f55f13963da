"""Every rule: its ``fail`` fixture triggers exactly that code at the marked lines; ``pass`` does not."""

from __future__ import annotations

import pytest

from ropa.rules import ALL_RULES, Rule

from .conftest import expected_lines, fixture, run_rule

STRUCTURAL_PREFIXES = ("SYN-", "STR-", "IO-")


@pytest.mark.parametrize("rule", ALL_RULES, ids=lambda r: r.code)
def test_fail_fixture_triggers_the_rule_at_the_marked_lines(rule: Rule) -> None:
    path = fixture(rule.code, "fail")
    assert path.exists(), f"missing fixture {path}"
    report = run_rule(rule.code, path)
    structural = [d for d in report if d.code.startswith(STRUCTURAL_PREFIXES)]
    assert structural == [], "fixtures must load cleanly"
    found = {(d.location.file, d.location.line) for d in report if d.code == rule.code}
    expected = expected_lines(path, rule.code)
    assert expected, f"{path} has no '# expect: {rule.code}' marker"
    assert found == expected


@pytest.mark.parametrize("rule", ALL_RULES, ids=lambda r: r.code)
def test_pass_fixture_does_not_trigger_the_rule(rule: Rule) -> None:
    path = fixture(rule.code, "pass")
    assert path.exists(), f"missing fixture {path}"
    report = run_rule(rule.code, path)
    assert [d for d in report if d.code.startswith(STRUCTURAL_PREFIXES)] == []
    assert [str(d) for d in report if d.code == rule.code] == []
