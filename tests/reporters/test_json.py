from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from pydantic import TypeAdapter

import ropa
from ropa.config import Config
from ropa.diagnostics import Report
from ropa.reporters import RenderOptions, register_paths
from ropa.reporters import json as json_reporter
from ropa.reporters.json import DiagnosticEntry, LocationEntry, ReportDocument
from ropa.schema import render as render_schema
from ropa.schema import report_schema
from tests.reporters.conftest import LAW, NO_FILE, NO_SPAN, ODD

REPO = Path(__file__).resolve().parents[2]


def _validator() -> jsonschema.protocols.Validator:
    schema = report_schema()
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(schema, format_checker=jsonschema.FormatChecker())


def _document(report: Report, options: RenderOptions) -> dict[str, Any]:
    data: dict[str, Any] = json.loads(json_reporter.render(report, options))
    return data


def test_output_validates_against_the_schema(
    report: Report, clean_report: Report, options: RenderOptions
) -> None:
    validator = _validator()
    for r in (report, clean_report):
        document = _document(r, options)
        errors = [e.message for e in validator.iter_errors(document)]
        assert errors == []
        TypeAdapter(ReportDocument).validate_python(document, strict=True)


def test_a_real_register_validates_against_the_schema(tmp_path: Path) -> None:
    (tmp_path / "reg").mkdir()
    (tmp_path / "reg" / "a.yaml").write_text(
        "activities:\n  - id: x\n    name: X\n    purposes:\n      - description: Do it\n"
        "  - id: y\n    nmae: Y\n",
        encoding="utf-8",
    )
    report = ropa.validate(tmp_path / "reg", Config(select=["LAW-001"]))
    root, base = register_paths(tmp_path / "reg", cwd=tmp_path)
    document = _document(report, RenderOptions(root=root, base=base))
    assert list(_validator().iter_errors(document)) == []
    codes = {d["code"] for d in document["diagnostics"]}
    assert {"LAW-001", "STR-002"} <= codes
    assert {d["location"]["file"] for d in document["diagnostics"]} == {"reg/a.yaml"}


def test_top_level_shape(report: Report, options: RenderOptions) -> None:
    document = _document(report, options)
    assert list(document) == ["version", "tool", "root", "summary", "diagnostics"]
    assert document["version"] == "1"
    assert document["tool"] == {"name": "ropa", "version": ropa.__version__}
    assert document["root"] == "registers/acme"
    assert document["summary"] == {
        "counts": {"error": 4, "warning": 2, "info": 1},
        "max_severity": "error",
        "files": 4,
    }
    assert len(document["diagnostics"]) == len(report)


def test_clean_report_summary(clean_report: Report, options: RenderOptions) -> None:
    summary = _document(clean_report, options)["summary"]
    assert summary == {"counts": {"error": 0, "warning": 0, "info": 0}, "max_severity": None, "files": 4}


def test_every_diagnostic_has_exactly_the_documented_fields(report: Report, options: RenderOptions) -> None:
    for entry in _document(report, options)["diagnostics"]:
        assert set(entry) == set(DiagnosticEntry.__annotations__)
        assert set(entry["location"]) == set(LocationEntry.__annotations__)


def test_diagnostic_fields(report: Report, options: RenderOptions) -> None:
    entries = {(d["code"], d["location"]["line"]): d for d in _document(report, options)["diagnostics"]}
    law = entries[("LAW-001", 5)]
    assert law == {
        "code": "LAW-001",
        "rule": "missing-lawful-basis",
        "severity": "error",
        "message": LAW.message,
        "hint": LAW.hint,
        "legal_refs": ["Art. 6(1) GDPR", "Art. 5(2) GDPR"],
        "location": {
            "file": "registers/acme/activities.yaml",
            "line": 5,
            "column": 9,
            "pointer": "/activities/0/purposes/0",
            "entity": "activity newsletter",
        },
        "fingerprint": LAW.fingerprint,
    }
    odd = entries[("LAW-001", 2)]
    assert odd["message"] == ODD.message  # JSON keeps the text exactly; escaping is the consumer's job
    assert odd["location"]["file"] == "registers/acme/sub dir/odd, name:1.yaml"
    no_file = entries[("IO-002", None)]
    assert no_file["location"] == {"file": None, "line": None, "column": None, "pointer": "", "entity": None}
    assert no_file["fingerprint"] == NO_FILE.fingerprint
    no_span = entries[("STR-001", None)]
    assert no_span["location"]["file"] == "registers/acme/empty.yaml"
    assert no_span["hint"] is NO_SPAN.hint is None


def test_output_is_utf8_text_with_a_trailing_newline(report: Report, options: RenderOptions) -> None:
    out = json_reporter.render(report, options)
    assert out.endswith("}\n")
    assert "\\u" not in out.replace("\\u001b", "")  # non-ASCII is written as is; only controls escape


def test_committed_schema_is_current() -> None:
    committed = (REPO / "schemas" / "report.schema.json").read_text(encoding="utf-8")
    assert committed == render_schema(report_schema()), "run: python -m ropa schema --write"


def test_schema_is_generated_and_documented() -> None:
    schema = report_schema()
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    assert schema["$id"].endswith("/schemas/report.schema.json")
    assert schema["required"] == ["version", "tool", "root", "summary", "diagnostics"]
    definitions = schema["$defs"]
    assert {"DiagnosticEntry", "LocationEntry", "Summary", "Counts", "Tool"} <= set(definitions)
    for name, definition in definitions.items():
        assert definition.get("description"), name
    for name, prop in definitions["DiagnosticEntry"]["properties"].items():
        assert prop.get("description") or "$ref" in prop, name


@pytest.mark.parametrize(
    ("path", "value"),
    [
        (("version",), "2"),
        (("diagnostics", 0, "severity"), "fatal"),
        (("diagnostics", 0, "location", "line"), 0),
        (("diagnostics", 0, "fingerprint"), "xyz"),
        (("summary", "counts", "error"), -1),
    ],
)
def test_schema_rejects_broken_documents(
    report: Report, options: RenderOptions, path: tuple[str | int, ...], value: object
) -> None:
    document = _document(report, options)
    target: Any = document
    for key in path[:-1]:
        target = target[key]
    target[path[-1]] = value
    assert list(_validator().iter_errors(document)) != []
