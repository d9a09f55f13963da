"""Reading OpenDocument spreadsheets (.ods) safely, as a stream.

The archive is checked first, as for .xlsx (size, entries, compression ratio, DTDs and entity
declarations in any part: refused). ``content.xml`` is then read with the standard library's streaming
parser, one row at a time; the limits apply *while* cells are expanded, so a few bytes that repeat a cell
a billion times (``table:number-columns-repeated``) cost nothing: rows beyond ``max_rows`` and columns
beyond ``max_columns`` are never materialised, and the text of the cells that are is charged to the
file's :class:`~ropa.importer._limits.TextBudget` (each repeat counted), which refuses the file beyond
``max_cell_chars`` per cell or ``max_cell_total_chars`` in all.

Why not a library: python-calamine (Rust) reads a 1,000-row sheet in about 20 ms but materialises
repeated cells without a bound: an 803-byte file made it allocate 5 GB and abort the process; odfpy
builds the whole document tree (about 900 ms for the same sheet) and leaves repetition to its caller.
This reader takes about 200 ms (``benchmarks/ods_readers.py``; docs/import.md).
"""

from __future__ import annotations

import io
import zipfile
from typing import Any
from xml.etree.ElementTree import Element

from ropa.diagnostics import Severity
from ropa.importer._limits import LimitExceeded, TextBudget
from ropa.importer._report import Reporter, column_letter
from ropa.importer._tables import Limits, SheetTable, cell_text

__all__ = ["read_ods"]

_TABLE = "urn:oasis:names:tc:opendocument:xmlns:table:1.0"
_OFFICE = "urn:oasis:names:tc:opendocument:xmlns:office:1.0"
_TEXT = "urn:oasis:names:tc:opendocument:xmlns:text:1.0"
_STYLE = "urn:oasis:names:tc:opendocument:xmlns:style:1.0"


def _q(namespace: str, name: str) -> str:
    return f"{{{namespace}}}{name}"


T_TABLE = _q(_TABLE, "table")
T_ROW = _q(_TABLE, "table-row")
T_CELL = _q(_TABLE, "table-cell")
T_COVERED = _q(_TABLE, "covered-table-cell")
T_NAME = _q(_TABLE, "name")
T_STYLE = _q(_TABLE, "style-name")
T_ROWS_REPEATED = _q(_TABLE, "number-rows-repeated")
T_COLS_REPEATED = _q(_TABLE, "number-columns-repeated")
T_FORMULA = _q(_TABLE, "formula")
T_DISPLAY = _q(_TABLE, "display")
O_TYPE = _q(_OFFICE, "value-type")
O_VALUE = _q(_OFFICE, "value")
O_DATE = _q(_OFFICE, "date-value")
O_TIME = _q(_OFFICE, "time-value")
O_BOOL = _q(_OFFICE, "boolean-value")
O_ANNOTATION = _q(_OFFICE, "annotation")
X_P = _q(_TEXT, "p")
X_H = _q(_TEXT, "h")
X_S = _q(_TEXT, "s")
X_TAB = _q(_TEXT, "tab")
X_BREAK = _q(_TEXT, "line-break")
X_C = _q(_TEXT, "c")
S_STYLE = _q(_STYLE, "style")
S_NAME = _q(_STYLE, "name")
S_FAMILY = _q(_STYLE, "family")
S_TABLE_PROPS = _q(_STYLE, "table-properties")


def _count(value: str | None, limit: int) -> int:
    try:
        count = int(value) if value else 1
    except ValueError:
        return 1
    return max(1, min(count, limit))


def _inline(element: Element, out: list[str]) -> None:
    """The text of a paragraph's content: spans, links, spaces (``text:s``), tabs and line breaks."""
    if element.text:
        out.append(element.text)
    for child in element:
        if child.tag == O_ANNOTATION:
            pass  # a comment, not the cell's value
        elif child.tag == X_S:
            out.append(" " * _count(child.get(X_C), 1000))
        elif child.tag == X_TAB:
            out.append("\t")
        elif child.tag == X_BREAK:
            out.append("\n")
        else:
            _inline(child, out)
        if child.tail:
            out.append(child.tail)


def _cell_value(cell: Element) -> Any:
    """The cell's value: numbers, dates and booleans from their attributes, text from its paragraphs."""
    kind = cell.get(O_TYPE)
    if kind in ("float", "percentage", "currency"):
        raw = cell.get(O_VALUE)
        try:
            number = float(raw) if raw is not None else None
        except ValueError:
            number = None
        if number is not None:
            return number
    elif kind == "date" and cell.get(O_DATE):
        value = str(cell.get(O_DATE))
        return value[:10] if value.endswith("T00:00:00") or len(value) == 10 else value.replace("T", " ")[:16]
    elif kind == "time" and cell.get(O_TIME):
        return cell.get(O_TIME)
    elif kind == "boolean" and cell.get(O_BOOL):
        return cell.get(O_BOOL) == "true"
    lines: list[str] = []
    for child in cell:
        if child.tag in (X_P, X_H):
            parts: list[str] = []
            _inline(child, parts)
            lines.append("".join(parts))
    return "\n".join(lines) if lines else None


class _Sheet:
    """The rows of one table, expanded within the limits."""

    def __init__(self, name: str, limits: Limits, rep: Reporter, budget: TextBudget) -> None:
        self.table = SheetTable(name)
        self.limits = limits
        self.rep = rep
        self.budget = budget
        self.pending_empty = 0
        self.rows_read = 0
        self.cut_rows = False
        self.cut_columns = False
        self.formulas = 0

    def row(self, element: Element) -> None:
        repeat = _count(element.get(T_ROWS_REPEATED), 10**9)
        cells: list[str | None] = []
        for cell in element:
            if cell.tag not in (T_CELL, T_COVERED):
                continue
            span = _count(cell.get(T_COLS_REPEATED), 10**9)
            text = self._text(cell)
            room = self.limits.max_columns - len(cells)
            if span > room:
                self.cut_columns = self.cut_columns or text is not None
                span = max(room, 0)
            if text is not None and span:
                self.budget.cell(
                    len(text),
                    sheet=self.table.name,
                    row=self.rows_read + self.pending_empty + 1,
                    column=len(cells) + 1,
                    repeat=span * min(repeat, self.limits.max_rows),
                )
            cells.extend([text] * span)
        while cells and cells[-1] is None:
            cells.pop()
        if not cells:
            self.pending_empty += repeat
            return
        for _ in range(repeat):
            if self.rows_read + self.pending_empty >= self.limits.max_rows:
                self.cut_rows = True
                return
            self.table.rows.extend([] for _ in range(self.pending_empty))
            self.rows_read += self.pending_empty + 1
            self.pending_empty = 0
            self.table.rows.append(cells if repeat == 1 else list(cells))

    def _text(self, cell: Element) -> str | None:
        if cell.get(T_FORMULA) is not None:
            self.formulas += 1
        value = _cell_value(cell)
        text = cell_text(value)
        if text is not None and cell.get(T_FORMULA) is not None and (text.startswith(("Err:", "#"))):
            return None
        return text


def _iterparse(content: bytes) -> Any:
    """defusedxml's streaming parser when installed (``ropa-register[import]``); else the standard
    library's. Either way DTDs and entity declarations were refused by the archive check before."""
    try:
        from defusedxml.ElementTree import iterparse
    except ImportError:  # pragma: no cover - defusedxml is installed with the [import] extra
        from xml.etree.ElementTree import iterparse

    return iterparse(io.BytesIO(content), events=("start", "end"))  # noqa: S314 - DTDs refused before


def read_ods(data: bytes, limits: Limits, rep: Reporter, *, sheet: str | None) -> list[SheetTable] | None:
    """The sheets of a checked .ods workbook (the visible ones, or the one named ``sheet``)."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            content = archive.read("content.xml")
    except KeyError:
        rep.add("IMP-002", Severity.ERROR, "the OpenDocument file has no content.xml", "Save it again.")
        return None
    except Exception as exc:  # damaged archive: refused, never a traceback
        rep.add("IMP-002", Severity.ERROR, f"the OpenDocument file cannot be read ({exc})", "Save it again.")
        return None
    budget = TextBudget(limits)
    sheets: list[_Sheet] = []
    names: list[str] = []
    hidden_styles: set[str] = set()
    current: _Sheet | None = None
    skipping = False
    stack: list[Element] = []
    try:
        for event, element in _iterparse(content):
            tag = element.tag
            if event == "start":
                stack.append(element)
                if tag == T_TABLE:
                    name = element.get(T_NAME) or f"Sheet{len(names) + 1}"
                    names.append(name)
                    hidden = element.get(T_STYLE) in hidden_styles
                    wanted = (sheet is None and not hidden) or (
                        sheet is not None and (name == sheet or name.casefold() == sheet.casefold())
                    )
                    if hidden and sheet is None:
                        rep.add(
                            "IMP-011",
                            Severity.WARNING,
                            f"hidden sheet '{name}' was not imported",
                            f"Unhide it, or import it on its own with --sheet '{name}'.",
                            sheet=name,
                        )
                    skipping = not wanted or (sheet is not None and bool(sheets))
                    current = None if skipping else _Sheet(name, limits, rep, budget)
                continue
            stack.pop()
            if tag == S_STYLE and element.get(S_FAMILY) == "table":
                props = element.find(S_TABLE_PROPS)
                if props is not None and props.get(T_DISPLAY) == "false":
                    hidden_styles.add(str(element.get(S_NAME)))
            elif tag == T_ROW:
                if current is not None and not current.cut_rows:
                    current.row(element)
                if stack:
                    stack[-1].remove(element)  # rows read are dropped: memory stays flat
            elif tag == T_TABLE:
                if current is not None:
                    sheets.append(current)
                current = None
                element.clear()
    except LimitExceeded as exc:
        rep.add(
            "IMP-003", Severity.ERROR, exc.message, exc.hint, sheet=exc.sheet, row=exc.row, column=exc.column
        )
        return None
    except Exception as exc:  # hostile or damaged XML: a refusal, never a traceback
        rep.add(
            "IMP-002",
            Severity.ERROR,
            f"the OpenDocument content cannot be read: {type(exc).__name__}: {exc}",
            "Open the file in LibreOffice and save it again as .ods.",
        )
        return None
    if sheet is not None and not sheets:
        shown = ", ".join(f"'{n}'" for n in names)
        rep.add("IMP-005", Severity.ERROR, f"the workbook has no sheet named '{sheet}'", f"Sheets: {shown}.")
        return None
    out: list[SheetTable] = []
    for item in sheets:
        title = item.table.name
        if item.cut_rows:
            rep.add(
                "IMP-010",
                Severity.ERROR,
                f"sheet '{title}' has more than {limits.max_rows:,} rows; rows after {limits.max_rows:,} "
                "were not read",
                "Split the register over several sheets or files.",
                sheet=title,
                row=limits.max_rows + 1,
            )
        if item.cut_columns:
            rep.add(
                "IMP-010",
                Severity.ERROR,
                f"sheet '{title}' has more than {limits.max_columns} columns; columns after "
                f"{column_letter(limits.max_columns)} were not read",
                "Move notes in far-away columns next to the register table.",
                sheet=title,
                column=limits.max_columns + 1,
            )
        if item.formulas:
            rep.add(
                "IMP-017",
                Severity.INFO,
                f"{item.formulas} cell(s) of sheet '{title}' hold formulas; their saved results were read",
                sheet=title,
            )
        while item.table.rows and not any(item.table.rows[-1]):
            item.table.rows.pop()
        out.append(item.table)
    return out
