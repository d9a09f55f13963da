"""The ``sarif`` format: SARIF 2.1.0, for GitHub code scanning and other SARIF viewers.

- ``runs[0].tool.driver.rules`` describes every code ropa can report: each rule of the catalogue, the
  structural codes (SYN/STR/IO) and the suppression codes (SUP), with ``id`` = the code.
- Each result has ``ruleId``, ``ruleIndex``, ``level`` (``error``/``warning``/``note``), ``message``, a
  location whose ``artifactLocation.uri`` is a relative POSIX path under ``uriBaseId`` ``%SRCROOT%`` (the
  working directory; run ropa from the repository root), a region with ``startLine``/``startColumn`` when
  the position is known, and ``partialFingerprints`` from :attr:`Diagnostic.fingerprint`, which stays the
  same when lines shift.
"""

from __future__ import annotations

import json
from pathlib import PurePosixPath
from typing import Any
from urllib.parse import quote

from ropa.diagnostics import Diagnostic, Report, Severity
from ropa.reporters._base import HOMEPAGE, CodeInfo, RenderOptions, docs_url

__all__ = ["FINGERPRINT_KEY", "LEVELS", "SARIF_SCHEMA", "render", "sarif_log"]

SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
FINGERPRINT_KEY = "ropaFingerprint/v1"
"""The key of ropa's fingerprint in ``partialFingerprints``."""
LEVELS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}
"""ropa severity to SARIF level."""
SRCROOT = "%SRCROOT%"


def _descriptor(info: CodeInfo) -> dict[str, Any]:
    refs = [str(r) for r in info.legal_refs]
    full = info.summary + (f" Legal references: {', '.join(refs)}." if refs else "")
    tags = ["gdpr", "art30", info.kind, info.family]
    properties: dict[str, Any] = {"tags": tags, "kind": info.kind, "legal_refs": refs}
    if info.kind == "rule":
        properties["profile"] = info.profile
    descriptor: dict[str, Any] = {
        "id": info.code,
        "name": info.name,
        "shortDescription": {"text": info.summary},
        "fullDescription": {"text": full},
        "helpUri": docs_url(info),
        "defaultConfiguration": {"level": LEVELS[info.severity]},
        "properties": properties,
    }
    if info.doc.strip():
        descriptor["help"] = {"text": info.doc.strip(), "markdown": info.doc.strip()}
    return descriptor


def _uri(path: str) -> tuple[str, str | None]:
    """A URI reference for a display path, and its base id (``None`` for an absolute ``file:`` URI)."""
    posix = PurePosixPath(path)
    if posix.is_absolute():
        return "file://" + quote(posix.as_posix(), safe="/"), None
    return quote(posix.as_posix(), safe="/"), SRCROOT


def _location(diagnostic: Diagnostic, options: RenderOptions) -> dict[str, Any] | None:
    loc = diagnostic.location
    path = options.path(loc.file) or options.root
    if path is None:
        return None
    uri, base = _uri(path)
    artifact: dict[str, Any] = {"uri": uri}
    if base is not None:
        artifact["uriBaseId"] = base
    physical: dict[str, Any] = {"artifactLocation": artifact}
    if loc.span is not None and loc.span.line >= 1:
        region: dict[str, Any] = {"startLine": loc.span.line}
        if loc.span.column >= 1:
            region["startColumn"] = loc.span.column
        physical["region"] = region
    out: dict[str, Any] = {"physicalLocation": physical}
    if loc.entity:
        out["logicalLocations"] = [{"name": loc.entity, "kind": "object"}]
    return out


def _result(diagnostic: Diagnostic, index: int, options: RenderOptions) -> dict[str, Any]:
    loc = diagnostic.location
    result: dict[str, Any] = {
        "ruleId": diagnostic.code,
        "ruleIndex": index,
        "level": LEVELS[diagnostic.severity],
        "message": {"text": diagnostic.message},
    }
    location = _location(diagnostic, options)
    if location is not None:
        result["locations"] = [location]
    result["partialFingerprints"] = {FINGERPRINT_KEY: diagnostic.fingerprint}
    properties: dict[str, Any] = {
        "rule": diagnostic.rule,
        "severity": diagnostic.severity.value,
        "pointer": loc.pointer,
        "legal_refs": [str(r) for r in diagnostic.legal_refs],
    }
    if diagnostic.hint:
        properties["hint"] = diagnostic.hint
    if loc.entity:
        properties["entity"] = loc.entity
    result["properties"] = properties
    return result


def sarif_log(report: Report, options: RenderOptions) -> dict[str, Any]:
    """The report as a SARIF 2.1.0 log (a JSON-ready dict with one run)."""
    infos = list(options.codes().values())
    index = {info.code: i for i, info in enumerate(infos)}
    for diagnostic in report:  # codes no catalogue knows still get a descriptor
        if diagnostic.code not in index:
            index[diagnostic.code] = len(infos)
            infos.append(options.info(diagnostic))
    results = [_result(d, index[d.code], options) for d in report]
    return {
        "$schema": SARIF_SCHEMA,
        "version": "2.1.0",
        "runs": [
            {
                "tool": {
                    "driver": {
                        "name": "ropa",
                        "version": options.tool_version,
                        "semanticVersion": options.tool_version,
                        "informationUri": HOMEPAGE,
                        "rules": [_descriptor(i) for i in infos],
                    }
                },
                "invocations": [{"executionSuccessful": not any(d.code.startswith("IO-") for d in report)}],
                "columnKind": "unicodeCodePoints",
                "results": results,
            }
        ],
    }


def render(report: Report, options: RenderOptions) -> str:
    """The report as SARIF 2.1.0 JSON text."""
    return json.dumps(sarif_log(report, options), indent=2, ensure_ascii=False) + "\n"
