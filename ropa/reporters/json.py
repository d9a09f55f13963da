"""The ``json`` format: a versioned, documented contract, described by ``schemas/report.schema.json``.

The schema (:func:`ropa.schema.report_schema`) is generated from the typed dicts below; the
reporter builds exactly these dicts, so output and schema cannot drift apart. See
``docs/output-formats.md`` for the stability promise: within ``"version": "1"`` fields are only added,
never removed, renamed or retyped; consumers must ignore fields they do not know.
"""

from __future__ import annotations

import json
from typing import Annotated, Literal

from pydantic import Field
from typing_extensions import TypedDict

from ropa.diagnostics import Diagnostic, Location, Report
from ropa.reporters._base import RenderOptions

__all__ = [
    "FORMAT_VERSION",
    "Counts",
    "DiagnosticEntry",
    "LocationEntry",
    "ReportDocument",
    "Tool",
    "location_entry",
    "render",
    "report_document",
]

FORMAT_VERSION: Literal["1"] = "1"
"""The version of the JSON contract; changes only with a breaking change."""

SeverityName = Literal["error", "warning", "info"]


class Tool(TypedDict):
    """The program that wrote the report."""

    name: Annotated[Literal["ropa"], Field(description="Always 'ropa'.")]
    version: Annotated[str, Field(description="ropa's version, e.g. '0.1.0'.")]


class Counts(TypedDict):
    """Number of diagnostics per severity; all three keys are always present."""

    error: Annotated[int, Field(ge=0)]
    warning: Annotated[int, Field(ge=0)]
    info: Annotated[int, Field(ge=0)]


class Summary(TypedDict):
    """Totals of the report."""

    counts: Counts
    max_severity: Annotated[
        SeverityName | None, Field(description="The highest severity present; null for a clean report.")
    ]
    files: Annotated[int, Field(ge=0, description="Number of register files read.")]


class LocationEntry(TypedDict):
    """Where a diagnostic points."""

    file: Annotated[
        str | None,
        Field(
            description=(
                "POSIX path of the file, relative to the working directory when the register lies inside "
                "it (the same path the text format shows); null when the diagnostic concerns the whole "
                "register (e.g. IO-002) or an in-memory model."
            )
        ),
    ]
    line: Annotated[int | None, Field(ge=1, description="1-based line; null when unknown.")]
    column: Annotated[int | None, Field(ge=1, description="1-based column (code points); null when unknown.")]
    pointer: Annotated[
        str,
        Field(
            description=(
                "RFC 6901 JSON Pointer into the file's document, e.g. '/activities/0/purposes/1'; '' for "
                "the whole document. Stable when lines shift."
            )
        ),
    ]
    entity: Annotated[
        str | None,
        Field(description="The entity the diagnostic is about, e.g. 'activity newsletter'; null if none."),
    ]


class DiagnosticEntry(TypedDict):
    """One finding or structural problem."""

    code: Annotated[
        str,
        Field(
            pattern=r"^[A-Z]+-[0-9]{3}$",
            description="Stable code: a rule (LAW-001), structural (SYN/STR/IO) or suppression (SUP).",
        ),
    ]
    rule: Annotated[str, Field(description="The kebab-case name of the code, e.g. 'missing-lawful-basis'.")]
    severity: Annotated[SeverityName, Field(description="The effective severity after configuration.")]
    message: Annotated[str, Field(description="What is wrong, naming the entity. Not stable: do not parse.")]
    hint: Annotated[str | None, Field(description="How to fix it; null if there is no hint.")]
    legal_refs: Annotated[
        list[str], Field(description="The provisions behind the finding, e.g. 'Art. 30(1)(f) GDPR'.")
    ]
    location: LocationEntry
    fingerprint: Annotated[
        str,
        Field(
            pattern=r"^[0-9a-f]{32}$",
            description=(
                "Hash of code, file (relative to the register), pointer and entity: identifies the same "
                "finding across runs even when lines move."
            ),
        ),
    ]


class ReportDocument(TypedDict):
    """The whole output of 'ropa validate --format json'."""

    version: Annotated[Literal["1"], Field(description="Version of this contract.")]
    tool: Tool
    root: Annotated[str | None, Field(description="The register path that was validated, as given.")]
    summary: Summary
    diagnostics: Annotated[list[DiagnosticEntry], Field(description="Sorted by file, line, column and code.")]


def location_entry(location: Location, options: RenderOptions) -> LocationEntry:
    """A location as the JSON of the contract, its file shown as ``options`` say."""
    return {
        "file": options.path(location.file),
        "line": location.span.line if location.span else None,
        "column": location.span.column if location.span else None,
        "pointer": location.pointer,
        "entity": location.entity,
    }


def _entry(diagnostic: Diagnostic, options: RenderOptions) -> DiagnosticEntry:
    return {
        "code": diagnostic.code,
        "rule": diagnostic.rule,
        "severity": diagnostic.severity.value,
        "message": diagnostic.message,
        "hint": diagnostic.hint,
        "legal_refs": [str(r) for r in diagnostic.legal_refs],
        "location": location_entry(diagnostic.location, options),
        "fingerprint": diagnostic.fingerprint,
    }


def report_document(report: Report, options: RenderOptions) -> ReportDocument:
    """The report as the JSON-ready dict of the contract."""
    worst = report.max_severity
    counts = report.counts
    return {
        "version": FORMAT_VERSION,
        "tool": {"name": "ropa", "version": options.tool_version},
        "root": options.root,
        "summary": {
            "counts": {"error": counts["error"], "warning": counts["warning"], "info": counts["info"]},
            "max_severity": worst.value if worst else None,
            "files": len(report.files),
        },
        "diagnostics": [_entry(d, options) for d in report],
    }


def render(report: Report, options: RenderOptions) -> str:
    """The report as JSON text (UTF-8, two-space indent, trailing newline)."""
    return json.dumps(report_document(report, options), indent=2, ensure_ascii=False) + "\n"
