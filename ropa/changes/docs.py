"""Generate ``docs/changes/<CODE>.md`` and ``docs/changes/index.md`` from the table of change codes.

Run ``python -m ropa.changes.docs docs/changes`` to regenerate; the test suite fails when they drift.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence
from pathlib import Path

from ropa._pages import pages_drift, write_pages
from ropa.changes._catalogue import ChangeCode, change_codes, table
from ropa.changes._texts import refs, say

__all__ = ["drift", "render_code", "render_index", "write"]


def _recognised(entry: ChangeCode, lang: str) -> str:
    ways = []
    if entry.python:
        ways.append(say("diff.page.by-detector", lang))
    if entry.field is not None:
        fields = ", ".join(f"`{f}`" for f in entry.field.fields)
        if len(entry.field.ops) == 3:
            ways.append(say("diff.page.by-field", lang, fields=fields, kind=entry.field.kind))
        else:
            ops = ", ".join(entry.field.ops)
            ways.append(say("diff.page.by-field-ops", lang, fields=fields, kind=entry.field.kind, ops=ops))
    if entry.findings:
        ways.append(say("diff.page.by-findings", lang, codes=", ".join(f"`{c}`" for c in entry.findings)))
    return "; ".join(ways)


def render_code(entry: ChangeCode, lang: str = "en") -> str:
    """The Markdown page of one change code, in ``lang`` (``docs/changes/`` has the English pages)."""
    text = entry.translated(lang)
    lines = [
        f"# {entry.code} {entry.name}",
        "",
        "| | |",
        "|---|---|",
        f"| {say('diff.page.code', lang)} | `{entry.code}` |",
        f"| {say('diff.page.name', lang)} | `{entry.name}` |",
        f"| {say('diff.page.severity', lang)} | {say(f'diff.page.severity.{entry.severity.value}', lang)} |",
        f"| {say('diff.page.refs', lang)} | {refs(entry.legal_refs, lang)} |",
        f"| {say('diff.page.recognised', lang)} | {_recognised(entry, lang)} |",
        "",
        text.summary,
        "",
        f"## {say('diff.page.why', lang)}",
        "",
        text.why,
        "",
        f"## {say('diff.page.action', lang)}",
        "",
        text.action,
        "",
        f"## {say('diff.page.example', lang)}",
        "",
        say("diff.page.before", lang),
        "",
        "```yaml",
        entry.example_before.rstrip("\n"),
        "```",
        "",
        say("diff.page.after", lang),
        "",
        "```yaml",
        entry.example_after.rstrip("\n"),
        "```",
        "",
        say("diff.page.reported", lang, code=entry.code),
        "",
    ]
    if entry.guidance:
        lines += [f"## {say('diff.page.guidance', lang)}", "", *(f"- {g}" for g in entry.guidance), ""]
    lines += [say("diff.page.generated", lang, version=table()["version"]), ""]
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
        "`ropa explain CHG-022` prints a code's page; `ropa explain CHG-022 --lang nl` (or `fr`, `de`) "
        "prints it in that language, and `ropa diff --lang` gives each code's summary and what to do in "
        "it. `ropa rules --all` lists the codes with the other codes ropa reports.",
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
