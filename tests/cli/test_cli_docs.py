"""docs/cli.md and docs/output-formats.md keep up with the options, codes and formats they describe."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from ropa.loading.codes import STRUCTURAL
from ropa.reporters import REPORTERS
from ropa.reporters._base import NON_RULE_ANCHOR
from ropa.reporters.json import DiagnosticEntry, LocationEntry
from ropa.rules.engine import META_CODES
from tests.cli.conftest import Run

DOCS = Path(__file__).resolve().parents[2] / "docs"
CLI = (DOCS / "cli.md").read_text(encoding="utf-8")
FORMATS = (DOCS / "output-formats.md").read_text(encoding="utf-8")


def _anchor(heading: str) -> str:
    """GitHub's anchor for a Markdown heading."""
    return re.sub(r"[^\w\- ]", "", heading.strip().lower()).replace(" ", "-")


def test_non_rule_codes_are_documented_under_the_linked_heading() -> None:
    headings = {_anchor(h): h for h in re.findall(r"^#+ (.+)$", CLI, flags=re.MULTILINE)}
    assert NON_RULE_ANCHOR in headings
    section = CLI.split(f"### {headings[NON_RULE_ANCHOR]}", 1)[1].split("\n## ", 1)[0]
    for code, spec in STRUCTURAL.items():
        assert f"| `{code}` | `{spec.name}` |" in section
    for code, (name, _) in META_CODES.items():
        assert f"| `{code}` | `{name}` |" in section


@pytest.mark.parametrize("command", ["validate", "rules", "diff", "due"])
def test_every_option_is_documented(run: Run, command: str) -> None:
    result = run(command, "--help")
    assert result.code == 0
    options = set(re.findall(r"(?<![\w-])--[a-z][a-z-]+", result.out)) - {"--help"}
    assert options
    missing = sorted(o for o in options if f"`{o}" not in CLI and f" {o}" not in CLI)
    assert missing == []


def test_environment_variables_and_exit_codes_are_documented() -> None:
    for name in ("NO_COLOR", "FORCE_COLOR", "GITHUB_ACTIONS", "GITHUB_STEP_SUMMARY", "ROPA_TRACEBACK"):
        assert f"| `{name}` |" in CLI
    exit_codes = CLI.split("### Exit codes", 1)[1].split("\n## ", 1)[0]
    for code in range(4):
        assert f"| {code} |" in exit_codes


def test_every_format_has_a_section() -> None:
    for name in REPORTERS:
        assert f"\n## `{name}`\n" in FORMATS
        assert f"`{name}`" in CLI


def test_json_field_table_covers_the_contract() -> None:
    for field in DiagnosticEntry.__annotations__:
        if field != "location":
            assert f"`diagnostics[].{field}`" in FORMATS
    for field in LocationEntry.__annotations__:
        assert f"`diagnostics[].location.{field}`" in FORMATS or f".{field}`" in FORMATS
