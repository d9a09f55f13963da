"""ropa: the GDPR Art. 30 record of processing activities as code.

The public API is a handful of verbs plus the models::

    import ropa

    result = ropa.load("registers/acme")          # LoadResult: register + structural diagnostics
    report = ropa.validate("registers/acme")      # Report: structural diagnostics + rule findings
    ropa.export_json(result.register, "out/acme.json")
    ropa.export_xlsx(result.register, "out/acme.xlsx", lang="nl", report=report)

    changes = ropa.diff(ropa.load_revision("registers/acme", "origin/main"), result)  # what it means in law
    items = ropa.due(result, within="30d")                # review dates and checks that fall due

Nothing in the library prints or exits; bad register content becomes diagnostics, not exceptions.
Names are imported on first use, so ``import ropa`` is fast and pulls in neither pydantic's model
building nor openpyxl or jsonschema until they are needed.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

from ropa._version import __version__

if TYPE_CHECKING:
    from ropa._api import diff, due, export_json, export_xlsx, validate
    from ropa.changes import (
        ChangeCode,
        Diff,
        EntityChange,
        FieldChange,
        Meaning,
        Snapshot,
        change_code,
        change_codes,
        load_revision,
        render_change_code,
        render_diff,
    )
    from ropa.config import Config, find_config, load_config
    from ropa.deadlines import DueItem, render_due
    from ropa.diagnostics import Diagnostic, LegalRef, Location, Report, Severity, Span
    from ropa.errors import ConfigError, ExportError, ExportWarning, RegisterError, RevisionError, RopaError
    from ropa.loading.loader import LoadResult, load, loads
    from ropa.models import Activity, Organisation, Party, Register
    from ropa.publishing._api import (
        PUBLISH_INTERNAL_PARTS,
        compare_notice,
        diagram,
        export_jsonld,
        export_subprocessors,
        notice,
        notice_statements,
        publish,
    )
    from ropa.publishing._deps import MissingDependencyError
    from ropa.publishing.compare import NoticeDiscrepancy

_LAZY = {
    "export_json": "ropa._api",
    "export_xlsx": "ropa._api",
    "validate": "ropa._api",
    "ChangeCode": "ropa.changes",
    "Diff": "ropa.changes",
    "EntityChange": "ropa.changes",
    "FieldChange": "ropa.changes",
    "Meaning": "ropa.changes",
    "Snapshot": "ropa.changes",
    "diff": "ropa._api",
    "change_code": "ropa.changes",
    "change_codes": "ropa.changes",
    "load_revision": "ropa.changes",
    "render_change_code": "ropa.changes",
    "render_diff": "ropa.changes",
    "DueItem": "ropa.deadlines",
    "due": "ropa._api",
    "render_due": "ropa.deadlines",
    "Config": "ropa.config",
    "find_config": "ropa.config",
    "load_config": "ropa.config",
    "Diagnostic": "ropa.diagnostics",
    "LegalRef": "ropa.diagnostics",
    "Location": "ropa.diagnostics",
    "Report": "ropa.diagnostics",
    "Severity": "ropa.diagnostics",
    "Span": "ropa.diagnostics",
    "ConfigError": "ropa.errors",
    "ExportError": "ropa.errors",
    "ExportWarning": "ropa.errors",
    "RegisterError": "ropa.errors",
    "RevisionError": "ropa.errors",
    "RopaError": "ropa.errors",
    "LoadResult": "ropa.loading.loader",
    "load": "ropa.loading.loader",
    "loads": "ropa.loading.loader",
    "Activity": "ropa.models",
    "Organisation": "ropa.models",
    "Party": "ropa.models",
    "Register": "ropa.models",
    "PUBLISH_INTERNAL_PARTS": "ropa.publishing._api",
    "compare_notice": "ropa.publishing._api",
    "diagram": "ropa.publishing._api",
    "export_jsonld": "ropa.publishing._api",
    "export_subprocessors": "ropa.publishing._api",
    "notice": "ropa.publishing._api",
    "notice_statements": "ropa.publishing._api",
    "publish": "ropa.publishing._api",
    "MissingDependencyError": "ropa.publishing._deps",
    "NoticeDiscrepancy": "ropa.publishing.compare",
}

__all__ = [
    "PUBLISH_INTERNAL_PARTS",
    "Activity",
    "ChangeCode",
    "Config",
    "ConfigError",
    "Diagnostic",
    "Diff",
    "DueItem",
    "EntityChange",
    "ExportError",
    "ExportWarning",
    "FieldChange",
    "LegalRef",
    "LoadResult",
    "Location",
    "Meaning",
    "MissingDependencyError",
    "NoticeDiscrepancy",
    "Organisation",
    "Party",
    "Register",
    "RegisterError",
    "Report",
    "RevisionError",
    "RopaError",
    "Severity",
    "Snapshot",
    "Span",
    "__version__",
    "change_code",
    "change_codes",
    "compare_notice",
    "diagram",
    "diff",
    "due",
    "export_json",
    "export_jsonld",
    "export_subprocessors",
    "export_xlsx",
    "find_config",
    "load",
    "load_config",
    "load_revision",
    "loads",
    "notice",
    "notice_statements",
    "publish",
    "render_change_code",
    "render_diff",
    "render_due",
    "validate",
]


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'ropa' has no attribute '{name}'")
    value = getattr(importlib.import_module(module), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(__all__)
