"""Governance rules: dates relative to today, where register-level findings point."""

from __future__ import annotations

import datetime as dt

from ._semantics import codes, findings


def test_review_due_today_is_not_overdue() -> None:
    text = "register:\n  next_review: 2026-06-01\n"
    assert codes(text, ["GOV-001"]) == []
    assert codes(text, ["GOV-001"], today=dt.date(2026, 6, 2)) == ["GOV-001"]


def test_missing_register_block_points_at_the_organisation() -> None:
    (finding,) = findings("organisation:\n  name: Example BV\n", ["GOV-002"])
    assert finding.location.entity == "organisation"
    assert finding.location.line == 1
    assert finding.message.startswith("the register: has no 'register:' block")


def test_missing_register_block_without_organisation_has_no_location() -> None:
    (finding,) = findings("activities:\n  - id: a\n    name: A\n", ["GOV-002"])
    assert finding.location.file is None


def test_metadata_names_what_is_missing() -> None:
    (finding,) = findings("register:\n  title: R\n", ["GOV-002"])
    assert "version" in finding.message
    assert "last_updated" in finding.message


def test_default_schema_version_is_supported() -> None:
    assert codes("register:\n  title: R\n", ["GOV-005"]) == []
    assert codes("register:\n  schema_version: 0\n", ["GOV-005"]) == ["GOV-005"]


def test_processor_activity_on_behalf_of_a_controller_is_fine() -> None:
    text = "activities:\n  - id: a\n    name: A\n    role: processor\n    on_behalf_of: Client BV\n"
    assert codes(text, ["GOV-004"]) == []
