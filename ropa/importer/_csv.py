"""Reading CSV files: encoding (UTF-8 with or without BOM, UTF-16, else Windows-1252) and delimiter."""

from __future__ import annotations

import csv
import io
from collections import Counter

from ropa.diagnostics import Severity
from ropa.importer._report import Reporter, cell_ref, column_letter
from ropa.importer._tables import Limits, SheetTable, cell_text

__all__ = ["decode_text", "read_csv", "sniff_delimiter"]

DELIMITERS = (",", ";", "\t", "|")
_SAMPLE_CHARS = 64 * 1024
_SAMPLE_ROWS = 50
_SHOWN_LINES = 10
"""Line numbers named in the warning about lines read as Windows-1252."""
_SHOWN_CELLS = 10
"""Cells named in the diagnostic about values beyond the column limit; the rest are counted."""


def decode_text(data: bytes, rep: Reporter) -> str | None:
    """UTF-8 (BOM optional) or UTF-16 with a BOM. Lines that are not UTF-8 are read as Windows-1252, each on
    its own (a file edited with two programs mixes both), with one warning that names them."""
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    elif data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError as exc:
            rep.add(
                "IMP-002",
                Severity.ERROR,
                f"the file starts like UTF-16 text but is not ({exc.reason})",
                "Save the file as CSV UTF-8.",
            )
            return None
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    texts: list[str] = []
    fallback: list[tuple[int, int]] = []  # (line, first byte that is not UTF-8)
    utf8_lines = 0  # lines with non-ASCII text that is valid UTF-8
    for number, line in enumerate(data.split(b"\n"), start=1):
        try:
            texts.append(line.decode("utf-8"))
            utf8_lines += not line.isascii()
        except UnicodeDecodeError as exc:
            fallback.append((number, line[exc.start]))
            texts.append(line.decode("cp1252", errors="replace"))
    text = "\n".join(texts)
    first, byte = fallback[0]
    shown = ", ".join(str(number) for number, _ in fallback[:_SHOWN_LINES])
    more = f" and {len(fallback) - _SHOWN_LINES:,} more" if len(fallback) > _SHOWN_LINES else ""
    whole = utf8_lines == 0
    rep.add(
        "IMP-018",
        Severity.WARNING,
        (
            f"the file is not UTF-8 (byte 0x{byte:02x} on line {first}); it was read as Windows-1252"
            if whole
            else f"{len(fallback):,} line(s) are not UTF-8 (the first bad byte is 0x{byte:02x} on line "
            f"{first}); those lines were read as Windows-1252, the others as UTF-8: lines {shown}{more}"
        ),
        "Check accented letters in the result, or save the file as 'CSV UTF-8' and import it again.",
        row=first,
    )
    return text


def sniff_delimiter(text: str) -> str:
    """The delimiter among ``,`` ``;`` tab ``|`` that splits the first rows most consistently."""
    sample = text[:_SAMPLE_CHARS]
    cut = sample.rfind("\n")
    if cut > 0 and len(text) > _SAMPLE_CHARS:
        sample = sample[:cut]
    best = (",", (0, 0))
    for delimiter in DELIMITERS:
        counts: Counter[int] = Counter()
        try:
            for index, row in enumerate(csv.reader(io.StringIO(sample, newline=""), delimiter=delimiter)):
                if index >= _SAMPLE_ROWS:
                    break
                if len(row) > 1:
                    counts[len(row)] += 1
        except csv.Error:
            continue
        if not counts:
            continue
        width, rows = max(counts.items(), key=lambda item: (item[1], item[0]))
        score = (rows, width)
        if score > best[1]:
            best = (delimiter, score)
    return best[0]


def read_csv(data: bytes, limits: Limits, rep: Reporter) -> SheetTable | None:
    """The rows of a CSV file as text cells; ``None`` (with a diagnostic) when it is not CSV text."""
    text = decode_text(data, rep)
    if text is None:
        return None
    if "\x00" in text:
        rep.add(
            "IMP-002",
            Severity.ERROR,
            "the file contains NUL characters; it is not a CSV text file",
            "Import an .xlsx workbook or a CSV file saved as text.",
        )
        return None
    delimiter = sniff_delimiter(text)
    name = {"\t": "tab"}.get(delimiter, f"'{delimiter}'")
    rep.add("IMP-017", Severity.INFO, f"CSV delimiter: {name}")
    table = SheetTable(None)
    beyond: list[tuple[int, int]] = []
    beyond_count = 0
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    row_index = 0
    try:
        for row_index, row in enumerate(reader, start=1):
            if row_index > limits.max_rows:
                if any(cell.strip() for cell in row) or any(any(c.strip() for c in r) for r in reader):
                    rep.add(
                        "IMP-010",
                        Severity.ERROR,
                        f"the file has more than {limits.max_rows:,} rows; rows after "
                        f"{limits.max_rows:,} were not read",
                        "Split the register over several files.",
                        row=limits.max_rows + 1,
                    )
                break
            if len(row) > limits.max_columns:
                for column, cell in enumerate(row[limits.max_columns :], start=limits.max_columns + 1):
                    if cell.strip():
                        beyond_count += 1
                        if len(beyond) < _SHOWN_CELLS:
                            beyond.append((row_index, column))
                row = row[: limits.max_columns]
            cells = [cell_text(cell) for cell in row]
            while cells and cells[-1] is None:
                cells.pop()
            table.rows.append(cells)
    except csv.Error as exc:
        rep.add(
            "IMP-010",
            Severity.ERROR,
            f"CSV error after row {row_index}: {exc}; the rest of the file was not read",
            "Check the quotes around that row.",
            row=row_index + 1,
        )
    if beyond:
        refs = ", ".join(cell_ref(r, c) for r, c in beyond)
        more = f" and {beyond_count - len(beyond):,} more" if beyond_count > len(beyond) else ""
        rep.add(
            "IMP-010",
            Severity.ERROR,
            f"some rows have more than {limits.max_columns} fields; the values after column "
            f"{column_letter(limits.max_columns)} were not read: {refs}{more}",
            "Check the delimiter and the quotes of the file.",
            row=beyond[0][0],
            column=beyond[0][1],
        )
    while table.rows and not any(table.rows[-1]):
        table.rows.pop()
    return table
