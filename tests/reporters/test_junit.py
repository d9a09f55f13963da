from __future__ import annotations

import dataclasses
import xml.etree.ElementTree as ET

from ropa.diagnostics import Diagnostic, Location, Report, Severity, Span
from ropa.reporters import RenderOptions
from ropa.reporters import junit as junit_reporter
from tests.reporters.conftest import LAW, LAW_2, STRUCTURAL


def _parse(report: Report, options: RenderOptions) -> ET.Element:
    out = junit_reporter.render(report, options)
    assert out.startswith('<?xml version="1.0" encoding="UTF-8"?>\n')
    return ET.fromstring(out)  # noqa: S314 - our own output


def _cases(root: ET.Element) -> list[ET.Element]:
    return root.findall("./testsuite/testcase")


def test_counts_are_consistent(report: Report, options: RenderOptions) -> None:
    root = _parse(report, options)
    assert root.tag == "testsuites"
    suites = root.findall("testsuite")
    for suite in suites:
        cases = suite.findall("testcase")
        assert int(suite.get("tests", "-1")) == len(cases)
        assert int(suite.get("failures", "-1")) == sum(c.find("failure") is not None for c in cases)
        assert suite.get("errors") == "0"
    assert int(root.get("tests", "-1")) == len(_cases(root))
    assert int(root.get("failures", "-1")) == sum(int(s.get("failures", "0")) for s in suites)


def test_one_suite_per_family_structural_first(report: Report, options: RenderOptions) -> None:
    only_law = dataclasses.replace(options, selected=frozenset({"LAW-001"}))
    names = [s.get("name") for s in _parse(report, only_law).findall("testsuite")]
    assert names == ["ropa.STR", "ropa.IO", "ropa.LAW", "ropa.SUP"]


def test_one_failing_case_per_rule_and_entity(report: Report, options: RenderOptions) -> None:
    only_law = dataclasses.replace(options, selected=frozenset({"LAW-001"}))
    root = _parse(report, only_law)
    law = root.find("./testsuite[@name='ropa.LAW']")
    assert law is not None
    cases = law.findall("testcase")
    names = sorted(c.get("name", "") for c in cases)
    assert names == [
        "LAW-001 missing-lawful-basis: activity newsletter",
        "LAW-001 missing-lawful-basis: activity odd",
    ]
    newsletter = next(c for c in cases if c.get("name", "").endswith("newsletter"))
    assert newsletter.get("classname") == "ropa.LAW"
    assert newsletter.get("file") == "registers/acme/activities.yaml"
    assert newsletter.get("line") == "5"
    failure = newsletter.find("failure")
    assert failure is not None
    assert failure.get("type") == "error"
    assert failure.get("message", "").startswith("2 findings")
    assert failure.text is not None
    assert LAW.message in failure.text
    assert LAW_2.message in failure.text
    assert "registers/acme/activities.yaml:7:9 LAW-001 error" in failure.text
    odd = next(c for c in cases if c.get("name", "").endswith("odd"))
    odd_failure = odd.find("failure")
    assert odd_failure is not None
    assert odd_failure.get("type") == "info"


def test_rules_that_ran_without_findings_pass(options: RenderOptions) -> None:
    report = Report.build([STRUCTURAL], ("activities.yaml",))
    selected = dataclasses.replace(options, selected=frozenset({"LAW-001"}))
    root = _parse(report, selected)
    law = root.find("./testsuite[@name='ropa.LAW']")
    assert law is not None
    (case,) = law.findall("testcase")
    assert case.get("name") == "LAW-001 missing-lawful-basis"
    assert case.find("failure") is None
    assert root.get("tests") == "2"
    assert root.get("failures") == "1"


def test_by_default_every_rule_of_the_catalogue_is_a_case(
    clean_report: Report, options: RenderOptions
) -> None:
    root = _parse(clean_report, options)
    assert int(root.get("tests", "0")) == len(options.ran()) > 0
    assert root.get("failures") == "0"


def test_characters_xml_cannot_carry_are_replaced(options: RenderOptions) -> None:
    nasty = Diagnostic(
        "LAW-001",
        "missing-lawful-basis",
        Severity.ERROR,
        "bad \x00 byte & <tag> \x1b",
        Location("a.yaml", "", Span(1, 1), "activity x"),
    )
    root = _parse(Report.build([nasty], ("a.yaml",)), dataclasses.replace(options, selected=frozenset()))
    failure = root.find(".//failure")
    assert failure is not None
    assert failure.get("message") == "bad \\x00 byte & <tag> \\x1b"


def _by_name(root: ET.Element) -> dict[str, ET.Element]:
    return {c.get("name", ""): c for c in _cases(root)}


def test_findings_below_fail_on_are_failures_by_default(report: Report, options: RenderOptions) -> None:
    with_threshold = dataclasses.replace(options, fail_on="error")
    odd = _by_name(_parse(report, with_threshold))["LAW-001 missing-lawful-basis: activity odd"]
    failure = odd.find("failure")
    assert failure is not None
    assert failure.get("type") == "info"


def test_findings_below_fail_on_can_be_skipped(report: Report, options: RenderOptions) -> None:
    skipping = dataclasses.replace(options, fail_on="error", junit_below="skipped")
    root = _parse(report, skipping)
    cases = _by_name(root)
    odd = cases["LAW-001 missing-lawful-basis: activity odd"]
    assert odd.find("failure") is None
    skipped = odd.find("skipped")
    assert skipped is not None
    assert skipped.get("message", "").startswith("info below --fail-on: ")
    assert skipped.text is not None
    assert "LAW-001 info" in skipped.text
    # The SUP-001 warning is below 'error' too; the errors stay failures.
    sup = next(c for name, c in cases.items() if name.startswith("SUP-001"))
    assert sup.find("skipped") is not None
    newsletter = cases["LAW-001 missing-lawful-basis: activity newsletter"]
    assert newsletter.find("failure") is not None
    skipped_cases = [c for c in _cases(root) if c.find("skipped") is not None]
    assert int(root.get("skipped", "-1")) == len(skipped_cases)
    assert all(c.find("failure") is None for c in skipped_cases)
    for suite in root.findall("testsuite"):
        in_suite = suite.findall("testcase")
        assert int(suite.get("skipped", "-1")) == sum(c.find("skipped") is not None for c in in_suite)


def test_findings_below_fail_on_can_pass(report: Report, options: RenderOptions) -> None:
    passing = dataclasses.replace(options, fail_on="warning", junit_below="passed")
    cases = _by_name(_parse(report, passing))
    odd = cases["LAW-001 missing-lawful-basis: activity odd"]
    assert odd.find("failure") is None
    assert odd.find("skipped") is None
    out = odd.find("system-out")
    assert out is not None
    assert out.text is not None
    assert "LAW-001 info" in out.text
    # A warning reaches --fail-on warning: still a failure.
    sup = next(c for name, c in cases.items() if name.startswith("SUP-001"))
    assert sup.find("failure") is not None


def test_fail_on_never_passes_everything(report: Report, options: RenderOptions) -> None:
    never = dataclasses.replace(options, fail_on="never", junit_below="passed")
    root = _parse(report, never)
    assert root.get("failures") == "0"
    assert all(c.find("failure") is None for c in _cases(root))
