"""A small OpenDocument spreadsheet writer for tests and the import corpus (text cells, line breaks,
merged cells, hidden sheets, repeated cells). It writes only what the tests need, by hand, so that the
bytes of hostile files (repeats, DTDs) are exactly the ones under test."""

from __future__ import annotations

import zipfile
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from xml.sax.saxutils import escape, quoteattr

__all__ = ["OdsSheet", "write_ods"]

_NS = (
    'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
    'xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" '
    'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
    'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
    'xmlns:dc="http://purl.org/dc/elements/1.1/"'
)
MIMETYPE = "application/vnd.oasis.opendocument.spreadsheet"
MANIFEST = (
    '<?xml version="1.0" encoding="UTF-8"?>\n'
    '<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" '
    'manifest:version="1.2"><manifest:file-entry manifest:full-path="/" '
    f'manifest:media-type="{MIMETYPE}"/><manifest:file-entry manifest:full-path="content.xml" '
    'manifest:media-type="text/xml"/></manifest:manifest>'
)


@dataclass
class OdsSheet:
    """A sheet: rows of cells (``None`` is empty; a ``str`` with ``\\n`` becomes several paragraphs)."""

    name: str
    rows: Sequence[Sequence[str | float | None]] = ()
    hidden: bool = False
    merged: dict[tuple[int, int], tuple[int, int]] = field(default_factory=dict)
    """(row, column) 0-based → (rows spanned, columns spanned)."""


def _cell(value: str | float | None, span: tuple[int, int] | None) -> str:
    attrs = ""
    if span is not None:
        attrs = f' table:number-rows-spanned="{span[0]}" table:number-columns-spanned="{span[1]}"'
    if value is None:
        return f"<table:table-cell{attrs}/>"
    if isinstance(value, float | int):
        return (
            f'<table:table-cell office:value-type="float" office:value="{value}"{attrs}>'
            f"<text:p>{value}</text:p></table:table-cell>"
        )
    paragraphs = "".join(f"<text:p>{escape(line)}</text:p>" for line in value.split("\n"))
    return f'<table:table-cell office:value-type="string"{attrs}>{paragraphs}</table:table-cell>'


def content_xml(sheets: Sequence[OdsSheet]) -> str:
    """The content.xml of ``sheets``."""
    body: list[str] = []
    for sheet in sheets:
        style = ' table:style-name="hidden"' if sheet.hidden else ""
        body.append(f"<table:table table:name={quoteattr(sheet.name)}{style}>")
        for r, row in enumerate(sheet.rows):
            cells = "".join(_cell(value, sheet.merged.get((r, c))) for c, value in enumerate(row))
            body.append(f"<table:table-row>{cells or '<table:table-cell/>'}</table:table-row>")
        body.append("</table:table>")
    return (
        f'<?xml version="1.0" encoding="UTF-8"?>\n<office:document-content {_NS} office:version="1.2">'
        '<office:automatic-styles><style:style style:name="hidden" style:family="table">'
        '<style:table-properties table:display="false"/></style:style></office:automatic-styles>'
        f"<office:body><office:spreadsheet>{''.join(body)}</office:spreadsheet></office:body>"
        "</office:document-content>"
    )


def write_ods(path: Path, sheets: Sequence[OdsSheet], *, content: str | None = None) -> Path:
    """Write an .ods file of ``sheets`` (or of the given ``content`` XML, verbatim)."""
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("mimetype", MIMETYPE, compress_type=zipfile.ZIP_STORED)
        archive.writestr("content.xml", content or content_xml(sheets), compress_type=zipfile.ZIP_DEFLATED)
        archive.writestr("META-INF/manifest.xml", MANIFEST, compress_type=zipfile.ZIP_DEFLATED)
    return path
