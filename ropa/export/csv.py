"""CSV export: one file per table, with the same columns, labels and safety as the workbook.

Files go into one folder and are named after the table keys (stable across languages):
``organisation.csv``, ``activities.csv``, ``parties.csv``, ``recipient-categories.csv``,
``transfers.csv``, ``retention.csv``, ``data-subjects.csv``, ``data-categories.csv``,
``security-measures.csv``, ``processor-record.csv`` (when the register has processor activities),
``findings.csv`` (when a report is given) and ``changes.csv`` (when changes since an earlier version are
given). ``activities.csv`` ends with one column per heading an import kept in ``unmapped``, under that
heading. A table file that a
previous export wrote but this one does not (no processor activities any more, findings left out) is
removed, so the folder always describes one export.

Format: UTF-8 with a byte-order mark (so that Excel detects the encoding), comma-separated, ``\\r\\n``
line ends (RFC 4180). A field is quoted when it contains ``,``, ``;``, a tab, a line break or ``"``, so that
it stays one field when a spreadsheet splits lines at ``;`` or tabs (the default separator in many
locales). Header cells are the labels in the export language; lists are one item per line inside a quoted
field; dates are ISO 8601; booleans and codes are labels. Text that a spreadsheet could read as a formula
(starting with ``=``, ``+``, ``-``, ``@``, tab or CR, also after a ``;``, ``,``, tab or line break inside the
text) gets an apostrophe (:func:`ropa.export.cells.csv_escape`). Each file is written atomically; the
folder as a whole is not. A table file this export does not write is removed only when it is one ropa
wrote (its first line is the table's header row in one of the export languages).
"""

from __future__ import annotations

import contextlib
import io
import re
import stat
from pathlib import Path
from typing import TYPE_CHECKING, Any, BinaryIO

from ropa.diagnostics import Report
from ropa.export import cells
from ropa.export.cells import Notes
from ropa.export.columns import TABLES, Context, Table, render_text
from ropa.export.write import write_atomic_with
from ropa.i18n import LANGS, Lang, translate_report
from ropa.models import Register

if TYPE_CHECKING:
    from ropa.changes import Diff

__all__ = ["write_csv"]


def write_csv(
    register: Register,
    folder: Path,
    *,
    lang: Lang = "en",
    report: Report | None = None,
    changes: Diff | None = None,
) -> list[Path]:
    """Write one CSV file per table into ``folder`` (created if needed); ``changes.csv`` when ``changes``
    (a :func:`ropa.diff` against an earlier version) is given.

    Returns:
        The files written, in table order.

    Raises:
        ExportError: a file could not be written.
        ValueError: ``lang`` is not supported.

    Warns:
        ExportWarning: control characters that spreadsheets cannot hold were removed.
    """
    if lang not in LANGS:
        raise ValueError(f"unsupported language {lang!r}; use one of {', '.join(LANGS)}")
    if report is not None:  # the findings in the language of the headers
        report = translate_report(report, lang)
    ctx = Context(lang, register, report, changes)
    notes = Notes()
    written: list[Path] = []
    for table in TABLES:
        path = folder / table.file_name
        if not table.present(ctx):
            if _written_by_ropa(path, table):
                with contextlib.suppress(FileNotFoundError):
                    path.unlink()
            continue
        write_atomic_with(path, _writer(table, ctx, notes))
        written.append(path)
    notes.emit(stacklevel=3)
    return written


def _written_by_ropa(path: Path, table: Table[Any]) -> bool:
    """True when ``path`` is a regular file whose first line is ``table``'s header row in some language."""
    try:
        if not stat.S_ISREG(path.lstat().st_mode):
            return False
        with path.open("rb") as handle:
            first = handle.readline(64 * 1024)
    except OSError:
        return False
    return any(first == _line([c.label(lang) for c in table.columns]).encode("utf-8-sig") for lang in LANGS)


_QUOTE = re.compile(r'[,;\t\r\n"]')


def _line(fields: list[str]) -> str:
    """One CSV record: a field with ``,``, ``;``, a tab, a line break or ``"`` is quoted (RFC 4180)."""
    return (
        ",".join('"' + field.replace('"', '""') + '"' if _QUOTE.search(field) else field for field in fields)
        + "\r\n"
    )


def _writer(table: Table[Any], ctx: Context, notes: Notes) -> Any:
    def write(handle: BinaryIO) -> None:
        text = io.TextIOWrapper(handle, encoding="utf-8-sig", newline="", write_through=True)
        try:
            columns = table.columns_for(ctx)
            text.write(_line([column.label(ctx.lang) for column in columns]))
            for number, row in enumerate(table.rows(ctx), start=2):
                values = [render_text(value, ctx.lang) for value in table.cells(columns, row, ctx)]
                text.write(_line([_field(value, table, number, i, notes) for i, value in enumerate(values)]))
            text.flush()
        finally:
            text.detach()  # the caller flushes, syncs and closes the file

    return write


def _field(value: str, table: Table[Any], row: int, index: int, notes: Notes) -> str:
    clean, removed = cells.strip_illegal(value)
    if removed:
        notes.illegal(table.file_name, f"row {row}, column {index + 1}", removed)
    return cells.csv_escape(clean)
