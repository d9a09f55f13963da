"""The ``junit`` format: JUnit XML, for CI systems that show test reports (GitLab, Jenkins, Azure).

- One ``<testsuite name="ropa.LAW">`` per code family (structural families first, then the rules in
  catalogue order, then ``SUP``).
- One ``<testcase>`` per rule × entity with findings, named ``LAW-001 missing-lawful-basis: activity
  newsletter``, holding one ``<failure>`` (``type`` = the highest severity; the text lists every finding
  of that rule on that entity with its location, legal references and hint).
- One passing ``<testcase>`` named ``LAW-001 missing-lawful-basis`` for each rule that ran without
  findings. Structural and SUP codes appear only when reported.

By default every finding is a failure, whatever its severity; ``--fail-on`` decides the exit code, not
the XML. With ``--junit-below skipped`` (or ``passed``) a rule × entity whose findings all lie below
``--fail-on`` becomes a skipped test case (``<skipped>`` with the findings) or a passing one (the findings
in ``<system-out>``), so that a check that exits 0 shows no failures.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections.abc import Sequence

from ropa.diagnostics import Diagnostic, Report
from ropa.reporters._base import CodeInfo, RenderOptions

__all__ = ["render"]

_KIND_ORDER = {"structural": 0, "rule": 1, "suppression": 2}
_NOT_XML = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def _xml(text: str) -> str:
    """``text`` without the characters XML 1.0 cannot carry (shown as ``\\xNN``)."""
    return _NOT_XML.sub(lambda m: f"\\x{ord(m.group()):02x}", text)


def _subject(diagnostic: Diagnostic, options: RenderOptions) -> str:
    return diagnostic.location.entity or options.where(diagnostic)


def _finding_text(diagnostic: Diagnostic, options: RenderOptions) -> str:
    loc = diagnostic.location
    where = options.where(diagnostic)
    if loc.span is not None:
        where += f":{loc.line}:{loc.column}"
    text = f"{where} {diagnostic.code} {diagnostic.severity.value} {diagnostic.message}"
    if diagnostic.legal_refs:
        text += f" [{', '.join(str(r) for r in diagnostic.legal_refs)}]"
    if diagnostic.hint:
        text += f"\n    hint: {diagnostic.hint}"
    return text


def _failing_case(
    info: CodeInfo, subject: str, found: Sequence[Diagnostic], options: RenderOptions
) -> ET.Element:
    first = found[0]
    case = ET.Element(
        "testcase",
        {"classname": f"ropa.{info.family}", "name": _xml(f"{info.code} {info.name}: {subject}")},
    )
    path = options.path(first.location.file)
    if path is not None:
        case.set("file", _xml(path))
        if first.location.span is not None:
            case.set("line", str(first.location.line))
    worst = max(found, key=lambda d: d.severity.rank).severity
    message = first.message if len(found) == 1 else f"{len(found)} findings; first: {first.message}"
    text = _xml("\n".join(_finding_text(d, options) for d in found))
    mode = "failure"
    if not options.fails(worst):
        mode = options.junit_below
    if mode == "passed":
        ET.SubElement(case, "system-out").text = text
    elif mode == "skipped":
        skipped = ET.SubElement(
            case, "skipped", {"message": _xml(f"{worst.value} below --fail-on: {message}")}
        )
        skipped.text = text
    else:
        failure = ET.SubElement(case, "failure", {"type": worst.value, "message": _xml(message)})
        failure.text = text
    return case


def render(report: Report, options: RenderOptions) -> str:
    """The report as a JUnit XML document."""
    codes = options.codes()
    ran = options.ran()
    found: dict[str, dict[str, list[Diagnostic]]] = {}
    for diagnostic in report:
        found.setdefault(diagnostic.code, {}).setdefault(_subject(diagnostic, options), []).append(diagnostic)
    infos = [c for c in codes.values() if c.code in found or (c.kind == "rule" and c.code in ran)]
    infos += [options.info(next(iter(by.values()))[0]) for code, by in found.items() if code not in codes]
    infos.sort(key=lambda c: _KIND_ORDER[c.kind])

    suites: dict[str, ET.Element] = {}
    for info in infos:
        suite = suites.get(info.family)
        if suite is None:
            suite = suites[info.family] = ET.Element("testsuite", {"name": f"ropa.{info.family}"})
        by_subject = found.get(info.code)
        if not by_subject:
            suite.append(
                ET.Element(
                    "testcase", {"classname": f"ropa.{info.family}", "name": f"{info.code} {info.name}"}
                )
            )
            continue
        for subject, diagnostics in by_subject.items():
            suite.append(_failing_case(info, subject, diagnostics, options))

    root = ET.Element("testsuites", {"name": "ropa validate"})
    total_tests = total_failures = total_skipped = 0
    for suite in suites.values():
        tests = len(suite)
        failures = sum(1 for case in suite if case.find("failure") is not None)
        skipped = sum(1 for case in suite if case.find("skipped") is not None)
        suite.set("tests", str(tests))
        suite.set("failures", str(failures))
        suite.set("errors", "0")
        suite.set("skipped", str(skipped))
        total_tests += tests
        total_failures += failures
        total_skipped += skipped
        root.append(suite)
    root.set("tests", str(total_tests))
    root.set("failures", str(total_failures))
    root.set("errors", "0")
    root.set("skipped", str(total_skipped))
    ET.indent(root)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"
