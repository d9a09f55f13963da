"""Small workbooks that expand to a great deal of text once read (issue 14.3), written part by part.

Each stays inside the archive limits (50 MB file, 1 GB unpacked, compression ratio 500 for parts of
32 MB or more), so only the limits on materialised text can refuse it. ``python -m
tests.adversarial.measure_bombs`` measures them at full size; the tests use them as they are.
"""

from __future__ import annotations

import zipfile
from collections.abc import Iterable
from pathlib import Path

MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_PKG = "http://schemas.openxmlformats.org/package/2006/relationships"

CONTENT_TYPES = (
    '<?xml version="1.0" encoding="UTF-8"?>'
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/xl/workbook.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
    '<Override PartName="/xl/worksheets/sheet1.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
    '<Override PartName="/xl/sharedStrings.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>'
    "</Types>"
)
ROOT_RELS = (
    f'<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="{_PKG}">'
    f'<Relationship Id="rId1" Type="{_REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>'
)
WORKBOOK = (
    f'<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="{MAIN}" xmlns:r="{_REL}">'
    '<sheets><sheet name="Register" sheetId="1" r:id="rId1"/></sheets></workbook>'
)
WORKBOOK_RELS = (
    f'<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="{_PKG}">'
    f'<Relationship Id="rId1" Type="{_REL}/worksheet" Target="worksheets/sheet1.xml"/>'
    f'<Relationship Id="rId2" Type="{_REL}/sharedStrings" Target="sharedStrings.xml"/></Relationships>'
)
HEADER = (
    '<row r="1"><c r="A1" t="inlineStr"><is><t>Name</t></is></c>'
    '<c r="B1" t="inlineStr"><is><t>Purpose</t></is></c></row>'
)


def _sheet(rows: Iterable[str]) -> Iterable[bytes]:
    yield f'<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="{MAIN}"><sheetData>'.encode()
    for row in rows:
        yield row.encode("utf-8")
    yield b"</sheetData></worksheet>"


def _strings(items: Iterable[str], count: int) -> Iterable[bytes]:
    head = f'<sst xmlns="{MAIN}" count="{count}" uniqueCount="{count}">'
    yield f'<?xml version="1.0" encoding="UTF-8"?>{head}'.encode()
    for item in items:
        yield item.encode("utf-8")
    yield b"</sst>"


def write_book(path: Path, sheet: Iterable[bytes], strings: Iterable[bytes]) -> Path:
    """A workbook of one sheet ``Register`` from streamed parts (written without holding them)."""
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=6) as archive:
        archive.writestr("[Content_Types].xml", CONTENT_TYPES)
        archive.writestr("_rels/.rels", ROOT_RELS)
        archive.writestr("xl/workbook.xml", WORKBOOK)
        archive.writestr("xl/_rels/workbook.xml.rels", WORKBOOK_RELS)
        for name, parts in (("xl/worksheets/sheet1.xml", sheet), ("xl/sharedStrings.xml", strings)):
            with archive.open(name, "w", force_zip64=True) as entry:
                buffer: list[bytes] = []
                size = 0
                for part in parts:
                    buffer.append(part)
                    size += len(part)
                    if size >= 1 << 20:
                        entry.write(b"".join(buffer))
                        buffer, size = [], 0
                entry.write(b"".join(buffer))
    return path


def one_string_many_cells(path: Path, *, megabytes: int = 30, cells: int = 40) -> Path:
    """Every data cell names the same shared string of ``megabytes`` MB (the attack: 30 MB, 40 cells)."""
    size = megabytes * 1024 * 1024

    def strings() -> Iterable[str]:
        yield "<si><t>"
        block = "A" * (1 << 20)
        for _ in range(size // len(block)):
            yield block
        yield "</t></si>"

    def rows() -> Iterable[str]:
        yield HEADER
        for index in range(cells):
            row = index + 2
            yield f'<row r="{row}"><c r="A{row}" t="s"><v>0</v></c><c r="B{row}" t="s"><v>0</v></c></row>'

    return write_book(path, _sheet(rows()), _strings(strings(), 1))


def one_huge_row(path: Path, *, megabytes: int = 100) -> Path:
    """Row 2 holds ``megabytes`` MB of XML: many cells with numbers (the attack: 100 MB in a 206 KB file)."""
    size = megabytes * 1024 * 1024

    def rows() -> Iterable[str]:
        yield HEADER
        yield '<row r="2">'
        cell = '<c t="n"><v>1</v></c>'
        block = cell * (65536 // len(cell))
        for _ in range(size // len(block)):
            yield block
        yield "</row>"

    return write_book(path, _sheet(rows()), _strings(iter(()), 0))


def many_shared_strings(path: Path, *, megabytes: int = 1000) -> Path:
    """A shared-string table of ``megabytes`` MB of short strings (the attack: 1 GB in 2.5 MB); they repeat
    every 1,000, which compresses about 130 times (a gigabyte in 8 MB)."""
    size = megabytes * 1024 * 1024
    block = "".join(f"<si><t>Activity {i}</t></si>" for i in range(1000))

    def strings() -> Iterable[str]:
        for _ in range(size // len(block)):
            yield block

    def rows() -> Iterable[str]:
        yield HEADER
        yield '<row r="2"><c r="A2" t="s"><v>0</v></c><c r="B2" t="s"><v>1</v></c></row>'

    return write_book(path, _sheet(rows()), _strings(strings(), size // 36))
