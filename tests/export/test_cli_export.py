"""``ropa export``: formats, language, findings, exit codes."""

from __future__ import annotations

import json
import os
import stat
import subprocess
import sys
from pathlib import Path

import openpyxl
import pytest

from ropa.cli import main
from ropa.export.json import register_to_json
from ropa.i18n import label
from tests.export.conftest import WEBSHOP_YAML


@pytest.fixture
def folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("ROPA_TRACEBACK", raising=False)
    register = tmp_path / "webshop"
    register.mkdir()
    (register / "register.yaml").write_text(WEBSHOP_YAML, encoding="utf-8")
    return register


def test_xlsx_in_the_registers_language_with_findings(
    folder: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "out" / "register.xlsx"
    assert main(["export", str(folder), "--format", "xlsx", "-o", str(out), "--today", "2026-03-01"]) == 0
    book = openpyxl.load_workbook(out, read_only=True)
    assert book.sheetnames[0] == "Overzicht"  # register.language: nl
    assert label("sheet.findings", "nl") in book.sheetnames
    err = capsys.readouterr().err
    assert f"wrote {out}" in err


def test_lang_option_wins(folder: Path, tmp_path: Path) -> None:
    out = tmp_path / "register.xlsx"
    assert main(["export", str(folder), "-o", str(out), "--lang", "fr", "--no-findings"]) == 0
    names = openpyxl.load_workbook(out, read_only=True).sheetnames
    assert names[0] == "Synthèse"
    assert "Constats" not in names


def test_english_when_the_register_has_no_supported_language(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "r.yaml").write_text("register:\n  language: es\nactivities: []\n", encoding="utf-8")
    assert main(["export", "r.yaml", "-o", "r.xlsx", "--no-findings"]) == 0
    assert openpyxl.load_workbook("r.xlsx", read_only=True).sheetnames[0] == "Summary"
    assert "no translation for the register's language 'es'" in capsys.readouterr().err


def test_json_to_stdout(folder: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["export", str(folder), "--format", "json"]) == 0
    out = capsys.readouterr().out
    assert json.loads(out)["organisation"]["name"] == "De Theepot B.V."


def test_json_to_a_file_is_the_canonical_json(folder: Path, tmp_path: Path) -> None:
    import ropa

    out = tmp_path / "register.json"
    assert main(["export", str(folder), "-o", str(out)]) == 0  # format from the suffix
    assert out.read_text(encoding="utf-8") == register_to_json(ropa.load(folder).register)


def test_csv_into_a_folder(folder: Path, tmp_path: Path) -> None:
    out = tmp_path / "csv"
    assert main(["export", str(folder), "--format", "csv", "-o", str(out), "--lang", "de"]) == 0
    assert (out / "activities.csv").read_bytes().startswith(b"\xef\xbb\xbfID,")
    assert (out / "findings.csv").exists()


def test_csv_is_inferred_for_a_path_without_suffix(folder: Path, tmp_path: Path) -> None:
    assert main(["export", str(folder), "-o", str(tmp_path / "tables"), "--no-findings"]) == 0
    assert not (tmp_path / "tables" / "findings.csv").exists()
    assert (tmp_path / "tables" / "parties.csv").exists()


@pytest.mark.parametrize(
    "argv",
    [
        ["--format", "xlsx"],  # no -o
        ["--format", "csv"],
        [],  # no format, no -o
        ["-o", "register.txt"],  # unknown suffix
        ["--lang", "es", "-o", "x.xlsx"],
        ["--today", "yesterday", "-o", "x.xlsx"],
    ],
)
def test_usage_errors(folder: Path, argv: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["export", str(folder), *argv]) == 2
    assert "error" in capsys.readouterr().err


def test_missing_register_is_an_io_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    assert main(["export", "nowhere", "-o", "x.xlsx"]) == 2
    (tmp_path / "empty").mkdir()
    assert main(["export", "empty", "-o", "x.xlsx"]) == 2
    assert not (tmp_path / "x.xlsx").exists()


def test_unwritable_output_is_an_io_error(
    folder: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "file").write_text("in the way")
    assert main(["export", str(folder), "-o", str(tmp_path / "file" / "x.xlsx"), "--no-findings"]) == 2
    assert "cannot write" in capsys.readouterr().err


def test_structural_errors_export_what_loaded_and_exit_1(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "r.yaml").write_text(
        "activities:\n  - id: good\n    name: Good\n  - id: broken\n    nmae: Broken\n", encoding="utf-8"
    )
    assert main(["export", "r.yaml", "-o", "r.xlsx"]) == 1
    book = openpyxl.load_workbook("r.xlsx", read_only=True)
    ids = [row[0] for row in book["Processing activities"].iter_rows(min_row=3, values_only=True)]
    assert ids == ["good"]
    findings = [row[0] for row in book["Findings"].iter_rows(min_row=3, values_only=True)]
    assert "STR-002" in findings or "STR-004" in findings
    err = capsys.readouterr().err
    assert "structural error" in err


def test_export_warnings_go_to_stderr(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(tmp_path)
    long = "x" * 40_000
    (tmp_path / "r.yaml").write_text(
        f"activities:\n  - id: a\n    name: A\n    notes: {long}\n", encoding="utf-8"
    )
    assert main(["export", "r.yaml", "-o", "r.xlsx", "--no-findings"]) == 0
    assert "ropa: warning: Processing activities: 1 cell(s) longer than 32,767" in capsys.readouterr().err


def test_validate_does_not_import_openpyxl() -> None:
    import subprocess
    import sys

    code = "import sys, ropa.cli; ropa.cli.build_parser(); print('openpyxl' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


# --- the -o path (issue 14.6) ----------------------------------------------------------------------


def test_a_symlink_as_output_replaces_the_file_it_points_to(folder: Path, tmp_path: Path) -> None:
    target = tmp_path / "real.json"
    target.write_text("old", encoding="utf-8")
    link = tmp_path / "link.json"
    link.symlink_to(target)
    assert main(["export", str(folder), "-o", str(link)]) == 0
    assert link.is_symlink()
    assert json.loads(target.read_text(encoding="utf-8"))["organisation"]["name"] == "De Theepot B.V."
    xlsx_target = tmp_path / "real.xlsx"
    (tmp_path / "link.xlsx").symlink_to(xlsx_target)  # a dangling link: its target is created
    assert main(["export", str(folder), "-o", str(tmp_path / "link.xlsx"), "--no-findings"]) == 0
    assert (tmp_path / "link.xlsx").is_symlink()
    assert openpyxl.load_workbook(xlsx_target, read_only=True).sheetnames[0] == "Overzicht"
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith(".")) == []


@pytest.mark.parametrize("fmt", ["json", "xlsx"])
def test_a_named_pipe_as_output_is_refused(
    folder: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], fmt: str
) -> None:
    pipe = tmp_path / f"pipe.{fmt}"
    os.mkfifo(pipe)
    assert main(["export", str(folder), "--format", fmt, "-o", str(pipe)]) == 2
    assert stat.S_ISFIFO(pipe.lstat().st_mode)  # still the pipe: not replaced by a regular file
    err = capsys.readouterr().err
    assert "it is a named pipe, not a regular file" in err
    assert "wrote" not in err


def test_dev_stdout_as_output_is_refused_when_it_is_a_pipe(folder: Path) -> None:
    proc = _ropa("export", str(folder), "--format", "json", "-o", "/dev/stdout")
    assert proc.returncode == 2, proc.stderr
    assert b"not a regular file" in proc.stderr
    assert b"-o -" in proc.stderr
    assert b"wrote /dev/stdout" not in proc.stderr
    assert proc.stdout == b""


def _ropa(*argv: str) -> subprocess.CompletedProcess[bytes]:
    """``python -m ropa ARGV`` with stdout a pipe."""
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[2])}
    return subprocess.run([sys.executable, "-m", "ropa", *argv], capture_output=True, check=False, env=env)


def test_dash_writes_json_and_xlsx_to_stdout(folder: Path, tmp_path: Path) -> None:
    proc = _ropa("export", str(folder), "-o", "-")
    assert proc.returncode == 0, proc.stderr
    assert json.loads(proc.stdout)["organisation"]["name"] == "De Theepot B.V."
    assert b"wrote" not in proc.stderr
    proc = _ropa("export", str(folder), "--format", "xlsx", "-o", "-", "--no-findings")
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.startswith(b"PK\x03\x04")
    (tmp_path / "piped.xlsx").write_bytes(proc.stdout)
    assert openpyxl.load_workbook(tmp_path / "piped.xlsx", read_only=True).sheetnames[0] == "Overzicht"
    assert not (tmp_path / "-").exists()


def test_dash_is_refused_for_csv(folder: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["export", str(folder), "--format", "csv", "-o", "-"]) == 2
    assert "one file per table" in capsys.readouterr().err


def test_validate_dash_writes_to_stdout(
    folder: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["validate", str(folder), "--format", "json", "-o", "-", "--today", "2026-03-01"]) in (0, 1)
    assert json.loads(capsys.readouterr().out)["diagnostics"]
    assert not (tmp_path / "-").exists()


def test_dash_writes_jsonld_to_stdout(folder: Path, tmp_path: Path) -> None:
    proc = _ropa("export", str(folder), "--format", "jsonld", "-o", "-")
    assert proc.returncode == 0, proc.stderr
    assert "@context" in json.loads(proc.stdout)
    assert not (Path.cwd() / "-").exists()


def test_layout_option(folder: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "cnil.xlsx"
    assert main(["export", str(folder), "--format", "xlsx", "--layout", "cnil", "-o", str(out)]) == 0
    names = openpyxl.load_workbook(out, read_only=True).sheetnames
    assert names[:2] == ["2 - Liste des traitements", "3 - Fiche 1"]
    assert label("sheet.findings", "fr") in names  # the template's own language, and the findings after it
    assert "(xlsx, cnil layout)" in capsys.readouterr().err
    out = tmp_path / "ico.xlsx"
    assert (
        main(["export", str(folder), "-o", str(out), "--layout", "ico", "--lang", "nl", "--no-findings"]) == 0
    )
    names = openpyxl.load_workbook(out, read_only=True).sheetnames
    assert names == ["Template", "_ropa"]
    book = openpyxl.load_workbook(out)
    assert "Verwerker" in " ".join(str(c.value) for row in book["Template"].iter_rows() for c in row)
    assert main(["export", str(folder), "--format", "csv", "-o", str(tmp_path / "c"), "--layout", "ico"]) == 2
    assert "--layout ico is a workbook layout" in capsys.readouterr().err
