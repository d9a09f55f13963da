"""How much text an untrusted spreadsheet may make ropa hold: the materialisation limits of every reader.

A small workbook can name one long text many times (every cell points at the same shared string, or a
row is repeated a million times in OpenDocument), so the size of the file says little about the memory
its cells take once read. Readers therefore count what they materialise, through one
:class:`TextBudget` per file:

- :meth:`TextBudget.string` for each text a reader keeps in a table of its own (xlsx shared strings):
  at most :attr:`TextLimits.max_cell_chars` characters each, :attr:`TextLimits.max_shared_strings`
  texts and :attr:`TextLimits.max_shared_chars` characters in all;
- :meth:`TextBudget.cell` for each cell value handed to the importer (``repeat`` times when a reader
  expands a repeated cell or row): at most :attr:`TextLimits.max_cell_chars` characters each and
  :attr:`TextLimits.max_cell_total_chars` in all.

Beyond a limit the budget raises :class:`LimitExceeded`; readers let it propagate, and the importer
reports it as ``IMP-003`` (the file is refused, nothing is imported). The XML that a parser must hold at
once (one row, one part parsed whole) is bounded by :attr:`TextLimits.max_row_bytes` and
:attr:`TextLimits.max_part_bytes`, which the readers enforce on the raw bytes.

Characters are counted as Python does (``len``); text outside Latin-1 takes two or four bytes a
character in memory, so the byte cost of a limit is at most four times its figure.
"""

from __future__ import annotations

from dataclasses import dataclass

__all__ = ["LimitExceeded", "TextBudget", "TextLimits"]

MIB = 1024 * 1024


@dataclass(frozen=True)
class TextLimits:
    """Limits on the text an untrusted spreadsheet may make ropa hold (see the module docstring).

    Attributes:
        max_cell_chars: characters in one cell or shared string (Excel holds 32,767, Google Sheets
            50,000; ropa's free-text fields accept 100,000).
        max_shared_strings: entries of a workbook's shared-string table.
        max_shared_chars: characters of the shared-string table, in all.
        max_cell_total_chars: characters of all the cells read from one file, each cell counted every
            time it is read (a shared string named by 1,000 cells counts 1,000 times).
        max_row_bytes: bytes of XML in one worksheet row (and between two rows), which the XML parser
            holds at once.
        max_cells_per_row: cells in one worksheet row (Excel has 16,384 columns).
        max_part_bytes: bytes of an XML part parsed whole (styles, workbook, relationships, properties).
    """

    max_cell_chars: int = 100_000
    max_shared_strings: int = 1_000_000
    max_shared_chars: int = 100_000_000
    max_cell_total_chars: int = 100_000_000
    max_row_bytes: int = 16 * MIB
    max_cells_per_row: int = 16_384
    max_part_bytes: int = 32 * MIB


class LimitExceeded(Exception):
    """A reader met more than :class:`TextLimits` allows; reported as ``IMP-003``, the file refused.

    Not a :class:`ValueError`: parsers that wrap value errors (openpyxl does) let it through unchanged.

    Attributes:
        message: what was too large, in words, with the limit.
        hint: what the user can do.
        sheet, row, column: where, when known (1-based).
    """

    def __init__(
        self,
        message: str,
        hint: str = "Real registers are far smaller; the file may be built to exhaust memory.",
        *,
        sheet: str | None = None,
        row: int | None = None,
        column: int | None = None,
    ) -> None:
        super().__init__(message)
        self.message = message
        self.hint = hint
        self.sheet = sheet
        self.row = row
        self.column = column


class TextBudget:
    """Counts the text one file makes ropa hold; raises :class:`LimitExceeded` beyond :class:`TextLimits`.

    One budget per imported file; every reader of that file charges the same budget.
    """

    def __init__(self, limits: TextLimits) -> None:
        self.limits = limits
        self.shared_strings = 0
        self.shared_chars = 0
        self.cell_chars = 0
        self._length = 0
        """Length charged so far for the current shared string."""

    def string(self, length: int, *, index: int) -> None:
        """Charge one shared string of ``length`` characters (``index`` is 0-based, for the message).

        Call it as the string grows (with its length so far) to stop before a long one is complete:
        only the growth since the previous call for the same ``index`` is added to the total.
        """
        limits = self.limits
        if length > limits.max_cell_chars:
            raise LimitExceeded(
                f"shared string {index + 1:,} of the workbook has more than {limits.max_cell_chars:,} "
                "characters; longer cells are refused",
            )
        if index >= self.shared_strings:
            self.shared_strings = index + 1
            if self.shared_strings > limits.max_shared_strings:
                raise LimitExceeded(
                    f"the workbook has more than {limits.max_shared_strings:,} shared strings; more are "
                    "refused"
                )
            self._length = 0
        self.shared_chars += length - self._length
        self._length = length
        if self.shared_chars > limits.max_shared_chars:
            raise LimitExceeded(
                f"the shared strings of the workbook hold more than {limits.max_shared_chars:,} characters; "
                "more are refused"
            )

    def cell(
        self,
        length: int,
        *,
        sheet: str | None = None,
        row: int | None = None,
        column: int | None = None,
        repeat: int = 1,
    ) -> None:
        """Charge a cell value of ``length`` characters, read ``repeat`` times (repeated cells or rows)."""
        limits = self.limits
        if length > limits.max_cell_chars:
            raise LimitExceeded(
                f"the cell has {length:,} characters; more than {limits.max_cell_chars:,} are refused",
                "Shorten the text (Excel itself holds at most 32,767 characters in a cell).",
                sheet=sheet,
                row=row,
                column=column,
            )
        self.cell_chars += length * repeat
        if self.cell_chars > limits.max_cell_total_chars:
            raise LimitExceeded(
                f"the cells read so far hold more than {limits.max_cell_total_chars:,} characters; more are "
                "refused",
                "Split the register, or check the file: a few cells may repeat one long text many times.",
                sheet=sheet,
                row=row,
                column=column,
            )
