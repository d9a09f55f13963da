"""The import verbs: :func:`import_file`, :func:`import_workbook` and :func:`import_csv`."""

from __future__ import annotations

import os
import stat
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path

from ropa.diagnostics import Diagnostic, Severity
from ropa.errors import RegisterError
from ropa.importer._build import OwnFlags, RegisterBuilder
from ropa.importer._cells import ColumnSummary, Fate
from ropa.importer._report import Reporter
from ropa.importer._tables import Limits, SheetTable
from ropa.importer.mapping import ColumnMapping, load_mapping, mapping_from_data
from ropa.models import Register

__all__ = ["ImportResult", "MappingSource", "import_csv", "import_file", "import_workbook"]

MappingSource = ColumnMapping | str | os.PathLike[str] | Mapping[str, str]
"""A mapping: a :class:`ColumnMapping`, the path of a TOML/YAML mapping file, or ``{heading: field}``."""

_ZIP_MAGIC = (b"PK\x03\x04", b"PK\x05\x06")
_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_WORKBOOK_SUFFIXES = (".xlsx", ".xlsm", ".xltx", ".xltm", ".ods", ".ots")
_HEAD_BYTES = 4096


@dataclass(frozen=True)
class ImportResult:
    """The outcome of an import: the register (always, possibly empty) and the diagnostics.

    Attributes:
        register: what was imported.
        diagnostics: in the order found (file, then sheet by sheet, row by row).
        source: the file name used in the diagnostics.
        imported: False when the file was refused or held nothing to import (the register is empty).
        embedded: True when the lossless register embedded in a ropa workbook was read.
    """

    register: Register
    diagnostics: tuple[Diagnostic, ...]
    source: str
    imported: bool = True
    embedded: bool = False
    columns: tuple[ColumnSummary, ...] = ()
    """Where the cells of each imported column went (foreign registers only); see :func:`summary_lines`."""
    fates: tuple[Fate, ...] = ()
    """What happened to every non-empty cell of a foreign register (kept, read exactly, or skipped)."""

    @property
    def ok(self) -> bool:
        """True when no diagnostic is an error."""
        return not any(d.severity is Severity.ERROR for d in self.diagnostics)

    def raise_for_errors(self) -> ImportResult:
        """Raise :class:`~ropa.errors.RegisterError` when any diagnostic is an error; else return self."""
        errors = [d for d in self.diagnostics if d.severity is Severity.ERROR]
        if errors:
            raise RegisterError(errors)
        return self


def _mapping(mapping: MappingSource | None) -> ColumnMapping | None:
    if mapping is None or isinstance(mapping, ColumnMapping):
        return mapping
    if isinstance(mapping, str | os.PathLike):
        return load_mapping(mapping)
    return mapping_from_data(dict(mapping), "<mapping>")


def _read(path: Path, limits: Limits, rep: Reporter) -> bytes | None:
    try:
        info = path.stat()
        if stat.S_ISDIR(info.st_mode):
            rep.add(
                "IMP-001",
                Severity.ERROR,
                f"{path} is a folder, not a spreadsheet",
                "Name an .xlsx or .csv file.",
            )
            return None
        if not stat.S_ISREG(info.st_mode):
            rep.add(
                "IMP-001",
                Severity.ERROR,
                f"{path} is not a regular file (a named pipe, a device or a socket); it was not read",
                "Save the spreadsheet as a file and import that file.",
            )
            return None
        size = info.st_size
        if size > limits.max_file_bytes:
            rep.add(
                "IMP-003",
                Severity.ERROR,
                f"the file has {size:,} bytes; more than {limits.max_file_bytes:,} are refused",
                "A register is far smaller; split the file or remove images and unused sheets.",
            )
            return None
        with path.open("rb") as handle:
            data = handle.read(limits.max_file_bytes + 1)
    except FileNotFoundError:
        rep.add("IMP-001", Severity.ERROR, f"no such file: {path}", "Check the path and the file name.")
        return None
    except OSError as exc:
        rep.add(
            "IMP-001",
            Severity.ERROR,
            f"cannot read the file: {exc.strerror or exc}",
            "Check the permissions.",
        )
        return None
    if len(data) > limits.max_file_bytes:
        rep.add(
            "IMP-003", Severity.ERROR, "the file grew beyond the size limit while it was read", "Try again."
        )
        return None
    return data


def _result(
    rep: Reporter,
    register: Register | None,
    *,
    embedded: bool = False,
    columns: tuple[ColumnSummary, ...] = (),
    fates: tuple[Fate, ...] = (),
) -> ImportResult:
    imported = register is not None and not rep.fatal
    return ImportResult(
        register=register if register is not None and imported else Register(),
        diagnostics=tuple(rep.diagnostics),
        source=rep.file,
        imported=imported,
        embedded=embedded and imported,
        columns=columns if imported else (),
        fates=fates if imported else (),
    )


def import_file(
    path: str | os.PathLike[str],
    *,
    mapping: MappingSource | None = None,
    sheet: str | None = None,
    limits: Limits | None = None,
    trust_embedded: bool = False,
    progress: Callable[[int, int], None] | None = None,
) -> ImportResult:
    """Import an .xlsx workbook or a CSV file, told apart by their content: a zip archive (or a legacy or
    encrypted Office file) is a workbook, text is CSV, whatever the file is called.

    Args:
        path: the spreadsheet.
        mapping: column headings ropa does not recognise, mapped to import fields (see
            :mod:`ropa.importer.mapping`).
        sheet: the sheet to import (workbooks); by default every visible sheet with a register table, or
            the embedded register of a ropa workbook.
        limits: safety limits (defaults: :class:`Limits`).
        trust_embedded: in a ropa workbook, read the embedded register even when the visible sheets say
            something else or it holds JSON ropa never writes (reported either way, ``IMP-034``/``IMP-035``).
            By default the visible sheets are imported then.
        progress: called with (rows read, rows in all) while the sheets of an .xlsx workbook are read,
            e.g. to draw a progress bar.

    Returns:
        The register and the diagnostics. Never raises for bad or hostile content.

    Raises:
        ConfigError: the mapping file is invalid.
    """
    file = Path(path)
    head = _head(file)
    if head.startswith(_ZIP_MAGIC) or head.startswith(_OLE_MAGIC):
        return import_workbook(
            path,
            mapping=mapping,
            sheet=sheet,
            limits=limits,
            trust_embedded=trust_embedded,
            progress=progress,
        )
    if file.suffix.lower() in _WORKBOOK_SUFFIXES and not _looks_like_text(head):
        # not a zip, not text: the workbook reader says what is wrong with it
        return import_workbook(
            path,
            mapping=mapping,
            sheet=sheet,
            limits=limits,
            trust_embedded=trust_embedded,
            progress=progress,
        )
    return import_csv(path, mapping=mapping, limits=limits)


def _head(file: Path) -> bytes:
    """The first bytes of a regular file (nothing for a pipe or device: opening one may block)."""
    try:
        if not stat.S_ISREG(file.stat().st_mode):
            return b""
        with file.open("rb") as handle:
            return handle.read(_HEAD_BYTES)
    except OSError:
        return b""


def _looks_like_text(head: bytes) -> bool:
    """True for the start of a text file: no NUL byte (UTF-16 text starts with its byte-order mark)."""
    return bool(head) and (head.startswith((b"\xff\xfe", b"\xfe\xff")) or b"\0" not in head)


def import_workbook(
    path: str | os.PathLike[str],
    *,
    mapping: MappingSource | None = None,
    sheet: str | None = None,
    limits: Limits | None = None,
    trust_embedded: bool = False,
    progress: Callable[[int, int], None] | None = None,
) -> ImportResult:
    """Import an .xlsx or .ods workbook: ropa's own (lossless, from its hidden ``_ropa`` sheet) or a
    foreign one (OpenDocument spreadsheets are read natively, with the same limits).

    The archive is checked before it is parsed (size, entry count, compression ratio, DTDs); cells are
    read with openpyxl in read-only mode, formulas by their saved results (never calculated). Hidden
    sheets are reported and skipped, links to other workbooks ignored. The register embedded in a ropa
    workbook is read when the visible sheets show exactly that register and its JSON is what ropa
    writes; otherwise the differences are reported and the visible activities sheet is imported, unless
    ``trust_embedded``.

    Args: see :func:`import_file`.
    """
    from ropa.importer._xlsx import check_archive, read_workbook

    limits = limits or Limits()
    rep = Reporter(os.fspath(path))
    columns = _mapping(mapping)
    data = _read(Path(path), limits, rep)
    if data is None:
        return _result(rep, None)
    if data.startswith(_OLE_MAGIC):
        rep.add(
            "IMP-002",
            Severity.ERROR,
            "this is a legacy .xls workbook or a password-protected .xlsx; neither can be read",
            "Remove any password and save the file as an Excel workbook (.xlsx).",
        )
        return _result(rep, None)
    if not data.startswith(_ZIP_MAGIC):
        rep.add(
            "IMP-002",
            Severity.ERROR,
            "the file is not an .xlsx workbook (it is not a zip archive)",
            "Save the file as .xlsx, or import a CSV file.",
        )
        return _result(rep, None)
    archive = check_archive(data, limits, rep, allow_ods=True)
    if archive is None:
        return _result(rep, None)
    chosen = sheet if sheet is not None else (columns.sheet if columns else None)
    if archive.ods:
        from ropa.importer._ods import read_ods

        sheets = read_ods(data, limits, rep, sheet=chosen)
        if sheets is None:
            return _result(rep, None)
        return _tables(sheets, rep, limits, columns, chosen=chosen is not None)
    content = read_workbook(data, limits, rep, sheet=chosen, formulas=archive.formulas, progress=progress)
    if content is None:
        return _result(rep, None)
    if content.embedded is not None:
        return _embedded(
            content.embedded, content.sheets, rep, limits, columns, trust_embedded=trust_embedded
        )
    from ropa.importer._native import own_flags, own_lists, own_table

    # With --sheet only the chosen sheet is read; the workbook is still recognised by all its sheet names.
    own = own_lists(content.sheets, embedded=content.ropa_sheet, titles=content.titles)
    table = own_table(content.sheets) if own is not None and chosen is None else None
    flags = own_flags(content.sheets) if own is not None else None
    if table is not None:  # ropa's own workbook without its embedded register: its activities sheet
        return _tables([table], rep, limits, columns, chosen=True, own=own, flags=flags)
    return _tables(content.sheets, rep, limits, columns, chosen=chosen is not None, own=own, flags=flags)


def _embedded(
    text: str,
    sheets: list[SheetTable],
    rep: Reporter,
    limits: Limits,
    columns: ColumnMapping | None,
    *,
    trust_embedded: bool,
) -> ImportResult:
    """A ropa workbook: its embedded register when it matches the visible sheets (or is trusted), else
    the visible sheets."""
    from ropa.importer._native import (
        own_flags,
        own_lists,
        register_from_json,
        report_differences,
        visible_differences,
    )

    register = register_from_json(text, rep)
    if register is None:
        return _result(rep, None)
    suspect = any(d.code == "IMP-035" for d in rep.diagnostics)
    differences, activities = visible_differences(register, sheets)
    if differences:
        report_differences(rep, differences, trusted=trust_embedded)
    if trust_embedded or not (differences or suspect):
        rep.add(
            "IMP-033",
            Severity.INFO,
            "read the register embedded in this ropa workbook (lossless)",
            "To import edits made in the visible sheets instead, choose a sheet with --sheet NAME.",
            sheet="_ropa",
        )
        return _result(rep, register, embedded=True)
    own = own_lists(sheets, embedded=True)
    flags = own_flags(sheets)
    if activities is not None:
        sheet = next(s for s in sheets if s.name == activities)
        return _tables([sheet], rep, limits, columns, chosen=True, own=own, flags=flags)
    return _tables(sheets, rep, limits, columns, chosen=False, own=own, flags=flags)


def import_csv(
    path: str | os.PathLike[str],
    *,
    mapping: MappingSource | None = None,
    limits: Limits | None = None,
) -> ImportResult:
    """Import a CSV file: UTF-8 (with or without BOM) or UTF-16 with BOM, else Windows-1252 with a
    warning; the delimiter (``,`` ``;`` tab ``|``) is detected.

    Args: see :func:`import_file`.
    """
    from ropa.importer._csv import read_csv

    limits = limits or Limits()
    rep = Reporter(os.fspath(path))
    columns = _mapping(mapping)
    data = _read(Path(path), limits, rep)
    if data is None:
        return _result(rep, None)
    if data.startswith(_ZIP_MAGIC) or data.startswith(_OLE_MAGIC):
        rep.add(
            "IMP-002",
            Severity.ERROR,
            "the file is a workbook, not a CSV file",
            "Import it as a workbook (ropa import picks the reader by content).",
        )
        return _result(rep, None)
    if Path(path).suffix.lower() in _WORKBOOK_SUFFIXES:
        rep.add(
            "IMP-017",
            Severity.INFO,
            f"the file is named {Path(path).suffix} but holds text; it was read as CSV",
        )
    table = read_csv(data, limits, rep)
    if table is None:
        return _result(rep, None)
    from ropa.importer._native import is_own_csv

    # ropa's own activities.csv: list cells hold one item per line, as in its workbook
    own = frozenset[str]() if is_own_csv(table) else None
    flags = _own_csv_flags(Path(path), limits, rep) if own is not None else None
    return _tables([table], rep, limits, columns, chosen=True, own=own, flags=flags)


def _own_csv_flags(path: Path, limits: Limits, rep: Reporter) -> OwnFlags:
    """The flags of data categories and data subjects that ``data-categories.csv`` and
    ``data-subjects.csv`` beside ropa's own ``activities.csv`` state (the same export wrote them); none
    when they are not there or cannot be read (then only the activities' columns give flags)."""
    from ropa.export.tables.vocabulary import DATA_CATEGORIES, DATA_SUBJECTS
    from ropa.importer._csv import read_csv
    from ropa.importer._native import own_flags

    tables: list[SheetTable] = []
    for name in (DATA_CATEGORIES.file_name, DATA_SUBJECTS.file_name):
        sibling = path.with_name(name)
        quiet = Reporter(os.fspath(sibling))  # a file beside the one imported: its own problems aside
        data = _read(sibling, limits, quiet) if sibling.is_file() else None
        table = read_csv(data, limits, quiet) if data is not None else None
        if table is not None:
            tables.append(table)
            rep.add("IMP-017", Severity.INFO, f"the flags of the categories were read from {name} beside it")
    return own_flags(tables)


def _tables(
    tables: list[SheetTable],
    rep: Reporter,
    limits: Limits,
    mapping: ColumnMapping | None,
    *,
    chosen: bool,
    own: frozenset[str] | None = None,
    flags: OwnFlags | None = None,
) -> ImportResult:
    builder = RegisterBuilder(rep, limits, mapping)
    builder.own_known = own
    builder.own_flags = flags
    for table in tables:
        builder.add_sheet(table, chosen=chosen)
    if builder.tables == 0:
        rep.add(
            "IMP-005",
            Severity.ERROR,
            "no register table found: no row has known Art. 30 headings (purpose, lawful basis, categories, "
            "retention, ...)",
            "Name the columns with a --mapping file, or choose the sheet with --sheet (see docs/import.md).",
        )
        return _result(rep, None)
    register = builder.build()
    return _result(rep, register, columns=tuple(builder.summary()), fates=tuple(builder.fates))
