from __future__ import annotations

import dataclasses

from ropa.diagnostics import Report
from ropa.reporters import RenderOptions, summary_line, text
from tests.reporters.conftest import LAW, ROOT

ANSI = "\x1b["


def _plain(options: RenderOptions, **changes: object) -> RenderOptions:
    return dataclasses.replace(options, **changes)  # type: ignore[arg-type]


def test_one_line_per_diagnostic_with_location_code_severity_and_refs(
    report: Report, options: RenderOptions
) -> None:
    lines = text.render(report, options).splitlines()
    assert (
        "registers/acme/activities.yaml:5:9 LAW-001 error "
        "activity newsletter: purpose 'Send it' has no lawful basis [Art. 6(1) GDPR, Art. 5(2) GDPR]"
    ) in lines
    assert (
        "registers/acme/activities.yaml:12:5 STR-002 error unknown field 'nmae' in activity payroll" in lines
    )


def test_grouped_by_file_in_report_order(report: Report, options: RenderOptions) -> None:
    blocks = text.render(report, options).strip("\n").split("\n\n")
    *groups, summary = blocks
    firsts = [g.splitlines()[0].split(" ", 1)[0] for g in groups]
    assert firsts == [
        "registers/acme",  # the register-level diagnostic, shown at the register root
        "registers/acme/activities.yaml:5:9",
        "registers/acme/empty.yaml",  # no span: no line and column
        "registers/acme/org.yaml:9:7",
        "registers/acme/sub",  # "sub dir/odd, name:1.yaml" starts with "sub"
    ]
    assert len(groups[1].splitlines()) == 3
    assert summary == summary_line(report)


def test_summary_line_counts_and_pluralises(report: Report, clean_report: Report) -> None:
    assert summary_line(report) == "4 errors, 2 warnings, 1 info in 4 files"
    assert summary_line(Report.build([LAW], ("a.yaml",))) == "1 error, 0 warnings, 0 infos in 1 file"
    assert summary_line(clean_report) == "no findings in 4 files"


def test_clean_report_prints_only_the_summary(clean_report: Report, options: RenderOptions) -> None:
    assert text.render(clean_report, options) == "no findings in 4 files\n"


def test_verbosity_levels(report: Report, options: RenderOptions) -> None:
    normal = text.render(report, options)
    quiet = text.render(report, _plain(options, verbosity=0))
    silent = text.render(report, _plain(options, verbosity=-1))
    verbose = text.render(report, _plain(options, verbosity=2))
    assert silent == ""
    assert summary_line(report) not in quiet
    assert quiet.strip()
    assert quiet in normal
    assert "hint:" not in normal
    assert "    hint: Add 'lawful_basis:' to the purpose." in verbose.splitlines()
    docs = [line for line in verbose.splitlines() if line.startswith("    docs: ")]
    assert len(docs) == len(report)
    assert any(line.endswith("/docs/rules/LAW-001.md") for line in docs)
    assert any(line.endswith("/docs/cli.md#codes-that-are-not-rules") for line in docs)


def test_colour_only_when_asked(report: Report, options: RenderOptions) -> None:
    assert ANSI not in text.render(report, options)
    coloured = text.render(report, _plain(options, color=True, verbosity=2))
    assert ANSI in coloured
    lines = coloured.splitlines()
    assert "\x1b[31m" in next(line for line in lines if "LAW-001" in line)  # errors in red
    assert "\x1b[33m" in next(line for line in lines if "SUP-001" in line)  # warnings in yellow


def test_register_content_cannot_drive_the_terminal(report: Report, options: RenderOptions) -> None:
    out = text.render(report, _plain(options, verbosity=2))
    assert ANSI not in out  # the ESC in the message is shown, not sent
    assert "\\x1b[31mred" in out
    assert "100% sure: a,b\\x0d\\x0anext line" in out
    assert "    hint: line one\\x0aline two" in out.splitlines()


def test_without_root_uses_file_names_as_they_are(report: Report) -> None:
    out = text.render(report, RenderOptions())
    assert out.splitlines()[0].startswith("<register> IO-002 error")
    assert any(line.startswith("activities.yaml:5:9 LAW-001") for line in out.splitlines())


def test_root_for_a_single_file_register() -> None:
    report = Report.build([LAW], ("activities.yaml",))
    out = text.render(report, RenderOptions(root=f"{ROOT}/activities.yaml", base=ROOT))
    assert out.startswith("registers/acme/activities.yaml:5:9 LAW-001 error")
