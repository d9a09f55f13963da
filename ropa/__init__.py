"""ropa: the GDPR Art. 30 record of processing activities as code.

The public API is the names this package exports (``ropa.__all__``) and the namespaces among them
(``ropa.models``, ``ropa.rules``, ``ropa.law``, ``ropa.importer``) with their own ``__all__``; every other
module, and every name that starts with ``_``, may change in any release (docs/api.md)::

    import ropa

    result = ropa.load("registers/acme")          # LoadResult: register + structural diagnostics
    report = ropa.validate("registers/acme")      # Report: structural diagnostics + rule findings
    ropa.export_json(result.register, "out/acme.json")
    ropa.export_xlsx(result.register, "out/acme.xlsx", lang="nl", report=report)
    ropa.write_register(result.register, "registers/copy", layout="per-kind")

    changes = ropa.diff(ropa.load_revision("registers/acme", "origin/main"), result)  # what it means in law
    items = ropa.due(result, within="30d")                # review dates and checks that fall due

Nothing in the library prints or exits; bad register content becomes diagnostics, not exceptions.
Names are imported on first use, so ``import ropa`` is fast and pulls in neither pydantic's model
building nor openpyxl or jsonschema until they are needed.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ropa._lazy import lazy_names
from ropa._version import __version__

if TYPE_CHECKING:
    from ropa import importer, law, models, rules
    from ropa._api import (
        check,
        check_register_folder,
        diff,
        due,
        dump,
        explain,
        export_csv,
        export_json,
        export_xlsx,
        render_report,
        validate,
        write_register,
        write_report,
    )
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
    from ropa.config import Config, FailOn, find_config, load_config
    from ropa.configfile import config_file as find_config_file
    from ropa.deadlines import DueItem, render_due
    from ropa.diagnostics import Diagnostic, LegalRef, Location, Report, Severity, Span
    from ropa.errors import (
        ConfigError,
        ExportError,
        ExportWarning,
        ModelError,
        RegisterError,
        RevisionError,
        RopaError,
    )
    from ropa.export.yaml import Layout
    from ropa.i18n import LANGS, Lang, normalise_lang, translate_report, untranslated
    from ropa.loading import LoadResult, load, load_data, loads
    from ropa.loading.cache import CheckResult
    from ropa.models import Activity, Organisation, Party, Register
    from ropa.publishing.verbs import (
        PUBLISH_INTERNAL_PARTS,
        MissingDependencyError,
        NoticeDiscrepancy,
        compare_notice,
        diagram,
        export_jsonld,
        export_subprocessors,
        notice,
        notice_statements,
        publish,
    )
    from ropa.reporters import (
        REPORTERS,
        CodeInfo,
        RenderOptions,
        Reporter,
        catalogue,
        docs_url,
        escape_control,
        github_step_summary,
        register_paths,
        summary_line,
    )
    from ropa.schema import json_schema, schema_files

__all__ = [
    "LANGS",
    "PUBLISH_INTERNAL_PARTS",
    "REPORTERS",
    "Activity",
    "ChangeCode",
    "CheckResult",
    "CodeInfo",
    "Config",
    "ConfigError",
    "Diagnostic",
    "Diff",
    "DueItem",
    "EntityChange",
    "ExportError",
    "ExportWarning",
    "FailOn",
    "FieldChange",
    "Lang",
    "Layout",
    "LegalRef",
    "LoadResult",
    "Location",
    "Meaning",
    "MissingDependencyError",
    "ModelError",
    "NoticeDiscrepancy",
    "Organisation",
    "Party",
    "Register",
    "RegisterError",
    "RenderOptions",
    "Report",
    "Reporter",
    "RevisionError",
    "RopaError",
    "Severity",
    "Snapshot",
    "Span",
    "__version__",
    "catalogue",
    "change_code",
    "change_codes",
    "check",
    "check_register_folder",
    "compare_notice",
    "diagram",
    "diff",
    "docs_url",
    "due",
    "dump",
    "escape_control",
    "explain",
    "export_csv",
    "export_json",
    "export_jsonld",
    "export_subprocessors",
    "export_xlsx",
    "find_config",
    "find_config_file",
    "github_step_summary",
    "importer",
    "json_schema",
    "law",
    "load",
    "load_config",
    "load_data",
    "load_revision",
    "loads",
    "models",
    "normalise_lang",
    "notice",
    "notice_statements",
    "publish",
    "register_paths",
    "render_change_code",
    "render_diff",
    "render_due",
    "render_report",
    "rules",
    "schema_files",
    "summary_line",
    "translate_report",
    "untranslated",
    "validate",
    "write_register",
    "write_report",
]

_NAMES = {
    "check": "ropa._api",
    "check_register_folder": "ropa._api",
    "diff": "ropa._api",
    "due": "ropa._api",
    "dump": "ropa._api",
    "explain": "ropa._api",
    "export_csv": "ropa._api",
    "export_json": "ropa._api",
    "export_xlsx": "ropa._api",
    "render_report": "ropa._api",
    "validate": "ropa._api",
    "write_register": "ropa._api",
    "write_report": "ropa._api",
    "ChangeCode": "ropa.changes",
    "Diff": "ropa.changes",
    "EntityChange": "ropa.changes",
    "FieldChange": "ropa.changes",
    "Meaning": "ropa.changes",
    "Snapshot": "ropa.changes",
    "change_code": "ropa.changes",
    "change_codes": "ropa.changes",
    "load_revision": "ropa.changes",
    "render_change_code": "ropa.changes",
    "render_diff": "ropa.changes",
    "Config": "ropa.config",
    "FailOn": "ropa.config",
    "find_config": "ropa.config",
    "load_config": "ropa.config",
    "find_config_file": "ropa.configfile:config_file",
    "DueItem": "ropa.deadlines",
    "render_due": "ropa.deadlines",
    "Diagnostic": "ropa.diagnostics",
    "LegalRef": "ropa.diagnostics",
    "Location": "ropa.diagnostics",
    "Report": "ropa.diagnostics",
    "Severity": "ropa.diagnostics",
    "Span": "ropa.diagnostics",
    "ConfigError": "ropa.errors",
    "ExportError": "ropa.errors",
    "ExportWarning": "ropa.errors",
    "ModelError": "ropa.errors",
    "RegisterError": "ropa.errors",
    "RevisionError": "ropa.errors",
    "RopaError": "ropa.errors",
    "Layout": "ropa.export.yaml",
    "LANGS": "ropa.i18n",
    "Lang": "ropa.i18n",
    "normalise_lang": "ropa.i18n",
    "translate_report": "ropa.i18n",
    "untranslated": "ropa.i18n",
    "LoadResult": "ropa.loading",
    "load": "ropa.loading",
    "load_data": "ropa.loading",
    "loads": "ropa.loading",
    "CheckResult": "ropa.loading.cache",
    "Activity": "ropa.models",
    "Organisation": "ropa.models",
    "Party": "ropa.models",
    "Register": "ropa.models",
    "PUBLISH_INTERNAL_PARTS": "ropa.publishing.verbs",
    "MissingDependencyError": "ropa.publishing.verbs",
    "NoticeDiscrepancy": "ropa.publishing.verbs",
    "compare_notice": "ropa.publishing.verbs",
    "diagram": "ropa.publishing.verbs",
    "export_jsonld": "ropa.publishing.verbs",
    "export_subprocessors": "ropa.publishing.verbs",
    "notice": "ropa.publishing.verbs",
    "notice_statements": "ropa.publishing.verbs",
    "publish": "ropa.publishing.verbs",
    "REPORTERS": "ropa.reporters",
    "CodeInfo": "ropa.reporters",
    "RenderOptions": "ropa.reporters",
    "Reporter": "ropa.reporters",
    "catalogue": "ropa.reporters",
    "docs_url": "ropa.reporters",
    "escape_control": "ropa.reporters",
    "github_step_summary": "ropa.reporters",
    "register_paths": "ropa.reporters",
    "summary_line": "ropa.reporters",
    "json_schema": "ropa.schema",
    "schema_files": "ropa.schema",
    "importer": "ropa.importer:",
    "law": "ropa.law:",
    "models": "ropa.models:",
    "rules": "ropa.rules:",
}
"""Where each name comes from: ``module``, ``module:attribute`` or ``module:`` (the module itself)."""

__getattr__, __dir__ = lazy_names(__name__, _NAMES, globals())
