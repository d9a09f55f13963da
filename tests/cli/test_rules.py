from __future__ import annotations

import json
from pathlib import Path

import pytest

import ropa
from ropa.loading.codes import STRUCTURAL
from ropa.rules import ALL_RULES, get
from ropa.rules.engine import META_CODES
from tests.cli.conftest import Run

REPO = Path(__file__).resolve().parents[2]


def test_rules_lists_every_rule(run: Run) -> None:
    result = run("rules")
    assert result.code == 0
    lines = result.out.splitlines()
    assert len(lines) == len(ALL_RULES)
    assert [line.split()[0] for line in lines] == [r.code for r in ALL_RULES]
    law = next(line for line in lines if line.startswith("LAW-001 "))
    rule = get("LAW-001")
    for part in (rule.name, rule.severity.value, rule.profile, rule.summary, "Art. 6(1) GDPR"):
        assert part in law


def test_rules_as_json(run: Run) -> None:
    result = run("rules", "--format", "json")
    assert result.code == 0
    document = json.loads(result.out)
    assert document["version"] == "1"
    entries = {e["code"]: e for e in document["rules"]}
    assert list(entries) == [r.code for r in ALL_RULES]
    law = entries["LAW-001"]
    assert law == {
        "code": "LAW-001",
        "name": "missing-lawful-basis",
        "kind": "rule",
        "severity": "error",
        "profile": "eu",
        "legal_refs": [str(r) for r in get("LAW-001").legal_refs],
        "summary": get("LAW-001").summary,
        "docs": "https://github.com/ropa-register/ropa/blob/main/docs/rules/LAW-001.md",
    }


def test_rules_all_adds_structural_suppression_and_change_codes(run: Run) -> None:
    document = json.loads(run("rules", "--all", "--format", "json").out)
    codes = [e["code"] for e in document["rules"]]
    changes = [c.code for c in ropa.change_codes()]
    assert codes == [r.code for r in ALL_RULES] + list(STRUCTURAL) + list(META_CODES) + changes
    kinds = {e["code"]: e["kind"] for e in document["rules"]}
    assert kinds["STR-002"] == "structural"
    assert kinds["SUP-001"] == "suppression"
    transfer = next(e for e in document["rules"] if e["code"] == "CHG-022")
    assert transfer == {
        "code": "CHG-022",
        "name": "transfer-added",
        "kind": "change",
        "severity": "warning",
        "profile": None,
        "legal_refs": [str(r) for r in ropa.change_code("CHG-022").legal_refs],
        "summary": ropa.change_code("CHG-022").summary,
        "docs": "https://github.com/ropa-register/ropa/blob/main/docs/changes/CHG-022.md",
    }
    text = run("rules", "--all").out
    assert any(line.startswith("SYN-001 ") for line in text.splitlines())
    assert any(line.startswith("CHG-022 ") and "transfer-added" in line for line in text.splitlines())
    assert "CHG-" not in run("rules").out  # without --all: the rules only


@pytest.mark.parametrize("key", ["CHG-022", "chg-022", "transfer-added"])
def test_explain_prints_the_page_of_a_change_code(run: Run, key: str) -> None:
    result = run("explain", key)
    assert result.code == 0, result.err
    page = (REPO / "docs" / "changes" / "CHG-022.md").read_text(encoding="utf-8")
    assert (
        result.out == page.rstrip("\n") + "\n\nDocumentation: " + ropa.change_code("CHG-022").docs_url + "\n"
    )


def test_explain_a_change_code_in_another_language(run: Run) -> None:
    result = run("explain", "CHG-019", "--lang", "de")
    assert result.code == 0, result.err
    assert ropa.change_code("CHG-019").translated("de").why in result.out
    assert "## Warum es darauf ankommt" in result.out
    assert "Art. 28 Abs. 2 DSGVO" in result.out
    assert "sub-processor-added" in result.out  # codes and names stay
    rule = run("explain", "LAW-001", "--lang", "de")  # rule pages are in English, with a note
    assert rule.code == 0
    assert "in English" in rule.err


def test_explain_suggests_change_codes(run: Run) -> None:
    result = run("explain", "CHG22")
    assert result.code == 2
    assert "did you mean CHG-022?" in result.err


@pytest.mark.parametrize("key", ["LAW-001", "law-001", "missing-lawful-basis"])
def test_explain_prints_the_rule_documentation(run: Run, key: str) -> None:
    result = run("explain", key)
    assert result.code == 0
    rule = get("LAW-001")
    assert result.out.startswith("# LAW-001 missing-lawful-basis\n")
    body = rule.doc.strip().partition("\n")[2].strip()
    assert body in result.out
    assert "## What it does" in result.out
    assert result.out.rstrip().endswith("/docs/rules/LAW-001.md")


@pytest.mark.parametrize("code", [*STRUCTURAL, *META_CODES])
def test_explain_knows_structural_and_suppression_codes(run: Run, code: str) -> None:
    result = run("explain", code)
    assert result.code == 0
    assert result.out.startswith(f"# {code} ")
    assert result.out.rstrip().endswith("/docs/cli.md#codes-that-are-not-rules")


def test_explain_structural_code_text(run: Run) -> None:
    out = run("explain", "str-002").out
    assert "# STR-002 unknown-field" in out
    assert STRUCTURAL["STR-002"].summary in out
    assert "cannot be suppressed" in out


@pytest.mark.parametrize(
    ("wanted", "suggestion"),
    [
        ("LAW001", "LAW-001"),
        ("missing-lawful-bases", "missing-lawful-basis"),
        ("STR-02", "STR-002"),
        # The shape of a code wins over string similarity: LAW01 is LAW-001, not LAW-011.
        ("LAW01", "LAW-001"),
        ("law-1", "LAW-001"),
        ("LAW-11", "LAW-011"),
        ("trf_2", "TRF-002"),
        ("DPIA01", "DPIA-001"),
    ],
)
def test_explain_unknown_code_exits_2_with_a_suggestion(run: Run, wanted: str, suggestion: str) -> None:
    result = run("explain", wanted)
    assert result.code == 2
    assert result.out == ""
    assert f"did you mean {suggestion}?" in result.err


def test_explain_without_anything_close(run: Run) -> None:
    result = run("explain", "qqqqqqqq")
    assert result.code == 2
    assert "did you mean" not in result.err
    assert "no rule or code 'qqqqqqqq'" in result.err
