"""The Excel workbook: the register as people read it, plus a hidden copy for lossless re-import.

What the visible sheets hold comes from a layout (:mod:`ropa.export.layouts`): ropa's own Art. 30 workbook
by default, or an authority's template (``ico``, ``ap``, ``cnil``, ``vvt``). This module writes a layout's
plans (:mod:`ropa.export.plan`): it sizes columns from the first :data:`WIDTH_SAMPLE` rows of each table,
gives rows the height their wrapped text needs, hides optional columns that are empty in every row, sets up
printing, keeps every text text (never a formula), and appends two hidden sheets: ``_lists`` with the
values of the drop-down lists, and ``_ropa``: cell A1 holds ``ropa-register-json/1`` and A2, A3, ... hold
the canonical JSON (:func:`ropa.export.json.register_to_json`) in pieces of at most 32,000 characters, which
:mod:`ropa.importer` joins back together. The bytes are written by :mod:`ropa.export.spreadsheetml`, which
streams every sheet, so memory stays bounded however many activities the register has.

The output is deterministic: the same register, layout, language and report give a byte-identical file
(document dates come from ``register.last_updated``, else ``SOURCE_DATE_EPOCH``, else 1980-01-01; every zip
entry gets that date). See ``docs/exports.md``.
"""

from __future__ import annotations

import datetime as dt
import math
import os
from collections.abc import Callable, Generator, Iterator
from itertools import chain, islice
from pathlib import Path
from typing import TYPE_CHECKING, Any, BinaryIO

from ropa.diagnostics import Report, Severity
from ropa.export import cells
from ropa.export.cells import Notes
from ropa.export.json import iter_register_json
from ropa.export.layouts import DEFAULT_LAYOUT, plan_workbook, resolve
from ropa.export.plan import DataRow, Line, SheetPlan, TableBlock
from ropa.export.spec import Cell as Value
from ropa.export.spec import Context
from ropa.export.spreadsheetml import Cell, Sheet, Style, Validation, Workbook
from ropa.export.spreadsheetml import column_letter as get_column_letter
from ropa.export.write import write_atomic_with
from ropa.i18n import LANGS, Lang, label, translate_report
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
"""On the table sheets of ropa's own workbook, row 1 is the legend, row 2 the header."""
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
    lang: Lang | None = None,
    report: Report | None = None,
    progress: Callable[[int, int], None] | None = None,
    layout: str = DEFAULT_LAYOUT,
    changes: Diff | None = None,
) -> Path:
    """Write ``register`` as an ``.xlsx`` workbook at ``path``, atomically.

    Args:
        register: the register.
        path: the file to write; the previous file survives a failure, and no temporary file is left.
        lang: language of sheet names, headers and labels (``en``, ``nl``, ``fr``, ``de``); by default
            the layout's (English for ropa's own workbook, the template's language for the others).
        report: findings for the Findings sheet and the summary; ``None`` leaves both out (the
            authority layouts have no place for findings).
        progress: called with (table rows written, table rows in all) as the sheets are written.
        layout: ``ropa`` (ropa's own Art. 30 workbook), or the template of a supervisory authority:
            ``ico``, ``ap``, ``cnil``, ``vvt`` (see ``docs/exports.md``).
        changes: the changes since an earlier version (:func:`ropa.diff`), for a Changes sheet (named on
            the summary); ``None`` leaves it out.

    Returns:
        ``path``.

    Raises:
        ExportError: the file could not be written.
        ValueError: ``lang`` or ``layout`` is not supported.

    Warns:
        ExportWarning: content could not be written exactly (control characters removed, text cut at
            32,767 characters, rows beyond 1,048,576 left out); emitted once the file is written.
    """
    chosen = resolve(layout)
    language: Lang = lang if lang is not None else chosen.lang
    if language not in LANGS:
        raise ValueError(f"unsupported language {language!r}; use one of {', '.join(LANGS)}")
    if report is not None:  # the findings in the workbook's language, like its headings
        report = translate_report(report, language)
    notes = Notes()

    def writer(handle: BinaryIO) -> None:
        _Builder(register, language, report, notes, progress, layout, changes).save(handle)

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
        Style("ropa subtitle", bold=True, wrap=True, vertical="top"),
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


# --------------------------------------------------------------------------------------------------------
# The builder
# --------------------------------------------------------------------------------------------------------


class _Builder:
    """Writes the plans of one workbook; :meth:`save` streams it into a binary file."""

    def __init__(
        self,
        register: Register,
        lang: Lang,
        report: Report | None,
        notes: Notes,
        progress: Callable[[int, int], None] | None = None,
        layout: str = DEFAULT_LAYOUT,
        changes: Diff | None = None,
    ) -> None:
        self.register = register
        self.lang = lang
        self.notes = notes
        self.ctx = Context(lang, register, report, changes)
        self.plans = plan_workbook(self.ctx, layout)
        self.progress = progress
        self.rows_done = 0
        self.rows_total = (
            sum(block.count for plan in self.plans for block in plan.tables()) if progress is not None else 0
        )
        self.wb: Workbook
        self.lists: dict[str, tuple[str, list[str]]] = {}
        self._collect_lists()
        org = register.organisation
        self.org_name = (org.name if org and org.name else "") or ""
        self.stamp = _timestamp(register)
        self._xf: dict[str, int] = {}

    def t(self, key: str) -> str:
        return label(key, self.lang)

    # -- drop-down lists ------------------------------------------------------------------------------

    def _collect_lists(self) -> None:
        for plan in self.plans:
            for block in plan.tables():
                if not block.drop_downs:
                    continue
                for column in block.columns:
                    choices = column.choices(self.lang)
                    if choices is None:
                        continue
                    key = column.enum.__name__ if column.enum is not None else "bool"
                    if key not in self.lists:
                        letter = get_column_letter(len(self.lists) + 1)
                        self.lists[key] = (f"'{LISTS_SHEET}'!${letter}$1:${letter}${len(choices)}", choices)

    def _validations(self, block: TableBlock, first: int, last: int) -> list[Validation]:
        out = []
        for index, column in enumerate(block.columns, start=1):
            if column.kind not in ("enum", "bool"):
                continue
            key = column.enum.__name__ if column.enum is not None else "bool"
            letter = get_column_letter(index)
            # A multi-valued cell (one value per line) must not be rejected: offer the list, skip the check.
            formula = self.lists[key][0]
            out.append(Validation(f"{letter}{first}:{letter}{last}", formula, show_error=not column.multi))
        return out

    # -- cells ----------------------------------------------------------------------------------------

    def xf(self, style: str, quote: bool = False) -> int:
        if quote:
            return self.wb.xf(style, quote=True)
        found = self._xf.get(style)
        if found is None:
            found = self._xf[style] = self.wb.xf(style)
        return found

    def _text(self, text: str, style: str, where: str, at: tuple[int, int] | None) -> Cell:
        """A text cell; text is always written as text (never a formula, an error value or a number),
        and when it reads like a formula Excel keeps it text even when the cell is edited."""
        clean, removed = cells.strip_illegal(text)
        if "\r" in clean:  # XML reads CR as LF anyway; write the line breaks the way they will be read
            clean = clean.replace("\r\n", "\n").replace("\r", "\n")
        if removed:
            self.notes.illegal(where, _reference(at), removed)
        if not cells.fits(clean):
            self.notes.truncated(where, _reference(at))
            clean = cells.truncate(clean, self.t("ui.truncated"))
        quote = cells.is_formula_like(clean)
        return (clean, self.xf(style, quote))

    def _styled(self, value: Value, style: str, where: str, at: tuple[int, int] | None) -> Cell:
        if isinstance(value, str):
            return self._text(value, style, where, at)
        if isinstance(value, int) and style.startswith("ropa text"):
            style = "ropa number" + style[len("ropa text") :]
        if isinstance(value, dt.date) and style.startswith("ropa text"):
            style = "ropa date" + style[len("ropa text") :]
        return (value, self.xf(style))

    def _data(self, value: Value, fill: str, where: str, at: tuple[int, int]) -> Cell | None:
        if value is None:
            return (None, self.xf(f"ropa text{fill}")) if fill else None
        if isinstance(value, str):
            return self._text(value, f"ropa text{fill}", where, at)
        if isinstance(value, dt.date):
            return (value, self.xf(f"ropa date{fill}"))
        return (value, self.xf(f"ropa number{fill}"))

    # -- sheets ---------------------------------------------------------------------------------------

    def _widths(self, plan: SheetPlan, samples: dict[int, list[DataRow]]) -> list[float]:
        widths = list(plan.widths)
        for index, block in enumerate(plan.blocks):
            if not isinstance(block, TableBlock):
                continue
            sample = samples[index]
            for position, (column, header) in enumerate(zip(block.columns, block.headings, strict=True)):
                width = _width(column.width, header, (row.values[position] for row in sample))
                if position < len(widths):
                    widths[position] = max(widths[position], width)
                else:
                    widths.append(width)
        return widths

    def _sheet(self, plan: SheetPlan) -> None:
        name = plan.title
        generators: dict[int, Iterator[DataRow]] = {}
        samples: dict[int, list[DataRow]] = {}
        for index, block in enumerate(plan.blocks):
            if isinstance(block, TableBlock):
                generators[index] = block.data()
                samples[index] = list(islice(generators[index], WIDTH_SAMPLE))
        widths = self._widths(plan, samples)
        ws = self.wb.sheet(name, widths)
        ws.freeze = plan.freeze
        sheet = _Sheet(ws, widths)
        filled: list[bool] = [False] * len(widths)
        optional: list[bool] = [False] * len(widths)
        has_hiding = False
        for index, block in enumerate(plan.blocks):
            if isinstance(block, Line):
                self._line(sheet, block, name)
                continue
            for line in block.before:
                self._line(sheet, line, name)
            header_row = sheet.next_row
            self._line(sheet, Line(list(zip(block.headings, block.header_styles, strict=True))), name)
            rows = chain(samples[index], generators[index])
            written = self._table_rows(sheet, block, rows, name, filled)
            last = header_row + written
            if block.auto_filter:
                ws.auto_filter = f"A{header_row}:{get_column_letter(len(block.columns))}{last}"
            if block.drop_downs:
                end = cells.EXCEL_MAX_ROWS if len(plan.tables()) == 1 else max(last, header_row + 1)
                ws.validations.extend(self._validations(block, header_row + 1, end))
            if block.hide_empty:
                has_hiding = True
                for position, is_optional in enumerate(block.optional()):
                    optional[position] = is_optional
        if has_hiding:
            ws.hidden_columns = frozenset(
                i + 1 for i, (opt, full) in enumerate(zip(optional, filled, strict=True)) if opt and not full
            )
        visible = [w for i, w in enumerate(widths) if i + 1 not in ws.hidden_columns]
        self._page_setup(ws, visible, plan)

    def _line(self, sheet: _Sheet, line: Line, where: str) -> None:
        row_number = sheet.next_row
        out: list[Cell | None] = []
        for column, cell in enumerate(line.cells, start=1):
            if cell is None:
                out.append(None)
                continue
            value, style = cell
            if value is None:
                out.append((None, self.xf(style)))
                continue
            out.append(self._styled(value, style, where, (row_number, column) if line.compare else None))
        sheet.append(out, wrap=line.wrap, height=line.height, hidden=line.hidden)

    def _table_rows(
        self, sheet: _Sheet, block: TableBlock, rows: Iterator[DataRow], where: str, filled: list[bool]
    ) -> int:
        capacity = cells.EXCEL_MAX_ROWS - sheet.next_row + 1
        room = capacity if block.count <= capacity else capacity - 1  # keep one row for the notice
        track = block.hide_empty
        written = 0
        for row in rows:
            if written == room:
                break
            row_number = sheet.next_row
            fill = row.fill
            values = row.values
            if track:
                for position, value in enumerate(values):
                    if not filled[position] and value is not None and value != "":
                        filled[position] = True
            sheet.append(
                [
                    self._data(value, fill, where, (row_number, col))
                    for col, value in enumerate(values, start=1)
                ]
            )
            written += 1
            if self.progress is not None and written % 500 == 0:
                self.progress(self.rows_done + written, self.rows_total)
        self.rows_done += written
        if self.progress is not None:
            self.progress(self.rows_done, self.rows_total)
        if block.count > written:
            omitted = block.count - written
            self.notes.omitted(where, omitted)
            notice = self.t("ui.rows_omitted").format(n=f"{omitted:,}")
            sheet.append([(notice, self.xf("ropa legend"))], wrap=False)
        return written

    def _page_setup(self, ws: Sheet, visible: list[float], plan: SheetPlan) -> None:
        """A4, fit to one page wide, or to as few pages wide as keep the print at least half its size
        (a wide activities sheet), with the header row and the identifying columns on every page."""
        ws.fit_to_page = True
        ws.landscape = plan.landscape
        ws.paper_size = 9  # A4
        ws.fit_to_width = _pages_wide(visible, plan.title_columns, plan.landscape)
        ws.fit_to_height = 0
        ws.over_then_down = True
        ws.grid_lines = True
        ws.margins = (0.4, 0.4, 0.6, 0.6, 0.3, 0.3)
        if plan.print_title_rows:
            ws.print_title_rows = plan.print_title_rows
        if plan.title_columns and ws.fit_to_width > 1:
            ws.print_title_columns = f"A:{get_column_letter(plan.title_columns)}"
        ws.header = (_header_text(self.org_name), "", "&A")
        meta = self.register.meta
        footer = " — ".join(p for p in (meta.title if meta else None, meta.version if meta else None) if p)
        ws.footer = (_header_text(footer) if footer else "", self.t("ui.page"), "")

    # -- lists and the JSON sheet ---------------------------------------------------------------------

    def _lists_sheet(self) -> None:
        if not self.lists:
            return
        ws = self.wb.sheet(LISTS_SHEET, hidden=True)
        columns = [choices for _, choices in self.lists.values()]
        plain = self.xf("ropa text")
        for index in range(max(len(c) for c in columns)):
            ws.append([(choices[index], plain) if index < len(choices) else None for choices in columns])

    def _json_sheet(self) -> None:
        ws = self.wb.sheet(JSON_SHEET, hidden=True)
        plain = self.xf("ropa text")
        for text in chain((JSON_MARKER,), register_json_chunks(self.register)):
            ws.append([(text, plain)])

    # -- saving ---------------------------------------------------------------------------------------

    def build(self) -> None:
        for plan in self.plans:
            self._sheet(plan)
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


def _width(cap: int, header: str, values: Iterator[Value]) -> float:
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
    return float(max(_MIN_WIDTH, min(cap, max(longest, header_need) + 2)))


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
_MIN_SCALE = 0.5
_CHARACTERS_PER_WIDTH = 1.15
"""Characters of text per unit of column width: a width unit is the width of a digit, and Calibri's
letters are on average narrower."""


def _pages_wide(widths: list[float], title_columns: int, landscape: bool) -> int:
    """1, or the fewest pages across that keep the print at :data:`_MIN_SCALE` or more."""
    page = _PAGE_CHARACTERS[landscape] / _MIN_SCALE
    total = sum(widths)
    if total <= page:
        return 1
    repeated = sum(widths[:title_columns])
    return max(1, math.ceil((total - repeated) / max(page - repeated, page / 2)))


def _lines(text: str, width: float) -> int:
    """About how many lines ``text`` takes in a column of ``width``: words wrap, so a full line holds
    a few characters less than the column (half a word of about six letters, on average)."""
    capacity = max(1, int(width * _CHARACTERS_PER_WIDTH) - 1)
    wrapped = max(1, capacity - 3)
    count = 0
    for part in text.split("\n"):
        size = len(part)
        count += 1 if size <= capacity else -(-size // wrapped)
    return count


def _row_height(row: list[Any], widths: list[float]) -> float | None:
    """The height that shows every line of the wrapped texts of ``row``; ``None`` for one line."""
    lines = 1
    for cell, width in zip(row, widths, strict=False):
        value = cell[0] if cell is not None else None
        if not isinstance(value, str) or not value:
            continue
        if len(value) < width and "\n" not in value:
            continue
        lines = max(lines, _lines(value, width))
    if lines == 1:
        return None
    return min(_MAX_ROW_HEIGHT, lines * _LINE_HEIGHT)


class _Sheet:
    """A worksheet with its column widths: appends rows with a fitting height."""

    def __init__(self, ws: Sheet, widths: list[float]) -> None:
        self.ws = ws
        self.widths = widths
        self.next_row = 1

    def append(
        self, row: list[Any], *, wrap: bool = True, height: float | None = None, hidden: bool = False
    ) -> None:
        """Append ``row``; with ``wrap``, give it the height its wrapped text needs."""
        if height is None and wrap:
            height = _row_height(row, self.widths)
        self.ws.append(row, height, hidden=hidden)
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
