"""Generate ``docs/changes/<CODE>.md`` and ``docs/changes/index.md`` from the table of change codes.

Run ``python -m ropa.changes.docs docs/changes`` to regenerate; the test suite fails when they drift.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence
from pathlib import Path

from ropa._pages import pages_drift, write_pages
from ropa.changes._catalogue import ChangeCode, change_codes, table

__all__ = ["drift", "render_code", "render_index", "write"]

_SEVERITY = {
    "error": "error: a legal requirement is now unmet",
    "warning": "warning: act before the change takes effect",
    "info": "info: for the record",
}


def _recognised(entry: ChangeCode) -> str:
    ways = []
    if entry.python:
        ways.append("a detector in `ropa/changes/_detect.py`")
    if entry.field is not None:
        fields = ", ".join(f"`{f}`" for f in entry.field.fields)
        ops = "" if len(entry.field.ops) == 3 else f" ({', '.join(entry.field.ops)})"
        ways.append(f"a change to {fields} of `{entry.field.kind}`{ops}")
    if entry.findings:
        ways.append("the change brings in " + ", ".join(f"`{c}`" for c in entry.findings))
    return "; ".join(ways)


def render_code(entry: ChangeCode) -> str:
    """The Markdown page of one change code."""
    refs = ", ".join(str(r) for r in entry.legal_refs)
    lines = [
        f"# {entry.code} {entry.name}",
        "",
        "| | |",
        "|---|---|",
        f"| Code | `{entry.code}` |",
        f"| Name | `{entry.name}` |",
        f"| Severity | {_SEVERITY[entry.severity.value]} |",
        f"| Legal references | {refs} |",
        f"| Recognised by | {_recognised(entry)} |",
        "",
        entry.summary,
        "",
        "## Why it matters",
        "",
        entry.why,
        "",
        "## What to do",
        "",
        entry.action,
        "",
        "## Example",
        "",
        "Before:",
        "",
        "```yaml",
        entry.example_before.rstrip("\n"),
        "```",
        "",
        "After:",
        "",
        "```yaml",
        entry.example_after.rstrip("\n"),
        "```",
        "",
        f"`ropa diff` reports `{entry.code}` for this change (the test suite checks it).",
        "",
    ]
    if entry.guidance:
        lines += ["## Guidance", "", *(f"- {g}" for g in entry.guidance), ""]
    lines += [f"Generated from `ropa/changes/codes.json` ({table()['version']}).", ""]
    return "\n".join(lines)


def render_index(entries: Sequence[ChangeCode]) -> str:
    """The index table of every change code."""
    data = table()
    lines = [
        "# Change codes",
        "",
        "What a change to a register means in law. `ropa diff` (and the Changes sheet of "
        "`ropa export --since`) gives each change it recognises a code from this table, with the provisions "
        "it engages and what to do. Codes are stable and never reused. Severity says how urgent it is: "
        "**error**, a legal requirement is now unmet; **warning**, act before the change takes effect; "
        "**info**, for the record.",
        "",
        "Changes that no code covers still appear in the diff, field by field: the codes add the legal "
        f"meaning. Generated from `ropa/changes/codes.json` (version {data['version']}) by "
        "`python -m ropa.changes.docs docs/changes`.",
        "",
        "| Code | Name | Severity | Legal references | Summary |",
        "|---|---|---|---|---|",
    ]
    for e in entries:
        refs = ", ".join(str(r) for r in e.legal_refs)
        lines.append(f"| [{e.code}]({e.code}.md) | `{e.name}` | {e.severity.value} | {refs} | {e.summary} |")
    lines += ["", f"Sources: {data['source']}", ""]
    return "\n".join(lines)


def _pages(entries: Sequence[ChangeCode]) -> dict[str, str]:
    pages = {f"{e.code}.md": render_code(e) for e in entries}
    pages["index.md"] = render_index(entries)
    return pages


def write(folder: Path, entries: Sequence[ChangeCode] | None = None) -> list[Path]:
    """Write every page into ``folder``; remove pages of codes that no longer exist."""
    return write_pages(folder, _pages(entries if entries is not None else change_codes()))


def drift(folder: Path, entries: Sequence[ChangeCode] | None = None) -> list[str]:
    """Pages in ``folder`` that are missing, stale or extra."""
    return pages_drift(folder, _pages(entries if entries is not None else change_codes()))


if __name__ == "__main__":  # pragma: no cover - developer tool
    target = Path(sys.argv[1] if len(sys.argv) > 1 else "docs/changes")
    for path in write(target):
        sys.stderr.write(f"wrote {path}\n")
