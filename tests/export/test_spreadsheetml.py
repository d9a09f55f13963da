"""The streaming SpreadsheetML writer on its own: what it writes, openpyxl reads back."""

from __future__ import annotations

import datetime as dt
import io
import zipfile

import openpyxl

from ropa.export.spreadsheetml import Style, Validation, Workbook, column_letter

STAMP = dt.datetime(2026, 3, 1)  # noqa: DTZ001 - a naive stamp, as the writer wants it


def _book(build: object) -> tuple[bytes, openpyxl.Workbook]:
    handle = io.BytesIO()
    workbook = Workbook(
        handle,
        [
            Style("plain"),
            Style("bold", bold=True, fill="C6EFCE", wrap=True),
            Style("date", number_format="yyyy-mm-dd"),
        ],
        STAMP,
    )
    build(workbook)  # type: ignore[operator]
    workbook.close()
    data = handle.getvalue()
    return data, openpyxl.load_workbook(io.BytesIO(data))


def test_column_letters() -> None:
    assert [column_letter(i) for i in (1, 26, 27, 52, 53, 702, 703, 16_384)] == [
        "A", "Z", "AA", "AZ", "BA", "ZZ", "AAA", "XFD",
    ]  # fmt: skip


def test_values_styles_and_sheet_features_read_back() -> None:
    title = "Empfänger & Auftraggeber's"

    def build(wb: Workbook) -> None:
        sheet = wb.sheet(title, [12.0, 30.5])
        sheet.freeze = "B3"
        sheet.print_title_rows = "2:2"
        sheet.print_title_columns = "A:A"
        sheet.header = ("Thee && Zo", "", "&A")
        sheet.footer = ("", "Pagina &P", "")
        sheet.append([("<a & b>", wb.xf("bold")), ("=1+1", wb.xf("plain", quote=True))], height=30)
        sheet.append([(42, wb.xf("plain")), (dt.date(2026, 1, 31), wb.xf("date"))])
        sheet.append([None, (None, wb.xf("bold"))])
        sheet.auto_filter = "A2:B3"
        sheet.validations.append(Validation("A3:A1048576", "'_lists'!$A$1:$A$3", show_error=False))
        wb.sheet("_lists", hidden=True).append([("x", wb.xf("plain"))])
        wb.sheet("empty")

    data, book = _book(build)
    ws = book[title]
    assert ws["A1"].value == "<a & b>"
    assert ws["A1"].font.b
    assert ws["A1"].fill.fgColor.rgb == "00C6EFCE"
    assert ws["A1"].alignment.wrap_text
    assert (ws["B1"].value, ws["B1"].data_type, ws["B1"].quotePrefix) == ("=1+1", "s", True)
    assert ws["A2"].value == 42
    assert ws["B2"].value == dt.datetime(2026, 1, 31)  # noqa: DTZ001 - openpyxl reads naive datetimes
    assert ws["B2"].number_format == "yyyy-mm-dd"
    assert ws.row_dimensions[1].height == 30
    assert ws.column_dimensions["B"].width == 30.5
    assert ws.freeze_panes == "B3"
    assert ws.print_title_rows == "$2:$2"
    assert ws.print_title_cols == "$A:$A"
    assert ws.HeaderFooter.oddHeader.left.text == "Thee && Zo"
    assert ws.HeaderFooter.oddHeader.right.text == "&A"
    assert ws.auto_filter.ref == "A2:B3"
    (validation,) = ws.data_validations.dataValidation
    assert (str(validation.sqref), validation.formula1, validation.showErrorMessage) == (
        "A3:A1048576",
        "'_lists'!$A$1:$A$3",
        False,
    )
    assert [s.sheet_state for s in book.worksheets] == ["visible", "hidden", "visible"]
    assert book["empty"].max_row == 1
    assert book.properties.created == STAMP
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        assert {info.date_time for info in archive.infolist()} == {(2026, 3, 1, 0, 0, 0)}
        assert archive.testzip() is None


def test_same_content_same_bytes() -> None:
    def build(wb: Workbook) -> None:
        wb.sheet("a", [10.0]).append([("x", wb.xf("plain"))])

    assert _book(build)[0] == _book(build)[0]


def test_the_head_can_be_set_after_the_rows_and_columns_and_rows_fold_away() -> None:
    """Widths, frozen panes and hidden columns are known only when a sheet's rows have been written (the
    builder hides the optional columns that stayed empty); the writer puts the head in front anyway."""

    def build(wb: Workbook) -> None:
        sheet = wb.sheet("Table", [10.0, 10.0, 10.0, 10.0])
        sheet.append([("a", wb.xf("plain")), None, ("c", wb.xf("plain")), None])
        sheet.append([("hidden item", wb.xf("plain"))], hidden=True)
        sheet.widths = [12.0, 20.0, 14.0, 9.0]
        sheet.freeze = "B2"
        sheet.hidden_columns = frozenset({2, 4})

    data, book = _book(build)
    ws = book["Table"]
    assert ws.freeze_panes == "B2"
    assert [ws.column_dimensions[c].width for c in "AC"] == [12.0, 14.0]
    for letter in "BD":
        assert ws.column_dimensions[letter].hidden
        assert ws.column_dimensions[letter].outline_level == 1
    assert not ws.column_dimensions["A"].hidden
    assert not ws.column_dimensions["C"].hidden
    assert ws.column_dimensions["C"].collapsed  # the group's button sits on the column after it
    assert ws.sheet_format.outlineLevelCol == 1
    assert ws.sheet_format.outlineLevelRow == 1
    assert ws.row_dimensions[2].hidden
    assert ws.row_dimensions[2].outline_level == 1
    assert ws["A2"].value == "hidden item"
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        xml = archive.read("xl/worksheets/sheet1.xml").decode()
    assert xml.index("<cols>") < xml.index("<sheetData>") < xml.index("</worksheet>")
