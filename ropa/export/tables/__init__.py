"""The exported tables, one module per table (or per group of small ones), in workbook order.

Each is a :class:`ropa.export.spec.Table`; :data:`TABLES` lists them in the order of the workbook's sheets
and of the CSV files."""

from __future__ import annotations

from typing import Any

from ropa.export.spec import Table
from ropa.export.tables.activities import ACTIVITIES
from ropa.export.tables.changes import CHANGES
from ropa.export.tables.findings import FINDINGS
from ropa.export.tables.organisation import ORGANISATION
from ropa.export.tables.parties import PARTIES, RECIPIENT_CATEGORIES
from ropa.export.tables.processor import PROCESSOR_RECORD
from ropa.export.tables.retention import RETENTION
from ropa.export.tables.transfers import TRANSFERS
from ropa.export.tables.vocabulary import DATA_CATEGORIES, DATA_SUBJECTS, SECURITY_MEASURES

__all__ = [
    "ACTIVITIES",
    "CHANGES",
    "DATA_CATEGORIES",
    "DATA_SUBJECTS",
    "FINDINGS",
    "ORGANISATION",
    "PARTIES",
    "PROCESSOR_RECORD",
    "RECIPIENT_CATEGORIES",
    "RETENTION",
    "SECURITY_MEASURES",
    "TABLES",
    "TRANSFERS",
    "table",
]

TABLES: tuple[Table[Any], ...] = (
    ORGANISATION,
    ACTIVITIES,
    PARTIES,
    RECIPIENT_CATEGORIES,
    TRANSFERS,
    RETENTION,
    DATA_SUBJECTS,
    DATA_CATEGORIES,
    SECURITY_MEASURES,
    PROCESSOR_RECORD,
    FINDINGS,
    CHANGES,
)
"""Every exported table, in the order of the workbook's sheets and of the CSV files."""


def table(key: str) -> Table[Any]:
    """The table with this key."""
    for t in TABLES:
        if t.key == key:
            return t
    raise KeyError(key)
