"""Edge cases of the EXM rules and the exemption data file."""

from __future__ import annotations

import datetime as dt

import pytest

import ropa
from ropa._data import load_data
from ropa.config import Config
from ropa.diagnostics import Diagnostic
from ropa.law import exemption as _rulesets
from ropa.law.exemption import Ruleset, current_ruleset, rulesets
from ropa.rules.exm import exemption_ruleset_not_in_force

from .conftest import run_rule


def findings(code: str, text: str) -> list[Diagnostic]:
    return [d for d in run_rule(code, text) if d.code == code]


def activity(extra: str = "", employees: int | None = 12) -> str:
    org = f"organisation:\n  name: X\n  employees: {employees}\n" if employees is not None else ""
    return f"{org}activities:\n  - id: a\n    name: A\n    frequency: occasional\n{extra}"


def test_the_data_file_has_its_provenance_and_both_rule_sets() -> None:
    data = load_data("exemption")
    for key in ("name", "version", "source", "retrieved", "shelf_life"):
        assert data[key]
    sets = rulesets()
    assert sets["gdpr-2016"].threshold == 250
    assert sets["gdpr-2016"].in_force_from == dt.date(2018, 5, 25)
    assert sets["omnibus-iv-2025"].status == "proposal"
    assert sets["omnibus-iv-2025"].in_force_from is None
    raw = {r["id"]: r for r in data["rulesets"]}
    assert raw["omnibus-iv-2025"]["checked"]
    assert raw["omnibus-iv-2025"]["note"]


def test_current_ruleset_depends_on_the_date() -> None:
    assert current_ruleset(dt.date(2018, 5, 24)) is None
    current = current_ruleset(dt.date(2026, 6, 1))
    assert current is not None
    assert current.id == "gdpr-2016"


def test_exm001_occasional_low_risk_processing_of_a_small_organisation_may_be_exempt() -> None:
    assert findings("EXM-001", activity("    exemption_claimed: true\n")) == []


def test_exm001_organisation_at_the_threshold_cannot_claim_the_exemption() -> None:
    [finding] = findings("EXM-001", activity("    exemption_claimed: true\n", employees=250))
    assert "250 or more" in finding.message


def test_exm001_unknown_headcount_checks_only_the_other_conditions() -> None:
    assert findings("EXM-001", activity("    exemption_claimed: true\n", employees=None)) == []
    text = activity("    exemption_claimed: true\n    large_scale: true\n", employees=None)
    assert len(findings("EXM-001", text)) == 1


@pytest.mark.parametrize(
    "flag",
    [
        "large_scale: true",
        "systematic_monitoring: true",
        "dpia: {required: true}",
        "automated_decisions: {exists: true}",
        "special_categories: true",
        "art10: {authorisation: Art. 33 UAVG}",
    ],
)
def test_exm001_any_single_trigger_defeats_the_claim(flag: str) -> None:
    assert len(findings("EXM-001", activity(f"    exemption_claimed: true\n    {flag}\n"))) == 1


def test_exm001_lists_every_reason_in_one_finding() -> None:
    text = activity("    exemption_claimed: true\n    large_scale: true\n", employees=300)
    [finding] = findings("EXM-001", text)
    assert "300" in finding.message
    assert "large_scale" in finding.message


@pytest.mark.parametrize("claimed", ["false", "null"])
def test_exm001_ignores_activities_that_claim_nothing(claimed: str) -> None:
    assert findings("EXM-001", activity(f"    exemption_claimed: {claimed}\n    large_scale: true\n")) == []


def test_exm002_without_a_ruleset_reports_nothing() -> None:
    assert findings("EXM-002", "register:\n  title: R\n") == []
    assert findings("EXM-002", "organisation:\n  name: X\n") == []


def test_exm002_ids_are_case_insensitive() -> None:
    assert findings("EXM-002", "register:\n  exemption_ruleset: GDPR-2016\n") == []


def test_exm002_unknown_ruleset() -> None:
    [finding] = findings("EXM-002", "register:\n  exemption_ruleset: gdpr-2030\n")
    assert "not a known rule set" in finding.message
    assert finding.location.pointer == "/register/exemption_ruleset"


def test_exm002_ruleset_before_its_entry_into_force() -> None:
    result = ropa.loads("register:\n  exemption_ruleset: gdpr-2016\n")
    report = ropa.validate(result, Config(select=["EXM-002"]), today=dt.date(2018, 1, 1))
    [finding] = [d for d in report if d.code == "EXM-002"]
    assert "2018-05-25" in finding.message


def test_exm002_replaced_ruleset(monkeypatch: pytest.MonkeyPatch) -> None:
    old = rulesets()["gdpr-2016"]
    new = Ruleset("gdpr-2027", 750, "in-force", dt.date(2027, 1, 1), "a later text")
    table = {"gdpr-2016": old, "gdpr-2027": new}
    monkeypatch.setattr(_rulesets, "rulesets", lambda: table)
    monkeypatch.setattr(exemption_ruleset_not_in_force, "rulesets", lambda: table)
    result = ropa.loads("register:\n  exemption_ruleset: gdpr-2016\n")
    report = ropa.validate(result, Config(select=["EXM-002"]), today=dt.date(2027, 6, 1))
    [finding] = [d for d in report if d.code == "EXM-002"]
    assert "replaced by 'gdpr-2027'" in finding.message
    assert "gdpr-2027" in (finding.hint or "")
