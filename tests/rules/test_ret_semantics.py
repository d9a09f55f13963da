"""Retention rules: edge cases, and one finding per root cause across RET-xxx and NL-003."""

from __future__ import annotations

import pytest

from ropa.diagnostics import Severity

from ._semantics import codes, findings

ALL_RET = ["RET-001", "RET-002", "RET-003", "RET-004", "RET-005", "RET-006", "RET-007", "RET-008"]


def _activity(retention: str, extra: str = "") -> str:
    return f"""
organisation:
  name: Example BV
  country: NL
data_categories:
  - id: invoices
    name: Invoices
    bookkeeping: true
  - id: contact
    name: Contact
activities:
  - id: a
    name: A
{extra}    retention:
{retention}
"""


def test_missing_retention_is_a_warning_and_an_error_when_strict() -> None:
    text = "activities:\n  - id: a\n    name: A\n"
    assert [d.severity for d in findings(text, ["RET-001"])] == [Severity.WARNING]
    assert [d.severity for d in findings(text, ["RET-001"], strict=True)] == [Severity.ERROR]


def test_endless_account_rule_is_reported_once() -> None:
    text = _activity("      - description: kept forever\n        anchor: account-closure\n")
    assert codes(text, ALL_RET) == ["RET-002"]


def test_endless_with_review_is_not_an_until_event_gap() -> None:
    text = _activity("      - kind: endless\n        anchor: account-closure\n        review_period: P1Y\n")
    assert codes(text, ALL_RET) == []


def test_statutory_text_without_period_wins_over_missing_criteria() -> None:
    text = _activity("      - kind: indeterminate\n        description: de wettelijke bewaartermijn\n")
    assert codes(text, ALL_RET) == ["RET-004"]


def test_legal_claims_is_not_a_statutory_period() -> None:
    text = _activity("      - kind: criteria\n        criteria: until legal claims are time-barred\n")
    assert codes(text, ALL_RET) == []


@pytest.mark.parametrize(
    ("value", "suggestion"),
    [("7 years", "'P7Y'"), ("7Y", "'P7Y'"), ("30 dagen", "'P30D'"), ("P7", "e.g. P7Y")],
)
def test_invalid_duration_hint(value: str, suggestion: str) -> None:
    found = findings(_activity(f"      - duration: {value}\n"), ["RET-003"])
    assert len(found) == 1
    assert suggestion in (found[0].hint or "")


def test_invalid_duration_is_not_compared_by_other_rules() -> None:
    extra = "    data_categories: [invoices]\n"
    text = _activity("      - duration: 5 years\n        legal_reference: Art. 52(4) AWR\n", extra)
    assert codes(text, [*ALL_RET, "NL-003"]) == ["RET-003"]


@pytest.mark.parametrize(
    ("duration", "reported"),
    [
        ("P7Y", False),
        ("P84M", False),
        ("P10Y", False),
        ("P2557D", False),
        ("P6Y", True),
        ("P2556D", True),  # seven years are 2,557 days when they contain two 29 Februaries
        ("P6Y12M", False),
        ("P6Y11M30D", True),
    ],
)
def test_statutory_minimum_is_compared_for_every_start_date(duration: str, reported: bool) -> None:
    extra = "    data_categories: [invoices]\n"
    text = _activity(f"      - duration: {duration}\n        legal_reference: Art. 52(4) AWR\n", extra)
    assert codes(text, ["RET-007"]) == (["RET-007"] if reported else [])


def test_statutory_minimum_needs_a_country_in_the_data_file() -> None:
    extra = "    data_categories: [invoices]\n"
    text = _activity("      - duration: P1Y\n", extra).replace("country: NL", "country: BE")
    assert codes(text, ["RET-007"], profile=["eu"]) == []


def test_statutory_minimum_ignores_rules_for_other_categories() -> None:
    extra = "    data_categories: [invoices, contact]\n"
    retention = (
        "      - data_categories: [contact]\n        duration: P1Y\n"
        "      - data_categories: [invoices]\n        duration: P7Y\n"
        "        legal_reference: Art. 52(4) AWR\n"
    )
    assert codes(_activity(retention, extra), ["RET-007"]) == []


def test_uncovered_bookkeeping_category_is_ret006_in_eu_and_nl003_in_nl() -> None:
    extra = "    data_categories: [contact, invoices]\n"
    text = _activity("      - data_categories: [contact]\n        duration: P1Y\n", extra)
    assert codes(text, ["RET-006", "NL-003"], profile=["eu"]) == ["RET-006"]
    assert codes(text, ["RET-006", "NL-003"], profile=["eu", "nl"]) == ["NL-003"]


def test_a_statutory_period_without_its_law_is_ret004_in_eu_and_nl003_in_nl() -> None:
    extra = (
        "    data_categories: [invoices]\n"
        "    purposes:\n      - description: Bookkeeping\n        lawful_basis: 6-1-c\n        law: AWR\n"
    )
    text = _activity("      - duration: P7Y\n        description: the statutory period\n", extra)
    assert codes(text, ["RET-004", "NL-003"], profile=["eu"]) == ["RET-004"]
    assert codes(text, ["RET-004", "NL-003"], profile=["eu", "nl"]) == ["NL-003"]


def test_a_period_the_organisation_chose_for_a_legal_obligation_needs_no_law() -> None:
    extra = (
        "    purposes:\n"
        "      - description: Deliver\n        lawful_basis: 6-1-b\n"
        "      - description: Accounts\n        lawful_basis: 6-1-c\n        law: Art. 52 AWR\n"
    )
    text = _activity("      - duration: P1Y\n      - duration: P2Y\n", extra)
    assert codes(text, ["RET-004"]) == []


@pytest.mark.parametrize(
    "description",
    ["7 jaar (art. 52 AWR)", "seven years under § 147 AO", "zeven jaar, Wet op de loonbelasting"],
)
def test_a_rule_whose_own_text_cites_the_law_is_not_missing_it(description: str) -> None:
    text = _activity(f"      - duration: P7Y\n        description: wettelijke bewaartermijn, {description}\n")
    assert codes(text, ["RET-004"]) == []


def test_dormant_account_fallback_may_be_any_text_ret003_checks_it() -> None:
    text = _activity("      - anchor: account-closure\n        inactivity_fallback: two years\n")
    assert codes(text, ALL_RET) == ["RET-003"]


def test_statutory_bookkeeping_text_is_one_finding() -> None:
    extra = "    data_categories: [invoices]\n"
    text = _activity(
        "      - data_categories: [invoices]\n        kind: criteria\n"
        "        criteria: zolang de wettelijke termijn loopt\n",
        extra,
    )
    assert codes(text, [*ALL_RET, "NL-003"], profile=["eu"]) == ["RET-004"]
    found = findings(text, [*ALL_RET, "NL-003"], profile=["eu", "nl"])
    assert [d.code for d in found] == ["NL-003"]
    assert "without a period or a reference to the AWR or BW" in found[0].message
