"""The table of change codes: well-formed data, every example gives its code, docs/changes/ is current."""

from __future__ import annotations

import ast
import datetime as dt
import re
from pathlib import Path

import pytest

import ropa
from ropa.changes import ChangeCode, change_code, change_codes
from ropa.changes import docs as change_docs
from ropa.changes._catalogue import table
from ropa.models import Register
from ropa.rules import ALL_RULES

REPO = Path(__file__).resolve().parents[2]
DETECT = REPO / "ropa" / "changes" / "_detect.py"
CODES = change_codes()
SYMMETRIC = {
    "activity-renamed",
    "regime-changed",
    "lawful-basis-changed",
    "party-role-changed",
    "transfer-mechanism-changed",
    "dpia-outdated",
    "controller-details-changed",
    "dpo-changed",
    "representative-changed",
}


def test_codes_are_numbered_in_order_and_never_share_a_name() -> None:
    assert [c.code for c in CODES] == [f"CHG-{n:03d}" for n in range(1, len(CODES) + 1)]
    names = [c.name for c in CODES]
    assert len(set(names)) == len(names)
    assert all(re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", n) for n in names)


def test_the_table_carries_its_source_and_date() -> None:
    data = table()
    assert data["source"]
    assert data["name"]
    assert data["description"]
    assert dt.date.fromisoformat(data["retrieved"]) <= dt.date.fromisoformat(data["version"])


@pytest.mark.parametrize("entry", CODES, ids=lambda c: c.code)
def test_each_entry_is_complete(entry: ChangeCode) -> None:
    assert entry.summary.endswith(".")
    assert entry.action.endswith(".")
    assert entry.why
    assert entry.legal_refs
    assert entry.python or entry.field is not None or entry.findings
    raw = next(r for r in table()["codes"] if r["code"] == entry.code)
    assert [str(r) for r in entry.legal_refs] == raw["legal_refs"]  # parsed and written back unchanged


def _detector_names() -> set[str]:
    """The change-code names the detectors emit: the strings in the first argument of each ``emit`` call,
    and those assigned to a variable or paired with a flag in a tuple that such an argument names."""
    tree = ast.parse(DETECT.read_text(encoding="utf-8"))

    def strings(node: ast.AST) -> set[str]:
        return {
            c.value
            for c in ast.walk(node)
            if isinstance(c, ast.Constant) and isinstance(c.value, str) and "-" in c.value
        }

    names: set[str] = set()
    variables: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Call) and getattr(node.func, "attr", None) == "emit" and node.args:
            names |= strings(node.args[0])
            variables |= {n.id for n in ast.walk(node.args[0]) if isinstance(n, ast.Name)}
    for node in ast.walk(tree):
        if isinstance(node, ast.Assign) and any(
            isinstance(t, ast.Name) and t.id in variables for t in node.targets
        ):
            names |= strings(node.value)
        if (
            isinstance(node, ast.For)
            and isinstance(node.target, ast.Tuple)
            and any(isinstance(t, ast.Name) and t.id in variables for t in node.target.elts)
        ):
            names |= strings(node.iter)
    return names


def test_every_python_entry_has_a_detector_and_every_detector_an_entry() -> None:
    emitted = _detector_names()
    python = {c.name for c in CODES if c.python}
    assert python <= emitted, f"entries without a detector: {sorted(python - emitted)}"
    known = {c.name for c in CODES}
    assert emitted <= known, f"detectors emit unknown names: {sorted(emitted - known)}"


def _fields_of(kind: str) -> set[str]:
    info = Register.model_fields["meta" if kind == "register" else kind]
    annotation = info.annotation
    for arg in (annotation, *getattr(annotation, "__args__", ())):
        for inner in (arg, *getattr(arg, "__args__", ())):
            if isinstance(inner, type) and hasattr(inner, "model_fields"):
                return set(inner.model_fields)
    raise AssertionError(kind)


@pytest.mark.parametrize("entry", [c for c in CODES if c.field is not None], ids=lambda c: c.code)
def test_field_triggers_name_fields_that_exist(entry: ChangeCode) -> None:
    assert entry.field is not None
    assert set(entry.field.fields) <= _fields_of(entry.field.kind)
    assert set(entry.field.ops) <= {"added", "removed", "changed"}


def test_finding_triggers_name_rules_that_exist() -> None:
    rules = {r.code for r in ALL_RULES}
    for entry in CODES:
        assert set(entry.findings) <= rules, entry.code
    ignored = change_code("dpia-outdated").ignore_fields
    assert set(ignored) <= _fields_of("activities")


@pytest.mark.parametrize("entry", CODES, ids=lambda c: c.code)
def test_the_example_gives_its_code(entry: ChangeCode) -> None:
    before, after = ropa.loads(entry.example_before), ropa.loads(entry.example_after)
    for result in (before, after):
        assert [str(d) for d in result.diagnostics if d.code.startswith(("SYN", "STR", "IO"))] == []
    d = ropa.diff(before, after, ropa.Config(), today=dt.date(2026, 12, 3))
    assert entry.code in {m.code for m in d.meanings}
    meaning = next(m for m in d.meanings if m.code == entry.code)
    assert (meaning.name, meaning.severity, meaning.legal_refs) == (
        entry.name,
        entry.severity,
        entry.legal_refs,
    )
    assert meaning.detail
    reverse = ropa.diff(after, before, ropa.Config(), today=dt.date(2026, 12, 3))
    # a code for a change of value applies both ways; the others say which way the change went
    assert (entry.code in {m.code for m in reverse.meanings}) is (entry.name in SYMMETRIC)


def test_change_code_by_code_or_name() -> None:
    assert change_code("CHG-022") is change_code("transfer-added")
    with pytest.raises(KeyError):
        change_code("CHG-999")


def test_docs_changes_is_current() -> None:
    assert change_docs.drift(REPO / "docs" / "changes") == [], "run: python -m ropa.changes.docs docs/changes"


def test_the_pages_show_the_executed_example() -> None:
    page = (REPO / "docs" / "changes" / "CHG-022.md").read_text(encoding="utf-8")
    entry = change_code("CHG-022")
    assert entry.example_before.rstrip() in page
    assert entry.example_after.rstrip() in page
    index = (REPO / "docs" / "changes" / "index.md").read_text(encoding="utf-8")
    assert all(f"[{c.code}]({c.code}.md)" in index for c in CODES)
