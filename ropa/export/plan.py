"""What a workbook shows, sheet by sheet and row by row, before any byte is written.

A layout (:mod:`ropa.export.layouts`) turns a register into :class:`SheetPlan` objects; each holds blocks:
:class:`Line` (a row of cells with their named styles: titles, the legend, the organisation's items) and
:class:`TableBlock` (a table of :mod:`ropa.export.tables`: its header and one row per entity).
:func:`rows` walks a plan's blocks in order. Two readers use that walk:

- :mod:`ropa.export.xlsx` writes the rows (and decides widths, heights, print set-up, text safety);
- the importer renders the register a workbook embeds the same way and compares it with the workbook's
  visible sheets (:func:`visible_cells`), so that a layout's export is recognised as ropa's own.

The plan decides content: which cells, which style names, which rows the importer compares, which
columns may be hidden when they are empty. It knows nothing of SpreadsheetML.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any

from ropa.export.spec import Cell, Column, Context, Table

__all__ = [
    "DataRow",
    "Line",
    "PlannedRow",
    "SheetPlan",
    "TableBlock",
    "rows",
    "visible_cells",
]

StyledCell = tuple[Cell, str] | None
"""A cell and the name of its style; ``None`` leaves the cell empty."""


@dataclass(frozen=True, slots=True)
class Line:
    """One row of cells, each with its named style.

    Attributes:
        cells: the cells from column A.
        compare: the importer compares the row with the embedded register (a row that says what the
            register says; titles, counts and findings are not compared).
        wrap: give the row the height its wrapped text needs.
        height: a fixed height in points.
        hidden: hide the row (an optional item the register leaves empty); one click shows it.
    """

    cells: Sequence[StyledCell]
    compare: bool = False
    wrap: bool = True
    height: float | None = None
    hidden: bool = False


@dataclass(frozen=True, slots=True)
class DataRow:
    """One row of a table: its cells (styled by their type) and a fill (``""``, or `` error``, ...)."""

    values: list[Cell]
    fill: str


PlannedRow = Line | DataRow


@dataclass
class TableBlock:
    """A table on a sheet: an optional title and legend line, the header row, the data rows.

    Attributes:
        table: the table.
        ctx: the context its getters need.
        headings: the header texts (default: each column's label with its Art. 30 point).
        header_styles: the header cells' styles (default: by obligation).
        before: lines above the header (a block title, the legend).
        columns: the columns shown (default: the register's columns of the table).
        cells: ``cells(row, columns)``, when a layout renders the cells otherwise than the table does.
        fill: ``fill(row)``, the row's fill suffix (the findings' severity).
        hide_empty: hide the optional columns (no Art. 30 point) that are empty in every row.
        auto_filter: give the table filter buttons (one table per sheet).
        drop_downs: offer the labels of enumerated and yes/no columns in a list.
        count: the number of data rows (from the table, unless a layout groups its rows).
        source: the entities (default: ``table.rows(ctx)``).
    """

    table: Table[Any]
    ctx: Context
    headings: list[str] = field(default_factory=list)
    header_styles: list[str] = field(default_factory=list)
    before: list[Line] = field(default_factory=list)
    columns: tuple[Column[Any], ...] = ()
    cells: Callable[[Any, tuple[Column[Any], ...]], list[Cell]] | None = None
    fill: Callable[[Any], str] | None = None
    hide_empty: bool = False
    auto_filter: bool = False
    drop_downs: bool = False
    count: int = -1
    source: Callable[[], Any] | None = None

    def __post_init__(self) -> None:
        if not self.columns:
            self.columns = self.table.columns_for(self.ctx)
        if not self.headings:
            self.headings = [c.header(self.ctx.lang) for c in self.columns]
        if not self.header_styles:
            self.header_styles = [header_style(c) for c in self.columns]
        if self.count < 0:
            self.count = self.table.count(self.ctx)

    def data(self) -> Iterator[DataRow]:
        """The data rows, rendered."""
        ctx = self.ctx
        columns = self.columns
        render_cells = self.cells or (lambda row, cols: self.table.cells(cols, row, ctx))
        fill = self.fill or (lambda row: "")
        entities = self.source() if self.source is not None else self.table.rows(ctx)
        for entity in entities:
            yield DataRow(render_cells(entity, columns), fill(entity))

    def optional(self) -> list[bool]:
        """For each column, whether it is optional (no Art. 30 point): only those may be hidden."""
        return [c.art30 is None for c in self.columns]


def header_style(column: Column[Any]) -> str:
    """The header style by obligation: required by Art. 30, required where applicable, recommended."""
    if column.art30 and column.required:
        return "ropa header required"
    if column.art30:
        return "ropa header conditional"
    return "ropa header"


@dataclass
class SheetPlan:
    """One visible sheet: its title, blocks and print set-up.

    Attributes:
        title: the sheet name (at most 31 characters).
        blocks: lines and tables, top to bottom.
        widths: fixed column widths (characters); table columns are sized from their content.
        landscape: print across the page.
        freeze: the top-left cell of the scrolling area (``C3``).
        print_title_rows: rows repeated on every printed page (``2:2``).
        title_columns: columns repeated on every printed page when the sheet is printed several pages wide.
        compare: the importer compares the sheet with the embedded register.
        closed: a row below the plan's last row is a difference (a row added to a table); ``False`` for a
            sheet whose end varies with what is not compared (the summary's findings).
    """

    title: str
    blocks: list[Line | TableBlock]
    widths: list[float] = field(default_factory=list)
    landscape: bool = True
    freeze: str | None = None
    print_title_rows: str | None = None
    title_columns: int = 0
    compare: bool = True
    closed: bool = True

    def tables(self) -> list[TableBlock]:
        """The table blocks."""
        return [b for b in self.blocks if isinstance(b, TableBlock)]


def rows(plan: SheetPlan) -> Iterator[tuple[TableBlock | None, PlannedRow]]:
    """Every row of ``plan`` in order, with the table block it belongs to (``None`` for plain lines)."""
    for block in plan.blocks:
        if isinstance(block, Line):
            yield None, block
            continue
        for line in block.before:
            yield None, line
        header = [(text, style) for text, style in zip(block.headings, block.header_styles, strict=True)]
        yield block, Line(header)
        for row in block.data():
            yield block, row


def visible_cells(plan: SheetPlan) -> Iterator[tuple[int, list[Cell] | None]]:
    """The rows of ``plan`` as the importer compares them: (row number, cells) for a compared row,
    (row number, ``None``) for a row that is written but not compared."""
    for number, (_, row) in enumerate(rows(plan), start=1):
        if isinstance(row, DataRow):
            yield number, row.values
        elif row.compare:
            yield number, [cell[0] if cell is not None else None for cell in row.cells]
        else:
            yield number, None
