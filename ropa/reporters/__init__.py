"""Output formats of ``ropa validate``: each renders a :class:`~ropa.diagnostics.Report` to text.

:data:`REPORTERS` maps a format name to its :class:`Reporter`; adding a format means adding one module and
one entry. Reporters never print: they return the text, and the caller writes it where it belongs::

    from ropa.reporters import REPORTERS, RenderOptions

    text = REPORTERS["sarif"].render(report, RenderOptions(root="registers/acme", base="registers/acme"))

``text`` is for people and is not a contract; ``json``, ``sarif``, ``github`` and ``junit`` are machine
formats whose shape is documented in ``docs/output-formats.md``.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from ropa.diagnostics import Report
from ropa.reporters import github, junit, sarif, text
from ropa.reporters._base import (
    CodeInfo,
    RenderOptions,
    catalogue,
    clean,
    docs_url,
    escape_control,
    register_paths,
    summary_line,
)

__all__ = [
    "REPORTERS",
    "CodeInfo",
    "RenderOptions",
    "Reporter",
    "catalogue",
    "clean",
    "docs_url",
    "escape_control",
    "github_step_summary",
    "register_paths",
    "render",
    "summary_line",
]


@dataclass(frozen=True, slots=True)
class Reporter:
    """An output format.

    Attributes:
        name: the ``--format`` value.
        description: one line for ``--help``.
        render: the function from report and options to text.
        machine: True for formats read by programs: the CLI then writes nothing else to stdout and puts
            the summary line on stderr.
    """

    name: str
    description: str
    render: Callable[[Report, RenderOptions], str]
    machine: bool


def _json(report: Report, options: RenderOptions) -> str:
    # Imported on use: the json reporter's typed dicts (the schema's source) import pydantic, which the
    # other formats, and a cached ``ropa validate``, do not need.
    from ropa.reporters import json

    return json.render(report, options)


REPORTERS: dict[str, Reporter] = {
    r.name: r
    for r in (
        Reporter(
            "text", "for people: file:line:col CODE severity message, grouped by file", text.render, False
        ),
        Reporter("json", "versioned JSON contract (schemas/report.schema.json)", _json, True),
        Reporter("sarif", "SARIF 2.1.0 for GitHub code scanning", sarif.render, True),
        Reporter("github", "GitHub Actions annotations (workflow commands)", github.render, True),
        Reporter("junit", "JUnit XML: a test case per rule and entity", junit.render, True),
    )
}
"""Every output format, by name."""


def github_step_summary(report: Report, options: RenderOptions | None = None) -> str:
    """A Markdown job summary of ``report`` for ``$GITHUB_STEP_SUMMARY``: the totals and a table of every
    diagnostic (what ``ropa validate --format github`` appends there)."""
    return github.step_summary(report, options or RenderOptions())


def render(report: Report, fmt: str, options: RenderOptions | None = None) -> str:
    """Render ``report`` in the format ``fmt`` (a key of :data:`REPORTERS`).

    Raises:
        KeyError: no such format.
    """
    return REPORTERS[fmt].render(report, options or RenderOptions())
