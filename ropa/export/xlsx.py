"""The Excel workbook: the register as people read it, plus a hidden copy for lossless re-import.

This is the only module that imports openpyxl. The workbook is streamed (openpyxl's write-only mode), so
memory stays bounded however many activities the register has: column widths come from the first
:data:`WIDTH_SAMPLE` rows of each table.

Sheets, in order (names in the export language): the cover sheet with counts and findings by severity; the
organisation (Art. 30(1)(a)); processing activities; recipients and processors; transfers; retention (one
row per rule and data category); security measures; data categories; data subjects; the processor record
(Art. 30(2), only when there are processor activities); findings (only when a report is given); the hidden
``_lists`` sheet with the values of the drop-down lists; and the hidden ``_ropa`` sheet: cell A1 holds
``ropa-register-json/1`` and A2, A3, ... hold the canonical JSON (:func:`ropa.export.json.register_to_json`)
in pieces of at most 32,000 characters, which :mod:`ropa.importer` joins back together.

The output is deterministic: the same register, language and report give a byte-identical file (document
dates come from ``register.last_updated``, else ``SOURCE_DATE_EPOCH``, else 1980-01-01; every zip entry gets
that date). See ``docs/exports.md``.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import math
import os
import shutil
from collections.abc import Generator, Iterable, Iterator
from itertools import chain, islice
from pathlib import Path
from typing import TYPE_CHECKING, Any, BinaryIO
from zipfile import ZIP_DEFLATED, ZipFile, ZipInfo

from openpyxl import Workbook
from openpyxl.cell import Cell
from openpyxl.styles import Alignment, Border, Font, NamedStyle, PatternFill, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.properties import PageSetupProperties
from openpyxl.writer.excel import ExcelWriter

from ropa._version import __version__
from ropa.diagnostics import Report, Severity
from ropa.export import cells
from ropa.export.cells import Notes
from ropa.export.columns import TABLES, Column, Context, Table, render
from ropa.export.write import write_atomic_with
from ropa.i18n import LANGS, Lang, article, label, translate_report
from ropa.models import Register

if TYPE_CHECKING:
    from ropa.changes import Diff

__all__ = [
    "JSON_CHUNK",
    "JSON_MARKER",
    "JSON_SHEET",
    "LISTS_SHEET",
    "WIDTH_SAMPLE",
    "register_json_chunks",
    "write_workbook",
]

JSON_SHEET = "_ropa"
"""The hidden sheet with the register's canonical JSON."""
JSON_MARKER = "ropa-register-json/1"
"""Cell A1 of the ``_ropa`` sheet: the format and version of what follows."""
JSON_CHUNK = 32_000
"""Characters (and UTF-16 code units) per cell of the ``_ropa`` sheet, at most."""
LISTS_SHEET = "_lists"
"""The hidden sheet with the values of the drop-down lists."""
WIDTH_SAMPLE = 500
"""Rows of each table from which column widths are computed."""

FIRST_DATA_ROW = 3
"""Row 1 is the legend, row 2 the header."""
_MIN_WIDTH = 8
_FIXED_EPOCH = dt.datetime(1980, 1, 1)  # noqa: DTZ001 - a naive UTC stamp, as OOXML and zip want it

_GREEN_DARK = "1E6B3A"
_GREEN_LIGHT = "C6EFCE"
_GREY = "E7E6E6"
_SEVERITY_FILL = {Severity.ERROR: "FFC7CE", Severity.WARNING: "FFEB9C", Severity.INFO: "DDEBF7"}


# --------------------------------------------------------------------------------------------------------
# Public entry point
# --------------------------------------------------------------------------------------------------------


def write_workbook(
    register: Register,
    path: Path,
    *,
    lang: Lang = "en",
    report: Report | None = None,
    changes: Diff | None = None,
) -> Path:
    """Write ``register`` as an ``.xlsx`` workbook at ``path``, atomically.

    Args:
        register: the register.
        path: the file to write; the previous file survives a failure, and no temporary file is left.
        lang: language of sheet names, headers and labels (``en``, ``nl``, ``fr``, ``de``).
        report: findings for the Findings sheet and the cover; ``None`` leaves both out.
        changes: the changes since an earlier version, for the Changes sheet (named on the cover);
            ``None`` leaves it out.

    Returns:
        ``path``.

    Raises:
        ExportError: the file could not be written.
        ValueError: ``lang`` is not supported.

    Warns:
        ExportWarning: content could not be written exactly (control characters removed, text cut at
            32,767 characters, rows beyond 1,048,576 left out); emitted once the file is written.
    """
    if lang not in LANGS:
        raise ValueError(f"unsupported language {lang!r}; use one of {', '.join(LANGS)}")
    if report is not None:  # the findings in the workbook's language, like its headings
        report = translate_report(report, lang)
    notes = Notes()

    def writer(handle: BinaryIO) -> None:
        _Builder(register, lang, report, notes, changes).save(handle)

    write_atomic_with(path, writer)
    notes.emit(stacklevel=3)
    return path


def register_json_chunks(register: Register, size: int = JSON_CHUNK) -> Iterator[str]:
    """The canonical JSON text of ``register`` in pieces of at most ``size`` characters and UTF-16 code
    units; joined, they are exactly :func:`ropa.export.json.register_to_json`, except that the few
    characters XML cannot carry (U+FFFE, U+FFFF, lone surrogates; they only occur inside JSON strings) are
    written as ``\\uXXXX`` escapes, which decode to the same value.

    The text is produced incrementally, so it is never held in memory as a whole.
    """
    encoder = json.JSONEncoder(ensure_ascii=False, indent=2)
    pending: list[str] = []
    pending_length = 0
    carry = ""
    for piece in chain(encoder.iterencode(_streamed_dump(register)), ("\n",)):
        pending.append(piece)
        pending_length += len(piece)
        if pending_length >= 4 * size:
            carry = yield from _full_chunks(carry + _escape_for_xml("".join(pending)), size)
            pending, pending_length = [], 0
    rest = yield from _full_chunks(carry + _escape_for_xml("".join(pending)), size)
    if rest:
        yield rest


class _DumpedOnIteration(list):  # type: ignore[type-arg]
    """A list the JSON encoder sees with ``len(entities)`` items, each dumped only when it is reached."""

    def __init__(self, entities: list[Any]) -> None:
        super().__init__()
        self._entities = entities

    def __len__(self) -> int:
        return len(self._entities)

    def __iter__(self) -> Iterator[dict[str, Any]]:
        return (entity.dump() for entity in self._entities)


def _streamed_dump(register: Register) -> dict[str, Any]:
    """What ``register.dump()`` returns, but with the entity lists dumped one entity at a time."""
    out: dict[str, Any] = {}
    for name, info in type(register).model_fields.items():
        value = getattr(register, name)
        if value is None:
            continue
        key = info.alias or name
        out[key] = _DumpedOnIteration(value) if isinstance(value, list) else value.dump()
    return out


def _full_chunks(text: str, size: int) -> Generator[str, None, str]:
    """Yield full pieces from the front of ``text`` while more than ``size`` remains; return the rest."""
    start = 0
    while cells.utf16_length(text[start : start + 2 * size]) > size:
        take = cells.prefix_fitting(text[start : start + size], size)
        yield text[start : start + take]
        start += take
    return text[start:]


def _escape_for_xml(text: str) -> str:
    if not cells.strip_illegal(text)[1]:
        return text
    return "".join(f"\\u{ord(c):04x}" if cells.strip_illegal(c)[1] else c for c in text)


# --------------------------------------------------------------------------------------------------------
# Styles
# --------------------------------------------------------------------------------------------------------


def _named_styles() -> list[NamedStyle]:
    top = Alignment(wrap_text=True, vertical="top")
    thin = Side(style="thin", color="808080")
    header_border = Border(bottom=thin)
    styles = [
        NamedStyle("ropa title", font=Font(bold=True, size=14)),
        NamedStyle("ropa subtitle", font=Font(bold=True, size=11)),
        NamedStyle("ropa legend", font=Font(italic=True, size=9, color="595959")),
        NamedStyle(
            "ropa header required",
            font=Font(bold=True, color="FFFFFF"),
            fill=PatternFill("solid", fgColor=_GREEN_DARK),
            alignment=top,
            border=header_border,
        ),
        NamedStyle(
            "ropa header conditional",
            font=Font(bold=True),
            fill=PatternFill("solid", fgColor=_GREEN_LIGHT),
            alignment=top,
            border=header_border,
        ),
        NamedStyle(
            "ropa header",
            font=Font(bold=True),
            fill=PatternFill("solid", fgColor=_GREY),
            alignment=top,
            border=header_border,
        ),
    ]
    fills: dict[str, PatternFill | None] = {"": None}
    fills.update({f" {s.value}": PatternFill("solid", fgColor=c) for s, c in _SEVERITY_FILL.items()})
    for suffix, fill in fills.items():
        extra: dict[str, Any] = {"fill": fill} if fill is not None else {}
        styles.append(NamedStyle(f"ropa text{suffix}", alignment=top, **extra))
        styles.append(NamedStyle(f"ropa number{suffix}", alignment=Alignment(vertical="top"), **extra))
        styles.append(
            NamedStyle(
                f"ropa date{suffix}",
                alignment=Alignment(vertical="top", horizontal="left"),
                number_format="yyyy-mm-dd",
                **extra,
            )
        )
    return styles


def _header_style(column: Column[Any]) -> str:
    if column.art30 and column.required:
        return "ropa header required"
    if column.art30:
        return "ropa header conditional"
    return "ropa header"


# --------------------------------------------------------------------------------------------------------
# The builder
# --------------------------------------------------------------------------------------------------------


class _Builder:
    """Builds one workbook; :meth:`save` streams it into a binary file."""

    def __init__(
        self, register: Register, lang: Lang, report: Report | None, notes: Notes, changes: Diff | None = None
    ) -> None:
        self.register = register
        self.lang = lang
        self.report = report
        self.notes = notes
        self.changes = changes
        self.ctx = Context(lang, register, report, changes)
        self.tables = [t for t in TABLES if t.present(self.ctx)]
        self.wb = Workbook(write_only=True)
        self.styles: dict[str, Any] = {}
        for style in _named_styles():
            self.wb.add_named_style(style)
            self.styles[style.name] = style.as_tuple()  # the style array each cell of the style copies
        self.lists: dict[str, tuple[str, list[str]]] = {}
        self._collect_lists()
        org = register.organisation
        self.org_name = (org.name if org and org.name else "") or ""
        self.stamp = _timestamp(register)

    def t(self, key: str) -> str:
        return label(key, self.lang)

    # -- drop-down lists ------------------------------------------------------------------------------

    def _collect_lists(self) -> None:
        for table in self.tables:
            for column in table.columns:
                choices = column.choices(self.lang)
                if choices is None:
                    continue
                key = column.enum.__name__ if column.enum is not None else "bool"
                if key not in self.lists:
                    letter = get_column_letter(len(self.lists) + 1)
                    self.lists[key] = (f"'{LISTS_SHEET}'!${letter}$1:${letter}${len(choices)}", choices)

    def _validation(self, column: Column[Any]) -> DataValidation | None:
        if column.kind not in ("enum", "bool"):
            return None
        key = column.enum.__name__ if column.enum is not None else "bool"
        formula, _ = self.lists[key]
        # A multi-valued cell (one value per line) must not be rejected: offer the list, skip the check.
        return DataValidation(
            type="list", formula1=formula, allow_blank=True, showErrorMessage=not column.multi
        )

    # -- cells ----------------------------------------------------------------------------------------

    def _new(self, ws: Any, value: str | int | dt.date | None, style: str) -> Cell:
        """A cell of a write-only sheet (what ``WriteOnlyCell`` makes) in the named style ``style``."""
        cell = Cell(ws, row=1, column=1, value=value, style_array=self.styles[style])
        if isinstance(value, str):
            cell.data_type = "s"  # never a formula, an error value or a number
        return cell

    def _text(self, ws: Any, text: str, style: str, where: str, at: tuple[int, int] | None) -> Cell:
        clean, removed = cells.strip_illegal(text)
        if "\r" in clean:  # XML reads CR as LF anyway; write the line breaks the way they will be read
            clean = clean.replace("\r\n", "\n").replace("\r", "\n")
        if removed:
            self.notes.illegal(where, _reference(at), removed)
        if not cells.fits(clean):
            self.notes.truncated(where, _reference(at))
            clean = cells.truncate(clean, self.t("ui.truncated"))
        cell = self._new(ws, cells.ooxml_escape(clean), style)
        if cells.is_formula_like(clean):
            cell.quotePrefix = True  # Excel keeps it text even when the cell is edited
        return cell

    def _cell(
        self, ws: Any, value: str | int | dt.date | None, fill: str, where: str, at: tuple[int, int] | None
    ) -> Cell | None:
        if value is None:
            if not fill:
                return None
            return self._new(ws, None, f"ropa text{fill}")
        if isinstance(value, str):
            return self._text(ws, value, f"ropa text{fill}", where, at)
        if isinstance(value, dt.date):
            return self._new(ws, value, f"ropa date{fill}")
        return self._new(ws, value, f"ropa number{fill}")

    # -- sheet set-up ---------------------------------------------------------------------------------

    def _sheet(self, title: str, widths: list[float]) -> _Sheet:
        ws = self.wb.create_sheet(title)
        for index, width in enumerate(widths, start=1):
            ws.column_dimensions[get_column_letter(index)].width = width
        return _Sheet(ws, widths)

    def _page_setup(
        self,
        sheet: _Sheet,
        *,
        landscape: bool = True,
        title_rows: str | None = "2:2",
        title_columns: int = 0,
    ) -> None:
        """A4, fit to one page wide, or to as few pages wide as keep the print at least 60 % of its size
        (the wide activity sheet), with the header row and the identifying columns on every page."""
        ws = sheet.ws
        ws.sheet_properties.pageSetUpPr = PageSetupProperties(fitToPage=True)
        ws.page_setup.orientation = "landscape" if landscape else "portrait"
        ws.page_setup.paperSize = 9  # A4
        ws.page_setup.fitToWidth = _pages_wide(sheet.widths, title_columns, landscape)
        ws.page_setup.fitToHeight = 0
        ws.page_setup.pageOrder = "overThenDown"
        ws.print_options.gridLines = True
        ws.page_margins.left = ws.page_margins.right = 0.4
        ws.page_margins.top = ws.page_margins.bottom = 0.7
        ws.page_margins.header = ws.page_margins.footer = 0.3
        if title_rows:
            ws.print_title_rows = title_rows
        if title_columns and ws.page_setup.fitToWidth > 1:
            ws.print_title_cols = f"A:{get_column_letter(title_columns)}"
        ws.oddHeader.left.text = _header_text(self.org_name)
        ws.oddHeader.right.text = "&A"
        ws.oddFooter.center.text = self.t("ui.page")
        meta = self.register.meta
        footer = " — ".join(p for p in (meta.title if meta else None, meta.version if meta else None) if p)
        if footer:
            ws.oddFooter.left.text = _header_text(footer)

    def _legend_row(self, sheet: _Sheet) -> None:
        text = "  ".join(self.t(k) for k in ("legend.required", "legend.conditional", "legend.recommended"))
        sheet.append([self._new(sheet.ws, text, "ropa legend")], wrap=False)

    def _header_row(self, sheet: _Sheet, texts: list[str], styles: list[str]) -> None:
        sheet.append([self._new(sheet.ws, text, style) for text, style in zip(texts, styles, strict=True)])

    # -- table sheets ---------------------------------------------------------------------------------

    def _table_sheet(self, table: Table[Any]) -> None:
        name = table.sheet_name(self.lang)
        columns = table.columns
        lang = self.lang
        ctx = self.ctx
        fill_for = _fill_for(table)

        def rendered(rows: Iterable[Any]) -> Iterator[tuple[list[str | int | dt.date | None], str]]:
            for row in rows:
                yield [render(c.getter(row, ctx), lang) for c in columns], fill_for(row)

        source = rendered(table.rows(ctx))
        sample = list(islice(source, WIDTH_SAMPLE))
        headers = [c.header(lang) for c in columns]
        widths = [
            _width(column, header, (values[index] for values, _ in sample))
            for index, (column, header) in enumerate(zip(columns, headers, strict=True))
        ]
        sheet = self._sheet(name, widths)
        ws = sheet.ws
        ws.freeze_panes = f"{get_column_letter(table.freeze_columns + 1)}{FIRST_DATA_ROW}"
        self._page_setup(sheet, title_columns=table.freeze_columns)
        self._legend_row(sheet)
        self._header_row(sheet, headers, [_header_style(c) for c in columns])

        total = table.count(ctx)
        capacity = cells.EXCEL_MAX_ROWS - FIRST_DATA_ROW + 1
        room = capacity if total <= capacity else capacity - 1  # keep one row for the notice
        written = 0
        for values, fill in chain(sample, source):
            if written == room:
                break
            row_number = sheet.next_row
            sheet.append(
                [
                    self._cell(ws, value, fill, name, (row_number, col))
                    for col, value in enumerate(values, start=1)
                ]
            )
            written += 1
        if total > written:
            self.notes.omitted(name, total - written)
            notice = self._new(ws, self.t("ui.rows_omitted").format(n=f"{total - written:,}"), "ropa legend")
            sheet.append([notice], wrap=False)

        last_row = FIRST_DATA_ROW - 1 + written
        ws.auto_filter.ref = f"A{FIRST_DATA_ROW - 1}:{get_column_letter(len(columns))}{last_row}"
        for index, column in enumerate(columns, start=1):
            validation = self._validation(column)
            if validation is not None:
                letter = get_column_letter(index)
                validation.add(f"{letter}{FIRST_DATA_ROW}:{letter}{cells.EXCEL_MAX_ROWS}")
                ws.data_validations.append(validation)

    def _vertical_sheet(self, table: Table[Any]) -> None:
        """A one-row table shown as items: label | value | article (the organisation sheet)."""
        name = table.sheet_name(self.lang)
        lang = self.lang
        row = next(iter(table.rows(self.ctx)))
        sheet = self._sheet(name, [42.0, 80.0, 22.0])
        ws = sheet.ws
        ws.freeze_panes = f"A{FIRST_DATA_ROW}"
        self._page_setup(sheet, landscape=False)
        self._legend_row(sheet)
        self._header_row(
            sheet, [self.t(k) for k in ("column.item", "column.value", "column.gdpr")], ["ropa header"] * 3
        )
        for column in table.columns:
            row_number = sheet.next_row
            item = self._new(ws, column.label(lang), _header_style(column))
            value = self._cell(ws, render(column.getter(row, self.ctx), lang), "", name, (row_number, 2))
            ref = self._text(ws, article(column.art30, lang) if column.art30 else "", "ropa text", name, None)
            sheet.append([item, value, ref])
            validation = self._validation(column)
            if validation is not None:
                validation.add(f"B{row_number}")
                ws.data_validations.append(validation)
        ws.auto_filter.ref = f"A{FIRST_DATA_ROW - 1}:C{sheet.next_row - 1}"

    # -- cover, lists and the JSON sheet --------------------------------------------------------------

    def _cover_sheet(self) -> None:
        name = self.t("sheet.cover")
        sheet = self._sheet(name, [44.0, 60.0])
        ws = sheet.ws
        self._page_setup(sheet, landscape=False, title_rows=None)
        meta = self.register.meta

        def text(value: str, style: str = "ropa text") -> Cell:
            return self._text(ws, value, style, name, None)

        def pair(key: str, value: str | int | dt.date | None) -> list[Cell | None]:
            return [text(self.t(key), "ropa subtitle"), self._cell(ws, value, "", name, None)]

        def header(key: str) -> list[Cell | None]:
            return [text(self.t(key), "ropa header"), text(self.t("cover.count"), "ropa header")]

        sheet.append([text(self.t("cover.title"), "ropa title")], wrap=False, height=22.0)
        sheet.append([text(self.org_name, "ropa subtitle")] if self.org_name else [])
        sheet.append([])
        sheet.append(pair("column.register_title", meta.title if meta else None))
        sheet.append(pair("column.register_version", meta.version if meta else None))
        sheet.append(pair("column.last_updated", meta.last_updated if meta else None))
        sheet.append(pair("column.next_review", meta.next_review if meta else None))
        sheet.append(pair("cover.language", self.lang))
        sheet.append(pair("cover.generated_by", f"ropa {__version__}"))
        if self.changes is not None:
            since = self.changes.base
            compared = since.label + (f" ({since.revision[:12]})" if since.revision else "")
            sheet.append(pair("cover.changes_since", compared))
        sheet.append([])

        sheet.append(header("cover.contents"))
        for table in self.tables:
            if table.vertical or table.key == "findings":
                continue
            sheet.append(
                [text(table.sheet_name(self.lang)), self._cell(ws, table.count(self.ctx), "", name, None)]
            )
            if table.key == "retention":
                rules = sum(len(a.retention or ()) for a in self.register.activities or ())
                sheet.append([text(self.t("cover.retention_rules")), self._cell(ws, rules, "", name, None)])
        sheet.append([])

        sheet.append(header("cover.findings"))
        if self.report is None:
            sheet.append([text(self.t("cover.findings_not_included"))])
        else:
            counts = self.report.counts
            for severity in (Severity.ERROR, Severity.WARNING, Severity.INFO):
                fill = f" {severity.value}"
                sheet.append(
                    [
                        text(label(severity, self.lang), f"ropa text{fill}"),
                        self._cell(ws, counts[severity.value], fill, name, None),
                    ]
                )
        sheet.append([])

        sheet.append([text(self.t("cover.legend"), "ropa header")])
        for key, style in (
            ("legend.required", "ropa header required"),
            ("legend.conditional", "ropa header conditional"),
            ("legend.recommended", "ropa header"),
        ):
            sheet.append([text(self.t(key), style)])
        sheet.append([])
        sheet.append([text(self.t("cover.disclaimer"))])

    def _lists_sheet(self) -> None:
        if not self.lists:
            return
        ws = self.wb.create_sheet(LISTS_SHEET)
        ws.sheet_state = "hidden"
        columns = [choices for _, choices in self.lists.values()]
        for index in range(max(len(c) for c in columns)):
            row = []
            for choices in columns:
                if index < len(choices):
                    cell = Cell(ws, row=1, column=1, value=cells.ooxml_escape(choices[index]))
                    cell.data_type = "s"
                    row.append(cell)
                else:
                    row.append(None)
            ws.append(row)

    def _json_sheet(self) -> None:
        ws = self.wb.create_sheet(JSON_SHEET)
        ws.sheet_state = "hidden"
        for text in chain((JSON_MARKER,), register_json_chunks(self.register)):
            cell = Cell(ws, row=1, column=1, value=cells.ooxml_escape(text))
            cell.data_type = "s"
            ws.append([cell])

    # -- saving ---------------------------------------------------------------------------------------

    def build(self) -> None:
        self._cover_sheet()
        for table in self.tables:
            if table.vertical:
                self._vertical_sheet(table)
            else:
                self._table_sheet(table)
        self._lists_sheet()
        self._json_sheet()
        props = self.wb.properties
        props.creator = "ropa"
        props.lastModifiedBy = None
        title = (self.register.meta.title if self.register.meta else None) or self.t("cover.title")
        props.title = cells.strip_illegal(title)[0]
        props.subject = self.t("cover.title")
        props.keywords = "GDPR Art. 30"
        props.language = self.lang
        props.created = props.modified = self.stamp

    def save(self, handle: BinaryIO) -> None:
        try:
            self.build()
            with ZipFile(handle, "w", ZIP_DEFLATED, allowZip64=True) as archive:
                ExcelWriter(self.wb, _FixedTimeArchive(archive, self.stamp)).write_data()
        finally:
            _discard_temporary_files(self.wb)


# --------------------------------------------------------------------------------------------------------
# Helpers
# --------------------------------------------------------------------------------------------------------


def _reference(at: tuple[int, int] | None) -> str:
    """``F12`` for (12, 6); ``-`` for cells outside a table."""
    return f"{get_column_letter(at[1])}{at[0]}" if at else "-"


def _fill_for(table: Table[Any]) -> Any:
    if table.key != "findings":
        return lambda row: ""
    return lambda row: f" {row.severity.value}"


def _width(column: Column[Any], header: str, values: Iterable[str | int | dt.date | None]) -> float:
    """Wide enough for the longest line of the sampled values and most of the header, within the cap."""
    longest = 0
    for value in values:
        if value is None:
            continue
        if isinstance(value, dt.date):
            longest = max(longest, 10)
        elif isinstance(value, int):
            longest = max(longest, len(str(value)))
        else:
            longest = max(longest, max(len(line) for line in value.split("\n")))
    header_need = min(max(len(line) for line in header.split("\n")), 24)
    return float(max(_MIN_WIDTH, min(column.width, max(longest, header_need) + 2)))


def _header_text(text: str) -> str:
    """Text for a page header or footer: no control characters, ``&`` doubled, at most 80 characters."""
    clean = " ".join(cells.strip_illegal(text)[0].split())
    if len(clean) > 80:
        clean = clean[:79] + "…"
    return cells.ooxml_escape(clean.replace("&", "&&"))


_LINE_HEIGHT = 15.0
"""Points per line of 11-point text (Excel's default row height)."""
_MAX_ROW_HEIGHT = 409.0
"""Excel's largest row height, in points."""
_PAGE_CHARACTERS = {True: 150.0, False: 100.0}
"""About how many characters of column width fit across an A4 page at 100 %, landscape and portrait."""
_MIN_SCALE = 0.6


def _pages_wide(widths: list[float], title_columns: int, landscape: bool) -> int:
    """1, or the fewest pages across that keep the print at :data:`_MIN_SCALE` or more."""
    page = _PAGE_CHARACTERS[landscape] / _MIN_SCALE
    total = sum(widths)
    if total <= page:
        return 1
    repeated = sum(widths[:title_columns])
    return max(1, math.ceil((total - repeated) / max(page - repeated, page / 2)))


def _row_height(row: list[Any], widths: list[float]) -> float | None:
    """The height that shows every line of the wrapped texts of ``row``; ``None`` for one line."""
    lines = 1
    for cell, width in zip(row, widths, strict=False):
        value = getattr(cell, "value", None)
        if not isinstance(value, str) or not value:
            continue
        per_line = max(1, int(width) - 2)
        count = sum(max(1, math.ceil(len(part) / per_line)) for part in value.split("\n"))
        lines = max(lines, count)
    if lines == 1:
        return None
    return min(_MAX_ROW_HEIGHT, lines * _LINE_HEIGHT)


class _Sheet:
    """A write-only worksheet with its column widths: appends rows with a fitting height."""

    def __init__(self, ws: Any, widths: list[float]) -> None:
        self.ws = ws
        self.widths = widths
        self.next_row = 1

    def append(self, row: list[Any], *, wrap: bool = True, height: float | None = None) -> None:
        """Append ``row``; with ``wrap``, give it the height its wrapped text needs."""
        if height is None and wrap:
            height = _row_height(row, self.widths)
        number = self.next_row
        if height is not None:
            self.ws.row_dimensions[number].height = height
        self.ws.append(row)
        if height is not None:
            del self.ws.row_dimensions[number]  # written: keep memory bounded
        self.next_row += 1


def _timestamp(register: Register) -> dt.datetime:
    """The document date: the register's ``last_updated``, else ``SOURCE_DATE_EPOCH``, else 1980-01-01."""
    if register.meta is not None and register.meta.last_updated is not None:
        stamp = dt.datetime.combine(register.meta.last_updated, dt.time())
    else:
        raw = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
        if raw.isdigit():
            stamp = dt.datetime.fromtimestamp(int(raw), tz=dt.UTC).replace(tzinfo=None)
        else:
            stamp = _FIXED_EPOCH
    return min(max(stamp, _FIXED_EPOCH), dt.datetime(2107, 12, 31, 23, 59, 58))  # noqa: DTZ001 - zip's range


class _FixedTimeArchive:
    """The part of :class:`zipfile.ZipFile` that openpyxl's writer uses, with every entry dated ``stamp``
    and fixed attributes, so that the same workbook gives the same bytes."""

    def __init__(self, archive: ZipFile, stamp: dt.datetime) -> None:
        self._archive = archive
        self._date_time = stamp.timetuple()[:6]

    def _info(self, name: str) -> ZipInfo:
        info = ZipInfo(name, date_time=self._date_time)
        info.compress_type = ZIP_DEFLATED
        info.create_system = 3
        info.external_attr = 0o644 << 16
        return info

    def writestr(self, name: str | ZipInfo, data: str | bytes) -> None:
        arcname = name.filename if isinstance(name, ZipInfo) else name
        self._archive.writestr(self._info(arcname), data)

    def write(self, filename: str, arcname: str | None = None) -> None:
        info = self._info(arcname or os.path.basename(filename))
        big = os.path.getsize(filename) > 0x7FFF0000
        with open(filename, "rb") as source, self._archive.open(info, "w", force_zip64=big) as target:
            shutil.copyfileobj(source, target, 1 << 20)

    def namelist(self) -> list[str]:
        return self._archive.namelist()

    def close(self) -> None:
        """The caller closes the real archive."""


def _discard_temporary_files(workbook: Any) -> None:
    """Close the sheets a failure left open and remove their temporary files (a no-op after success)."""
    for ws in workbook.worksheets:
        if not ws.closed:
            with contextlib.suppress(Exception):  # best effort on the way out of a failure
                ws.close()
        writer: Any = getattr(ws, "_writer", None)
        out = getattr(writer, "out", None)
        if writer is not None and isinstance(out, str) and os.path.exists(out):
            with contextlib.suppress(OSError, ValueError):
                writer.cleanup()
