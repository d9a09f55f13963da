"""The Excel workbook: the register as people read it, plus a hidden copy for lossless re-import.

This module decides what the workbook holds (sheets, rows, cells, styles, print set-up); the bytes are
written by :mod:`ropa.export.spreadsheetml`, which streams every sheet, so memory stays bounded however
many activities the register has: column widths come from the first :data:`WIDTH_SAMPLE` rows of each
table.

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

import datetime as dt
import math
import os
from collections.abc import Callable, Generator, Iterable, Iterator
from itertools import chain, islice
from pathlib import Path
from typing import TYPE_CHECKING, Any, BinaryIO

from ropa._version import __version__
from ropa.diagnostics import Report, Severity
from ropa.export import cells
from ropa.export.cells import Notes
from ropa.export.columns import TABLES, Column, Context, Table, render
from ropa.export.json import iter_register_json
from ropa.export.spreadsheetml import Cell, Sheet, Style, Validation, Workbook
from ropa.export.spreadsheetml import column_letter as get_column_letter
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
    progress: Callable[[int, int], None] | None = None,
) -> Path:
    """Write ``register`` as an ``.xlsx`` workbook at ``path``, atomically.

    Args:
        register: the register.
        path: the file to write; the previous file survives a failure, and no temporary file is left.
        lang: language of sheet names, headers and labels (``en``, ``nl``, ``fr``, ``de``).
        report: findings for the Findings sheet and the cover; ``None`` leaves both out.
        changes: the changes since an earlier version, for the Changes sheet (named on the cover);
            ``None`` leaves it out.
        progress: called with (table rows written, table rows in all) as the sheets are written.

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
        _Builder(register, lang, report, notes, progress, changes).save(handle)

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
    pending: list[str] = []
    pending_length = 0
    carry = ""
    for piece in iter_register_json(register):
        pending.append(piece)
        pending_length += len(piece)
        if pending_length >= 4 * size:
            carry = yield from _full_chunks(carry + _escape_for_xml("".join(pending)), size)
            pending, pending_length = [], 0
    rest = yield from _full_chunks(carry + _escape_for_xml("".join(pending)), size)
    if rest:
        yield rest


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


def _named_styles() -> list[Style]:
    top = {"wrap": True, "vertical": "top"}
    header = {**top, "bold": True, "bottom_border": "808080"}
    styles = [
        Style("ropa title", bold=True, size=14),
        Style("ropa subtitle", bold=True),
        Style("ropa legend", italic=True, size=9, color="595959"),
        Style("ropa header required", color="FFFFFF", fill=_GREEN_DARK, **header),  # type: ignore[arg-type]
        Style("ropa header conditional", fill=_GREEN_LIGHT, **header),  # type: ignore[arg-type]
        Style("ropa header", fill=_GREY, **header),  # type: ignore[arg-type]
    ]
    fills: dict[str, str | None] = {"": None}
    fills.update({f" {s.value}": c for s, c in _SEVERITY_FILL.items()})
    for suffix, fill in fills.items():
        styles.append(Style(f"ropa text{suffix}", fill=fill, wrap=True, vertical="top"))
        styles.append(Style(f"ropa number{suffix}", fill=fill, vertical="top"))
        styles.append(
            Style(
                f"ropa date{suffix}", fill=fill, vertical="top", horizontal="left", number_format="yyyy-mm-dd"
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
    """Decides the content of one workbook; :meth:`save` streams it into a binary file."""

    def __init__(
        self,
        register: Register,
        lang: Lang,
        report: Report | None,
        notes: Notes,
        progress: Callable[[int, int], None] | None = None,
        changes: Diff | None = None,
    ) -> None:
        self.register = register
        self.lang = lang
        self.report = report
        self.notes = notes
        self.changes = changes
        self.ctx = Context(lang, register, report, changes)
        self.tables = [t for t in TABLES if t.present(self.ctx)]
        self.progress = progress
        self.rows_done = 0
        self.rows_total = sum(t.count(self.ctx) for t in self.tables) if progress is not None else 0
        self.wb: Workbook
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

    def _validation(self, column: Column[Any], ranges: str) -> Validation | None:
        if column.kind not in ("enum", "bool"):
            return None
        key = column.enum.__name__ if column.enum is not None else "bool"
        formula, _ = self.lists[key]
        # A multi-valued cell (one value per line) must not be rejected: offer the list, skip the check.
        return Validation(ranges, formula, allow_blank=True, show_error=not column.multi)

    # -- cells ----------------------------------------------------------------------------------------

    def _new(self, ws: Any, value: str | int | dt.date | None, style: str, *, quote: bool = False) -> Cell:
        """A cell in the named style ``style``; text is always written as text (never a formula, an
        error value or a number), and with ``quote`` Excel keeps it text even when the cell is edited."""
        return (value, self.wb.xf(style, quote=quote))

    def _text(self, ws: Any, text: str, style: str, where: str, at: tuple[int, int] | None) -> Cell:
        clean, removed = cells.strip_illegal(text)
        if "\r" in clean:  # XML reads CR as LF anyway; write the line breaks the way they will be read
            clean = clean.replace("\r\n", "\n").replace("\r", "\n")
        if removed:
            self.notes.illegal(where, _reference(at), removed)
        if not cells.fits(clean):
            self.notes.truncated(where, _reference(at))
            clean = cells.truncate(clean, self.t("ui.truncated"))
        return self._new(ws, clean, style, quote=cells.is_formula_like(clean))

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
        return _Sheet(self.wb.sheet(title, widths), widths)

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
        ws.fit_to_page = True
        ws.landscape = landscape
        ws.paper_size = 9  # A4
        ws.fit_to_width = _pages_wide(sheet.widths, title_columns, landscape)
        ws.fit_to_height = 0
        ws.over_then_down = True
        ws.grid_lines = True
        ws.margins = (0.4, 0.4, 0.7, 0.7, 0.3, 0.3)
        if title_rows:
            ws.print_title_rows = title_rows
        if title_columns and ws.fit_to_width > 1:
            ws.print_title_columns = f"A:{get_column_letter(title_columns)}"
        ws.header = (_header_text(self.org_name), "", "&A")
        meta = self.register.meta
        footer = " — ".join(p for p in (meta.title if meta else None, meta.version if meta else None) if p)
        ws.footer = (_header_text(footer) if footer else "", self.t("ui.page"), "")

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
        ws.freeze = f"{get_column_letter(table.freeze_columns + 1)}{FIRST_DATA_ROW}"
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
            if self.progress is not None and written % 500 == 0:
                self.progress(self.rows_done + written, self.rows_total)
        self.rows_done += written
        if self.progress is not None:
            self.progress(self.rows_done, self.rows_total)
        if total > written:
            self.notes.omitted(name, total - written)
            notice = self._new(ws, self.t("ui.rows_omitted").format(n=f"{total - written:,}"), "ropa legend")
            sheet.append([notice], wrap=False)

        last_row = FIRST_DATA_ROW - 1 + written
        ws.auto_filter = f"A{FIRST_DATA_ROW - 1}:{get_column_letter(len(columns))}{last_row}"
        for index, column in enumerate(columns, start=1):
            letter = get_column_letter(index)
            validation = self._validation(column, f"{letter}{FIRST_DATA_ROW}:{letter}{cells.EXCEL_MAX_ROWS}")
            if validation is not None:
                ws.validations.append(validation)

    def _vertical_sheet(self, table: Table[Any]) -> None:
        """A one-row table shown as items: label | value | article (the organisation sheet)."""
        name = table.sheet_name(self.lang)
        lang = self.lang
        row = next(iter(table.rows(self.ctx)))
        sheet = self._sheet(name, [42.0, 80.0, 22.0])
        ws = sheet.ws
        ws.freeze = f"A{FIRST_DATA_ROW}"
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
            validation = self._validation(column, f"B{row_number}")
            if validation is not None:
                ws.validations.append(validation)
        ws.auto_filter = f"A{FIRST_DATA_ROW - 1}:C{sheet.next_row - 1}"

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
        ws = self.wb.sheet(LISTS_SHEET, hidden=True)
        columns = [choices for _, choices in self.lists.values()]
        plain = self.wb.xf("ropa text")
        for index in range(max(len(c) for c in columns)):
            ws.append([(choices[index], plain) if index < len(choices) else None for choices in columns])

    def _json_sheet(self) -> None:
        ws = self.wb.sheet(JSON_SHEET, hidden=True)
        plain = self.wb.xf("ropa text")
        for text in chain((JSON_MARKER,), register_json_chunks(self.register)):
            ws.append([(text, plain)])

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
        title = (self.register.meta.title if self.register.meta else None) or self.t("cover.title")
        props.title = cells.strip_illegal(title)[0]
        props.subject = self.t("cover.title")
        props.keywords = "GDPR Art. 30"
        props.language = self.lang

    def save(self, handle: BinaryIO) -> None:
        self.wb = Workbook(handle, _named_styles(), self.stamp)
        try:
            self.build()
            self.wb.close()
        finally:
            self.wb.abort()  # drops the temporary file of a sheet a failure left unfinished


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
        value = cell[0] if cell is not None else None
        if not isinstance(value, str) or not value:
            continue
        per_line = max(1, int(width) - 2)
        count = sum(max(1, math.ceil(len(part) / per_line)) for part in value.split("\n"))
        lines = max(lines, count)
    if lines == 1:
        return None
    return min(_MAX_ROW_HEIGHT, lines * _LINE_HEIGHT)


class _Sheet:
    """A worksheet with its column widths: appends rows with a fitting height."""

    def __init__(self, ws: Sheet, widths: list[float]) -> None:
        self.ws = ws
        self.widths = widths
        self.next_row = 1

    def append(self, row: list[Any], *, wrap: bool = True, height: float | None = None) -> None:
        """Append ``row``; with ``wrap``, give it the height its wrapped text needs."""
        if height is None and wrap:
            height = _row_height(row, self.widths)
        self.ws.append(row, height)
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
