"""A hand-built report with every kind of diagnostic, so that reporter tests do not depend on the rules
that happen to exist: a rule finding (LAW-001), a structural error, a suppression warning, an info with
characters that need escaping, and a register-level diagnostic without a file."""

from __future__ import annotations

import pytest

from ropa.diagnostics import Diagnostic, LegalRef, Location, Report, Severity, Span
from ropa.reporters import RenderOptions

ROOT = "registers/acme"

LAW = Diagnostic(
    code="LAW-001",
    rule="missing-lawful-basis",
    severity=Severity.ERROR,
    message="activity newsletter: purpose 'Send it' has no lawful basis",
    location=Location("activities.yaml", "/activities/0/purposes/0", Span(5, 9), "activity newsletter"),
    hint="Add 'lawful_basis:' to the purpose.",
    legal_refs=(LegalRef("6", 1), LegalRef("5", 2)),
)
LAW_2 = Diagnostic(
    code="LAW-001",
    rule="missing-lawful-basis",
    severity=Severity.ERROR,
    message="activity newsletter: purpose 'Measure it' has no lawful basis",
    location=Location("activities.yaml", "/activities/0/purposes/1", Span(7, 9), "activity newsletter"),
    hint="Add 'lawful_basis:' to the purpose.",
    legal_refs=(LegalRef("6", 1),),
)
STRUCTURAL = Diagnostic(
    code="STR-002",
    rule="unknown-field",
    severity=Severity.ERROR,
    message="unknown field 'nmae' in activity payroll",
    location=Location("activities.yaml", "/activities/1/nmae", Span(12, 5), "activity payroll"),
    hint="Did you mean 'name'?",
)
SUPPRESSION = Diagnostic(
    code="SUP-001",
    rule="unused-suppression",
    severity=Severity.WARNING,
    message="suppression of RET-001 on organisation matches no finding",
    location=Location("org.yaml", "/organisation/suppress/0", Span(9, 7), "organisation"),
    hint="Remove the suppression.",
)
ODD = Diagnostic(
    code="LAW-001",
    rule="missing-lawful-basis",
    severity=Severity.INFO,
    message="100% sure: a,b\r\nnext line \x1b[31mred\x1b[0m",
    location=Location("sub dir/odd, name:1.yaml", "/activities/0", Span(2, 3), "activity odd"),
    hint="line one\nline two",
)
NO_FILE = Diagnostic(
    code="IO-002",
    rule="no-register-files",
    severity=Severity.ERROR,
    message="no .yaml or .yml files in registers/acme",
    hint="Point ropa at a register folder.",
)
NO_SPAN = Diagnostic(
    code="STR-001",
    rule="bad-document-shape",
    severity=Severity.WARNING,
    message="file is empty",
    location=Location("empty.yaml", "", None, None),
)
FILES = ("activities.yaml", "empty.yaml", "org.yaml", "sub dir/odd, name:1.yaml")


@pytest.fixture
def report() -> Report:
    return Report.build([LAW, LAW_2, STRUCTURAL, SUPPRESSION, ODD, NO_FILE, NO_SPAN], FILES)


@pytest.fixture
def clean_report() -> Report:
    return Report.build([], FILES)


@pytest.fixture
def options() -> RenderOptions:
    return RenderOptions(root=ROOT, base=ROOT)
