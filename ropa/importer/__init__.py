"""Import registers kept in spreadsheets: ropa's own workbooks (lossless) and foreign ones.

::

    import ropa

    result = ropa.importer.import_file("verwerkingsregister.xlsx", mapping="mapping.toml")
    for diagnostic in result.diagnostics:
        ...
    ropa.write_register(result.register, "registers/acme")

Spreadsheets are untrusted input: the archive is checked before it is parsed, and every refusal or
loss is a diagnostic (codes ``IMP-xxx``, see :data:`IMPORT_CODES`). openpyxl is imported only when a
workbook is read. See ``docs/import.md``.
"""

from ropa.importer._api import ImportResult as ImportResult
from ropa.importer._api import MappingSource as MappingSource
from ropa.importer._api import import_csv as import_csv
from ropa.importer._api import import_file as import_file
from ropa.importer._api import import_workbook as import_workbook
from ropa.importer._cells import ColumnSummary as ColumnSummary
from ropa.importer._cells import Fate as Fate
from ropa.importer._cells import summary_lines as summary_lines
from ropa.importer._report import format_location as format_location
from ropa.importer._tables import Limits as Limits
from ropa.importer.codes import FATAL as FATAL
from ropa.importer.codes import IMPORT_CODES as IMPORT_CODES
from ropa.importer.mapping import ColumnMapping as ColumnMapping
from ropa.importer.mapping import load_mapping as load_mapping

__all__ = [
    "FATAL",
    "IMPORT_CODES",
    "ColumnMapping",
    "ColumnSummary",
    "Fate",
    "ImportResult",
    "Limits",
    "MappingSource",
    "format_location",
    "import_csv",
    "import_file",
    "import_workbook",
    "load_mapping",
    "summary_lines",
]
