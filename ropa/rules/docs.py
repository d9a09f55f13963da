"""Generate ``docs/rules/<CODE>.md`` and ``docs/rules/index.md`` from the rule registry.

Run ``python -m ropa.rules.docs docs/rules`` to regenerate; the test suite fails when they drift.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Sequence
from pathlib import Path

from ropa._pages import pages_drift, write_pages
from ropa.rules._base import Rule

__all__ = ["drift", "examples", "render_index", "render_rule", "render_scope", "write"]

_FENCE = re.compile(r"^## (Example|Use instead)\s*\n+```yaml\n(.*?)^```", re.MULTILINE | re.DOTALL)


def examples(rule: Rule) -> dict[str, str]:
    """The YAML of the ``Example`` (fails) and ``Use instead`` (passes) sections of a rule's docstring."""
    return {m.group(1): m.group(2) for m in _FENCE.finditer(rule.doc)}


def render_rule(rule: Rule) -> str:
    """The Markdown page of one rule."""
    _, _, body = rule.doc.strip().partition("\n")
    refs = ", ".join(str(r) for r in rule.legal_refs)
    profile = "all registers" if rule.profile == "eu" else f"profile `{rule.profile}`"
    records = "controller's record (Art. 30(1))"
    if rule.processor_record:
        records += " and processor's record (Art. 30(2))"
    led = (
        "not reported (GDPR only)"
        if rule.led is None
        else "reported, citing " + ", ".join(str(r) for r in rule.led)
    )
    exempt = "not reported (such processing need not be recorded)" if rule.record_gap else "reported"
    return (
        f"# {rule.code} {rule.name}\n\n"
        f"| | |\n|---|---|\n"
        f"| Code | `{rule.code}` |\n| Name | `{rule.name}` |\n"
        f"| Default severity | {rule.severity.value} |\n| Legal references | {refs} |\n"
        f"| Applies to | {profile} |\n| Entries checked | {records} |\n"
        f"| Activities under the Law Enforcement Directive | {led} |\n"
        f"| Activities validly exempted under Art. 30(5) | {exempt} |\n\n"
        f"{rule.summary}\n\n"
        f"{body.strip()}\n\n"
        f"Suppress for one entity with `suppress: [{{rule: {rule.code}, justification: ...}}]`, "
        f'or for the whole register with `ignore = ["{rule.code}"]` in `ropa.toml`.\n'
    )


def render_index(rules: Sequence[Rule]) -> str:
    """The index table of every rule."""
    lines = [
        "# Rules",
        "",
        "Every rule of ropa's catalogue. Codes are stable and never reused. Generated from the rule registry "
        "by `python -m ropa.rules.docs docs/rules`.",
        "",
        "| Code | Name | Severity | Profile | Legal references | Summary |",
        "|---|---|---|---|---|---|",
    ]
    for rule in rules:
        refs = ", ".join(str(r) for r in rule.legal_refs)
        lines.append(
            f"| [{rule.code}]({rule.code}.md) | `{rule.name}` | {rule.severity.value} | {rule.profile} "
            f"| {refs} | {rule.summary} |"
        )
    return "\n".join(lines) + "\n"


def render_scope(rules: Sequence[Rule]) -> str:
    """The table of docs/law.md: which entries each rule checks, what it cites under the LED, and whether it
    reports activities validly exempted under Art. 30(5)."""
    lines = [
        "| Code | Processor's record (Art. 30(2)) | Activities under the Law Enforcement Directive "
        "| Activities exempted under Art. 30(5) |",
        "|---|---|---|---|",
    ]
    for rule in rules:
        processor = "checked" if rule.processor_record else "not checked"
        led = "not reported" if rule.led is None else "cites " + ", ".join(str(r) for r in rule.led)
        exempt = "not reported" if rule.record_gap else "reported"
        lines.append(f"| [{rule.code}](rules/{rule.code}.md) | {processor} | {led} | {exempt} |")
    return "\n".join(lines) + "\n"


def _pages(rules: Sequence[Rule]) -> dict[str, str]:
    pages = {f"{r.code}.md": render_rule(r) for r in rules}
    pages["index.md"] = render_index(rules)
    return pages


def write(folder: Path, rules: Sequence[Rule]) -> list[Path]:
    """Write every page into ``folder``; remove pages of rules that no longer exist."""
    return write_pages(folder, _pages(rules))


def drift(folder: Path, rules: Sequence[Rule]) -> list[str]:
    """Pages in ``folder`` that are missing, stale or extra."""
    return pages_drift(folder, _pages(rules))


if __name__ == "__main__":  # pragma: no cover - developer tool
    from ropa.rules import ALL_RULES

    target = Path(sys.argv[1] if len(sys.argv) > 1 else "docs/rules")
    for path in write(target, ALL_RULES):
        sys.stderr.write(f"wrote {path}\n")
