"""Rule documentation: the registry is well-formed, the docstring examples run, docs/rules/ is current."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from ropa.rules import ALL_RULES, Rule, get
from ropa.rules import docs as rule_docs

from .conftest import run_rule

DOCS = Path(__file__).resolve().parents[2] / "docs" / "rules"
SECTIONS = ("## What it does", "## Why is this bad?", "## Example", "## Use instead", "## References")


def test_codes_and_names_are_unique_and_well_formed() -> None:
    codes = [r.code for r in ALL_RULES]
    names = [r.name for r in ALL_RULES]
    assert len(set(codes)) == len(codes)
    assert len(set(names)) == len(names)
    for rule in ALL_RULES:
        assert re.fullmatch(r"(ORG|EXM|ACT|LAW|SPC|REC|PRC|TRF|RET|SEC|DPIA|RGT|GOV|NL)-\d{3}", rule.code)
        assert re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", rule.name)
        assert rule.legal_refs, rule.code
        assert (rule.profile == "nl") == rule.code.startswith("NL-")
        assert get(rule.code) is rule
        assert get(rule.name) is rule


def test_the_whole_catalogue_is_implemented() -> None:
    # the 89 of the catalogue; ACT-010, REC-007, PRC-007, TRF-012 and LAW-012 (issue 9); ORG-008 (issue 15);
    # ORG-009 and LAW-013 (issue 9, blind round 2026-12)
    assert len(ALL_RULES) == 97


@pytest.mark.parametrize("rule", ALL_RULES, ids=lambda r: r.code)
def test_docstring_has_every_section(rule: Rule) -> None:
    assert rule.doc.startswith(f"{rule.code} {rule.name}: ")
    for section in SECTIONS:
        assert section in rule.doc, f"{rule.code} lacks {section}"


@pytest.mark.parametrize("rule", ALL_RULES, ids=lambda r: r.code)
def test_docstring_examples_are_executed(rule: Rule) -> None:
    blocks = rule_docs.examples(rule)
    assert set(blocks) == {"Example", "Use instead"}
    failing = run_rule(rule.code, blocks["Example"])
    assert [d.code for d in failing if d.code.startswith(("SYN-", "STR-"))] == []
    assert any(d.code == rule.code for d in failing), "the Example must trigger the rule"
    passing = run_rule(rule.code, blocks["Use instead"])
    assert [d.code for d in passing if d.code.startswith(("SYN-", "STR-"))] == []
    assert not any(d.code == rule.code for d in passing), "'Use instead' must not trigger the rule"


def test_docs_folder_matches_the_registry() -> None:
    assert rule_docs.drift(DOCS, ALL_RULES) == [], "run: python -m ropa.rules.docs docs/rules"


def test_the_scope_table_of_docs_law_md_matches_the_registry() -> None:
    text = (DOCS.parent / "law.md").read_text(encoding="utf-8")
    table = text.split("<!-- scope:begin -->\n")[1].split("<!-- scope:end -->")[0]
    assert table == rule_docs.render_scope(ALL_RULES), "regenerate the table with rule_docs.render_scope"
