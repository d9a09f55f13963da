"""Codes of the diagnostics produced by ``ropa import`` (structural, like the loader's: not rules).

The embedded-register path of a ropa workbook also reports the loader's ``STR-`` codes for entities
that fail validation.
"""

from __future__ import annotations

from ropa.loading.codes import StructuralCode

__all__ = ["FATAL", "IMPORT_CODES"]

IMPORT_CODES: dict[str, StructuralCode] = {
    # The file itself: nothing is imported when one of these is reported.
    "IMP-001": StructuralCode(
        "unreadable-input", "The file cannot be read (missing, a folder, no permission)."
    ),
    "IMP-002": StructuralCode("not-a-spreadsheet", "The file is not an .xlsx workbook or a CSV text file."),
    "IMP-003": StructuralCode("archive-too-large", "The workbook is too large or looks like a zip bomb."),
    "IMP-004": StructuralCode("unsafe-xml", "The workbook holds XML with a DTD or entity declarations."),
    "IMP-005": StructuralCode("no-register-table", "No sheet has a header row with known Art. 30 headings."),
    "IMP-006": StructuralCode(
        "bad-embedded-register", "The hidden _ropa sheet of a ropa workbook is unusable."
    ),
    # Parts of the file that were not read.
    "IMP-010": StructuralCode("sheet-truncated", "Rows or columns beyond the safety limits were not read."),
    "IMP-011": StructuralCode("hidden-sheet-skipped", "A hidden sheet was not imported."),
    "IMP-012": StructuralCode("external-links-ignored", "Links to other workbooks were ignored."),
    "IMP-013": StructuralCode("formula-without-value", "A formula cell has no saved result; read as empty."),
    "IMP-014": StructuralCode("error-value", "A cell holds an Excel error such as #N/A; read as empty."),
    "IMP-015": StructuralCode(
        "sheet-skipped", "A visible sheet holds no register table and was not imported."
    ),
    "IMP-016": StructuralCode("content-ignored", "Content outside the register table was not imported."),
    "IMP-017": StructuralCode("reader-note", "A note from the spreadsheet reader or the file's structure."),
    "IMP-018": StructuralCode("encoding-fallback", "A CSV file is not UTF-8 and was read as Windows-1252."),
    # How the content was understood.
    "IMP-020": StructuralCode("header-row", "Where the header row of a sheet was found."),
    "IMP-021": StructuralCode("column-recognised", "A column was recognised as a register field."),
    "IMP-022": StructuralCode(
        "column-unmapped", "A column is not recognised; kept in the activity's unmapped."
    ),
    "IMP-023": StructuralCode("column-kept", "A known column with no register field; kept in unmapped."),
    "IMP-024": StructuralCode(
        "duplicate-column", "Two columns map to the same field; the later one is kept."
    ),
    "IMP-025": StructuralCode(
        "mapping-heading-missing", "A heading of the mapping file is not in the sheet."
    ),
    "IMP-026": StructuralCode("value-not-understood", "A cell could not be interpreted; kept verbatim."),
    "IMP-027": StructuralCode(
        "lawful-basis-unclear", "A lawful basis is not an unambiguous Art. 6(1) basis."
    ),
    "IMP-028": StructuralCode("retention-as-text", "A retention period was kept as text, not a duration."),
    "IMP-029": StructuralCode("derived-value", "A value was derived (id, name, flag); check it."),
    "IMP-030": StructuralCode("row-skipped", "A row has no value in a recognised column."),
    "IMP-031": StructuralCode("row-continued", "A row without a name continues the activity above it."),
    "IMP-032": StructuralCode("entity-invalid", "An imported entity failed validation and was left out."),
    "IMP-033": StructuralCode("embedded-register-used", "The lossless copy in a ropa workbook was read."),
    "IMP-034": StructuralCode(
        "embedded-register-differs",
        "The visible sheets of a ropa workbook differ from its embedded register.",
    ),
    "IMP-035": StructuralCode(
        "embedded-register-suspect", "The embedded register holds JSON that ropa never writes."
    ),
    "IMP-036": StructuralCode(
        "template-content-skipped", "A template's example, instruction or placeholder was skipped."
    ),
    "IMP-037": StructuralCode("rows-grouped", "Rows were grouped: a section title, or rows of one activity."),
    "IMP-038": StructuralCode("conditional-answer", "A conditional or open answer was kept as a note."),
}
"""Import diagnostic codes: ``IMP-001``–``IMP-006`` refuse the whole file."""

FATAL = frozenset({"IMP-001", "IMP-002", "IMP-003", "IMP-004", "IMP-005", "IMP-006"})
"""Codes after which nothing was imported."""
