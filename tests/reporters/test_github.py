from __future__ import annotations

import re

import pytest

from ropa.diagnostics import Report
from ropa.reporters import RenderOptions
from ropa.reporters import github as github_reporter
from ropa.reporters.github import escape_data, escape_property, step_summary
from tests.reporters.conftest import LAW

_COMMAND = re.compile(r"^::(?P<command>[a-z]+)(?: (?P<props>[^:]*))?::(?P<data>.*)$")


def _unescape_data(text: str) -> str:
    return text.replace("%0A", "\n").replace("%0D", "\r").replace("%25", "%")


def _unescape_property(text: str) -> str:
    return _unescape_data(text.replace("%3A", ":").replace("%2C", ","))


def _parse(line: str) -> tuple[str, dict[str, str], str]:
    """Split a workflow command the way the Actions runner does."""
    match = _COMMAND.match(line)
    assert match, line
    props: dict[str, str] = {}
    if match["props"]:
        for pair in match["props"].split(","):
            key, _, value = pair.partition("=")
            props[key] = _unescape_property(value)
    return match["command"], props, _unescape_data(match["data"])


@pytest.mark.parametrize(
    ("raw", "data", "prop"),
    [
        ("plain", "plain", "plain"),
        ("100%", "100%25", "100%25"),
        ("a\r\nb", "a%0D%0Ab", "a%0D%0Ab"),
        ("%0A is literal", "%250A is literal", "%250A is literal"),
        ("file:1,2", "file:1,2", "file%3A1%2C2"),
        ("::error::", "::error::", "%3A%3Aerror%3A%3A"),
    ],
)
def test_escaping(raw: str, data: str, prop: str) -> None:
    assert escape_data(raw) == data
    assert escape_property(raw) == prop
    assert _unescape_data(escape_data(raw)) == raw
    assert _unescape_property(escape_property(raw)) == raw


def test_one_command_per_diagnostic_grouped_by_file(report: Report, options: RenderOptions) -> None:
    lines = github_reporter.render(report, options).splitlines()
    commands = [_parse(line) for line in lines]
    kinds = [c for c, _, _ in commands]
    assert kinds.count("group") == kinds.count("endgroup") == 4
    assert sum(k in ("error", "warning", "notice") for k in kinds) == len(report)
    assert lines[0].startswith("::error title=IO-002 no-register-files::")  # no file: no group
    assert lines[1] == "::group::registers/acme/activities.yaml"
    assert lines[-1] == "::endgroup::"


def test_error_command_properties_and_message(report: Report, options: RenderOptions) -> None:
    lines = github_reporter.render(report, options).splitlines()
    line = next(x for x in lines if "line=5," in x)
    assert line.startswith(
        "::error file=registers/acme/activities.yaml,line=5,col=9,title=LAW-001 missing-lawful-basis::"
    )
    command, props, message = _parse(line)
    assert command == "error"
    assert props == {
        "file": "registers/acme/activities.yaml",
        "line": "5",
        "col": "9",
        "title": "LAW-001 missing-lawful-basis",
    }
    assert message == f"{LAW.message} [Art. 6(1) GDPR, Art. 5(2) GDPR]\n{LAW.hint}"


def test_levels_map_to_commands(report: Report, options: RenderOptions) -> None:
    commands = {
        props.get("title", "").split(" ")[0] + ":" + props.get("line", ""): command
        for command, props, _ in map(_parse, github_reporter.render(report, options).splitlines())
    }
    assert commands["LAW-001:5"] == "error"
    assert commands["SUP-001:9"] == "warning"
    assert commands["LAW-001:2"] == "notice"  # info


def test_awkward_paths_and_messages_round_trip(report: Report, options: RenderOptions) -> None:
    lines = github_reporter.render(report, options).splitlines()
    line = next(x for x in lines if x.startswith("::notice "))
    assert "file=registers/acme/sub dir/odd%2C name%3A1.yaml," in line
    assert "\r" not in line
    _, props, message = _parse(line)
    assert props["file"] == "registers/acme/sub dir/odd, name:1.yaml"
    # line breaks survive as %0D%0A; ESC does not reach the log (issue 14.11)
    assert message == "100% sure: a,b\r\nnext line \\x1b[31mred\\x1b[0m\nline one\nline two"
    assert "::group::registers/acme/sub dir/odd, name:1.yaml" in lines


def test_no_control_character_reaches_the_log(report: Report, options: RenderOptions) -> None:
    text = github_reporter.render(report, options) + step_summary(report, options)
    assert not [c for c in text if (ord(c) < 0x20 and c != "\n") or 0x7F <= ord(c) < 0xA0]
    assert "\\x1b[31mred" in text


def test_no_span_means_no_line(report: Report, options: RenderOptions) -> None:
    line = next(x for x in github_reporter.render(report, options).splitlines() if "STR-001" in x)
    _, props, _ = _parse(line)
    assert props == {"file": "registers/acme/empty.yaml", "title": "STR-001 bad-document-shape"}


def test_clean_report_prints_nothing(clean_report: Report, options: RenderOptions) -> None:
    assert github_reporter.render(clean_report, options) == ""


def test_step_summary_lists_every_finding(
    report: Report, clean_report: Report, options: RenderOptions
) -> None:
    summary = step_summary(report, options)
    assert summary.startswith("## ropa validate\n")
    assert "registers/acme: 4 errors, 2 warnings, 1 info in 4 files" in summary
    rows = [line for line in summary.splitlines() if line.startswith("| ") and "---" not in line]
    assert len(rows) == len(report) + 1  # plus the header
    assert "| error | LAW-001 missing-lawful-basis | registers/acme/activities.yaml:5 |" in summary
    assert "\r" not in summary
    assert "no findings in 4 files" in step_summary(clean_report, options)
