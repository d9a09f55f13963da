"""ropa's own workbooks: the register embedded in the hidden ``_ropa`` sheet comes back without loss."""

from __future__ import annotations

import importlib.util
import tempfile
import warnings
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from hypothesis import HealthCheck, given, settings

import ropa
from ropa.diagnostics import Severity
from ropa.export.json import register_to_json
from ropa.importer import import_file, import_workbook
from ropa.models import Register
from tests import strategies
from tests.importer._books import codes, find
from tests.importer.test_yaml_export import HANDWRITTEN

HAVE_EXPORTER = importlib.util.find_spec("ropa.export.xlsx") is not None


def ropa_workbook(
    path: Path,
    chunks: list[Any],
    *,
    marker: Any = "ropa-register-json/1",
    visible_rows: list[list[Any]] | None = None,
) -> Path:
    """A workbook shaped like ropa's: a visible sheet, and the hidden ``_ropa`` sheet with the JSON."""
    wb = openpyxl.Workbook()
    ws = wb.active
    assert ws is not None
    ws.title = "Activities"
    for row in visible_rows or [["Name", "Purpose"], ["Edited in Excel", "Something else"]]:
        ws.append(row)
    hidden = wb.create_sheet("_ropa")
    hidden.sheet_state = "hidden"
    hidden.append([marker])
    for chunk in chunks:
        hidden.append([chunk])
    wb.save(path)
    return path


def split(text: str, size: int) -> list[str]:
    return [text[i : i + size] for i in range(0, len(text), size)]


def test_embedded_register_is_read_without_loss(tmp_path: Path) -> None:
    register = Register.model_validate(HANDWRITTEN)
    path = ropa_workbook(tmp_path / "acme.xlsx", split(register_to_json(register), 37))
    result = import_file(path)
    assert result.imported
    assert result.embedded
    assert result.register == register
    assert codes(result) == ["IMP-033"]
    assert result.diagnostics[0].severity is Severity.INFO


def test_entities_are_validated_like_the_loader_does(tmp_path: Path) -> None:
    text = (
        '{"activities": [{"id": "ok", "name": "Fine"}, {"id": "bad", "nmae": "typo"}],'
        ' "parties": [{"id": "p", "name": "P", "country": "XX"}]}'
    )
    result = import_workbook(ropa_workbook(tmp_path / "acme.xlsx", split(text, 10)))
    assert result.imported
    assert [a.id for a in result.register.activities or []] == ["ok"]
    assert result.register.parties == []
    structural = {(d.code, d.location.pointer) for d in result.diagnostics if d.code.startswith("STR-")}
    assert ("STR-002", "/_ropa/activities/1/nmae") in structural
    assert ("STR-004", "/_ropa/activities/1/name") in structural
    assert ("STR-005", "/_ropa/parties/0/country") in structural
    assert all(d.location.file == str(tmp_path / "acme.xlsx") for d in result.diagnostics)


@pytest.mark.parametrize(
    ("marker", "chunks"),
    [
        ("ropa-register-json/2", ['{"activities": []}']),
        ("ropa-register-json/1", ['{"activities": [', "oops"]),
        ("ropa-register-json/1", ['{"activities": ', None, "[]}"]),
        ("ropa-register-json/1", ['{"activities": ', 12, "[]}"]),
        ("ropa-register-json/1", ["[" * 100_000]),
    ],
    ids=["future-version", "bad-json", "gap", "not-text", "deep"],
)
def test_damaged_embedded_register_is_refused(tmp_path: Path, marker: str, chunks: list[Any]) -> None:
    result = import_workbook(ropa_workbook(tmp_path / "acme.xlsx", chunks, marker=marker))
    assert not result.imported
    errors = [d for d in result.diagnostics if d.severity is Severity.ERROR]
    assert [d.code for d in errors] == ["IMP-006"]
    assert errors[0].hint
    assert errors[0].location.pointer.startswith("/_ropa")


def test_choosing_a_sheet_reads_the_visible_table_instead(tmp_path: Path) -> None:
    register = Register.model_validate(HANDWRITTEN)
    path = ropa_workbook(tmp_path / "acme.xlsx", split(register_to_json(register), 1000))
    result = import_workbook(path, sheet="Activities")
    assert not result.embedded
    assert [a.name for a in result.register.activities or []] == ["Edited in Excel"]
    assert any("embedded register was not used" in d.message for d in find(result, "IMP-017"))


def test_a_foreign_sheet_named_ropa_is_just_hidden(tmp_path: Path) -> None:
    path = ropa_workbook(tmp_path / "book.xlsx", ["whatever"], marker="my own notes")
    result = import_workbook(path)
    assert not result.embedded
    assert [d.location.pointer for d in find(result, "IMP-011")] == ["/_ropa"]
    assert [a.name for a in result.register.activities or []] == ["Edited in Excel"]


# --- with ropa's exporter --------------------------------------------------------------------------

needs_exporter = pytest.mark.skipif(not HAVE_EXPORTER, reason="ropa.export.xlsx is not written yet")


def _export(register: Register, path: Path, lang: str = "en") -> None:
    with warnings.catch_warnings():
        # the visible sheets may need to shorten or clean text; the embedded copy never does
        warnings.simplefilter("ignore")
        ropa.export_xlsx(register, path, lang=lang)  # type: ignore[arg-type]


@needs_exporter
@pytest.mark.parametrize("lang", ["en", "nl", "fr", "de"])
def test_exported_workbook_comes_back_equal(tmp_path: Path, lang: str) -> None:
    register = Register.model_validate(HANDWRITTEN)
    path = tmp_path / f"acme.{lang}.xlsx"
    _export(register, path, lang)
    result = import_file(path)
    assert result.embedded
    assert result.register == register
    assert codes(result, Severity.ERROR) == []


@needs_exporter
@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(strategies.registers())
def test_register_xlsx_register_is_lossless(register: Register) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "register.xlsx"
        _export(register, path)
        result = import_file(path)
    assert result.embedded
    assert result.register == register
