"""What an import could not map comes back out: the workbook and the CSV files show every heading an import
kept in ``unmapped`` as a column of its own, under that heading, so that export → import → export returns
everything the organisation gave (issue 10).

Checked on a hand-made register, on every file of the import corpus (tests/import_corpus/), on generated
foreign spreadsheets and on generated registers.
"""

from __future__ import annotations

import csv
import io
import tempfile
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from hypothesis import HealthCheck, given, settings

from ropa.export.columns import table
from ropa.export.csv import write_csv
from ropa.export.json import register_to_json
from ropa.export.xlsx import write_workbook
from ropa.i18n import LANGS, label
from ropa.importer import ImportResult, import_csv, import_file
from ropa.models import Register
from tests.export.conftest import with_activity
from tests.import_corpus.fidelity import FILES
from tests.strategies import foreign_sheets, registers

KEPT = {"Kleurcode": "rood", "Interne code": "=X-1", "Opmerkingen van de FG": "regel 1\nregel 2"}


def _squash(text: str) -> str:
    return " ".join(text.split())


def visible_cells(path: Path) -> list[str]:
    """The text of every cell of the visible sheets, whitespace squashed."""
    book = openpyxl.load_workbook(path, read_only=True)
    return [
        _squash(str(value))
        for ws in book.worksheets
        if ws.sheet_state == "visible"
        for row in ws.iter_rows(values_only=True)
        for value in row
        if value is not None
    ]


def activities_sheet(path: Path, lang: str = "en") -> list[dict[str, Any]]:
    """The rows of the activities sheet as {heading: value} (the heading's first line)."""
    book = openpyxl.load_workbook(path, read_only=True)
    rows = list(book[label("sheet.activities", lang)].iter_rows(min_row=2, values_only=True))
    headings = [str(h).split("\n")[0] if h is not None else "" for h in rows[0]]
    return [dict(zip(headings, row, strict=False)) for row in rows[1:]]


def assert_unmapped_shown(register: Register, path: Path) -> None:
    """Every activity's unmapped heading is a column of its row, holding the kept text."""
    rows = {row["ID"]: row for row in activities_sheet(path)}
    for activity in register.activities or ():
        for heading, text in (activity.unmapped or {}).items():
            assert _squash(str(rows[activity.id][heading])) == _squash(text), (activity.id, heading)


def assert_kept_cells_shown(result: ImportResult, path: Path) -> None:
    """Every source cell the import kept verbatim is in a visible cell of the exported workbook."""
    shown = "\n".join(visible_cells(path))
    missing = [
        (fate.row, fate.column, piece)
        for fate in result.fates
        if fate.kind == "kept"
        for piece in fate.pieces
        if _squash(piece) not in shown
    ]
    assert missing == []


def test_unmapped_headings_become_columns_of_their_own(tmp_path: Path, webshop: Register) -> None:
    register = with_activity(webshop, unmapped=KEPT)
    register = with_activity(register, 2, unmapped={"Kleurcode": "groen"})
    path = write_workbook(register, tmp_path / "register.xlsx", lang="nl")
    fixed = len(table("activities").columns)
    book = openpyxl.load_workbook(path)
    ws = book[label("sheet.activities", "nl")]
    headings = [c.value for c in ws[2]][fixed:]
    assert headings == ["Kleurcode", "Interne code", "Opmerkingen van de FG"]  # as first met
    assert [[c.value for c in row][fixed:] for row in ws.iter_rows(min_row=3)] == [
        ["rood", "=X-1", "regel 1\nregel 2"],
        [None, None, None],
        ["groen", None, None],
    ]
    assert ws.cell(3, fixed + 2).quotePrefix  # formula-like text stays text
    assert ws.auto_filter.ref == f"A2:{openpyxl.utils.get_column_letter(fixed + 3)}5"
    assert_unmapped_shown(register, write_workbook(register, tmp_path / "en.xlsx"))


@pytest.mark.parametrize("lang", LANGS)
def test_csv_shows_unmapped_columns_under_their_headings(
    tmp_path: Path, webshop: Register, lang: str
) -> None:
    register = with_activity(webshop, unmapped=KEPT)
    write_csv(register, tmp_path, lang=lang)  # type: ignore[arg-type]
    raw = (tmp_path / "activities.csv").read_bytes()[3:].decode("utf-8")
    header, first, *_ = csv.reader(io.StringIO(raw, newline=""))
    row = dict(zip(header, first, strict=True))
    assert header[-3:] == list(KEPT)
    assert row["Kleurcode"] == "rood"
    assert row["Interne code"] == "'=X-1"  # CSV formula safety
    assert row["Opmerkingen van de FG"] == "regel 1\nregel 2"


def _round_trip(result: ImportResult, folder: Path) -> None:
    """import → export → import gives the same register, and exporting that gives the same bytes; the
    workbook shows every cell the import kept, and every unmapped text under its heading."""
    first = write_workbook(result.register, folder / "first.xlsx")
    again = import_file(first)
    assert again.embedded
    assert register_to_json(again.register) == register_to_json(result.register)
    second = write_workbook(again.register, folder / "second.xlsx")
    assert second.read_bytes() == first.read_bytes()
    assert_kept_cells_shown(result, first)
    assert_unmapped_shown(result.register, first)


@pytest.mark.parametrize("name", sorted(p.name for p in FILES.iterdir()))
def test_every_corpus_file_comes_back_whole(tmp_path: Path, name: str) -> None:
    result = import_file(FILES / name)
    assert result.imported
    _round_trip(result, tmp_path)


def test_the_checks_can_fail(tmp_path: Path, webshop: Register) -> None:
    """A workbook that leaves an unmapped column out is caught."""
    register = with_activity(webshop, unmapped={"Kleurcode": "rood"})
    shown = write_workbook(with_activity(register, unmapped=None), tmp_path / "without.xlsx")
    with pytest.raises(KeyError, match="Kleurcode"):
        assert_unmapped_shown(register, shown)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(rows=foreign_sheets())
def test_generated_foreign_registers_come_back_whole(rows: list[list[str]]) -> None:
    buffer = io.StringIO()
    csv.writer(buffer).writerows(rows)
    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        path = folder / "generated.csv"
        path.write_text(buffer.getvalue(), encoding="utf-8")
        result = import_csv(path)
        if result.imported:
            _round_trip(result, folder)


@settings(max_examples=25, deadline=None)
@given(register=registers())
def test_generated_registers_come_back_from_the_workbook(register: Register) -> None:
    with tempfile.TemporaryDirectory() as name:
        first = write_workbook(register, Path(name) / "first.xlsx")
        again = import_file(first)
        assert again.embedded, [d.message for d in again.diagnostics if d.code == "IMP-034"]
        assert register_to_json(again.register) == register_to_json(register)
        assert write_workbook(again.register, Path(name) / "second.xlsx").read_bytes() == first.read_bytes()
        assert_unmapped_shown(register, first)
