"""JSON Schemas generated from the models: ``schemas/register.schema.json`` (one register file).

The committed files are checked for drift by ``ropa schema --check`` and the test suite.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any, Literal, get_args

from ropa.loading.loader import SINGULAR
from ropa.models import ID_PATTERN, Register

__all__ = [
    "SCHEMA_BASE",
    "SchemaName",
    "all_schemas",
    "contract_schema",
    "diff_schema",
    "drift",
    "due_schema",
    "json_schema",
    "register_schema",
    "render",
    "report_schema",
    "schema_files",
]

SchemaName = Literal["register", "report", "diff", "due"]

SCHEMA_BASE = "https://raw.githubusercontent.com/ropa-register/ropa/main/schemas/"


def register_schema() -> dict[str, Any]:
    """The JSON Schema of one register file: any subset of the register's kinds."""
    schema = Register.model_json_schema(by_alias=True, mode="validation")
    properties: dict[str, Any] = schema["properties"]
    # A recipient may be written as a bare party id (the model turns it into {party: id}).
    recipients = schema["$defs"]["Activity"]["properties"]["recipients"]["anyOf"][0]
    recipients["items"] = {"anyOf": [recipients["items"], {"type": "string", "pattern": ID_PATTERN}]}
    for singular, plural in SINGULAR.items():
        item = properties[plural]["anyOf"][0]["items"]
        properties[singular] = {
            "$ref": item["$ref"],
            "description": f"One entry of '{plural}', for registers kept as one entity per file.",
        }
    properties["$schema"] = {"type": "string", "description": "Editors' schema hint; ignored by ropa."}
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": SCHEMA_BASE + "register.schema.json",
        "title": "ropa register file",
        "description": (
            "One YAML or JSON file of a ropa register (GDPR Art. 30 record of processing activities). "
            "A register is a folder of such files; list kinds are concatenated across files."
        ),
        **{k: v for k, v in schema.items() if k not in ("title", "description")},
    }


def contract_schema(document: Any, file_name: str, title: str, description: str) -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) of a machine output, generated from the typed dict ``document`` that
    its renderer builds, so output and schema cannot drift apart."""
    from pydantic import TypeAdapter

    schema = TypeAdapter(document).json_schema(mode="serialization")
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": SCHEMA_BASE + file_name,
        "title": title,
        "description": description,
        **{k: v for k, v in schema.items() if k not in ("title", "description")},
    }


def report_schema() -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) of the ``json`` report format: ``schemas/report.schema.json``.

    Generated from the typed dicts of :mod:`ropa.reporters.json`, which the reporter builds, so output
    and schema cannot drift apart. The reporter does not import this module (no import cycle).
    """
    from ropa.reporters.json import ReportDocument

    return contract_schema(
        ReportDocument,
        "report.schema.json",
        "ropa validation report",
        (
            "The output of 'ropa validate --format json', contract version 1. Fields may be added within "
            "a version; consumers must ignore fields they do not know. Removing, renaming or retyping a "
            "field changes the version."
        ),
    )


def diff_schema() -> dict[str, Any]:
    """The JSON Schema of ``ropa diff --format json``: ``schemas/diff.schema.json``."""
    from ropa.changes import DiffDocument

    return contract_schema(
        DiffDocument,
        "diff.schema.json",
        "ropa diff report",
        (
            "The output of 'ropa diff --format json', contract version 1: the entities added, removed and "
            "changed between two versions of a register, the legal meaning of the changes (change codes "
            "CHG-nnn), and the findings introduced and resolved. Fields may be added within a version; "
            "consumers must ignore fields they do not know."
        ),
    )


def due_schema() -> dict[str, Any]:
    """The JSON Schema of ``ropa due --format json``: ``schemas/due.schema.json``."""
    from ropa.deadlines import DueDocument

    return contract_schema(
        DueDocument,
        "due.schema.json",
        "ropa due report",
        (
            "The output of 'ropa due --format json', contract version 1: the dates of a register that have "
            "passed or fall due within the horizon. Fields may be added within a version; consumers must "
            "ignore fields they do not know."
        ),
    )


def json_schema(name: SchemaName = "register") -> dict[str, Any]:
    """A JSON Schema (draft 2020-12) that ropa publishes, as data.

    Args:
        name: ``register`` for one register file (YAML or JSON); ``report``, ``diff`` or ``due`` for the
            JSON output of ``ropa validate``, ``ropa diff`` and ``ropa due``.

    Raises:
        ValueError: no schema has this name.
    """
    builders = {"register": register_schema, "report": report_schema, "diff": diff_schema, "due": due_schema}
    build = builders.get(name)
    if build is None:
        raise ValueError(f"no schema {name!r}; use {', '.join(builders)}")
    return build()


def schema_files() -> dict[str, str]:
    """The text of every schema file ``ropa schema --write`` writes, by file name
    (``register.schema.json``, ``report.schema.json``)."""
    return {name: render(schema) for name, schema in all_schemas().items()}


def all_schemas() -> dict[str, dict[str, Any]]:
    """Every committed schema, by file name."""
    return {f"{name}.schema.json": json_schema(name) for name in get_args(SchemaName)}


def render(schema: dict[str, Any]) -> str:
    """The canonical text of a schema file."""
    return json.dumps(schema, indent=2, ensure_ascii=False) + "\n"


def drift(folder: Path) -> list[str]:
    """Names of the schema files in ``folder`` that differ from the generated ones."""
    out = []
    for name, text in schema_files().items():
        path = folder / name
        if not path.is_file() or path.read_text(encoding="utf-8") != text:
            out.append(name)
    return out
