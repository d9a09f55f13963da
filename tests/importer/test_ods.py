"""OpenDocument spreadsheets (.ods) are read natively, with the limits applied while cells expand."""

from __future__ import annotations

import time
import zipfile
from pathlib import Path

import openpyxl
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ropa.diagnostics import Severity
from ropa.importer import Limits, import_file, import_workbook
from tests.importer._books import codes, find
from tests.odswriter import OdsSheet, content_xml, write_ods

HEADINGS = ["Naam verwerking", "Doel van de verwerking", "Grondslag", "Bewaartermijn", "Ontvangers"]
ROWS = [
    ["Salarisadministratie", "Salaris betalen", "Art. 6 lid 1 sub c AVG", "7 jaar", "Belastingdienst"],
    [
        "Nieuwsbrief",
        "Nieuwsbrief sturen\nAanbiedingen",
        "toestemming",
        "tot intrekking van de toestemming",
        "geen",
    ],
]


def test_an_ods_register_reads_like_the_same_xlsx(tmp_path: Path) -> None:
    ods = write_ods(
        tmp_path / "register.ods", [OdsSheet("Register", [["Register van Acme"], [], HEADINGS, *ROWS])]
    )
    wb = openpyxl.Workbook()
    ws = wb.active
    assert ws is not None
    ws.title = "Register"
    ws.append(["Register van Acme"])
    ws.append([])
    for row in [HEADINGS, *ROWS]:
        ws.append(row)
    xlsx = tmp_path / "register.xlsx"
    wb.save(xlsx)
    from_ods, from_xlsx = import_file(ods), import_file(xlsx)
    assert from_ods.imported
    assert from_ods.register == from_xlsx.register
    assert [d.location.pointer for d in from_ods.diagnostics] == [
        d.location.pointer for d in from_xlsx.diagnostics
    ]
    (newsletter,) = [a for a in from_ods.register.activities or [] if a.name == "Nieuwsbrief"]
    assert [p.description for p in newsletter.purposes or []] == ["Nieuwsbrief sturen", "Aanbiedingen"]
    assert newsletter.recipients == ()


def test_cell_text_spaces_breaks_numbers_dates_and_comments(tmp_path: Path) -> None:
    cells = (
        '<table:table-cell office:value-type="string"><text:p>Naam</text:p></table:table-cell>'
        '<table:table-cell office:value-type="string"><text:p>Doel</text:p></table:table-cell>'
        '<table:table-cell office:value-type="string"><text:p>Laatst gewijzigd</text:p></table:table-cell>'
        '<table:table-cell office:value-type="string"><text:p>Bewaartermijn</text:p></table:table-cell>'
    )
    row = (
        '<table:table-cell office:value-type="string"><office:annotation><text:p>a comment</text:p>'
        '</office:annotation><text:p>A<text:s text:c="3"/>B<text:line-break/>C<text:tab/>D</text:p>'
        "<text:p><text:span>E</text:span> <text:a>F</text:a></text:p></table:table-cell>"
        '<table:table-cell office:value-type="string"><text:p>Doel</text:p></table:table-cell>'
        '<table:table-cell office:value-type="date" office:date-value="2024-12-31"><text:p>31/12/24</text:p>'
        "</table:table-cell>"
        '<table:table-cell office:value-type="float" office:value="7"><text:p>7,00</text:p>'
        "</table:table-cell>"
    )
    content = content_xml([OdsSheet("S", [["x"]])]).replace(
        '<table:table-row><table:table-cell office:value-type="string"><text:p>x</text:p></table:table-cell>'
        "</table:table-row>",
        f"<table:table-row>{cells}</table:table-row><table:table-row>{row}</table:table-row>",
    )
    result = import_file(write_ods(tmp_path / "cells.ods", [], content=content))
    (act,) = result.register.activities or []
    assert act.name == "A   B"
    assert act.description == "A   B\nC\tD\nE F"
    assert str(act.last_modified) == "2024-12-31"
    assert act.retention is not None
    assert act.retention[0].description == "7"
    assert "a comment" not in str(result.register.model_dump())


def test_hidden_sheets_are_skipped_and_can_be_chosen(tmp_path: Path) -> None:
    path = write_ods(
        tmp_path / "hidden.ods",
        [OdsSheet("Register", [HEADINGS, ROWS[0]]), OdsSheet("Oud", [HEADINGS, ROWS[1]], hidden=True)],
    )
    result = import_file(path)
    assert [a.name for a in result.register.activities or []] == ["Salarisadministratie"]
    (hidden,) = find(result, "IMP-011")
    assert hidden.location.pointer == "/Oud"
    chosen = import_file(path, sheet="oud")
    assert [a.name for a in chosen.register.activities or []] == ["Nieuwsbrief"]
    missing = import_file(path, sheet="Nope")
    assert not missing.imported
    assert codes(missing, Severity.ERROR) == ["IMP-005"]


def _repeat_bomb(path: Path, rows: int, columns: int, text: str = "xxxxxxxxxx") -> Path:
    content = content_xml([OdsSheet("S", [["x"]])]).replace(
        '<table:table-row><table:table-cell office:value-type="string"><text:p>x</text:p></table:table-cell>',
        f'<table:table-row table:number-rows-repeated="{rows}"><table:table-cell office:value-type="string" '
        f'table:number-columns-repeated="{columns}"><text:p>{text}</text:p></table:table-cell>',
    )
    return write_ods(path, [], content=content)


def test_a_repeat_bomb_is_cut_at_the_limits_without_expanding(tmp_path: Path) -> None:
    # 1,000,000 rows of 16,384 cells from a file under 1 KB (python-calamine tries to allocate them all)
    path = _repeat_bomb(tmp_path / "bomb.ods", 1_000_000, 16_384)
    assert path.stat().st_size < 1_000
    started = time.process_time()
    result = import_workbook(path, limits=Limits(max_rows=1_000))
    assert time.process_time() - started < 20  # generous: seconds, not minutes or gigabytes
    errors = find(result, "IMP-010")
    assert {d.location.pointer for d in errors} == {"/S/1001", "/S/GS"}
    assert all(d.severity is Severity.ERROR for d in errors)


def test_expanded_text_beyond_the_budget_is_refused(tmp_path: Path) -> None:
    path = _repeat_bomb(tmp_path / "text.ods", 100, 100, "y" * 50)  # 500,000 characters once expanded
    result = import_file(path, limits=Limits(max_cell_total_chars=10_000))
    assert not result.imported
    assert codes(result, Severity.ERROR) == ["IMP-003"]
    (refusal,) = find(result, "IMP-003")
    assert refusal.location.pointer == "/S/A1"
    assert "IMP-003" not in codes(import_file(path))  # within the default budget (no register table, though)


def test_a_cell_longer_than_the_limit_is_refused(tmp_path: Path) -> None:
    path = _repeat_bomb(tmp_path / "long.ods", 1, 1, "z" * 2_000)
    result = import_file(path, limits=Limits(max_cell_chars=1_000))
    assert codes(result, Severity.ERROR) == ["IMP-003"]


@pytest.mark.parametrize(
    "prolog",
    [
        '<!DOCTYPE x [<!ENTITY a "aaaaaaaaaa">]>',
        '<!DOCTYPE x SYSTEM "file:///etc/passwd">',
    ],
)
def test_dtds_and_entities_are_refused_before_parsing(tmp_path: Path, prolog: str) -> None:
    content = content_xml([OdsSheet("S", [HEADINGS, ROWS[0]])]).replace("?>\n", f"?>\n{prolog}\n", 1)
    result = import_file(write_ods(tmp_path / "dtd.ods", [], content=content))
    assert not result.imported
    assert codes(result, Severity.ERROR) == ["IMP-004"]


def test_broken_content_is_a_diagnostic(tmp_path: Path) -> None:
    path = tmp_path / "broken.ods"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("mimetype", "application/vnd.oasis.opendocument.spreadsheet")
        archive.writestr("content.xml", "<office:document-content><unclosed>")
    result = import_file(path)
    assert not result.imported
    assert codes(result, Severity.ERROR) == ["IMP-002"]
    assert result.diagnostics[0].hint


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.data())
def test_mutated_ods_never_crashes(tmp_path: Path, data: st.DataObject) -> None:
    content = content_xml([OdsSheet("S", [HEADINGS, *ROWS])]).encode()
    position = data.draw(st.integers(0, len(content) - 1))
    length = data.draw(st.integers(1, 40))
    junk = data.draw(st.binary(min_size=0, max_size=40))
    mutated = content[:position] + junk + content[position + length :]
    path = tmp_path / "mutated.ods"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("mimetype", "application/vnd.oasis.opendocument.spreadsheet")
        archive.writestr("content.xml", mutated)
    result = import_file(path)
    if not result.imported:
        assert any(d.severity is Severity.ERROR and d.hint for d in result.diagnostics)
