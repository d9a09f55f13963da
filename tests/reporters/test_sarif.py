from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import jsonschema
import pytest

import ropa
from ropa.config import Config
from ropa.diagnostics import Diagnostic, Location, Report, Severity, Span
from ropa.loading.codes import STRUCTURAL
from ropa.reporters import RenderOptions, register_paths
from ropa.reporters import sarif as sarif_reporter
from ropa.reporters.sarif import FINGERPRINT_KEY
from ropa.rules import ALL_RULES
from ropa.rules.engine import META_CODES
from tests.reporters.conftest import LAW, ROOT

SCHEMA_FILE = Path(__file__).resolve().parents[1] / "data" / "sarif-schema-2.1.0.json"


@pytest.fixture(scope="module")
def validator() -> jsonschema.protocols.Validator:
    schema = json.loads(SCHEMA_FILE.read_text(encoding="utf-8"))
    assert schema["title"] == "Static Analysis Results Format (SARIF) Version 2.1.0 JSON Schema"
    jsonschema.Draft7Validator.check_schema(schema)
    return jsonschema.Draft7Validator(schema, format_checker=jsonschema.FormatChecker())


def _log(report: Report, options: RenderOptions) -> dict[str, Any]:
    data: dict[str, Any] = json.loads(sarif_reporter.render(report, options))
    return data


def _errors(validator: jsonschema.protocols.Validator, log: dict[str, Any]) -> list[str]:
    return [f"{list(e.absolute_path)}: {e.message}" for e in validator.iter_errors(log)]


def test_valid_against_the_official_schema(
    validator: jsonschema.protocols.Validator, report: Report, clean_report: Report, options: RenderOptions
) -> None:
    for r in (report, clean_report):
        assert _errors(validator, _log(r, options)) == []


def test_a_real_register_is_valid(validator: jsonschema.protocols.Validator, tmp_path: Path) -> None:
    folder = tmp_path / "registers" / "acme"
    folder.mkdir(parents=True)
    (folder / "a.yaml").write_text(
        "activities:\n  - id: x\n    name: X\n    purposes:\n      - description: Do it\n", encoding="utf-8"
    )
    (folder / "b.yaml").write_text("- not a mapping\n", encoding="utf-8")
    report = ropa.validate(folder, Config(select=["LAW-001"]))
    root, base = register_paths(folder, cwd=tmp_path)
    log = _log(report, RenderOptions(root=root, base=base))
    assert _errors(validator, log) == []
    uris = {
        r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] for r in log["runs"][0]["results"]
    }
    assert uris == {"registers/acme/a.yaml", "registers/acme/b.yaml"}


def test_driver_describes_every_rule_structural_and_suppression_code(
    report: Report, options: RenderOptions
) -> None:
    driver = _log(report, options)["runs"][0]["tool"]["driver"]
    assert driver["name"] == "ropa"
    assert driver["version"] == ropa.__version__
    ids = [r["id"] for r in driver["rules"]]
    assert len(ids) == len(set(ids))
    assert set(ids) >= {r.code for r in ALL_RULES} | set(STRUCTURAL) | set(META_CODES)
    by_id = {r["id"]: r for r in driver["rules"]}
    law = by_id["LAW-001"]
    assert law["name"] == "missing-lawful-basis"
    assert law["shortDescription"]["text"]
    assert "Art. 6(1) GDPR" in law["fullDescription"]["text"]
    assert law["helpUri"].endswith("/docs/rules/LAW-001.md")
    assert law["defaultConfiguration"] == {"level": "error"}
    assert "Art. 6(1) GDPR" in law["properties"]["legal_refs"]
    assert law["properties"]["kind"] == "rule"
    assert "## What it does" in law["help"]["markdown"]
    structural = by_id["STR-002"]
    assert structural["properties"]["kind"] == "structural"
    assert structural["helpUri"].endswith("/docs/cli.md#codes-that-are-not-rules")
    assert by_id["SUP-001"]["defaultConfiguration"] == {"level": "warning"}


def test_results_reference_their_rule_and_map_levels(report: Report, options: RenderOptions) -> None:
    run = _log(report, options)["runs"][0]
    rules = run["tool"]["driver"]["rules"]
    results = run["results"]
    assert len(results) == len(report)
    for result, diagnostic in zip(results, report, strict=True):
        assert result["ruleId"] == diagnostic.code
        assert rules[result["ruleIndex"]]["id"] == diagnostic.code
        assert result["message"]["text"] == diagnostic.message
        assert result["partialFingerprints"] == {FINGERPRINT_KEY: diagnostic.fingerprint}
        expected = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}
        assert result["level"] == expected[diagnostic.severity]
    assert {r["level"] for r in results} == {"error", "warning", "note"}


def test_locations_are_relative_posix_uris_with_a_region(report: Report, options: RenderOptions) -> None:
    results = {(r["ruleId"], r["message"]["text"]): r for r in _log(report, options)["runs"][0]["results"]}
    law = results[("LAW-001", LAW.message)]
    physical = law["locations"][0]["physicalLocation"]
    assert physical == {
        "artifactLocation": {"uri": "registers/acme/activities.yaml", "uriBaseId": "%SRCROOT%"},
        "region": {"startLine": 5, "startColumn": 9},
    }
    assert law["locations"][0]["logicalLocations"] == [{"name": "activity newsletter", "kind": "object"}]
    assert law["properties"]["pointer"] == "/activities/0/purposes/0"
    assert law["properties"]["hint"] == LAW.hint
    odd = next(r for r in results.values() if r["level"] == "note")
    assert odd["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == (
        "registers/acme/sub%20dir/odd%2C%20name%3A1.yaml"
    )
    no_span = results[("STR-001", "file is empty")]
    assert "region" not in no_span["locations"][0]["physicalLocation"]
    no_file = next(r for r in results.values() if r["ruleId"] == "IO-002")
    assert no_file["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == ROOT


def test_absolute_paths_become_file_uris(validator: jsonschema.protocols.Validator) -> None:
    report = Report.build([LAW], ("activities.yaml",))
    log = _log(report, RenderOptions(root="/srv/registers/acme", base="/srv/registers/acme"))
    artifact = log["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"]
    assert artifact == {"uri": "file:///srv/registers/acme/activities.yaml"}
    assert _errors(validator, log) == []


def test_unknown_codes_still_get_a_descriptor(validator: jsonschema.protocols.Validator) -> None:
    odd = Diagnostic(
        "XYZ-001", "custom-check", Severity.WARNING, "custom", Location("a.yaml", "", Span(1, 1))
    )
    log = _log(Report.build([odd], ("a.yaml",)), RenderOptions())
    run = log["runs"][0]
    descriptor = run["tool"]["driver"]["rules"][run["results"][0]["ruleIndex"]]
    assert descriptor["id"] == "XYZ-001"
    assert descriptor["name"] == "custom-check"
    assert _errors(validator, log) == []


def test_io_problems_mark_the_run_unsuccessful(
    report: Report, clean_report: Report, options: RenderOptions
) -> None:
    assert _log(report, options)["runs"][0]["invocations"] == [{"executionSuccessful": False}]
    assert _log(clean_report, options)["runs"][0]["invocations"] == [{"executionSuccessful": True}]


def test_fingerprints_survive_shifted_lines(tmp_path: Path) -> None:
    body = "activities:\n  - id: x\n    name: X\n    purposes:\n      - description: Do it\n"
    (tmp_path / "a.yaml").write_text(body, encoding="utf-8")
    before = _log(ropa.validate(tmp_path, Config(select=["LAW-001"])), RenderOptions())
    (tmp_path / "a.yaml").write_text("# a comment\n\n# another\n" + body, encoding="utf-8")
    after = _log(ropa.validate(tmp_path, Config(select=["LAW-001"])), RenderOptions())

    def fingerprints(log: dict[str, Any]) -> list[tuple[str, int]]:
        return [
            (
                r["partialFingerprints"][FINGERPRINT_KEY],
                r["locations"][0]["physicalLocation"]["region"]["startLine"],
            )
            for r in log["runs"][0]["results"]
        ]

    ((fp_before, line_before),) = fingerprints(before)
    ((fp_after, line_after),) = fingerprints(after)
    assert fp_before == fp_after
    assert line_after == line_before + 3


def test_the_vendored_schema_catches_mistakes(
    validator: jsonschema.protocols.Validator, report: Report, options: RenderOptions
) -> None:
    log = _log(report, options)
    log["runs"][0]["results"][0]["level"] = "info"  # SARIF says "note"
    del log["runs"][0]["tool"]["driver"]["name"]
    errors = _errors(validator, log)
    assert any("'info' is not one of" in e for e in errors)
    assert any("'name' is a required property" in e for e in errors)
