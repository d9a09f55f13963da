"""Packaging and the public surface: fast lazy import, the API snapshot, schemas, the wheel."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import venv
from pathlib import Path

import jsonschema
import pytest

import ropa
from ropa.loading._yaml import parse

REPO = Path(__file__).resolve().parents[1]


def test_import_does_not_pull_heavy_modules() -> None:
    code = (
        "import sys, ropa; "
        "print(json.dumps(sorted(m for m in ('openpyxl', 'jsonschema', 'pydantic') if m in sys.modules)))"
    )
    out = subprocess.run(
        [sys.executable, "-c", "import json; " + code], capture_output=True, text=True, check=True
    )
    assert json.loads(out.stdout) == []


def test_validate_does_not_import_openpyxl_or_jsonschema() -> None:
    code = (
        "import sys, json, ropa; ropa.validate('registers/miki4all'); "
        "print(json.dumps([m for m in ('openpyxl', 'jsonschema') if m in sys.modules]))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=REPO)
    assert json.loads(out.stdout) == []


def test_public_api_snapshot() -> None:
    # Every change to the public surface shows up here, in review and in the changelog.
    assert sorted(ropa.__all__) == [
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
        "LANGS",
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
        "PUBLISH_INTERNAL_PARTS",
        "Party",
        "REPORTERS",
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
    with pytest.raises(AttributeError):
        _ = ropa.nonexistent  # type: ignore[attr-defined]


def test_committed_schemas_are_current() -> None:
    from ropa.schema import drift

    assert drift(REPO / "schemas") == [], "run: ropa schema --write"


def test_every_yaml_register_in_the_repo_validates_against_the_schema() -> None:
    schema = json.loads((REPO / "schemas" / "register.schema.json").read_text(encoding="utf-8"))
    validator = jsonschema.Draft202012Validator(schema, format_checker=jsonschema.FormatChecker())
    files = sorted((REPO / "registers").rglob("*.yaml"))
    assert files
    for path in files:
        data, problems = parse(path.read_text(encoding="utf-8"))
        assert problems == []
        errors = [
            f"{path}: {'/'.join(map(str, e.absolute_path))}: {e.message}" for e in validator.iter_errors(data)
        ]
        assert errors == []


@pytest.mark.slow
def test_wheel_installs_and_validates_the_example_register(tmp_path: Path) -> None:
    dist = tmp_path / "dist"
    subprocess.run(
        [sys.executable, "-m", "build", "--wheel", "--outdir", str(dist), str(REPO)],
        check=True,
        capture_output=True,
    )
    wheels = list(dist.glob("ropa_register-*.whl"))
    assert len(wheels) == 1
    env_dir = tmp_path / "venv"
    venv.create(env_dir, with_pip=True)
    python = env_dir / "bin" / "python"
    subprocess.run(
        [str(python), "-m", "pip", "install", "--quiet", str(wheels[0])],
        check=True,
        capture_output=True,
        env={**os.environ, "PIP_DISABLE_PIP_VERSION_CHECK": "1"},
    )
    run = subprocess.run(
        [
            str(env_dir / "bin" / "ropa"),
            "validate",
            str(REPO / "registers" / "miki4all"),
            "--fail-on",
            "never",
        ],
        capture_output=True,
        text=True,
        cwd=tmp_path,
    )
    assert run.returncode == 0, run.stderr
    assert "LAW-001" in run.stdout
    data = subprocess.run(
        [str(python), "-c", "import ropa._data as d; print(len(d.country_codes()))"],
        capture_output=True,
        text=True,
        check=True,
        cwd=tmp_path,
    )
    assert data.stdout.strip() == "249"


def test_reporters_do_not_import_the_schema_module() -> None:
    """The JSON reporter and ropa.schema used to import each other; the schema now depends on the
    reporter's types and never the other way round."""
    import ast

    root = Path(__file__).resolve().parents[1] / "ropa" / "reporters"
    for path in root.glob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        imported = {
            node.module for node in ast.walk(tree) if isinstance(node, ast.ImportFrom) and node.module
        } | {alias.name for node in ast.walk(tree) if isinstance(node, ast.Import) for alias in node.names}
        assert "ropa.schema" not in imported, path.name


@pytest.mark.parametrize(
    ("module", "absent"),
    [
        ("ropa.i18n", "ropa.models"),  # a translated report needs no models (the enums are read on use)
        ("ropa.reporters", "pydantic"),  # only the json reporter's typed dicts name pydantic's Field
        ("ropa.cli._validate", "pydantic"),  # a cached run validates no configuration
    ],
)
def test_modules_of_a_cached_run_stay_light(module: str, absent: str) -> None:
    code = f"import json, sys, {module}; print(json.dumps({absent!r} in sys.modules))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=REPO)
    assert json.loads(out.stdout) is False
