"""Reading .xlsx workbooks safely: the archive is inspected before openpyxl parses anything.

openpyxl is imported inside :func:`read_workbook` only.
"""

from __future__ import annotations

import io
import re
import warnings
import zipfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Any, TypeVar

from ropa.diagnostics import Severity
from ropa.importer._limits import LimitExceeded, TextBudget
from ropa.importer._ooxml import GuardedArchive, read_shared_strings_part, unescape
from ropa.importer._report import Reporter, cell_ref, column_letter
from ropa.importer._tables import Limits, SheetTable, cell_text

__all__ = ["EMBEDDED_MARKER", "EMBEDDED_SHEET", "WorkbookContent", "check_archive", "read_workbook"]

EMBEDDED_SHEET = "_ropa"
"""The hidden sheet in which ropa's own workbooks carry the register as JSON."""
EMBEDDED_MARKER = "ropa-register-json/1"
"""Cell A1 of :data:`EMBEDDED_SHEET`; A2, A3, ... hold the canonical JSON text in chunks."""
_MARKER_PREFIX = "ropa-register-json/"
_LISTS_SHEET = "_lists"
"""The hidden sheet with the values of the drop-down lists of ropa's workbooks."""

_FORMULA_RE = re.compile(rb"<(?:[A-Za-z_][\w.-]*:)?f[\s>/]")
_DOCTYPE_NEEDLES = tuple(
    needle
    for word in ("<!DOCTYPE", "<!ENTITY")
    for needle in (word.encode("ascii"), word.encode("utf-16-le"), word.encode("utf-16-be"))
)
_CHUNK = 1024 * 1024
_SHOWN_CELLS = 10
"""Cells named in a diagnostic about values beyond the column limit; the rest are counted."""
_PEEK_ROWS = 10_000
"""Rows looked at after ``max_rows`` to tell data that was not read from trailing empty rows."""
_PROGRESS_ROWS = 100
"""Rows read between two calls of the progress callback."""


@dataclass
class WorkbookContent:
    """What was read from a workbook: the embedded register of a ropa workbook (if any) and the visible
    sheets (or the chosen one) as tables."""

    embedded: str | None = None
    sheets: list[SheetTable] = field(default_factory=list)
    titles: tuple[str, ...] = ()
    """The names of every sheet of the workbook, also when one sheet was chosen."""
    ropa_sheet: bool = False
    """True when the workbook has ropa's ``_ropa`` sheet (whether or not its register was read)."""


def _refuse(rep: Reporter, code: str, message: str, hint: str) -> None:
    rep.add(code, Severity.ERROR, message, hint)


@dataclass
class ArchiveInfo:
    """What the archive check learnt: whether any worksheet holds formulas; whether it is OpenDocument."""

    formulas: bool = False
    ods: bool = False


def check_archive(
    data: bytes, limits: Limits, rep: Reporter, *, allow_ods: bool = False
) -> ArchiveInfo | None:
    """Inspect the zip container before any XML is parsed; report and return None to refuse it.

    Refused: not a zip; encrypted entries; too many entries; a total uncompressed size above
    ``max_uncompressed_bytes``; a large entry compressed more than ``max_ratio`` times (zip bomb);
    entries whose real size differs from the declared one or that fail their CRC; XML with a DTD or
    entity declarations (billion laughs, external entities); OpenDocument spreadsheets.
    Returns ``None`` when the archive is refused.
    """
    hint_xlsx = "Save the file as an Excel workbook (.xlsx) and import that."
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except Exception as exc:  # zipfile raises many kinds of errors on hostile input
        _refuse(rep, "IMP-002", f"not an .xlsx workbook: the zip container is damaged ({exc})", hint_xlsx)
        return None
    with archive:
        infos = archive.infolist()
        if len(infos) > limits.max_entries:
            _refuse(
                rep,
                "IMP-003",
                f"the workbook has {len(infos)} parts; more than {limits.max_entries} are refused",
                "A register workbook has a few dozen parts; this file may be a zip bomb.",
            )
            return None
        total = sum(info.file_size for info in infos)
        if total > limits.max_uncompressed_bytes:
            _refuse(
                rep,
                "IMP-003",
                f"the workbook unpacks to {total:,} bytes; more than {limits.max_uncompressed_bytes:,} are "
                "refused",
                "Split the register, or remove images and unused sheets; the file may be a zip bomb.",
            )
            return None
        for info in infos:
            if info.flag_bits & 0x1:
                _refuse(
                    rep,
                    "IMP-002",
                    f"the workbook part '{info.filename}' is encrypted",
                    "Remove the password protection in Excel and save the file again.",
                )
                return None
            ratio = info.file_size / max(info.compress_size, 1)
            if info.file_size >= limits.large_entry_bytes and ratio > limits.max_ratio:
                _refuse(
                    rep,
                    "IMP-003",
                    f"the workbook part '{info.filename}' is compressed {ratio:,.0f} times "
                    f"({info.file_size:,} bytes); more than {limits.max_ratio:,.0f} times is refused",
                    "Real spreadsheets do not compress like this; the file looks like a zip bomb.",
                )
                return None
        names = {info.filename for info in infos}
        ods = "mimetype" in names and "[Content_Types].xml" not in names
        if ods and not allow_ods:
            _refuse(
                rep,
                "IMP-002",
                "this is an OpenDocument file (.ods), not an .xlsx workbook",
                "Open it in LibreOffice or Excel and save it as .xlsx (Excel 2007-365).",
            )
            return None
        found = ArchiveInfo(ods=ods)
        for entry in infos:
            problem, formulas = _scan_entry(archive, entry)
            found.formulas = found.formulas or (formulas and entry.filename.startswith("xl/worksheets/"))
            if problem is not None:
                code, message, hint = problem
                _refuse(rep, code, message, hint)
                return None
        if "[Content_Types].xml" not in names and not ods:
            _refuse(
                rep, "IMP-002", "the zip file is not an .xlsx workbook (no [Content_Types].xml)", hint_xlsx
            )
            return None
    return found


def _scan_entry(archive: zipfile.ZipFile, info: zipfile.ZipInfo) -> tuple[tuple[str, str, str] | None, bool]:
    """Read one entry to its end (checking size and CRC); look for DTDs and formulas in it."""
    tail = b""
    formulas = False
    try:
        with archive.open(info) as handle:
            while True:
                chunk = handle.read(_CHUNK)
                if not chunk:
                    break
                window = tail + chunk
                formulas = formulas or _FORMULA_RE.search(window) is not None
                if any(needle in window for needle in _DOCTYPE_NEEDLES):
                    return (
                        "IMP-004",
                        f"the workbook part '{info.filename}' declares a DTD or XML entities",
                        "Workbooks never need DTDs; this file may try an entity-expansion or external-entity "
                        "attack. Re-save it from Excel if you trust its source.",
                    ), formulas
                tail = window[-32:]
    except Exception as exc:  # BadZipFile, zlib.error, EOFError, NotImplementedError, struct.error, ...
        return (
            "IMP-002",
            f"the workbook part '{info.filename}' cannot be unpacked ({exc})",
            "The file is damaged or uses an unsupported compression; save it again from Excel.",
        ), formulas
    return None, formulas


class _Book:
    """One workbook being read: its bytes, the limits, the text budget and the shared strings (parsed once,
    by :func:`~ropa.importer._ooxml.read_shared_strings`, for both openpyxl passes)."""

    def __init__(
        self, data: bytes, limits: Limits, progress: Callable[[int, int], None] | None = None
    ) -> None:
        self.data = data
        self.limits = limits
        self.budget = TextBudget(limits)
        self.strings: list[str] | None = None
        self.progress = progress
        """Called with (rows read, rows the chosen sheets declare) while the sheets are read."""
        self.rows_read = 0
        self.rows_declared = 0

    def load(self, *, data_only: bool) -> Any:
        """An openpyxl read-only workbook over a :class:`GuardedArchive` of the file."""
        from openpyxl.reader.excel import ExcelReader  # imported here only: `import ropa` must not pull it in
        from openpyxl.xml.constants import SHARED_STRINGS

        reader = ExcelReader(
            io.BytesIO(self.data), read_only=True, keep_vba=False, data_only=data_only, keep_links=False
        )
        reader.archive.close()
        archive = GuardedArchive(self.data, self.limits)
        reader.archive = archive
        reader.valid_files = archive.namelist()

        def read_strings() -> None:
            if self.strings is None:
                part = reader.package.find(SHARED_STRINGS)
                name = part.PartName[1:] if part is not None else None
                self.strings = read_shared_strings_part(archive, name, self.budget) if name else []
            reader.shared_strings = self.strings

        reader.read_strings = read_strings
        reader.read()
        return reader.wb


def read_workbook(
    data: bytes,
    limits: Limits,
    rep: Reporter,
    *,
    sheet: str | None,
    formulas: bool = True,
    progress: Callable[[int, int], None] | None = None,
) -> WorkbookContent | None:
    """Parse a checked workbook: the embedded register of a ropa workbook, or its register sheets.

    ``sheet`` selects one sheet by name (it is then read as a table even in a ropa workbook).
    ``formulas`` False skips the pass that finds formula cells (the archive check found none).
    ``progress`` is called with (rows read, rows in all) while the chosen sheets are read.
    Returns ``None`` (with a diagnostic) when the workbook cannot be parsed.
    """
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        try:
            content = _read(_Book(data, limits, progress), rep, sheet, formulas)
        except Exception as exc:  # hostile input: any parser failure is a refusal, never a traceback
            name = type(exc).__name__
            unsafe = _unsafe_xml(exc)
            too_much = _cause(exc, LimitExceeded)
            if too_much is not None:
                rep.add(
                    "IMP-003",
                    Severity.ERROR,
                    too_much.message,
                    too_much.hint,
                    sheet=too_much.sheet,
                    row=too_much.row,
                    column=too_much.column,
                )
            elif unsafe is not None:
                name = unsafe
                rep.add(
                    "IMP-004",
                    Severity.ERROR,
                    f"the workbook's XML declares entities ({name})",
                    "Workbooks never need XML entities; the file may be an attack. Re-save it from Excel.",
                )
            else:
                rep.add(
                    "IMP-002",
                    Severity.ERROR,
                    f"the workbook cannot be read: {name}: {exc}",
                    "Open the file in Excel or LibreOffice and save it again as .xlsx.",
                )
            return None
    notes = sorted({str(w.message) for w in caught})
    for note in notes:
        rep.add("IMP-017", Severity.INFO, f"spreadsheet reader: {note}")
    return content


_E = TypeVar("_E", bound=BaseException)


def _cause(exc: BaseException, kind: type[_E]) -> _E | None:
    """``exc`` or the first exception of type ``kind`` in its chain of causes."""
    seen: set[int] = set()
    current: BaseException | None = exc
    while current is not None and id(current) not in seen:
        if isinstance(current, kind):
            return current
        seen.add(id(current))
        current = current.__cause__ or current.__context__
    return None


def _unsafe_xml(exc: BaseException) -> str | None:
    """The name of the defusedxml refusal behind ``exc`` (openpyxl wraps it), or ``None``."""
    seen: set[int] = set()
    current: BaseException | None = exc
    while current is not None and id(current) not in seen:
        seen.add(id(current))
        kind = type(current)
        if kind.__module__.startswith("defusedxml") or kind.__name__ in ("EntitiesForbidden", "DTDForbidden"):
            return kind.__name__
        current = current.__cause__ or current.__context__
    return None


def _read(book: _Book, rep: Reporter, sheet: str | None, formulas: bool) -> WorkbookContent | None:
    with zipfile.ZipFile(io.BytesIO(book.data)) as archive:
        names = archive.namelist()
    links = [n for n in names if n.startswith("xl/externalLinks/") and n.endswith(".xml")]
    if links:
        rep.add(
            "IMP-012",
            Severity.WARNING,
            f"the workbook links to {len(links)} other workbook(s); the links were ignored and the values "
            "saved in this file were read",
            "Check that cells copied from other workbooks hold the values you expect.",
        )
    if any(n.lower().endswith("vbaproject.bin") for n in names):
        rep.add("IMP-017", Severity.INFO, "the workbook contains macros; they were not run")
    workbook = book.load(data_only=True)
    try:
        for chart in getattr(workbook, "chartsheets", []):
            rep.add("IMP-017", Severity.INFO, f"chart sheet '{chart.title}' was skipped", sheet=chart.title)
        worksheets = list(workbook.worksheets)
        embedded: str | None = None
        if sheet is None:
            embedded = _embedded(worksheets, rep, book.budget)
            if rep.fatal:
                return None
            chosen = []
            for ws in worksheets:
                if ws.sheet_state != "visible":
                    if embedded is not None and ws.title in (EMBEDDED_SHEET, _LISTS_SHEET):
                        continue  # ropa's own hidden sheets
                    rep.add(
                        "IMP-011",
                        Severity.WARNING,
                        f"hidden sheet '{ws.title}' was not imported",
                        f"Unhide it, or import it on its own with --sheet '{ws.title}'.",
                        sheet=ws.title,
                    )
                    continue
                chosen.append(ws)
        else:
            chosen = [ws for ws in worksheets if ws.title == sheet] or [
                ws for ws in worksheets if ws.title.casefold() == sheet.casefold()
            ]
            if not chosen:
                titles = ", ".join(f"'{ws.title}'" for ws in worksheets)
                rep.add(
                    "IMP-005",
                    Severity.ERROR,
                    f"the workbook has no sheet named '{sheet}'",
                    f"Sheets: {titles}.",
                )
                return None
            if any(ws.title == EMBEDDED_SHEET for ws in worksheets):
                rep.add(
                    "IMP-017",
                    Severity.INFO,
                    "this is a ropa workbook; its embedded register was not used because a sheet was chosen",
                    "Leave out --sheet to read the embedded register without loss.",
                )
            chosen = chosen[:1]
        cells = _formula_cells(book, [ws.title for ws in chosen]) if formulas else {}
        # the rows each sheet declares (its <dimension>, untrusted: only the progress total)
        declared = [ws.max_row for ws in chosen]
        book.rows_declared = sum(min(n, book.limits.max_rows) for n in declared if isinstance(n, int))
        sheets = [_read_sheet(ws, book, rep, cells.get(ws.title, set())) for ws in chosen]
    finally:
        workbook.close()
    all_titles = tuple(ws.title for ws in worksheets)
    return WorkbookContent(
        embedded=embedded, sheets=sheets, titles=all_titles, ropa_sheet=EMBEDDED_SHEET in all_titles
    )


def _embedded(worksheets: list[Any], rep: Reporter, budget: TextBudget) -> str | None:
    """The JSON text of a ropa workbook's ``_ropa`` sheet, or ``None`` when it is not one."""
    found = [ws for ws in worksheets if ws.title == EMBEDDED_SHEET]
    if not found:
        return None
    ws = found[0]
    rows = ws.iter_rows(min_col=1, max_col=1, values_only=True)
    first = next(rows, (None,))
    marker = first[0] if first else None
    if not isinstance(marker, str) or not marker.startswith(_MARKER_PREFIX):
        return None
    if marker != EMBEDDED_MARKER:
        rep.add(
            "IMP-006",
            Severity.ERROR,
            f"the embedded register has format '{marker}'; this version of ropa reads '{EMBEDDED_MARKER}'",
            "Upgrade ropa, or import a visible sheet with --sheet NAME (with some loss).",
            sheet=EMBEDDED_SHEET,
            row=1,
            column=1,
        )
        return None
    chunks: list[str] = []
    gap: int | None = None
    for index, (value,) in enumerate(rows, start=2):
        if value is None:
            gap = gap or index
            continue
        if gap is not None or not isinstance(value, str):
            rep.add(
                "IMP-006",
                Severity.ERROR,
                "the embedded register is damaged: its chunks are not one column of text without gaps",
                "Export the register again with 'ropa export', or import a visible sheet with --sheet NAME.",
                sheet=EMBEDDED_SHEET,
                row=index,
                column=1,
            )
            return None
        budget.cell(len(value), sheet=EMBEDDED_SHEET, row=index, column=1)
        chunks.append(unescape(value))
    return "".join(chunks)


def _formula_cells(book: _Book, titles: list[str]) -> dict[str, set[tuple[int, int]]]:
    """The cells holding formulas, per sheet (within the limits), read without cached values."""
    limits = book.limits
    out: dict[str, set[tuple[int, int]]] = {}
    workbook = book.load(data_only=False)
    try:
        for ws in workbook.worksheets:
            if ws.title not in titles:
                continue
            cells: set[tuple[int, int]] = set()
            _trust_no_dimension(ws)
            for row_index, row in enumerate(
                ws.iter_rows(min_row=1, max_row=limits.max_rows, max_col=limits.max_columns), start=1
            ):
                for col_index, cell in enumerate(row, start=1):
                    if getattr(cell, "data_type", None) == "f":
                        cells.add((row_index, col_index))
            out[ws.title] = cells
    finally:
        workbook.close()
    return out


def _rows(ws: Any) -> Iterator[tuple[Any, ...]]:
    """Every row with every cell: cells beyond the column limit are looked at (to report them), not read.

    A row is as wide as its last cell (at most 18,278 columns, ``ZZZ``); the archive guard bounds the
    cells of a row."""
    _trust_no_dimension(ws)
    return iter(ws.iter_rows(min_row=1))


def _trust_no_dimension(ws: Any) -> None:
    """Read every row: a sheet's <dimension> element may claim fewer rows than it has (untrusted input)."""
    reset = getattr(ws, "reset_dimensions", None)
    if reset is not None:
        reset()


def _read_sheet(ws: Any, book: _Book, rep: Reporter, formulas: set[tuple[int, int]]) -> SheetTable:
    limits = book.limits
    title: str = ws.title
    table = SheetTable(title)
    beyond: list[tuple[int, int]] = []
    beyond_count = 0
    formula_values = 0
    rows = _rows(ws)
    for row_index, row in enumerate(rows, start=1):
        if row_index > limits.max_rows:
            if _has_data(row) or _more_data(rows):
                rep.add(
                    "IMP-010",
                    Severity.ERROR,
                    f"sheet '{title}' has more than {limits.max_rows:,} rows; rows after {limits.max_rows:,} "
                    "were not read",
                    "Split the register over several sheets or files.",
                    sheet=title,
                    row=limits.max_rows + 1,
                )
            break
        if book.progress is not None and row_index % _PROGRESS_ROWS == 0:
            book.rows_read += _PROGRESS_ROWS
            book.rows_declared = max(book.rows_declared, book.rows_read)
            book.progress(book.rows_read, book.rows_declared)
        texts: list[str | None] = []
        for col_index, cell in enumerate(row, start=1):
            value = getattr(cell, "value", None)
            if col_index > limits.max_columns:
                if value is not None:
                    beyond_count += 1
                    if len(beyond) < _SHOWN_CELLS:
                        beyond.append((row_index, col_index))
                continue
            text = _text(cell, value, title, row_index, col_index, rep)
            if text is not None:
                book.budget.cell(len(text), sheet=title, row=row_index, column=col_index)
            if (row_index, col_index) in formulas:
                if text is None:
                    rep.add(
                        "IMP-013",
                        Severity.WARNING,
                        "the cell holds a formula without a saved result; it was read as empty (formulas are "
                        "never calculated)",
                        "Open the file in Excel or LibreOffice, let it recalculate and save it again.",
                        sheet=title,
                        row=row_index,
                        column=col_index,
                    )
                else:
                    formula_values += 1
            texts.append(text)
        while texts and texts[-1] is None:
            texts.pop()
        table.rows.append(texts)
    declared = getattr(ws, "max_column", None)
    if beyond:
        refs = ", ".join(cell_ref(r, c) for r, c in beyond)
        more = f" and {beyond_count - len(beyond):,} more" if beyond_count > len(beyond) else ""
        rep.add(
            "IMP-010",
            Severity.ERROR,
            f"sheet '{title}' has values beyond column {column_letter(limits.max_columns)} (column "
            f"{limits.max_columns}), which were not read: {refs}{more}",
            "Move notes in far-away columns next to the register table.",
            sheet=title,
            row=beyond[0][0],
            column=beyond[0][1],
        )
    elif isinstance(declared, int) and declared > limits.max_columns:
        rep.add(
            "IMP-010",
            Severity.WARNING,
            f"sheet '{title}' declares more than {limits.max_columns} columns; the columns after "
            f"{column_letter(limits.max_columns)} hold no values",
            sheet=title,
            column=limits.max_columns + 1,
        )
    if formula_values:
        rep.add(
            "IMP-017",
            Severity.INFO,
            f"{formula_values} cell(s) of sheet '{title}' hold formulas; their saved results were read",
            sheet=title,
        )
    while table.rows and not any(table.rows[-1]):
        table.rows.pop()
    return table


def _has_data(row: tuple[Any, ...]) -> bool:
    return any(getattr(cell, "value", None) is not None for cell in row)


def _more_data(rows: Iterator[tuple[Any, ...]]) -> bool:
    return any(count >= _PEEK_ROWS or _has_data(row) for count, row in enumerate(rows))


def _text(cell: Any, value: Any, title: str, row: int, column: int, rep: Reporter) -> str | None:
    if getattr(cell, "data_type", None) == "e":
        rep.add(
            "IMP-014",
            Severity.WARNING,
            f"the cell holds the error value {value}; it was read as empty",
            "Fix the formula or the value in the spreadsheet.",
            sheet=title,
            row=row,
            column=column,
        )
        return None
    return cell_text(unescape(value) if isinstance(value, str) else value)
