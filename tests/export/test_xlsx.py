"""The Excel workbook, read back with openpyxl: sheets, values, types, styles, print set-up, safety."""

from __future__ import annotations

import datetime as dt
import os
import zipfile
from pathlib import Path
from typing import Any

import openpyxl
import pytest

import ropa
from ropa.diagnostics import Report, Severity
from ropa.errors import ExportError
from ropa.export import cells as cells_module
from ropa.export import spec as spec_module
from ropa.export.cells import ExportWarning
from ropa.export.columns import table
from ropa.export.json import register_to_json
from ropa.export.xlsx import JSON_CHUNK, JSON_MARKER, register_json_chunks, write_workbook
from ropa.i18n import LANGS, label
from ropa.models import Register
from tests.export.conftest import many_activities, naive, with_activity

DANGEROUS = ['=HYPERLINK("http://x","y")', "=cmd|' /C calc'!A0", "+1+1", "-2+3", "@SUM(1)", "\t=1+1"]


def export(register: Register, folder: Path, *, lang: str = "en", report: Report | None = None) -> Path:
    return write_workbook(register, folder / "register.xlsx", lang=lang, report=report)  # type: ignore[arg-type]


SHOWN_ON = {"organisation": "cover", "data_subjects": "vocabulary", "data_categories": "vocabulary"}
SHOWN_ON["security_measures"] = "vocabulary"
"""Tables that share a sheet: the organisation is on the summary, the categories and measures together."""


def sheet(book: Any, key: str, lang: str = "en") -> Any:
    return book[label(f"sheet.{SHOWN_ON.get(key, key)}", lang)]


def header(ws: Any) -> list[Any]:
    return [c.value for c in ws[2]]


def column_values(ws: Any, heading: str) -> list[Any]:
    index = next(i for i, value in enumerate(header(ws)) if value and value.split("\n")[0] == heading)
    return [row[index] for row in ws.iter_rows(min_row=3, values_only=True)]


@pytest.fixture(scope="module")
def book_path(tmp_path_factory: pytest.TempPathFactory, webshop: Register, report: Report) -> Path:
    return export(webshop, tmp_path_factory.mktemp("book"), lang="nl", report=report)


@pytest.fixture(scope="module")
def book(book_path: Path) -> Any:
    return openpyxl.load_workbook(book_path)


# ---- sheets and content ------------------------------------------------------------------------------


def test_sheets_in_order(book: Any) -> None:
    assert book.sheetnames == [
        "Overzicht",
        "Verwerkingsactiviteiten",
        "Ontvangers en verwerkers",
        "Doorgiften",
        "Bewaartermijnen",
        "Categorieën en maatregelen",
        "Register als verwerker",
        "Bevindingen",
        "_lists",
        "_ropa",
    ]
    assert [ws.sheet_state for ws in book.worksheets][-2:] == ["hidden", "hidden"]
    assert all(ws.sheet_state == "visible" for ws in book.worksheets[:-2])
    assert book.active.title == "Overzicht"


@pytest.mark.parametrize("lang", LANGS)
def test_sheet_names_follow_the_language(tmp_path: Path, webshop: Register, lang: str) -> None:
    wb = openpyxl.load_workbook(export(webshop, tmp_path, lang=lang), read_only=True)
    assert wb.sheetnames[1] == label("sheet.activities", lang)
    assert wb.sheetnames[-1] == "_ropa"


def test_optional_sheets_are_left_out(tmp_path: Path, webshop: Register) -> None:
    plain = webshop.model_copy(update={"processor_activities": None})
    names = openpyxl.load_workbook(export(plain, tmp_path), read_only=True).sheetnames
    assert "Processor record" not in names
    assert "Findings" not in names
    # a detail table without rows gets no sheet (the activities sheet says "None"); the summary counts it
    untransferred = with_activity(plain, 1, transfers=[])
    book = openpyxl.load_workbook(export(untransferred, tmp_path))
    assert "Transfers" not in book.sheetnames
    assert "Recipient categories" not in book.sheetnames
    counts = {row[0]: row[1] for row in book["Summary"].iter_rows(values_only=True) if row}
    assert counts["Transfers"] == 0


def test_activities_sheet(book: Any) -> None:
    ws = sheet(book, "activities", "nl")
    assert ws["A1"].value.startswith("Donkergroene kop: verplicht volgens Art. 30 AVG")
    assert header(ws)[:3] == ["ID", "Verwerkingsactiviteit", "Verwerkingsdoeleinden\nArt. 30(1)(b) AVG"]
    ids = [r[0] for r in ws.iter_rows(min_row=3, values_only=True)]
    assert ids == ["orders", "newsletter", "bookkeeping"]
    assert column_values(ws, "Categorieën van ontvangers")[0].splitlines() == [
        "PostNL — Verwerker",
        "Mollie B.V. — Verwerker",
        "WebwinkelKeur — Gezamenlijke verwerkingsverantwoordelijke",
    ]
    assert column_values(ws, "Rechtsgrond")[2] == "Art. 6(1)(c) AVG – wettelijke verplichting"
    retention = column_values(ws, "Beoogde termijnen voor wissing")
    assert retention[2] == "Facturen: 7 jaar na afloop van het boekjaar"
    assert column_values(ws, "Doorgiften aan derde landen of internationale organisaties") == [
        "Geen",
        "Verenigde Staten (US) — Mailchimp (Intuit Inc.)",
        "Geen",
    ]


def test_dates_are_dates_and_numbers_are_numbers(book: Any) -> None:
    ws = sheet(book, "activities", "nl")
    reviewed = column_values(ws, "Laatst beoordeeld")
    assert reviewed[0] == naive(2026, 2, 15)
    assert reviewed[1] is None
    cell = next(c for c in ws[3] if isinstance(c.value, dt.datetime))
    assert cell.is_date
    assert cell.number_format == "yyyy-mm-dd"
    transfers = sheet(book, "transfers", "nl")
    assert column_values(transfers, "SCC-module") == [2]


def test_organisation_is_listed_on_the_summary(book: Any) -> None:
    ws = sheet(book, "organisation", "nl")
    rows = list(ws.iter_rows(values_only=True))
    start = rows.index(("Onderdeel", "Waarde", "AVG"))
    items = {row[0]: row[1:] for row in rows[start + 1 : start + 1 + len(table("organisation").columns)]}
    assert len(items) == len(table("organisation").columns)
    assert items["Verwerkingsverantwoordelijke"] == ("De Theepot B.V.", "Art. 30(1)(a) AVG")
    assert items["Functionaris voor gegevensbescherming (FG)"][0].startswith("Niet aangesteld\n")
    assert items["Gezamenlijke verwerkingsverantwoordelijken"][0].startswith("WebwinkelKeur")
    assert items["Contactgegevens als verwerker"] == (
        "De Theepot Fulfilment\nfulfilment@detheepot.nl",
        "Art. 30(2)(a) AVG",
    )
    assert items["Datum laatste wijziging"][0] == naive(2026, 3, 1)
    assert items["Aantal werknemers"][0] == 12


def test_retention_sheet_has_one_row_per_rule_and_category(book: Any, webshop: Register) -> None:
    ws = sheet(book, "retention", "nl")
    rows = list(ws.iter_rows(min_row=3, values_only=True))
    assert len(rows) == 6
    assert rows[0][:4] == (
        "orders",
        "Bestellingen afhandelen",
        "Naam en adres",
        "2 jaar na afloop van de overeenkomst",
    )
    assert rows[3][2:4] == (
        "Allergieën en dieetwensen",
        "tot intrekking van de toestemming; uiterlijk 1 jaar na de laatste activiteit",
    )
    assert rows[-1][2:4] == ("Facturen", "7 jaar na afloop van het boekjaar")


def test_processor_record(book: Any) -> None:
    ws = sheet(book, "processor_record", "nl")
    (row,) = ws.iter_rows(min_row=3, values_only=True)
    assert row[0] == "fulfilment-partner"
    assert row[1] == "Thee & Zo V.O.F.\ninfo@theeenzo.nl\nNederland (NL)"


def test_transfers_of_the_processor_record_are_listed_too(tmp_path: Path, webshop: Register) -> None:
    processor = webshop.processor_activities[0]  # type: ignore[index]
    transfer = webshop.activities[1].transfers[0]  # type: ignore[index]
    register = webshop.model_copy(
        update={"processor_activities": [processor.model_copy(update={"transfers": [transfer]})]}
    )
    ws = sheet(openpyxl.load_workbook(export(register, tmp_path)), "transfers")
    assert column_values(ws, "Record") == ["Controller", "Processor"]


def test_cover_sheet(book: Any) -> None:
    ws = sheet(book, "cover", "nl")
    values = {row[0]: row[1] for row in ws.iter_rows(values_only=True) if row and row[0]}
    assert ws["A1"].value == "Register van de verwerkingsactiviteiten"
    assert ws["A2"].value == "De Theepot B.V."
    assert values["Versie van het register"] == "2026.1"
    assert values["Datum laatste wijziging"] == naive(2026, 3, 1)
    assert values["Verwerkingsactiviteiten"] == 3
    assert values["Doorgiften"] == 1
    assert values["Bewaarregels"] == 4
    assert values["Bewaartermijnen"] == 6
    assert (values["Fout"], values["Waarschuwing"], values["Info"]) == (1, 1, 1)


def test_cover_without_report_says_so(tmp_path: Path, webshop: Register) -> None:
    ws = sheet(openpyxl.load_workbook(export(webshop, tmp_path)), "cover")
    texts = [row[0] for row in ws.iter_rows(values_only=True)]
    assert "Not included in this export" in texts


def test_findings_sheet(book: Any) -> None:
    ws = sheet(book, "findings", "nl")
    assert header(ws)[:4] == ["Code", "Ernst", "Betreft", "Bevinding"]
    rows = list(ws.iter_rows(min_row=3))
    by_code = {row[0].value: row for row in rows}
    assert by_code["RET-001"][1].value == "Fout"
    assert by_code["RET-001"][4].value == "Art. 30(1)(f) AVG"
    assert by_code["RET-001"][7].value == "activities.yaml:3:5"
    fills = {code: row[3].fill.fgColor.rgb for code, row in by_code.items()}
    assert fills == {"RET-001": "00FFC7CE", "TRF-007": "00FFEB9C", "GOV-001": "00DDEBF7"}
    assert by_code["GOV-001"][4].fill.fgColor.rgb == "00DDEBF7"  # empty cells of the row are filled too


# ---- styles, views, validations, print set-up ----------------------------------------------------------


def test_header_row_is_bold_and_coloured_by_obligation(book: Any) -> None:
    ws = sheet(book, "activities", "nl")
    row = ws[2]
    assert all(cell.font.b for cell in row)
    assert all(cell.alignment.wrap_text for cell in row)
    fills = [cell.fill.fgColor.rgb for cell in row]
    assert fills[2] == fills[3] == fills[5] == "001E6B3A"  # (b), (c), (d): required
    assert fills[6] == fills[8] == fills[9] == "00C6EFCE"  # (e), (f), (g): where applicable / possible
    assert fills[0] == fills[10] == "00E7E6E6"  # recommended
    assert row[2].font.color.rgb == "00FFFFFF"
    assert not ws.merged_cells.ranges


def test_body_cells_wrap_and_rows_grow(book: Any) -> None:
    ws = sheet(book, "activities", "nl")
    assert ws["C3"].alignment.wrap_text
    assert ws["C3"].alignment.vertical == "top"
    assert ws.row_dimensions[3].height is not None
    assert ws.row_dimensions[3].height > 15


def test_freeze_panes_and_autofilter(book: Any) -> None:
    ws = sheet(book, "activities", "nl")
    assert ws.freeze_panes == "C3"
    width = len(table("activities").columns)
    assert ws.auto_filter.ref == f"A2:{openpyxl.utils.get_column_letter(width)}5"
    assert sheet(book, "organisation", "nl").freeze_panes is None


def test_column_widths_fit_within_the_cap(book: Any) -> None:
    ws = sheet(book, "activities", "nl")
    widths = {c.key: ws.column_dimensions[openpyxl.utils.get_column_letter(i)].width
              for i, c in enumerate(table("activities").columns, start=1)}  # fmt: skip
    assert widths["id"] == len("bookkeeping") + 2 + 0 or widths["id"] >= 8
    assert widths["purposes"] <= 40
    assert widths["description"] <= 40
    assert all(8 <= w <= 70 for w in widths.values())


def test_data_validations(book: Any) -> None:
    ws = sheet(book, "parties", "nl")
    validations = {str(dv.sqref): dv for dv in ws.data_validations.dataValidation}
    role = validations["C3:C1048576"]
    assert role.type == "list"
    assert role.formula1.startswith("'_lists'!$")
    lists = book["_lists"]
    column = role.formula1.split("!")[1].split(":")[0].replace("$", "").rstrip("0123456789")
    values = [c.value for c in lists[column] if c.value is not None]
    assert values == [label(r, "nl") for r in ropa.models.PartyRole]
    signed = next(dv for ref, dv in validations.items() if ref.startswith("I3"))
    assert signed.showErrorMessage
    activities = sheet(book, "activities", "nl")
    lawful = next(dv for dv in activities.data_validations.dataValidation if str(dv.sqref).startswith("K3"))
    assert not lawful.showErrorMessage  # several bases per cell: offer the list, do not reject


def test_print_setup(book: Any) -> None:
    ws = sheet(book, "activities", "nl")
    assert ws.page_setup.orientation == "landscape"
    assert ws.page_setup.paperSize == 9
    assert ws.sheet_properties.pageSetUpPr.fitToPage
    assert ws.page_setup.fitToHeight == 0
    assert int(ws.page_setup.fitToWidth) >= 2  # wide: tiled, the identifying columns repeat
    assert ws.print_title_rows == "$2:$2"
    assert ws.print_title_cols == "$A:$B"
    assert ws.HeaderFooter.oddHeader.left.text == "De Theepot B.V."
    assert ws.HeaderFooter.oddHeader.right.text == "&A"
    assert ws.HeaderFooter.oddFooter.center.text == "Pagina &P van &N"
    assert ws.HeaderFooter.oddFooter.left.text == "Verwerkingsregister De Theepot — 2026.1"
    narrow = sheet(book, "data_subjects", "nl")
    assert int(narrow.page_setup.fitToWidth) == 1
    assert sheet(book, "organisation", "nl").page_setup.orientation == "portrait"


def test_ampersand_in_header_is_escaped(tmp_path: Path, webshop: Register) -> None:
    org = webshop.organisation.model_copy(update={"name": "Thee & Zo"})  # type: ignore[union-attr]
    wb = openpyxl.load_workbook(export(webshop.model_copy(update={"organisation": org}), tmp_path))
    assert sheet(wb, "activities").HeaderFooter.oddHeader.left.text == "Thee && Zo"


def test_document_properties(book: Any) -> None:
    props = book.properties
    assert props.creator == "ropa"
    assert props.title == "Verwerkingsregister De Theepot"
    assert props.language == "nl"
    assert props.created == props.modified == naive(2026, 3, 1)


# ---- the hidden JSON sheet ------------------------------------------------------------------------------


def test_json_sheet_holds_the_canonical_json(book: Any, webshop: Register) -> None:
    ws = book["_ropa"]
    assert ws.sheet_state == "hidden"
    values = [row[0] for row in ws.iter_rows(values_only=True)]
    assert values[0] == JSON_MARKER
    assert "".join(values[1:]) == register_to_json(webshop)
    assert all(ws.cell(row, 1).data_type == "s" for row in range(1, ws.max_row + 1))


def test_json_is_split_into_pieces_that_fit_a_cell(webshop: Register) -> None:
    big = many_activities(webshop, 300)
    pieces = list(register_json_chunks(big))
    assert len(pieces) > 3
    assert all(len(p) <= JSON_CHUNK and cells_module.utf16_length(p) <= JSON_CHUNK for p in pieces)
    assert all(len(p) == JSON_CHUNK for p in pieces[:-1])
    assert "".join(pieces) == register_to_json(big)


def test_json_with_empty_and_missing_lists(webshop: Register) -> None:
    odd = webshop.model_copy(update={"processor_activities": [], "parties": None, "organisation": None})
    assert "".join(register_json_chunks(odd)) == register_to_json(odd)


def test_json_pieces_count_astral_characters_twice(webshop: Register) -> None:
    emoji = with_activity(webshop, name="🍵" * 40_000)
    pieces = list(register_json_chunks(emoji))
    assert all(cells_module.utf16_length(p) <= JSON_CHUNK for p in pieces)
    assert "".join(pieces) == register_to_json(emoji)


def test_json_escapes_what_xml_cannot_carry(webshop: Register) -> None:
    odd = with_activity(webshop, notes="a\ufffeb")
    joined = "".join(register_json_chunks(odd))
    assert "\ufffe" not in joined
    assert "\\ufffe" in joined
    import json

    assert json.loads(joined) == json.loads(register_to_json(odd))


def test_workbook_imports_back_losslessly(book_path: Path, webshop: Register) -> None:
    importer = pytest.importorskip("ropa.importer")
    result = importer.import_file(book_path)
    assert not [d for d in result.diagnostics if d.severity is Severity.ERROR]
    assert register_to_json(result.register) == register_to_json(webshop)


# ---- safety --------------------------------------------------------------------------------------------


@pytest.mark.parametrize("text", DANGEROUS)
def test_formulas_stay_text(tmp_path: Path, webshop: Register, text: str) -> None:
    register = with_activity(webshop, name=text, notes=text)
    ws = sheet(openpyxl.load_workbook(export(register, tmp_path)), "activities")
    cell = ws["B3"]
    assert cell.data_type == "s"
    assert cell.value == text
    assert cell.quotePrefix
    notes = ws.cell(3, len(table("activities").columns))
    assert (notes.data_type, notes.value) == ("s", text)


def test_no_formula_anywhere_in_the_package(tmp_path: Path, webshop: Register) -> None:
    register = with_activity(webshop, name=DANGEROUS[0], description=DANGEROUS[1])
    path = export(register, tmp_path)
    with zipfile.ZipFile(path) as archive:
        for name in archive.namelist():
            if name.startswith("xl/worksheets/"):
                assert b"<f>" not in archive.read(name)
                assert b"<f " not in archive.read(name)


def test_error_like_text_stays_text(tmp_path: Path, webshop: Register) -> None:
    ws = sheet(openpyxl.load_workbook(export(with_activity(webshop, name="#N/A"), tmp_path)), "activities")
    assert (ws["B3"].data_type, ws["B3"].value) == ("s", "#N/A")


def test_control_characters_are_removed_with_a_warning(tmp_path: Path, webshop: Register) -> None:
    register = with_activity(webshop, name="Be\x00stel\x07lingen\x1b", description="ok\x0b")
    with pytest.warns(ExportWarning) as caught:
        path = export(register, tmp_path)
    assert [str(w.message) for w in caught] == [
        "Processing activities: removed 4 control character(s) that a spreadsheet cannot hold from 2 "
        "cell(s), first B3",
        "Recipients and processors: removed 9 control character(s) that a spreadsheet cannot hold from 3 "
        "cell(s), first Q3",  # the activity's name is listed with each of its three recipients
        "Retention: removed 12 control character(s) that a spreadsheet cannot hold from 4 cell(s), first B3",
    ]
    ws = sheet(openpyxl.load_workbook(path), "activities")
    assert ws["B3"].value == "Bestellingen"
    assert "".join(row[0] for row in openpyxl.load_workbook(path)["_ropa"].iter_rows(values_only=True))


def test_line_breaks_and_tabs_survive(tmp_path: Path, webshop: Register) -> None:
    register = with_activity(webshop, description="one\ntwo\tthree\r\nfour  ")
    ws = sheet(openpyxl.load_workbook(export(register, tmp_path)), "activities")
    assert column_values(ws, "Description")[0] == "one\ntwo\tthree\nfour  "


def test_long_text_is_cut_visibly_with_a_warning(tmp_path: Path, webshop: Register) -> None:
    long = "x" * 40_000
    register = with_activity(webshop, description=long)
    with pytest.warns(ExportWarning, match=r"1 cell\(s\) longer than 32,767 characters were cut, first"):
        path = export(register, tmp_path)
    wb = openpyxl.load_workbook(path)
    value = column_values(sheet(wb, "activities"), "Description")[0]
    assert len(value) == 32_767
    assert value.endswith(label("ui.truncated", "en"))
    embedded = "".join(row[0] for row in wb["_ropa"].iter_rows(min_row=2, values_only=True))
    assert long in embedded  # nothing is lost: the full text is in the hidden sheet


def test_rows_beyond_the_sheet_limit_are_left_out_with_a_notice(
    tmp_path: Path, webshop: Register, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(cells_module, "EXCEL_MAX_ROWS", 12)
    register = many_activities(webshop, 20)
    with pytest.warns(ExportWarning) as caught:
        path = export(register, tmp_path)
    messages = [str(w.message) for w in caught]
    assert any(m.startswith("Processing activities: 11 row(s) beyond the") for m in messages)
    ws = sheet(openpyxl.load_workbook(path), "activities")
    assert ws.max_row == 12
    assert ws["A12"].value == "11 further rows do not fit in a worksheet; they are in the JSON export."
    assert ws["A11"].value == "a000008"


def test_unsupported_language(tmp_path: Path, webshop: Register) -> None:
    with pytest.raises(ValueError, match="unsupported language"):
        export(webshop, tmp_path, lang="es")
    assert not list(tmp_path.iterdir())


# ---- determinism and atomicity -------------------------------------------------------------------------


def test_same_register_same_bytes(tmp_path: Path, webshop: Register, report: Report) -> None:
    first = write_workbook(webshop, tmp_path / "a.xlsx", lang="de", report=report).read_bytes()
    second = write_workbook(webshop, tmp_path / "b.xlsx", lang="de", report=report).read_bytes()
    assert first == second


def test_zip_entries_carry_the_register_date(book_path: Path) -> None:
    with zipfile.ZipFile(book_path) as archive:
        assert {info.date_time for info in archive.infolist()} == {(2026, 3, 1, 0, 0, 0)}
        assert archive.testzip() is None


def test_without_a_date_source_date_epoch_then_a_fixed_epoch(
    tmp_path: Path, webshop: Register, monkeypatch: pytest.MonkeyPatch
) -> None:
    undated = webshop.model_copy(update={"meta": webshop.meta.model_copy(update={"last_updated": None})})  # type: ignore[union-attr]
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    path = export(undated, tmp_path)
    assert openpyxl.load_workbook(path).properties.created == naive(2023, 11, 14, 22, 13, 20)
    with zipfile.ZipFile(path) as archive:
        assert archive.infolist()[0].date_time == (2023, 11, 14, 22, 13, 20)
    monkeypatch.delenv("SOURCE_DATE_EPOCH")
    path = export(undated, tmp_path)
    assert openpyxl.load_workbook(path).properties.created == naive(1980, 1, 1)


def _temporary_files(folder: Path) -> list[str]:
    return [p.name for p in folder.iterdir() if p.name.endswith(".tmp")]


def test_a_failing_export_keeps_the_previous_file(
    tmp_path: Path, webshop: Register, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "register.xlsx"
    target.write_bytes(b"previous export")
    calls = 0
    real = spec_module.render

    def failing(value: Any, lang: Any) -> Any:
        nonlocal calls
        calls += 1
        if calls == 60:  # well into the activities sheet
            raise RuntimeError("boom")
        return real(value, lang)

    monkeypatch.setattr(spec_module, "render", failing)
    with pytest.raises(RuntimeError, match="boom"):
        write_workbook(webshop, target)
    assert target.read_bytes() == b"previous export"
    assert _temporary_files(tmp_path) == []
    from openpyxl.worksheet._writer import ALL_TEMP_FILES

    assert not [p for p in ALL_TEMP_FILES if os.path.exists(p)]


def test_an_unwritable_target_is_an_export_error(tmp_path: Path, webshop: Register) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    with pytest.raises(ExportError, match="cannot write"):
        write_workbook(webshop, blocker / "register.xlsx")


def test_public_api(tmp_path: Path, webshop: Register) -> None:
    result = ropa.loads(register_to_json(webshop).replace('"register"', '"register"'), "x.yaml")
    path = ropa.export_xlsx(result, tmp_path / "api.xlsx", lang="fr")
    assert openpyxl.load_workbook(path, read_only=True).sheetnames[0] == "Synthèse"


def test_literal_escapes_are_escaped_and_import_back(tmp_path: Path, webshop: Register) -> None:
    """Text that reads like ``_xHHHH_`` is written with its underscore as ``_x005F_`` (issue 14.10)."""
    from ropa.importer import import_file

    text = "_x0041_ and _x0022_ and x_x000D_"
    register = with_activity(webshop, name=text)
    path = write_workbook(register, tmp_path / "register.xlsx")
    with zipfile.ZipFile(path) as archive:
        xml = b"".join(archive.read(n) for n in archive.namelist() if n.startswith("xl/worksheets/"))
    assert b"_x005F_x0041_ and _x005F_x0022_ and x_x005F_x000D_" in xml
    assert b">_x0041_ and" not in xml
    back = import_file(path)
    assert back.embedded
    assert register_to_json(back.register) == register_to_json(register)
