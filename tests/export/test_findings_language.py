"""The Findings sheet speaks the workbook's language (before: Dutch headings over English findings)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import openpyxl

import ropa
from ropa.i18n import label, translate

REPO = Path(__file__).resolve().parents[2]
TODAY = dt.date(2026, 11, 25)


def _findings(path: Path, lang: str) -> list[tuple[str, str, str, str]]:
    book = openpyxl.load_workbook(path, read_only=True)
    ws = book[label("sheet.findings", lang)]
    rows = list(ws.iter_rows(min_row=3, values_only=True))
    return [(row[0], row[2], row[3], row[5]) for row in rows if row[0]]


def test_a_dutch_workbook_has_dutch_findings(tmp_path: Path) -> None:
    result = ropa.load(REPO / "registers" / "miki4all")
    report = ropa.validate(result, today=TODAY)  # English
    path = ropa.export_xlsx(result, tmp_path / "nl.xlsx", lang="nl", report=report)
    rows = _findings(path, "nl")
    assert len(rows) == len(report)
    expected = {(d.code, translate(d, "nl").message, translate(d, "nl").hint) for d in report}
    assert {(code, message, hint) for code, _, message, hint in rows} == expected
    law = next(row for row in rows if row[0] == "LAW-001")
    assert law[1].startswith("activiteit ")
    assert "heeft geen grondslag" in law[2]


def test_a_translated_report_in_an_english_workbook_is_english(tmp_path: Path) -> None:
    result = ropa.load(REPO / "registers" / "miki4all")
    dutch = ropa.validate(result, today=TODAY, lang="nl")
    path = ropa.export_xlsx(result, tmp_path / "en.xlsx", lang="en", report=dutch)
    english = ropa.validate(result, today=TODAY)
    assert {row[2] for row in _findings(path, "en")} == {d.message for d in english}
