"""Rights rules: Art. 12(3) deadline arithmetic with calendar months, and per-finding severity."""

from __future__ import annotations

import datetime as dt

import pytest

from ropa.diagnostics import Severity
from ropa.durations import add_to_date, parse_duration
from ropa.models import Register
from ropa.rules import RuleContext, RuleOptions, get

from ._semantics import findings

FIXTURE_TODAY = dt.date(2026, 6, 1)


def _org(deadline: str | None = None, extension: str | None = None) -> str:
    lines = ["organisation:", "  name: Example BV", "  request_handling:", "    channel: privacy@example.nl"]
    if deadline is not None:
        lines.append(f"    response_deadline: {deadline}")
    if extension is not None:
        lines.append(f"    extension: {extension}")
    return "\n".join(lines) + "\n"


def test_a_request_of_1_february() -> None:
    received = dt.date(2027, 2, 1)
    assert add_to_date(received, parse_duration("P1M")) == dt.date(2027, 3, 1)
    assert add_to_date(received, parse_duration("P30D")) == dt.date(2027, 3, 3)


@pytest.mark.parametrize(
    ("deadline", "severity"),
    [
        ("P1M", None),
        ("P28D", None),
        ("P4W", None),
        ("P2W", None),
        ("P29D", Severity.WARNING),
        ("P30D", Severity.WARNING),
        ("P31D", Severity.WARNING),  # 1 January + 31 days is 1 February: not longer for every request
        ("P32D", Severity.ERROR),
        ("P45D", Severity.ERROR),
        ("P2M", Severity.ERROR),
        ("P1M1D", Severity.ERROR),
        ("P1Y", Severity.ERROR),
        ("30 dagen", Severity.WARNING),
        ("P30", Severity.WARNING),
    ],
)
def test_response_deadline(deadline: str, severity: Severity | None) -> None:
    found = findings(_org(deadline), ["RGT-001"])
    assert [d.severity for d in found] == ([severity] if severity else [])


def test_thirty_days_names_the_february_example() -> None:
    (finding,) = findings(_org("P30D"), ["RGT-001"])
    assert "1 February 2027" in finding.message
    assert "3 March 2027" in finding.message
    assert "1 March 2027" in finding.message


def test_invalid_deadline_hint_gives_the_iso_form() -> None:
    (finding,) = findings(_org("30 dagen"), ["RGT-001"])
    assert "'P30D'" in (finding.hint or "")


@pytest.mark.parametrize("deadline", ["P2M", "P3M", "P4M", "P45D"])
def test_a_recorded_extension_does_not_downgrade_a_standard_deadline_beyond_one_month(deadline: str) -> None:
    # The extension of Art. 12(3) is for complex or numerous requests, case by case, never the standard.
    assert [d.severity for d in findings(_org(deadline, "P2M"), ["RGT-001"])] == [Severity.ERROR]
    assert [d.severity for d in findings(_org(deadline), ["RGT-001"])] == [Severity.ERROR]


def test_configured_severity_still_wins() -> None:
    import ropa
    from ropa.config import Config

    report = ropa.validate(
        ropa.loads(_org("P2M")),
        Config(select=["RGT-001"], severity={"RGT-001": Severity.INFO}),
        today=FIXTURE_TODAY,
    )
    assert [d.severity for d in report if d.code == "RGT-001"] == [Severity.INFO]


def test_no_request_handling_is_not_reported() -> None:
    assert findings("organisation:\n  name: Example BV\n", ["RGT-001", "RGT-002"]) == []
    assert findings(_org(), ["RGT-001", "RGT-002"]) == []


def test_days_option_widens_what_fits() -> None:
    register = Register.model_validate(
        {"organisation": {"name": "X", "request_handling": {"response_deadline": "P30D"}}}
    )
    rule = get("RGT-001")
    default = RuleContext(register, today=FIXTURE_TODAY)
    relaxed = RuleContext(register, today=FIXTURE_TODAY, options=RuleOptions(dsr_default_days=30))
    assert len(list(rule.check(default))) == 1
    assert list(rule.check(relaxed)) == []


@pytest.mark.parametrize(
    ("extension", "severity"),
    [
        ("P2M", None),
        ("P59D", None),
        ("P8W", None),
        ("P60D", Severity.WARNING),
        ("P63D", Severity.ERROR),
        ("P3M", Severity.ERROR),
        ("2 maanden", Severity.WARNING),
    ],
)
def test_extension(extension: str, severity: Severity | None) -> None:
    found = findings(_org("P1M", extension), ["RGT-002"])
    assert [d.severity for d in found] == ([severity] if severity else [])


def test_notice_periods_compare_as_calendar_periods() -> None:
    text = """
activities:
  - id: a
    name: A
    retention:
      - duration: P12M
      - duration: P365D
    notice:
      retention: [P1Y, P365D]
"""
    assert findings(text, ["RGT-005"]) == []


def test_notice_comparison_needs_both_sides() -> None:
    text = """
activities:
  - id: a
    name: A
    notice:
      recipients: [x]
      transfer_countries: [US]
      retention: [P1Y]
"""
    assert findings(text, ["RGT-005"]) == []
