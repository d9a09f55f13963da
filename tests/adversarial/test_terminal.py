"""Text from untrusted files never reaches a terminal or a CI log as control characters (issue 14.11).

ESC sequences in spreadsheet cells and sheet names were printed raw in ``ropa import`` diagnostics, and
the ``github`` reporter passed raw ESC to the log. Every human-facing output shows control characters as
``\\xNN`` escapes: the text reporter, the github reporter and its step summary, ``ropa import``'s
diagnostics and messages, ``ropa export``'s diagnostics and warnings, and the errors of every command.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from ._helpers import run_cli

ESC = "\x1b]0;pwned\x07\x1b[2J\x1b[31m"
"""Set the window title, clear the screen, turn red."""
XLSX_ESC = "_x001B_]0;pwned_x0007__x001B_[2J"
"""The same as a workbook carries it: XML cannot hold ESC, spreadsheet XML writes it as ``_x001B_``."""
YAML_ESC = "\\e]0;pwned\\a\\e[2J"
"""The same in a double-quoted YAML string."""
CONTROLS = [chr(c) for c in (*range(0x20), 0x7F, *range(0x80, 0xA0)) if chr(c) not in "\n"]


def assert_no_controls(text: str) -> None:
    found = sorted({f"{ord(c):#04x}" for c in text if c in CONTROLS})
    assert found == [], found


def test_import_diagnostics_escape_cell_text_and_sheet_names(tmp_path: Path) -> None:
    openpyxl = pytest.importorskip("openpyxl")
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Reg\x9bister"  # C1 CSI in a sheet name
    ws.append(["Name", "Purpose", f"Colour{XLSX_ESC}", "Retention period"])
    ws.append([f"Payroll{XLSX_ESC}", "Salaries", "red", f"7 years{XLSX_ESC} or so, maybe"])
    wb.save(tmp_path / "book.xlsx")
    csv = tmp_path / "book.csv"
    csv.write_text(f"Name,Purpose,Kleur{ESC}\nPayroll,Salaries\x9b,x\n", encoding="utf-8")
    for source in (tmp_path / "book.xlsx", csv):
        run = run_cli("import", source, "-o", tmp_path / f"out-{source.suffix[1:]}")
        run.assert_handled(1)  # imported, with warnings
        assert "IMP-022" in run.stdout  # the unknown column, named in the message
        assert "\\x1b]0;pwned" in run.stdout
        assert_no_controls(run.stdout)
        assert_no_controls(run.stderr)


def test_export_prints_structural_errors_escaped(tmp_path: Path) -> None:
    (tmp_path / "r.yaml").write_text(
        f'activities:\n  - id: a\n    name: A\n    "colour{YAML_ESC}": red\n', encoding="utf-8"
    )
    run = run_cli("export", tmp_path / "r.yaml", "--format", "json", "-o", tmp_path / "r.json")
    run.assert_handled(1)
    assert "STR-002" in run.stderr
    assert_no_controls(run.stderr)


@pytest.mark.parametrize("fmt", ["text", "github"])
def test_validate_escapes_register_text(tmp_path: Path, fmt: str) -> None:
    (tmp_path / "r.yaml").write_text(
        f'activities:\n  - id: a\n    name: A\n    "colour{YAML_ESC}": red\n', encoding="utf-8"
    )
    run = run_cli("validate", tmp_path / "r.yaml", "--format", fmt, "-v", "-v")
    run.assert_handled(1)
    assert "STR-002" in run.stdout
    assert_no_controls(run.stdout)


def test_errors_escape_file_names(tmp_path: Path) -> None:
    name = tmp_path / f"no{ESC}such.xlsx"
    run = run_cli("import", name, "-o", tmp_path / "out")
    run.assert_handled(2)
    assert_no_controls(run.stdout + run.stderr)
    run = run_cli("export", name, "--format", "json")
    run.assert_handled(2)
    assert_no_controls(run.stderr)
