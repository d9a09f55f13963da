"""Safety of exported cell text, shared by the Excel and CSV exporters.

- **Formula injection.** Register text is user-controlled. A value that starts with ``=``, ``+``, ``-``,
  ``@``, a tab or a carriage return could run as a formula when a spreadsheet opens it. The workbook writes
  every text as a string cell (never a formula) and marks such cells with Excel's *quote prefix*; the CSV
  export puts an apostrophe (``'``) in front of them (:func:`csv_escape`). A CSV file may be opened with
  another separator than the one it was written with (``;`` is the default in Dutch, German and French
  settings), so every piece of a value after ``;``, ``,``, a tab or a line break is protected the same way.
- **Characters a spreadsheet cannot hold.** XML 1.0 forbids most C0 control characters, U+FFFE, U+FFFF
  and lone surrogates; :func:`strip_illegal` removes them and the export warns.
- **Literal escapes.** Spreadsheet XML writes some characters as ``_xHHHH_`` (``_x000D_`` for a carriage
  return), and every reader decodes such text, so a register text that contains ``_x0041_`` would come back
  as ``A`` (and the hidden ``_ropa`` copy would no longer be the register). :func:`ooxml_escape` writes the
  underscore of such text as ``_x005F_``, as ECMA-376 Part 1, §22.9.2.19 (``ST_Xstring``) says;
  :func:`ooxml_unescape` decodes (the importer uses it on every string cell).
- **Limits.** A cell holds at most 32,767 characters and a sheet 1,048,576 rows; longer text is cut with a
  visible marker and a warning (the full text is always in the JSON export and the hidden ``_ropa`` sheet).

Problems are collected by :class:`Notes` and reported once per sheet and kind as :class:`ExportWarning`
through :func:`warnings.warn` after the file has been written: the library never prints.
"""

from __future__ import annotations

import re
import warnings
from dataclasses import dataclass, field

from ropa.errors import ExportWarning

__all__ = [
    "EXCEL_CELL_LIMIT",
    "EXCEL_MAX_ROWS",
    "FORMULA_PREFIXES",
    "ExportWarning",
    "Notes",
    "csv_escape",
    "fits",
    "is_formula_like",
    "ooxml_escape",
    "ooxml_unescape",
    "prefix_fitting",
    "strip_illegal",
    "truncate",
    "utf16_length",
]

EXCEL_CELL_LIMIT = 32_767
"""Characters (UTF-16 code units) in one Excel cell."""
EXCEL_MAX_ROWS = 1_048_576
"""Rows in one Excel worksheet."""
FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")
"""Leading characters that make a spreadsheet treat text as a formula (OWASP CSV injection)."""

_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def strip_illegal(text: str) -> tuple[str, int]:
    """``text`` without the characters XML 1.0 cannot hold, and how many were removed."""
    if _ILLEGAL.search(text) is None:
        return text, 0
    clean, count = _ILLEGAL.subn("", text)
    return clean, count


def is_formula_like(text: str) -> bool:
    """True when a spreadsheet could read ``text`` as a formula."""
    return text.startswith(FORMULA_PREFIXES)


_AFTER_SEPARATOR = re.compile(r"([;,\t\r\n][ \"]*)(?=[=+\-@\t\r])")
"""A formula start after a character that some spreadsheet may take as a field separator or a line end
(spaces and quotes between them are skipped the way a CSV reader skips them)."""


def csv_escape(text: str) -> str:
    """Text that opens as text in a spreadsheet, whatever separator it splits the line at: ``'`` before
    a formula start at the beginning, and after every ``;``, ``,``, tab or line break (``a;=1+1`` becomes
    ``a;'=1+1``)."""
    if is_formula_like(text.lstrip(' "')):
        text = "'" + text
    return _AFTER_SEPARATOR.sub(r"\1'", text)


_OOXML_ESCAPE = re.compile(r"_x([0-9A-Fa-f]{4})_")
_OOXML_LITERAL = re.compile(r"_(?=x[0-9A-Fa-f]{4}_)")


def ooxml_escape(text: str) -> str:
    """``text`` for a spreadsheet string: a literal ``_xHHHH_`` becomes ``_x005F_xHHHH_``."""
    if "_x" not in text:
        return text
    return _OOXML_LITERAL.sub("_x005F_", text)


def ooxml_unescape(text: str) -> str:
    """A spreadsheet string decoded: ``_x000D_`` is a carriage return, ``_x005F_x0041_`` is ``_x0041_``."""
    if "_x" not in text:
        return text
    return _OOXML_ESCAPE.sub(lambda match: chr(int(match.group(1), 16)), text)


def utf16_length(text: str) -> int:
    """The length Excel counts: characters outside the Basic Multilingual Plane count twice."""
    if text.isascii():
        return len(text)
    return len(text.encode("utf-16-le")) // 2


def fits(text: str, limit: int = EXCEL_CELL_LIMIT) -> bool:
    """True when ``text`` fits in a cell of ``limit`` UTF-16 code units."""
    return len(text) * 2 <= limit or utf16_length(text) <= limit


def prefix_fitting(text: str, room: int) -> int:
    """How many characters of ``text``, from the start, fit in ``room`` UTF-16 code units."""
    if room <= 0:
        return 0
    if utf16_length(text[:room]) <= room:
        return min(len(text), room)
    low, high = 0, room  # utf16_length(text[:low]) <= room < utf16_length(text[:high])
    while high - low > 1:
        middle = (low + high) // 2
        if utf16_length(text[:middle]) <= room:
            low = middle
        else:
            high = middle
    return low


def truncate(text: str, marker: str, limit: int = EXCEL_CELL_LIMIT) -> str:
    """``text`` cut so that it plus ``marker`` fits in ``limit`` UTF-16 code units."""
    return text[: prefix_fitting(text, limit - utf16_length(marker))] + marker


@dataclass
class _Tally:
    cells: int = 0
    characters: int = 0
    first: str = ""


@dataclass
class Notes:
    """Problems met while writing, aggregated per sheet (or file) and kind."""

    _illegal: dict[str, _Tally] = field(default_factory=dict)
    _truncated: dict[str, _Tally] = field(default_factory=dict)
    _omitted: dict[str, int] = field(default_factory=dict)

    def illegal(self, where: str, cell: str, removed: int) -> None:
        """``removed`` characters were dropped from ``cell`` of ``where``."""
        tally = self._illegal.setdefault(where, _Tally(first=cell))
        tally.cells += 1
        tally.characters += removed

    def truncated(self, where: str, cell: str) -> None:
        """The text of ``cell`` of ``where`` was cut at the cell limit."""
        tally = self._truncated.setdefault(where, _Tally(first=cell))
        tally.cells += 1

    def omitted(self, where: str, rows: int) -> None:
        """``rows`` rows of ``where`` did not fit in the sheet."""
        self._omitted[where] = self._omitted.get(where, 0) + rows

    def messages(self) -> list[str]:
        """One message per sheet and kind, in the order met."""
        out = [
            f"{where}: removed {t.characters} control character(s) that a spreadsheet cannot hold from "
            f"{t.cells} cell(s), first {t.first}"
            for where, t in self._illegal.items()
        ]
        out += [
            f"{where}: {t.cells} cell(s) longer than {EXCEL_CELL_LIMIT:,} characters were cut, "
            f"first {t.first}; the full text is in the JSON export and the hidden _ropa sheet"
            for where, t in self._truncated.items()
        ]
        out += [
            f"{where}: {rows:,} row(s) beyond the {EXCEL_MAX_ROWS:,}-row limit of a worksheet were left out; "
            "they are in the JSON export and the hidden _ropa sheet"
            for where, rows in self._omitted.items()
        ]
        return out

    def emit(self, stacklevel: int = 3) -> None:
        """Report every message as an :class:`ExportWarning`."""
        for message in self.messages():
            warnings.warn(message, ExportWarning, stacklevel=stacklevel)
