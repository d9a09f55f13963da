"""What the readers hand to the builder: sheets of text cells, and the safety limits."""

from __future__ import annotations

import datetime as dt
import math
from dataclasses import dataclass, field

from ropa.importer._limits import TextLimits

__all__ = ["Limits", "SheetTable", "cell_text"]


@dataclass(frozen=True)
class Limits(TextLimits):
    """Safety limits for untrusted spreadsheets; anything beyond them is refused or not read (and reported).

    The limits on text held in memory (characters per cell and in all, shared strings, XML per row and
    per part) come from :class:`~ropa.importer._limits.TextLimits`.

    Attributes:
        max_file_bytes: largest input file read at all.
        max_uncompressed_bytes: largest total size of the entries of an .xlsx (zip) archive.
        max_ratio: largest compression ratio of a large entry (``large_entry_bytes`` or more).
        large_entry_bytes: entries from this size on must respect ``max_ratio``.
        max_entries: most entries in an .xlsx archive.
        max_rows: rows read per sheet; rows after it are not read.
        max_columns: columns read per sheet; columns after it are not read.
        header_scan_rows: rows searched for the header row.
    """

    max_file_bytes: int = 50 * 1024 * 1024
    # ropa's own export of 100,000 activities unpacks to about 500 MB, and long repetitive texts compress
    # several hundred times: the bounds leave room for both and still refuse a bomb (DEFLATE tops out near
    # 1,000:1, so a gigabyte needs a ratio near the limit on a large entry, or a file over the total).
    max_uncompressed_bytes: int = 1024 * 1024 * 1024
    max_ratio: float = 500.0
    large_entry_bytes: int = 32 * 1024 * 1024
    max_entries: int = 10_000
    max_rows: int = 50_000
    max_columns: int = 200
    header_scan_rows: int = 50


@dataclass
class SheetTable:
    """One sheet (or a CSV file) as text: ``rows[0]`` is spreadsheet row 1, ``None`` is an empty cell."""

    name: str | None
    rows: list[list[str | None]] = field(default_factory=list)


def cell_text(value: object) -> str | None:
    """The text of a cell value: numbers without a spurious ``.0``, dates as ISO 8601, text stripped."""
    if value is None:
        return None
    if isinstance(value, str):
        text = value.replace("\r\n", "\n").replace("\r", "\n").strip()
        return text or None
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        if math.isfinite(value) and value.is_integer() and abs(value) < 1e15:
            return str(int(value))
        return repr(value)
    if isinstance(value, dt.datetime):
        if value.time() == dt.time(0, 0):
            return value.date().isoformat()
        return value.isoformat(sep=" ", timespec="minutes")
    if isinstance(value, dt.date | dt.time):
        return value.isoformat()
    text = str(value).strip()
    return text or None
