"""The corpus itself: every case is well-formed, cited, consistent, and covers issue 9.

These tests pass whatever ropa reports; the accuracy targets are in test_accuracy.py.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
import yaml

from ropa.rules import ALL_RULES
from tests.corpus import score

CASES = score.load_corpus()
IDS = [c.name for c in CASES]
RULE_CODES = {r.code for r in ALL_RULES}
STRUCTURAL = re.compile(r"^(SYN|STR|IO)-\d{3}$")
KINDS = {
    "activity": ("activities", "activity"),
    "party": ("parties", "party"),
    "processor activity": ("processor_activities", "processor_activity"),
    "security measure": ("security_measures", "security_measure"),
    "data category": ("data_categories", "data_category"),
    "data-subject category": ("data_subjects", "data_subject"),
}


def register_documents(case: score.Case) -> dict[str, Any]:
    """Every YAML document of the case's register, by path relative to the register folder."""
    return {
        p.relative_to(case.register).as_posix(): yaml.safe_load(p.read_text(encoding="utf-8"))
        for p in sorted(case.register.rglob("*.yaml"))
    }


def defined_ids(case: score.Case) -> dict[str, set[str]]:
    out: dict[str, set[str]] = {label: set() for label in KINDS}
    for document in register_documents(case).values():
        for label, (plural, singular) in KINDS.items():
            entries = list(document.get(plural) or []) + (
                [document[singular]] if singular in document else []
            )
            out[label] |= {e["id"] for e in entries if isinstance(e, dict) and "id" in e}
    return out


def resolves(document: Any, pointer: str) -> bool:
    node = document
    for part in pointer.strip("/").split("/"):
        if isinstance(node, list) and part.isdigit() and int(part) < len(node):
            node = node[int(part)]
        elif isinstance(node, dict) and part in node:
            node = node[part]
        else:
            return False
    return True


def test_the_corpus_has_the_registers_the_issue_asks_for() -> None:
    assert len(CASES) >= 12
    assert len({c.country for c in CASES}) >= 5
    sectors = " ".join(c.sector for c in CASES)
    for word in (
        "health",
        "education",
        "local government",
        "processor",
        "e-commerce",
        "employment",
        "association",
        "marketing",
        "research",
        "LED",
        "joint",
        "SME",
    ):
        assert word.lower() in (sectors + " " + " ".join(c.title for c in CASES)).lower(), word


@pytest.mark.parametrize("case", CASES, ids=IDS)
def test_every_case_cites_its_sources(case: score.Case) -> None:
    readme = (case.folder / "README.md").read_text(encoding="utf-8")
    assert "## Sources" in readme
    assert re.search(r"read on \d{4}-\d{2}-\d{2}", readme)
    assert len(re.findall(r"https?://", readme)) >= 2
    assert "## What was changed or assumed" in readme


@pytest.mark.parametrize("case", CASES, ids=IDS)
def test_every_code_is_a_rule_or_a_structural_code(case: score.Case) -> None:
    for entry in (*case.expectations, *case.forbidden):
        for code in entry.codes:
            assert code in RULE_CODES or STRUCTURAL.match(code), f"{case.name}: unknown code {code}"


@pytest.mark.parametrize("case", CASES, ids=IDS)
def test_every_entity_and_pointer_exists_in_the_register(case: score.Case) -> None:
    ids = defined_ids(case)
    documents = register_documents(case)
    for entry in (*case.expectations, *case.forbidden):
        for entity in entry.entities:
            if entity in ("organisation", "register"):
                continue
            label, _, ident = entity.rpartition(" ")
            assert label in KINDS, f"{case.name}: entity kind of '{entity}'"
            assert ident in ids[label], f"{case.name}: '{entity}' is not defined in the register"
        if entry.pointer:
            files = [entry.file] if entry.file else list(documents)
            assert any(resolves(documents[f], entry.pointer) for f in files), f"{case.name}: {entry.pointer}"


@pytest.mark.parametrize("case", CASES, ids=IDS)
def test_no_entry_both_expects_and_forbids_the_same_finding(case: score.Case) -> None:
    for expectation in case.expectations:
        for entry in case.forbidden:
            if entry.cites or not set(expectation.codes) & set(entry.codes):
                continue
            if not set(expectation.entities) & set(entry.entities):
                continue
            a, b = expectation.pointer or "", entry.pointer or ""
            overlap = a.startswith(b) or b.startswith(a)
            assert not overlap, (
                f"{case.name}: expected[{expectation.index}] and must_not[{entry.index}] overlap"
            )


def test_every_issue_item_has_a_positive_and_a_negative_case() -> None:
    items = yaml.safe_load((score.CORPUS / "coverage.yaml").read_text(encoding="utf-8"))["items"]
    counts = score.tag_counts(CASES)
    known = {tag for _, tag in counts}
    for item in items:
        for tag in (*item["positive"], *item["negative"]):
            assert tag in known, f"{item['id']}: no corpus entry carries the tag {tag}"
        assert any(counts[("negative", t)] for t in item["negative"]), item["id"]
        if item.get("negative_only"):
            continue
        assert any(counts[("positive", t)] for t in item["positive"]), item["id"]
    listed = {t for item in items for t in (*item["positive"], *item["negative"])}
    assert known <= listed, f"tags used in the corpus but not in coverage.yaml: {sorted(known - listed)}"


def test_the_accuracy_page_describes_every_register() -> None:
    page = (score.REPO / "docs" / "accuracy.md").read_text(encoding="utf-8")
    head = page.split(score.BEGIN)[0]
    assert score.BEGIN in page
    assert score.END in page
    for case in CASES:
        assert f"tests/corpus/{case.name}/README.md" in head, case.name


def test_scoring_the_corpus_is_reproducible() -> None:
    first = score.render_markdown(score.score_corpus())
    assert first == score.render_markdown(score.score_corpus())
    assert Path(score.CORPUS / "coverage.yaml").is_file()
