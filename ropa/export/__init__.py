"""Exporters: JSON, CSV and the Excel workbook. openpyxl is imported only by :mod:`ropa.export.xlsx`."""
