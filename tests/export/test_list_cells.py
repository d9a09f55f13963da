"""List cells of the workbook: one item per line; when an item has line breaks of its own, bullets (or
the purposes' numbers) mark where each item starts and its further lines are indented under it."""

from __future__ import annotations

from pathlib import Path

import openpyxl

import ropa
from ropa.export.layouts import LAYOUTS
from ropa.models import Register

REGISTER = Register.model_validate(
    {
        "activities": [
            {
                "id": "shop",
                "name": "Shop",
                "purposes": [
                    {"description": "Orders", "lawful_basis": "6-1-b"},
                    {"description": "Newsletter,\nif asked for", "lawful_basis": "6-1-a"},
                ],
                "systems": ["SAP\nHR module", "Excel"],
                "specific_measures": [{"description": "Encryption"}, {"description": "Backups"}],
            }
        ]
    }
)


def _cells(tmp_path: Path) -> set[str]:
    path = tmp_path / "register.xlsx"
    ropa.export_xlsx(REGISTER, path, lang="en")
    workbook = openpyxl.load_workbook(path)
    sheet = workbook[LAYOUTS["ropa"].table_sheet("en")]
    return {cell for row in sheet.iter_rows(values_only=True) for cell in row if isinstance(cell, str)}


def test_an_item_with_a_line_break_gets_bullets(tmp_path: Path) -> None:
    cells = _cells(tmp_path)
    assert "• SAP\n  HR module\n• Excel" in cells


def test_purposes_keep_their_numbers_and_indent_further_lines(tmp_path: Path) -> None:
    cells = _cells(tmp_path)
    assert "1. Orders\n2. Newsletter,\n   if asked for" in cells


def test_a_list_without_line_breaks_in_its_items_is_one_item_per_line(tmp_path: Path) -> None:
    assert "Encryption\nBackups" in _cells(tmp_path)
