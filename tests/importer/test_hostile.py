"""Hostile and broken spreadsheets: every refusal is a diagnostic with a hint, never a traceback."""

from __future__ import annotations

import io
import os
import re
import subprocess
import sys
import zipfile
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from openpyxl.styles import Font

from ropa.diagnostics import Severity
from ropa.errors import ConfigError
from ropa.importer import (
    FATAL,
    ImportResult,
    Limits,
    _xlsx,
    import_csv,
    import_file,
    import_workbook,
    load_mapping,
)
from ropa.importer._report import Reporter
from tests.adversarial._helpers import deadline
from tests.importer._books import codes, find, rewrite, simple_workbook
from tests.odswriter import content_xml

SHEET = "xl/worksheets/sheet1.xml"


def refused(result: ImportResult, code: str) -> None:
    """The file was refused with ``code``: an error with a hint, no register."""
    assert not result.imported
    assert not result.register.activities
    errors = [d for d in result.diagnostics if d.severity is Severity.ERROR]
    assert [d.code for d in errors] == [code]
    assert errors[0].hint
    assert errors[0].location.file == result.source


@pytest.fixture
def no_openpyxl(monkeypatch: pytest.MonkeyPatch) -> None:
    """Fail the test if the workbook reaches openpyxl."""

    def forbidden(*args: Any, **kwargs: Any) -> Any:
        raise AssertionError("openpyxl must not parse a refused archive")

    monkeypatch.setattr(_xlsx._Book, "load", forbidden)


# --- the archive ------------------------------------------------------------------------------------


@pytest.mark.usefixtures("no_openpyxl")
def test_zip_bomb_is_refused_before_parsing(tmp_path: Path) -> None:
    path = tmp_path / "bomb.xlsx"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        with archive.open(SHEET, "w") as entry:
            for _ in range(40):
                entry.write(b"\0" * (1024 * 1024))
    assert path.stat().st_size < 100_000
    result = import_workbook(path)
    refused(result, "IMP-003")
    assert "compressed" in result.diagnostics[0].message


@pytest.mark.usefixtures("no_openpyxl")
@pytest.mark.parametrize(
    "limits",
    [
        Limits(max_uncompressed_bytes=5_000),
        Limits(max_entries=3),
        Limits(max_file_bytes=1_000),
    ],
    ids=["uncompressed", "entries", "file-size"],
)
def test_size_limits(tmp_path: Path, limits: Limits) -> None:
    path = simple_workbook(tmp_path / "register.xlsx")
    refused(import_workbook(path, limits=limits), "IMP-003")


@pytest.mark.usefixtures("no_openpyxl")
@pytest.mark.parametrize(
    ("content", "code"),
    [
        (b"Name,Purpose\n", "IMP-002"),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 500, "IMP-002"),
        (b"PK\x03\x04 not really a zip", "IMP-002"),
    ],
    ids=["text", "legacy-xls-or-encrypted", "damaged-zip"],
)
def test_not_a_workbook(tmp_path: Path, content: bytes, code: str) -> None:
    path = tmp_path / "register.xlsx"
    path.write_bytes(content)
    refused(import_workbook(path), code)


@pytest.mark.usefixtures("no_openpyxl")
def test_opendocument_is_read_without_openpyxl(tmp_path: Path) -> None:
    path = tmp_path / "registre.xlsx"  # the content decides, not the name
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("mimetype", "application/vnd.oasis.opendocument.spreadsheet")
        archive.writestr("content.xml", content_xml([]))
    result = import_file(path)
    refused(result, "IMP-005")  # read natively: an empty spreadsheet has no register table


@pytest.mark.usefixtures("no_openpyxl")
def test_encrypted_entries_are_refused(tmp_path: Path) -> None:
    path = simple_workbook(tmp_path / "register.xlsx")
    data = bytearray(path.read_bytes())
    for match in re.finditer(b"PK\x01\x02", bytes(data)):
        data[match.start() + 8] |= 0x01  # general purpose flag: encrypted
    path.write_bytes(bytes(data))
    refused(import_workbook(path), "IMP-002")


@pytest.mark.usefixtures("no_openpyxl")
def test_corrupt_entry_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "register.xlsx"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_STORED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr(SHEET, "<worksheet>" + "x" * 100 + "</worksheet>")
    data = bytearray(path.read_bytes())
    data[data.index(b"xxxx")] = ord("y")  # the CRC no longer matches
    path.write_bytes(bytes(data))
    result = import_workbook(path)
    refused(result, "IMP-002")
    assert "cannot be unpacked" in result.diagnostics[0].message


def test_missing_file_and_folder(tmp_path: Path) -> None:
    refused(import_file(tmp_path / "nope.xlsx"), "IMP-001")
    refused(import_workbook(tmp_path), "IMP-001")
    refused(import_csv(tmp_path), "IMP-001")


# --- XML ------------------------------------------------------------------------------------------

LAUGHS = (
    '<!DOCTYPE worksheet [<!ENTITY lol "lol">'
    + "".join(f'<!ENTITY lol{i} "{("&lol" + str(i - 1 if i > 1 else "") + ";") * 10}">' for i in range(1, 10))
    + "]>"
)
XXE = '<!DOCTYPE worksheet [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>'


def _with_doctype(doctype: str, reference: str) -> Any:
    def change(name: str, data: bytes) -> bytes | None:
        if name != SHEET:
            return None
        text = data.decode("utf-8")
        text = doctype + text
        return text.replace("<t>Purpose 1</t>", f"<t>{reference}</t>").encode("utf-8")

    return change


@pytest.mark.parametrize(
    ("doctype", "reference"), [(LAUGHS, "&lol9;"), (XXE, "&xxe;")], ids=["billion-laughs", "external-entity"]
)
def test_entity_declarations_are_refused(tmp_path: Path, doctype: str, reference: str) -> None:
    path = rewrite(simple_workbook(tmp_path / "register.xlsx"), _with_doctype(doctype, reference))
    assert b"<!ENTITY" in zipfile.ZipFile(path).read(SHEET)
    refused(import_workbook(path), "IMP-004")


def test_entities_are_refused_by_the_xml_parser_too(tmp_path: Path) -> None:
    """Even past the archive check, defusedxml (used by openpyxl) refuses the entities: no expansion."""
    path = rewrite(simple_workbook(tmp_path / "register.xlsx"), _with_doctype(LAUGHS, "&lol9;"))
    rep = Reporter(str(path))
    content = _xlsx.read_workbook(path.read_bytes(), Limits(), rep, sheet=None)
    assert content is None
    assert [d.code for d in rep.diagnostics] == ["IMP-004"]


def test_utf16_doctype_is_found(tmp_path: Path) -> None:
    path = tmp_path / "register.xlsx"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr(
            SHEET, ('<?xml version="1.0" encoding="UTF-16"?>' + XXE + "<worksheet/>").encode("utf-16")
        )
    refused(import_workbook(path), "IMP-004")


# --- cells and sheets ------------------------------------------------------------------------------


def test_formula_without_saved_result_is_reported(tmp_path: Path) -> None:
    def formula(wb: Any) -> None:
        wb.active["B3"] = '=CONCATENATE("Purpose ", 2)'

    result = import_workbook(simple_workbook(tmp_path / "register.xlsx", extra=formula))
    (missing,) = find(result, "IMP-013")
    assert missing.location.pointer == "/Register/B3"
    assert missing.severity is Severity.WARNING
    activities = {a.name: a for a in result.register.activities or []}
    assert activities["Activity 2"].purposes is not None
    assert [p.description for p in activities["Activity 2"].purposes] == ["Activity 2"]  # from the name


def test_formula_with_saved_result_is_read_not_calculated(tmp_path: Path) -> None:
    def formula(wb: Any) -> None:
        wb.active["B3"] = '=CONCATENATE("Purpose ", 2)'

    def cached(name: str, data: bytes) -> bytes | None:
        if name != SHEET:
            return None
        return re.sub(
            rb'<c r="B3"([^>]*)><f>(.*?)</f><v\s*/>', rb'<c r="B3" t="str"><f>\2</f><v>Saved result</v>', data
        )

    path = rewrite(simple_workbook(tmp_path / "register.xlsx", extra=formula), cached)
    result = import_workbook(path)
    assert "IMP-013" not in codes(result)
    activities = {a.name: a for a in result.register.activities or []}
    assert activities["Activity 2"].purposes is not None
    assert [p.description for p in activities["Activity 2"].purposes] == ["Saved result"]
    assert any("formulas" in d.message for d in find(result, "IMP-017"))


def test_error_values_are_read_as_empty(tmp_path: Path) -> None:
    def error(wb: Any) -> None:
        wb.active["E2"] = "#N/A"

    result = import_workbook(simple_workbook(tmp_path / "register.xlsx", extra=error))
    (cell,) = find(result, "IMP-014")
    assert cell.location.pointer == "/Register/E2"
    first = (result.register.activities or [])[0]
    assert first.retention is None


def _hidden(wb: Any) -> None:
    ws = wb.create_sheet("Old register")
    ws.append(["Name", "Purpose", "Lawful basis"])
    ws.append(["Secret activity", "Old purpose", "consent"])
    ws.sheet_state = "hidden"


def test_hidden_sheets_are_reported_and_skipped(tmp_path: Path) -> None:
    path = simple_workbook(tmp_path / "register.xlsx", extra=_hidden)
    result = import_workbook(path)
    (hidden,) = find(result, "IMP-011")
    assert hidden.location.pointer == "/Old register"
    assert "Secret activity" not in [a.name for a in result.register.activities or []]
    chosen = import_workbook(path, sheet="Old register")
    assert [a.name for a in chosen.register.activities or []] == ["Secret activity"]
    assert "IMP-011" not in codes(chosen)


def test_unknown_sheet_name_is_refused(tmp_path: Path) -> None:
    result = import_workbook(simple_workbook(tmp_path / "register.xlsx"), sheet="Nope")
    refused(result, "IMP-005")
    assert "'Register'" in (result.diagnostics[-1].hint or "")


def test_too_many_rows(tmp_path: Path) -> None:
    path = simple_workbook(tmp_path / "register.xlsx", rows=10)
    result = import_workbook(path, limits=Limits(max_rows=5))
    (truncated,) = find(result, "IMP-010")
    assert truncated.severity is Severity.ERROR
    assert truncated.location.pointer == "/Register/6"
    assert [a.name for a in result.register.activities or []] == [f"Activity {i}" for i in range(1, 5)]
    assert result.imported


def test_trailing_formatted_rows_are_not_data(tmp_path: Path) -> None:
    def styled(wb: Any) -> None:
        wb.active.cell(40, 1).font = Font(bold=True)  # a row element without values

    path = simple_workbook(tmp_path / "register.xlsx", rows=3, extra=styled)
    result = import_workbook(path, limits=Limits(max_rows=10))
    assert "IMP-010" not in codes(result)
    assert len(result.register.activities or []) == 3


def test_too_many_columns(tmp_path: Path) -> None:
    path = simple_workbook(tmp_path / "register.xlsx")
    result = import_workbook(path, limits=Limits(max_columns=3))
    (truncated,) = find(result, "IMP-010")
    assert truncated.location.pointer == "/Register/D1"  # the first cell that was not read
    assert "were not read: D1, E1, D2, E2, D3, E3, D4, E4" in truncated.message
    first = (result.register.activities or [])[0]
    assert first.data_categories is None
    assert first.retention is None


def test_values_far_beyond_the_column_limit_are_reported(tmp_path: Path) -> None:
    """Only column 201 was looked at: a value in column 250 was dropped without a word (issue 14.9)."""

    def far(wb: Any) -> None:
        wb.active.cell(2, 250, "a note far to the right")
        wb.active.cell(4, 16384, "and one in the last column")

    result = import_workbook(simple_workbook(tmp_path / "register.xlsx", extra=far))
    (truncated,) = find(result, "IMP-010")
    assert truncated.severity is Severity.ERROR
    assert truncated.location.pointer == "/Register/IP2"
    assert "IP2, XFD4" in truncated.message
    assert len(result.register.activities or []) == 3


def test_csv_values_beyond_the_column_limit_are_reported(tmp_path: Path) -> None:
    path = tmp_path / "register.csv"
    path.write_text("Name,Purpose\nA,P" + "," * 300 + "far\n", encoding="utf-8")
    result = import_csv(path)
    (truncated,) = find(result, "IMP-010")
    assert truncated.location.pointer == "/KP2"
    assert "not read: KP2" in truncated.message


def test_too_many_csv_rows_and_fields(tmp_path: Path) -> None:
    path = tmp_path / "register.csv"
    path.write_text("Name,Purpose,Extra\n" + "".join(f"A{i},P{i},x\n" for i in range(10)), encoding="utf-8")
    result = import_csv(path, limits=Limits(max_rows=4, max_columns=2))
    assert [d.location.pointer for d in find(result, "IMP-010")] == ["/5", "/C1"]
    assert [a.name for a in result.register.activities or []] == ["A0", "A1", "A2"]


def test_external_links_and_macros_are_reported(tmp_path: Path) -> None:
    path = rewrite(
        simple_workbook(tmp_path / "register.xlsx"),
        lambda name, data: None,
        add={"xl/externalLinks/externalLink1.xml": b"<externalLink/>", "xl/vbaProject.bin": b"\0" * 10},
    )
    result = import_workbook(path)
    (links,) = find(result, "IMP-012")
    assert links.severity is Severity.WARNING
    assert any("macros" in d.message for d in find(result, "IMP-017"))
    assert len(result.register.activities or []) == 3


def test_nul_bytes_are_not_csv(tmp_path: Path) -> None:
    path = tmp_path / "register.csv"
    path.write_bytes(b"Name,Purpose\n\0\0\0")
    refused(import_csv(path), "IMP-002")


def test_a_workbook_given_as_csv_is_refused(tmp_path: Path) -> None:
    refused(import_csv(simple_workbook(tmp_path / "register.csv")), "IMP-002")


# --- fuzzing ---------------------------------------------------------------------------------------


def _valid_book() -> bytes:
    buffer = io.BytesIO()
    simple_workbook_bytes(buffer)
    return buffer.getvalue()


def simple_workbook_bytes(buffer: io.BytesIO) -> None:
    import openpyxl

    wb = openpyxl.Workbook()
    ws = wb.active
    assert ws is not None
    ws.append(["Name", "Purpose", "Lawful basis"])
    ws.append(["Payroll", "Salaries", "legal obligation"])
    wb.save(buffer)


VALID = _valid_book()


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    flips=st.lists(st.tuples(st.integers(0, len(VALID) - 1), st.integers(0, 255)), min_size=1, max_size=8),
    cut=st.integers(len(VALID) // 2, len(VALID)),
)
def test_damaged_workbooks_never_raise(tmp_path: Path, flips: list[tuple[int, int]], cut: int) -> None:
    data = bytearray(VALID[:cut])
    for position, value in flips:
        if position < len(data):
            data[position] = value
    path = tmp_path / "fuzz.xlsx"
    path.write_bytes(bytes(data))
    result = import_file(path)
    if not result.imported:
        assert any(d.code in FATAL and d.severity is Severity.ERROR for d in result.diagnostics)
    for diagnostic in result.diagnostics:
        assert diagnostic.location.file == str(path)


def test_import_ropa_does_not_load_openpyxl() -> None:
    code = (
        "import sys, ropa, ropa.importer, ropa.export.yaml\n"
        "from ropa.cli import build_parser\n"
        "build_parser()\n"
        "assert 'openpyxl' not in sys.modules, 'openpyxl was imported'\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True, cwd=Path(__file__).resolve().parents[2])


# --- what the input file is (issue 14.13) ---------------------------------------------------------


@pytest.mark.parametrize("make", ["fifo", "device"])
def test_a_pipe_or_device_as_input_is_refused_at_once(tmp_path: Path, make: str) -> None:
    """A named pipe given as the spreadsheet hung the import; /dev/zero was read to the size limit."""
    path = tmp_path / "register.xlsx"
    if make == "fifo":
        os.mkfifo(path)
    else:
        path.symlink_to("/dev/zero")
    with deadline(10):
        for result in (import_file(path), import_workbook(path), import_csv(path)):
            refused(result, "IMP-001")
            assert "not a regular file" in result.diagnostics[0].message


def test_a_pipe_as_mapping_file_is_refused(tmp_path: Path) -> None:
    pipe = tmp_path / "mapping.toml"
    os.mkfifo(pipe)
    with deadline(10), pytest.raises(ConfigError, match="not a regular file"):
        load_mapping(pipe)
    (tmp_path / "big.toml").write_bytes(b"#" * (2 * 1024 * 1024))
    with pytest.raises(ConfigError, match="more than 1,048,576 bytes"):
        load_mapping(tmp_path / "big.toml")


def test_csv_text_named_xlsx_is_read_as_csv(tmp_path: Path) -> None:
    """docs/import.md says files are told apart by their content: a CSV file named .xlsx is CSV."""
    path = tmp_path / "register.xlsx"
    path.write_text("Name,Purpose\nPayroll,Salaries\n", encoding="utf-8")
    result = import_file(path)
    assert result.imported
    assert [a.name for a in result.register.activities or []] == ["Payroll"]
    assert any("holds text; it was read as CSV" in d.message for d in find(result, "IMP-017"))
    binary = tmp_path / "broken.xlsx"
    binary.write_bytes(b"\0\1\2garbage")
    refused(import_file(binary), "IMP-002")  # not text, not a zip: still a damaged workbook


def test_a_file_mixing_windows_1252_and_utf8_keeps_the_utf8_lines(tmp_path: Path) -> None:
    """Every valid UTF-8 line was mis-decoded once one line was Windows-1252."""
    path = tmp_path / "mixed.csv"
    path.write_bytes(
        b"Name,Purpose\n"
        + "Café,Bestellingen afhandelen\n".encode()  # UTF-8
        + "Crème,Données\n".encode("cp1252")  # Windows-1252
        + "Naïve,Überweisung €\n".encode()  # UTF-8 again
    )
    result = import_csv(path)
    names = [a.name for a in result.register.activities or []]
    assert names == ["Café", "Crème", "Naïve"]
    purposes = [p.description for a in result.register.activities or [] for p in a.purposes or []]
    assert purposes == ["Bestellingen afhandelen", "Données", "Überweisung €"]
    (warning,) = find(result, "IMP-018")
    assert warning.location.span is not None
    assert warning.location.span.line == 3
    assert "1 line(s) are not UTF-8 (the first bad byte is 0xe8 on line 3)" in warning.message


def test_a_windows_1252_file_is_still_read_whole(tmp_path: Path) -> None:
    path = tmp_path / "ansi.csv"
    path.write_bytes("Name,Purpose\nCrème,Données\n".encode("cp1252"))
    result = import_csv(path)
    assert [a.name for a in result.register.activities or []] == ["Crème"]
    (warning,) = find(result, "IMP-018")
    assert warning.message.startswith("the file is not UTF-8 (byte 0xe8 on line 2)")
