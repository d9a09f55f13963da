"""Columns, row groups and the fate of every cell: where each cell of a sheet went.

Every non-empty cell ends up with one :class:`CellFate`: its text (or the pieces it was split into) kept
verbatim in the register, read exactly (a yes/no, a date, a code, a "not stated" marker), or skipped as
a heading or a template's boilerplate with a diagnostic at its cell. The column summary printed after an
import is counted from the fates, and the "never lose a cell" tests check them against the register.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

__all__ = ["Column", "ColumnSummary", "Fate", "RowGroup", "summarise", "summary_lines"]


@dataclass(frozen=True)
class Column:
    """A column of a register table (or one labelled value of a form sheet)."""

    index: int
    """1-based column number."""
    heading: str
    """The heading as written, or ``Column X`` for a blank one."""
    field: str | None
    """The import field, or ``None`` when not recognised (kept in unmapped)."""
    sheet: str | None = None
    """The sheet the column belongs to."""


@dataclass(frozen=True)
class Fate:
    """What happened to one non-empty cell.

    Attributes:
        sheet, row, column: where the cell is (1-based).
        text: the cell's text.
        how: what the importer did, in words (``kept in unmapped``, ``read as a country``, ...).
        pieces: texts the register holds verbatim for this cell (the whole text, or the items of a list);
            empty when the cell was read exactly or skipped.
        kind: ``kept`` (pieces are in the register), ``exact`` (read exactly: nothing more to keep) or
            ``skipped`` (a heading, or a template's boilerplate, reported at its cell).
    """

    sheet: str | None
    row: int
    column: int
    text: str
    how: str
    pieces: tuple[str, ...] = ()
    kind: str = "kept"
    in_table: bool = True
    """False for cells above a table (organisation block, title, notes) and form labels."""


@dataclass
class RowGroup:
    """The cells of one activity: one row, plus the rows that continue or repeat it."""

    sheet: str | None
    row: int
    cells: list[tuple[Column, str, int]] = field(default_factory=list)
    key: str | None = None
    rows: list[int] = field(default_factory=list)
    section: str | None = None
    """The section title above the row (``ALLGEMEINES``), when the sheet groups its rows."""
    hints: dict[int, str] = field(default_factory=dict)
    """Form sheets: the label of a row (``Données concernant la santé``), which tells what its cells are."""
    retention_for: dict[int, str] = field(default_factory=dict)
    """Form sheets: the data category a row's retention cell belongs to."""
    continued: int = 0
    """Rows read as part of this activity after its first (bounded by MAX_CONTINUED_ROWS)."""

    def texts(self, name: str) -> list[tuple[str, Column, int]]:
        return [(text, col, row) for col, text, row in self.cells if col.field == name]

    def joined(self, name: str) -> str | None:
        parts = dict.fromkeys(text for text, _, _ in self.texts(name))  # distinct, in order, in linear time
        return "\n".join(parts) if parts else None


@dataclass(frozen=True)
class ColumnSummary:
    """One column of an imported sheet: where its cells went.

    Attributes:
        sheet: the sheet (``None`` for CSV).
        column: the 1-based column number.
        heading: the heading as written.
        field: the import field, or ``None`` (kept in unmapped).
        cells: non-empty cells read below the header.
        outcomes: how many cells were read which way (``kept in unmapped``: 3, ``read as not stated``: 1).
    """

    sheet: str | None
    column: int
    heading: str
    field: str | None
    cells: int
    outcomes: tuple[tuple[str, int], ...]


def summarise(columns: list[Column], fates: list[Fate]) -> list[ColumnSummary]:
    """The summary of ``columns`` from the fates of their cells."""
    by_column: dict[tuple[str | None, int], Counter[str]] = {}
    for fate in fates:
        if fate.how == "heading" or not fate.in_table:
            continue
        by_column.setdefault((fate.sheet, fate.column), Counter())[fate.how] += 1
    out: list[ColumnSummary] = []
    for column in columns:
        counts = by_column.get((column.sheet, column.index), Counter())
        out.append(
            ColumnSummary(
                column.sheet,
                column.index,
                column.heading,
                column.field,
                sum(counts.values()),
                tuple(sorted(counts.items(), key=lambda item: (-item[1], item[0]))),
            )
        )
    return out


def summary_lines(columns: tuple[ColumnSummary, ...] | list[ColumnSummary]) -> list[str]:
    """The column summary as text lines: per sheet, ``B 'Heading' → field: N cells (how many how)``."""
    from ropa.importer._report import column_letter

    lines: list[str] = []
    sheet: object = object()
    for column in columns:
        if column.cells == 0 and column.field is None:
            continue
        if column.sheet != sheet:
            sheet = column.sheet
            lines.append(f"columns of sheet '{column.sheet}':" if column.sheet is not None else "columns:")
        target = column.field or "unmapped"
        hows = ", ".join(f"{count} {how}" for how, count in column.outcomes)
        cells = f"{column.cells} cell{'s' if column.cells != 1 else ''}"
        lines.append(
            f"  {column_letter(column.column)} '{column.heading}' → {target}: {cells}"
            + (f" ({hows})" if hows else "")
        )
    return lines
