"""The ``github`` format: GitHub Actions workflow commands, shown as annotations on the pull request.

One command per diagnostic, the diagnostics of each file inside a collapsible ``::group::``::

    ::group::registers/acme/activities.yaml
    ::error file=registers/acme/activities.yaml,line=14,col=5,title=LAW-001 missing-lawful-basis::...
    ::endgroup::

``error`` becomes ``::error``, ``warning`` ``::warning`` and ``info`` ``::notice``. The message carries the
legal references and, on a second line, the hint. Escaping follows the Actions runner: in the message
``%``, CR and LF become ``%25``, ``%0D`` and ``%0A``; in property values ``:`` and ``,`` also become
``%3A`` and ``%2C``. Every other control character (ESC, NUL, C1 controls) is shown as ``\\xNN``, so that
register text cannot drive the log viewer or the terminal.

GitHub shows only a limited number of annotations per step; :func:`step_summary` renders a Markdown table
of every finding that the CLI appends to ``$GITHUB_STEP_SUMMARY``.
"""

from __future__ import annotations

from ropa.diagnostics import Diagnostic, Report, Severity
from ropa.reporters._base import RenderOptions, clean, summary_line

__all__ = ["COMMANDS", "escape_data", "escape_property", "render", "step_summary"]

COMMANDS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}
"""ropa severity to workflow command."""


def escape_data(text: str) -> str:
    """Escape the message part of a workflow command: ``%``, CR, LF; other control characters become
    ``\\xNN``."""
    return clean(text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A"))


def escape_property(text: str) -> str:
    """Escape a property value of a workflow command (``%``, CR, LF, ``:`` and ``,``)."""
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def _command(diagnostic: Diagnostic, options: RenderOptions) -> str:
    loc = diagnostic.location
    props: list[tuple[str, str]] = []
    path = options.path(loc.file)
    if path is not None:
        props.append(("file", path))
        if loc.span is not None:
            props.append(("line", str(loc.span.line)))
            props.append(("col", str(loc.span.column)))
    props.append(("title", f"{diagnostic.code} {diagnostic.rule}"))
    message = diagnostic.message
    if diagnostic.legal_refs:
        message += f" [{', '.join(str(r) for r in diagnostic.legal_refs)}]"
    if diagnostic.hint:
        message += f"\n{diagnostic.hint}"
    properties = ",".join(f"{key}={escape_property(value)}" for key, value in props)
    return f"::{COMMANDS[diagnostic.severity]} {properties}::{escape_data(message)}"


def render(report: Report, options: RenderOptions) -> str:
    """The report as workflow commands, one per line."""
    lines: list[str] = []
    for file, diagnostics in report.by_file().items():
        title = options.path(file) if file else None
        if title:
            lines.append(f"::group::{escape_data(title)}")
        lines.extend(_command(d, options) for d in diagnostics)
        if title:
            lines.append("::endgroup::")
    return "".join(f"{line}\n" for line in lines)


def _cell(text: str) -> str:
    return clean(text.replace("\\", "\\\\").replace("|", "\\|").replace("\r", " ").replace("\n", " "))


def step_summary(report: Report, options: RenderOptions) -> str:
    """A Markdown job summary: the totals and a table of every diagnostic."""
    totals = summary_line(report, options.lang)
    lines = ["## ropa validate", "", f"{options.root or 'register'}: {totals}", ""]
    if report.diagnostics:
        lines += ["| Severity | Code | Location | Message |", "|---|---|---|---|"]
        for d in report:
            where = options.where(d)
            if d.location.span is not None:
                where += f":{d.location.line}"
            lines.append(f"| {d.severity.value} | {d.code} {d.rule} | {_cell(where)} | {_cell(d.message)} |")
        lines.append("")
    return "\n".join(lines) + "\n"
