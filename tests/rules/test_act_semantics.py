"""Edge cases of the ACT rules: not stated vs none, broken references, the generic-purpose list."""

from __future__ import annotations

from pathlib import Path

import pytest

from ropa.diagnostics import Diagnostic
from ropa.rules.act import generic_purpose
from ropa.rules.act.generic_purpose import GENERIC_LABELS, normalise

from .conftest import run_rule


def findings(code: str, text: str | Path) -> list[Diagnostic]:
    return [d for d in run_rule(code, text) if d.code == code]


@pytest.mark.parametrize(
    ("code", "key"), [("ACT-001", "purposes"), ("ACT-003", "data_subjects"), ("ACT-004", "data_categories")]
)
def test_not_stated_and_none_are_both_reported_at_their_own_place(code: str, key: str) -> None:
    text = f"activities:\n  - id: a\n    name: A\n  - id: b\n    name: B\n    {key}: []\n"
    pointers = sorted(d.location.pointer for d in findings(code, text))
    assert pointers == ["/activities/0", f"/activities/1/{key}"]


@pytest.mark.parametrize("code", ["ACT-001", "ACT-003", "ACT-004"])
def test_processor_role_activities_are_not_asked_for_controller_content(code: str) -> None:
    assert findings(code, "activities:\n  - id: a\n    name: A\n    role: processor\n") == []


BROKEN_VOCABULARY = """\
data_subjects:
  - id: kids
    name: Children
    vulnerable: toddlers
data_categories:
  - id: health
    name: Health
    special: not-a-category
"""


def test_references_to_entities_that_failed_loading_are_not_reported() -> None:
    text = BROKEN_VOCABULARY + (
        "activities:\n  - id: a\n    name: A\n    data_subjects: [kids]\n    data_categories: [health]\n"
        "    retention:\n      - data_categories: [health]\n"
    )
    report = run_rule("ACT-005", text)
    assert {d.code for d in report} == {"STR-005"}


def test_each_undefined_id_is_reported_once_per_activity_at_its_first_reference() -> None:
    text = (
        "activities:\n"
        "  - id: a\n    name: A\n    data_categories: [x, x]\n"
        "    recipients:\n      - party: p\n        data_categories: [x, y]\n"
        "    retention:\n      - data_categories: [y]\n"
        "  - id: b\n    name: B\n    data_categories: [x]\n"
    )
    pointers = [d.location.pointer for d in findings("ACT-005", text)]
    assert sorted(pointers) == [
        "/activities/0/data_categories/0",
        "/activities/0/recipients/0/data_categories/1",
        "/activities/1/data_categories/0",
    ]


def test_same_id_as_data_category_and_data_subject_are_separate_references() -> None:
    text = "activities:\n  - id: a\n    name: A\n    data_subjects: [x]\n    data_categories: [x]\n"
    assert len(findings("ACT-005", text)) == 2


def test_a_bare_recipient_id_has_no_categories_to_check() -> None:
    text = (
        "data_categories:\n  - id: c\n    name: C\n"
        "activities:\n  - id: a\n    name: A\n    data_categories: [c]\n    recipients: [p]\n"
    )
    assert findings("ACT-005", text) == []


def test_duplicate_id_and_name_is_one_finding_for_the_id() -> None:
    text = "activities:\n  - id: a\n    name: A\n  - id: a\n    name: A\n"
    [finding] = findings("ACT-006", text)
    assert finding.location.pointer == "/activities/1/id"


def test_duplicates_across_files_name_the_first_place(tmp_path: Path) -> None:
    folder = tmp_path
    (folder / "a.yaml").write_text("activities:\n  - id: orders\n    name: Orders\n", encoding="utf-8")
    (folder / "b.yaml").write_text("activities:\n  - id: orders\n    name: Orders 2\n", encoding="utf-8")
    [finding] = findings("ACT-006", folder)
    assert finding.location.file == "b.yaml"
    assert "a.yaml /activities/0" in finding.message


def test_the_docstring_documents_every_generic_label() -> None:
    doc = generic_purpose.__doc__ or ""
    assert [label for label in sorted(GENERIC_LABELS) if f"`{label}`" not in doc] == []


@pytest.mark.parametrize(
    "text",
    [
        "Marketing",
        "marketing purposes",
        "For marketing purposes.",
        "Business purposes",
        "HR",
        "Administratie",
        "Bedrijfsvoering",
        "ten behoeve van onze dienstverlening",
        "Ressources humaines",
        "Fins commerciales",
        "Zwecke der Verwaltung",
        "Geschäftszwecke",
        "",
        "   ",
        "Purposes",
    ],
)
def test_generic_labels_are_reported(text: str) -> None:
    yaml = f'activities:\n  - id: a\n    name: A\n    purposes:\n      - description: "{text}"\n'
    assert len(findings("ACT-002", yaml)) == 1


@pytest.mark.parametrize(
    "text",
    [
        "Send the monthly newsletter to subscribers",
        "Direct marketing e-mails to existing customers",
        "Payroll administration and payment of salaries",
        "Marketing analysis of repeat purchases",
        "Bezorgen van bestellingen",
        "Werving en selectie",
        "Gestion des commandes",
        "Versand der Bestellungen",
        "Security camera footage of the warehouse entrance",
    ],
)
def test_specific_purposes_are_not_reported(text: str) -> None:
    yaml = (
        "activities:\n  - id: a\n    name: A\n    department: Sales\n"
        f'    purposes:\n      - description: "{text}"\n'
    )
    assert findings("ACT-002", yaml) == []


def test_a_purpose_equal_to_the_department_is_reported() -> None:
    yaml = (
        "activities:\n  - id: a\n    name: A\n    department: Klantcontact\n"
        "    purposes:\n      - description: klantcontact\n"
    )
    [finding] = findings("ACT-002", yaml)
    assert "department" in finding.message


def test_normalise_drops_fillers_and_punctuation() -> None:
    assert normalise("  For the HR-purposes! ") == "hr"
    assert normalise("P&O") == "p&o"


def test_act007_data_subject_sources_need_no_description() -> None:
    assert (
        findings("ACT-007", "activities:\n  - id: a\n    name: A\n    sources: [{kind: data-subject}]\n")
        == []
    )


def test_act008_empty_systems_and_blank_location_count_as_missing() -> None:
    text = "activities:\n  - id: a\n    name: A\n    systems: []\n    storage_location: ' '\n"
    assert len(findings("ACT-008", text)) == 1


def test_act009_end_date_today_is_not_in_the_future() -> None:
    text = "activities:\n  - id: a\n    name: A\n    status: ended\n    end_date: 2026-06-01\n"
    assert findings("ACT-009", text) == []
