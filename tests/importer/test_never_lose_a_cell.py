"""Never lose a cell: every non-empty cell is kept verbatim in the register, read exactly, or reported.

Checked on every file of the import corpus (tests/import_corpus/) and as a property over generated
registers; the check itself is tests/import_corpus/fidelity.py (it re-reads cells independently).
"""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings

from ropa.importer import import_csv, import_file
from tests.import_corpus.fidelity import FILES, Lost, cells_lost
from tests.strategies import foreign_sheets


@pytest.mark.parametrize("name", sorted(p.name for p in FILES.iterdir()))
def test_no_cell_of_a_corpus_file_is_lost(name: str) -> None:
    path = FILES / name
    result = import_file(path)
    assert result.imported
    assert cells_lost(path, result) == []


def test_the_check_finds_a_lost_cell(tmp_path: Path) -> None:
    # the checker is not vacuous: a register that drops a cell is caught
    path = tmp_path / "register.csv"
    path.write_text(
        "Name,Purpose,Retention\nOrders,Deliver orders,7 years after the contract\n", encoding="utf-8"
    )
    result = import_csv(path)
    assert cells_lost(path, result) == []
    (activity,) = result.register.activities or []
    dropped = result.register.model_copy(
        update={"activities": [activity.model_copy(update={"retention": None})]}
    )
    lost = cells_lost(path, result.__class__(**{**result.__dict__, "register": dropped}))
    assert [(item.row, item.column, item.text) for item in lost] == [(2, 3, "7 years after the contract")]
    assert isinstance(lost[0], Lost)


def test_a_long_name_keeps_its_full_text(tmp_path: Path) -> None:
    name = "Verkiezingen: " + "ondersteuningsverklaringen en stemmen bij volmacht " * 4
    path = tmp_path / "register.csv"
    path.write_text(f'Naam verwerking,Doel\n"{name.strip()}",Verkiezingen organiseren\n', encoding="utf-8")
    result = import_csv(path)
    (activity,) = result.register.activities or []
    assert len(activity.name) <= 100
    assert activity.description == name.strip()
    assert any(d.code == "IMP-029" and "longer than 100" in d.message for d in result.diagnostics)
    assert cells_lost(path, result) == []


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(rows=foreign_sheets())
def test_no_cell_of_a_generated_register_is_lost(tmp_path: Path, rows: list[list[str]]) -> None:
    buffer = io.StringIO()
    csv.writer(buffer).writerows(rows)
    path = tmp_path / "generated.csv"
    path.write_text(buffer.getvalue(), encoding="utf-8")
    result = import_csv(path)
    if result.imported:
        assert cells_lost(path, result) == []
