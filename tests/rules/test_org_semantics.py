"""Edge cases of the ORG rules that the fixtures do not cover."""

from __future__ import annotations

import datetime as dt

import pytest

import ropa
from ropa.diagnostics import Diagnostic
from ropa.rules import get
from ropa.rules._base import RuleContext

from .conftest import FIXTURE_TODAY, run_rule


def findings(code: str, text: str) -> list[Diagnostic]:
    return [d for d in run_rule(code, text) if d.code == code]


def context(text: str, broken: frozenset[tuple[str, str]] = frozenset()) -> RuleContext:
    return RuleContext(ropa.loads(text).register, today=FIXTURE_TODAY, broken=broken)


def test_missing_organisation_is_reported_once_by_org001_on_the_register_block() -> None:
    text = "register:\n  title: Register\nactivities:\n  - id: a\n    name: A\n"
    [finding] = findings("ORG-001", text)
    assert finding.location.pointer == "/register"
    assert finding.location.line == 1
    assert findings("ORG-002", text) == []


def test_missing_organisation_without_register_block_has_no_file_position() -> None:
    [finding] = findings("ORG-001", "activities:\n  - id: a\n    name: A\n")
    assert finding.location.file is None
    assert finding.location.entity is None


def test_organisation_that_failed_loading_is_not_reported_again() -> None:
    ctx = context("activities: []\n", broken=frozenset({("organisation", "")}))
    assert list(get("ORG-001").check(ctx)) == []


@pytest.mark.parametrize(
    "contact",
    ["{address: Dorpsstraat 1}", "{email: a@example.nl}", "{email: a@example.nl, phone: '1'}"],
)
def test_postal_address_or_email_is_enough_for_org002(contact: str) -> None:
    assert findings("ORG-002", f"organisation:\n  name: X\n  contact: {contact}\n") == []


def test_org002_points_at_the_organisation_when_there_is_no_contact_block() -> None:
    [finding] = findings("ORG-002", "organisation:\n  name: X\n")
    assert finding.location.pointer == "/organisation"


def test_org003_ignores_a_dpo_statement_of_designated_false() -> None:
    assert findings("ORG-003", "organisation:\n  name: X\n  dpo: {designated: false}\n") == []


def test_org003_reports_a_designated_dpo_without_contact_block_at_dpo() -> None:
    [finding] = findings("ORG-003", "organisation:\n  name: X\n  dpo: {designated: true}\n")
    assert finding.location.pointer == "/organisation/dpo"


def test_org004_public_authority_without_dpo_block_points_at_the_organisation() -> None:
    [finding] = findings("ORG-004", "organisation:\n  name: X\n  public_authority: true\n")
    assert finding.location.pointer == "/organisation"
    assert "public authority" in finding.message


def test_org004_unstated_flags_count_as_false() -> None:
    text = (
        "organisation:\n  name: X\n"
        "activities:\n  - id: a\n    name: A\n    large_scale: true\n    systematic_monitoring: true\n"
    )
    assert findings("ORG-004", text) == []


def test_org004_criminal_data_as_core_large_scale_triggers() -> None:
    text = (
        "organisation:\n  name: X\n"
        "data_categories:\n  - id: records\n    name: Records\n    criminal: true\n"
        "activities:\n  - id: screening\n    name: Screening\n    core_activity: true\n"
        "    large_scale: true\n    data_categories: [records]\n"
    )
    [finding] = findings("ORG-004", text)
    assert "screening" in finding.message


def test_org005_stays_silent_when_org004_reports_the_missing_dpo() -> None:
    text = "organisation:\n  name: X\n  public_authority: true\n"
    assert findings("ORG-004", text) != []
    assert findings("ORG-005", text) == []


def test_org005_accepts_an_explicit_no_dpo_statement() -> None:
    assert findings("ORG-005", "organisation:\n  name: X\n  dpo: {designated: false}\n") == []


@pytest.mark.parametrize(
    "org",
    [
        "country: NL\n  targets_eu: true",  # inside the EEA
        "country: NO\n  targets_eu: true",  # EEA, not EU
        "country: US",  # targeting not declared
        "country: US\n  targets_eu: false",
        "targets_eu: true",  # country unknown
        "country: US\n  targets_eu: true\n  representative: {name: EU Rep BV}",
    ],
)
def test_org006_cases_that_are_not_reported(org: str) -> None:
    assert findings("ORG-006", f"organisation:\n  name: X\n  {org}\n") == []


def test_org006_empty_representative_block_counts_as_missing() -> None:
    text = "organisation:\n  name: X\n  country: CH\n  targets_eu: true\n  representative: {}\n"
    [finding] = findings("ORG-006", text)
    assert finding.location.pointer == "/organisation/representative"


def test_org007_empty_controller_block_lacks_name_and_details() -> None:
    text = "processor_activities:\n  - id: p\n    controller: {}\n"
    [finding] = findings("ORG-007", text)
    assert finding.location.pointer == "/processor_activities/0/controller"
    assert finding.message.endswith("has no name and contact details")


def test_org_rules_run_on_an_in_memory_register() -> None:
    register = ropa.Register.model_validate({"organisation": {"public_authority": True}})
    report = ropa.validate(register, ropa.Config(select=["ORG"]), today=dt.date(2026, 1, 1))
    assert {d.code for d in report} == {"ORG-001", "ORG-002", "ORG-004", "ORG-008"}


COUNTRYLESS = "organisation:\n  name: Voorbeeld BV\n  contact: {email: privacy@voorbeeld.nl}\n"


def _country_note(text: str, config: ropa.Config | None = None) -> list[ropa.Diagnostic]:
    report = ropa.validate(ropa.loads(text), config or ropa.Config(), today=dt.date(2026, 1, 1))
    return [d for d in report if d.code == "ORG-008"]


def test_org008_says_once_that_the_country_profiles_are_off_and_how_to_turn_them_on() -> None:
    [note] = _country_note(COUNTRYLESS)
    assert note.severity is ropa.Severity.INFO
    assert note.location.pointer == "/organisation"
    assert note.message == (
        "organisation: the controller's country is not stated, so the country profiles (nl) are off"
    )
    assert note.hint is not None
    assert "'country:'" in note.hint
    assert 'profile = ["nl"]' in note.hint
    assert "--profile nl" in note.hint


def test_org008_is_silent_when_the_country_or_the_profiles_are_stated() -> None:
    assert _country_note(COUNTRYLESS.replace("  name:", "  country: NL\n  name:")) == []
    assert _country_note(COUNTRYLESS.replace("  name:", "  country: SE\n  name:")) == []
    assert _country_note(COUNTRYLESS, ropa.Config(profile=["nl"])) == []
    assert _country_note(COUNTRYLESS, ropa.Config(profile=["eu"])) == []  # a deliberate choice
    assert _country_note("register: {profile: nl}\n" + COUNTRYLESS) == []
    assert _country_note("register: {title: T}\n") == []  # ORG-001's finding covers a missing block


def test_org008_is_no_noise_on_the_example_register() -> None:
    report = ropa.validate("registers/miki4all", today=dt.date(2026, 1, 1))
    assert [d for d in report if d.code == "ORG-008"] == []
