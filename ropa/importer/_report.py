"""Collecting import diagnostics, and the location convention for cells, rows, columns and sheets.

A diagnostic's :class:`~ropa.diagnostics.Location` has ``file`` = the imported file as given, and a
``pointer`` of the form ``/<sheet>/<cell>`` (``/Register/B12``), ``/<sheet>/<row>`` (``/Register/12``),
``/<sheet>/<column>`` (``/Register/B``) or ``/<sheet>``; a CSV file has no sheet (``/B12``). The
embedded register of a ropa workbook uses ``/_ropa`` followed by a JSON Pointer into the register
(``/_ropa/activities/3/name``). ``span`` is ``(row, column)``, 1-based, when a cell or row is known.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ropa.diagnostics import Diagnostic, Location, Severity, Span
from ropa.importer.codes import FATAL, IMPORT_CODES
from ropa.loading.codes import STRUCTURAL

__all__ = ["Reporter", "cell_ref", "column_letter", "format_location", "pointer"]


def column_letter(column: int) -> str:
    """``1`` → ``A``, ``27`` → ``AA``."""
    letters = ""
    while column > 0:
        column, rest = divmod(column - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


def cell_ref(row: int, column: int) -> str:
    """``(12, 2)`` → ``B12``."""
    return f"{column_letter(column)}{row}"


def _escape(part: str) -> str:
    return part.replace("~", "~0").replace("/", "~1")


def _unescape(part: str) -> str:
    return part.replace("~1", "/").replace("~0", "~")


def pointer(sheet: str | None, part: str = "") -> str:
    """The pointer of ``part`` (a cell, row or column) in ``sheet`` (``None`` for CSV)."""
    out = f"/{_escape(sheet)}" if sheet is not None else ""
    return f"{out}/{part}" if part else out


def format_location(location: Location) -> str:
    """``book.xlsx:Register!B12``, ``book.xlsx:Register!12:12``, ``data.csv:B12``, ``book.xlsx:_ropa/...``."""
    file = location.file or "<input>"
    parts = [_unescape(p) for p in location.pointer.split("/")[1:]]
    if not parts:
        return file
    if parts[0] == "_ropa" and len(parts) > 1:
        return f"{file}:_ropa/" + "/".join(parts[1:])
    if len(parts) == 1:  # a sheet, or a CSV cell, row or column
        return f"{file}:{parts[0]}"
    sheet, ref = parts[0], "/".join(parts[1:])
    if ref.isdigit() or ref.isalpha():
        return f"{file}:{sheet}!{ref}:{ref}"
    return f"{file}:{sheet}!{ref}"


@dataclass
class Reporter:
    """Accumulates the diagnostics of one import."""

    file: str
    diagnostics: list[Diagnostic] = field(default_factory=list)

    def add(
        self,
        code: str,
        severity: Severity,
        message: str,
        hint: str | None = None,
        *,
        sheet: str | None = None,
        row: int | None = None,
        column: int | None = None,
        raw_pointer: str | None = None,
        entity: str | None = None,
    ) -> None:
        """Record a diagnostic at a sheet, row, column or cell (any may be left out)."""
        if raw_pointer is not None:
            where = raw_pointer
        elif row is not None and column is not None:
            where = pointer(sheet, cell_ref(row, column))
        elif row is not None:
            where = pointer(sheet, str(row))
        elif column is not None:
            where = pointer(sheet, column_letter(column))
        else:
            where = pointer(sheet)
        span = Span(row, column or 0) if row is not None else None
        known = IMPORT_CODES.get(code) or STRUCTURAL[code]
        self.diagnostics.append(
            Diagnostic(
                code=code,
                rule=known.name,
                severity=severity,
                message=message,
                location=Location(self.file, where, span, entity),
                hint=hint,
            )
        )

    @property
    def fatal(self) -> bool:
        """True once a code that refuses the whole file was reported."""
        return any(d.code in FATAL for d in self.diagnostics)
