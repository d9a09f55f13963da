"""The one column specification behind the Excel and CSV exports (like tablib's dataset).

The machinery (:class:`Column`, :class:`Table`, :class:`Context`, :func:`render`) is in
:mod:`ropa.export.spec`, the tables are in :mod:`ropa.export.tables`, one module per table; this module
gathers both for the exporters and the importer (which renders a register as the exporter does to compare
a workbook's visible sheets with the register it embeds).
"""

from __future__ import annotations

from ropa.export.spec import Cell, Column, Context, Index, Kind, Table, Value, render, render_text
from ropa.export.tables import CHANGES, TABLES, table

__all__ = [
    "CHANGES",
    "TABLES",
    "Cell",
    "Column",
    "Context",
    "Index",
    "Kind",
    "Table",
    "Value",
    "render",
    "render_text",
    "table",
]
