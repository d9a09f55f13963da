"""Security rules: inherited organisation-level measures, Art. 32(1) tags, strict mode."""

from __future__ import annotations

from ropa.diagnostics import Severity
from ropa.rules.sec._common import art32_points

from ._semantics import codes, findings

ORG_MEASURES = """
security_measures:
  - id: encryption
    description: Encryption at rest
    kind: technical
    art32: [a]
  - id: policy
    description: Access policy
    kind: organisational
    art32: [b]
"""


def test_activities_inherit_organisation_level_measures() -> None:
    text = (
        ORG_MEASURES
        + "activities:\n  - id: a\n    name: A\n  - id: b\n    name: B\n    security_measures: []\n"
    )
    assert codes(text, ["SEC-001"]) == []


def test_nothing_to_inherit_is_a_warning_and_an_error_when_strict() -> None:
    text = "activities:\n  - id: a\n    name: A\n"
    assert [d.severity for d in findings(text, ["SEC-001"])] == [Severity.WARNING]
    assert [d.severity for d in findings(text, ["SEC-001"], strict=True)] == [Severity.ERROR]


def test_inherited_gap_is_reported_once_at_the_organisation_level_list() -> None:
    text = ORG_MEASURES + "activities:\n" + "".join(f"  - id: a{i}\n    name: A{i}\n" for i in range(5))
    found = findings(text, ["SEC-002"])
    assert len(found) == 1
    assert found[0].location.entity == "security measure encryption"
    assert found[0].message.startswith("organisation-level security measures (inherited by 5 activities)")
    assert "(c)" in found[0].message
    assert "(a)" not in found[0].message


def test_specific_measures_add_to_inherited_ones() -> None:
    text = ORG_MEASURES + (
        "activities:\n  - id: a\n    name: A\n    specific_measures:\n"
        "      - description: Nightly backups, restore tested\n        kind: technical\n        art32: [c]\n"
    )
    assert codes(text, ["SEC-002"]) == []


def test_referenced_measures_replace_inheritance() -> None:
    text = ORG_MEASURES + "activities:\n  - id: a\n    name: A\n    security_measures: [policy]\n"
    found = findings(text, ["SEC-002"])
    assert [d.location.entity for d in found] == ["activity a"]
    assert "(a)" in found[0].message
    assert "(c)" in found[0].message


def test_art32_tag_spellings() -> None:
    assert art32_points(["a", "(b)", "32(1)(c)", " D ", "art. 32(1)(a)", "x", ""]) == {"a", "b", "c", "d"}


def test_only_organisational_needs_every_kind_known() -> None:
    base = ORG_MEASURES + "activities:\n  - id: a\n    name: A\n    large_scale: true\n"
    assert codes(base + "    security_measures: [policy]\n", ["SEC-003"]) == ["SEC-003"]
    assert codes(base, ["SEC-003"]) == []  # inherits the technical encryption measure too
    unknown = (
        base + "    security_measures: [policy]\n    specific_measures:\n      - description: Something\n"
    )
    assert codes(unknown, ["SEC-003"]) == []
