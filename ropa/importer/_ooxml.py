"""The parts of an .xlsx archive that ropa reads itself, within the limits of :mod:`ropa.importer._limits`.

- :func:`read_shared_strings` streams ``xl/sharedStrings.xml`` with expat: each string is charged to the
  budget as it grows, so a 30 MB string or a gigabyte of small ones is refused after a few megabytes,
  and no element tree is kept.
- :class:`GuardedArchive` is the zip archive openpyxl reads from: a part parsed whole (``read``) may have
  at most :attr:`~ropa.importer._limits.TextLimits.max_part_bytes`; a part parsed as a stream (``open``:
  the worksheets) may hold at most :attr:`~ropa.importer._limits.TextLimits.max_row_bytes` of XML in one
  row or between two rows, and :attr:`~ropa.importer._limits.TextLimits.max_cells_per_row` cells in a
  row, which is what openpyxl's parser holds at once.
- :func:`unescape` decodes the ``_xHHHH_`` escapes of OOXML strings (ECMA-376 Part 1, §22.9.2.19
  ``ST_Xstring``); :func:`escape` is its inverse (both from :mod:`ropa.export.cells`, which the workbook
  exporter uses).
"""

from __future__ import annotations

import io
import re
import zipfile
from typing import IO, Any
from xml.parsers import expat

from ropa.export.cells import ooxml_escape, ooxml_unescape
from ropa.importer._limits import LimitExceeded, TextBudget, TextLimits

__all__ = ["GuardedArchive", "escape", "read_shared_strings", "unescape"]

_CHUNK = 64 * 1024

escape = ooxml_escape
"""Protect literal ``_xHHHH_`` text (:func:`ropa.export.cells.ooxml_escape`)."""
unescape = ooxml_unescape
"""Decode ``_xHHHH_`` escapes (:func:`ropa.export.cells.ooxml_unescape`)."""


def _local(name: str) -> str:
    return name.rpartition(" ")[2]


def _refuse_dtd(*args: object) -> None:
    raise LimitExceeded(
        "the workbook's shared strings declare a DTD or entities",
        "Workbooks never need DTDs; this file may be an attack. Re-save it from Excel.",
    )


def read_shared_strings(stream: IO[bytes], budget: TextBudget) -> list[str]:
    """The shared strings of a workbook, as written (escapes are decoded with the cell, by the caller).

    A string is the text of its ``<t>`` elements, plain or in rich-text runs (``<r>``); phonetic
    readings (``<rPh>``) are left out, as Excel shows them.

    Raises:
        LimitExceeded: a string, the number of strings or their characters exceed the budget.
        expat.ExpatError: the part is not well-formed XML.
    """
    strings: list[str] = []
    pieces: list[str] = []
    length = 0
    depth_si = depth_rph = depth_t = 0

    def start(name: str, attrs: Any) -> None:
        nonlocal depth_si, depth_rph, depth_t, length
        local = _local(name)
        if local == "si":
            depth_si += 1
            pieces.clear()
            length = 0
            budget.string(0, index=len(strings))
        elif local == "rPh":
            depth_rph += 1
        elif local == "t":
            depth_t += 1

    def end(name: str) -> None:
        nonlocal depth_si, depth_rph, depth_t
        local = _local(name)
        if local == "si":
            depth_si -= 1
            strings.append("".join(pieces))
            pieces.clear()
        elif local == "rPh":
            depth_rph -= 1
        elif local == "t":
            depth_t -= 1

    def text(data: str) -> None:
        nonlocal length
        if depth_si and depth_t and not depth_rph:
            pieces.append(data)
            length += len(data)
            budget.string(length, index=len(strings))

    parser = expat.ParserCreate(namespace_separator=" ")
    parser.buffer_text = True
    parser.SetParamEntityParsing(expat.XML_PARAM_ENTITY_PARSING_NEVER)
    parser.StartDoctypeDeclHandler = _refuse_dtd
    parser.EntityDeclHandler = _refuse_dtd
    parser.StartElementHandler = start
    parser.EndElementHandler = end
    parser.CharacterDataHandler = text
    while True:
        chunk = stream.read(_CHUNK)
        if not chunk:
            break
        parser.Parse(chunk, False)
    parser.Parse(b"", True)
    return strings


_ROW_RE = re.compile(rb"<(?:[A-Za-z_][\w.-]*:)?row[\s/>]|</(?:[A-Za-z_][\w.-]*:)?row\s*>")
_CELL_RE = re.compile(rb"<(?:[A-Za-z_][\w.-]*:)?c[\s/>]")
_CDATA = b"<![CDATA["
_TAIL = 64
"""Bytes of the previous chunk kept, so that a tag split between two reads is still seen."""


class _RowGuard(io.RawIOBase):
    """A part read as a stream, refused (:class:`LimitExceeded`) when a row holds too much XML or too many
    cells. CDATA sections are refused: they could hide row tags from the count."""

    def __init__(self, raw: IO[bytes], name: str, limits: TextLimits) -> None:
        super().__init__()
        self._raw = raw
        self._name = name
        self._limits = limits
        self._tail = b""
        self._offset = 0
        self._boundary = 0
        self._rows = 0
        self._cells = 0

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: Any) -> int:
        view = memoryview(buffer).cast("B")
        data = self._raw.read(min(len(view), _CHUNK))
        self._scan(data)
        view[: len(data)] = data
        return len(data)

    def _scan(self, data: bytes) -> None:
        window = self._tail + data
        base = self._offset - len(self._tail)  # the position of window[0] in the part
        if _CDATA in window:
            raise LimitExceeded(
                f"the workbook part '{self._name}' holds a CDATA section",
                "Spreadsheet applications never write CDATA in a worksheet; re-save the file from Excel.",
            )
        fresh = len(self._tail)  # tags that end in the tail were seen with the previous chunk
        events = [(m.start(), True, m.group()) for m in _ROW_RE.finditer(window) if m.end() > fresh]
        events += [(m.start(), False, b"") for m in _CELL_RE.finditer(window) if m.end() > fresh]
        for position, is_row, tag in sorted(events):
            if is_row:
                self._check(base + position)
                self._boundary = base + position
                self._cells = 0
                self._rows += not tag.startswith(b"</")
            else:
                self._cells += 1
        self._offset += len(data)
        self._check(self._offset)
        self._tail = window[-_TAIL:]

    def _check(self, position: int) -> None:
        limits = self._limits
        row = max(self._rows, 1)
        if position - self._boundary > limits.max_row_bytes:
            raise LimitExceeded(
                f"row {row:,} of the workbook part '{self._name}' holds more than "
                f"{limits.max_row_bytes:,} bytes of XML; larger rows are refused",
                row=row,
            )
        if self._cells > limits.max_cells_per_row:
            raise LimitExceeded(
                f"row {row:,} of the workbook part '{self._name}' has more than "
                f"{limits.max_cells_per_row:,} cells; more are refused",
                row=row,
            )

    def close(self) -> None:
        self._raw.close()
        super().close()


class GuardedArchive(zipfile.ZipFile):
    """The zip archive of a workbook as openpyxl reads it, within :class:`TextLimits` (module docstring)."""

    def __init__(self, data: bytes, limits: TextLimits) -> None:
        super().__init__(io.BytesIO(data))
        self.limits = limits

    def open(
        self, name: str | zipfile.ZipInfo, mode: str = "r", pwd: bytes | None = None, **kwargs: Any
    ) -> IO[bytes]:
        raw = self.open_unguarded(name, pwd)
        label = name.filename if isinstance(name, zipfile.ZipInfo) else name
        return io.BufferedReader(_RowGuard(raw, label, self.limits), _CHUNK)

    def open_unguarded(self, name: str | zipfile.ZipInfo, pwd: bytes | None = None) -> IO[bytes]:
        """A part as a plain stream (for readers that bound what they read themselves)."""
        return zipfile.ZipFile.open(self, name, "r", pwd)

    def read(self, name: str | zipfile.ZipInfo, pwd: bytes | None = None) -> bytes:
        info = name if isinstance(name, zipfile.ZipInfo) else self.getinfo(name)
        if info.file_size > self.limits.max_part_bytes:
            raise LimitExceeded(
                f"the workbook part '{info.filename}' has {info.file_size:,} bytes; parts read whole may "
                f"have at most {self.limits.max_part_bytes:,}",
            )
        with self.open_unguarded(info, pwd) as handle:
            return handle.read()


def read_shared_strings_part(archive: GuardedArchive, name: str, budget: TextBudget) -> list[str]:
    """:func:`read_shared_strings` of the part ``name`` of ``archive``."""
    with archive.open_unguarded(name) as stream:
        return read_shared_strings(stream, budget)
