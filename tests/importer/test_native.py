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


def test_embedded_register_is_read_without_loss_when_trusted(tmp_path: Path) -> None:
    """The visible sheet of this hand-made workbook is not ropa's: read only with ``trust_embedded``."""
    register = Register.model_validate(HANDWRITTEN)
    path = ropa_workbook(tmp_path / "acme.xlsx", split(register_to_json(register), 37))
    result = import_file(path, trust_embedded=True)
    assert result.imported
    assert result.embedded
    assert result.register == register
    assert codes(result) == ["IMP-034", "IMP-033"]
    assert "none of its visible sheets is one ropa writes" in result.diagnostics[0].message
    assert result.diagnostics[1].severity is Severity.INFO


def test_a_hidden_register_does_not_override_the_visible_sheet(tmp_path: Path) -> None:
    """The attack (issue 14.8): the visible sheet says Payroll, the hidden copy a transfer to Russia."""
    hidden = Register.model_validate(
        {
            "activities": [
                {
                    "id": "payroll",
                    "name": "Payroll",
                    "transfers": [{"country": "RU", "recipient": "Somebody"}],
                }
            ]
        }
    )
    path = ropa_workbook(
        tmp_path / "book.xlsx",
        split(register_to_json(hidden), 100),
        visible_rows=[["Name", "Purpose"], ["Payroll", "Salaries"]],
    )
    result = import_file(path)
    assert result.imported
    assert not result.embedded
    (activity,) = result.register.activities or []
    assert activity.name == "Payroll"
    assert activity.transfers is None
    (warning,) = find(result, "IMP-034")
    assert warning.severity is Severity.WARNING
    assert "the visible sheets were imported instead" in warning.message
    assert "--trust-embedded" in (warning.hint or "")
    trusted = import_file(path, trust_embedded=True)
    assert trusted.embedded
    assert [t.country for a in trusted.register.activities or [] for t in a.transfers or []] == ["RU"]
    assert "the embedded register was imported" in find(trusted, "IMP-034")[0].message


def test_entities_are_validated_like_the_loader_does(tmp_path: Path) -> None:
    text = (
        '{"activities": [{"id": "ok", "name": "Fine"}, {"id": "bad", "nmae": "typo"}],'
        ' "parties": [{"id": "p", "name": "P", "country": "XX"}]}'
    )
    result = import_workbook(ropa_workbook(tmp_path / "acme.xlsx", split(text, 10)), trust_embedded=True)
    assert result.imported
    assert [a.id for a in result.register.activities or []] == ["ok"]
    assert result.register.parties == ()
    structural = {(d.code, d.location.pointer) for d in result.diagnostics if d.code.startswith("STR-")}
    assert ("STR-002", "/_ropa/activities/1/nmae") in structural
    assert ("STR-004", "/_ropa/activities/1/name") in structural
    assert ("STR-005", "/_ropa/parties/0/country") in structural
    assert all(d.location.file == str(tmp_path / "acme.xlsx") for d in result.diagnostics)
    assert not find(result, "IMP-035")  # invalid entities are the loader's business, not suspects


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


# --- a real export, edited or tampered with (issue 14.8) -----------------------------------------------

SHOP: dict[str, Any] = {
    "organisation": {"name": "Acme B.V.", "country": "NL", "employees": 12},
    "activities": [
        {
            "id": "orders",
            "name": "Order handling",
            "purposes": [{"description": "Deliver orders", "lawful_basis": "6-1-b"}],
            "transfers": [{"country": "US", "mechanism": "scc", "scc_module": 2}],
        },
        {"id": "newsletter", "name": "Newsletter"},
    ],
}


def _tamper(path: Path, change: Any) -> Path:
    """Rewrite the embedded JSON of a ropa workbook with ``change(text) -> text`` (as one chunk)."""
    wb = openpyxl.load_workbook(path)
    hidden = wb["_ropa"]
    text = "".join(row[0] for row in hidden.iter_rows(min_row=2, values_only=True))
    hidden.delete_rows(2, hidden.max_row)
    for chunk in split(change(text), 30_000):
        hidden.append([chunk])
    wb.save(path)
    return path


@needs_exporter
def test_an_untouched_export_reads_the_embedded_register(tmp_path: Path) -> None:
    register = Register.model_validate(HANDWRITTEN)
    _export(register, tmp_path / "acme.xlsx")
    result = import_file(tmp_path / "acme.xlsx")
    assert result.embedded
    assert not find(result, "IMP-034")
    assert not find(result, "IMP-035")


@needs_exporter
def test_a_cell_edited_in_excel_is_named_and_the_visible_sheet_imported(tmp_path: Path) -> None:
    register = Register.model_validate(SHOP)
    path = tmp_path / "acme.xlsx"
    _export(register, path)
    wb = openpyxl.load_workbook(path)
    ws = wb["Processing activities"]
    names = [ws.cell(row, 2).value for row in range(3, ws.max_row + 1)]
    edited_row = 3 + names.index("Newsletter")
    ws.cell(edited_row, 2).value = "Renamed in Excel"
    wb.save(path)
    result = import_file(path)
    assert not result.embedded
    (warning,) = find(result, "IMP-034")
    assert warning.location.pointer == f"/Processing activities/B{edited_row}"
    assert (
        f"Processing activities!B{edited_row} shows 'Renamed in Excel' where the embedded" in warning.message
    )
    assert "Renamed in Excel" in [a.name for a in result.register.activities or []]
    trusted = import_file(path, trust_embedded=True)
    assert trusted.embedded
    assert trusted.register == register


@needs_exporter
@pytest.mark.parametrize(
    ("change", "pointer", "words"),
    [
        (
            lambda t: t.replace('"employees": 12', '"employees": true', 1),
            "/organisation/employees",
            "a whole number, not a true/false value",
        ),
        (
            lambda t: t.replace('"scc_module": 2', '"scc_module": 2.0', 1),
            "/activities/0/transfers/0/scc_module",
            "a whole number, not a decimal number",
        ),
    ],
    ids=["true-as-number", "float-as-integer"],
)
def test_a_value_the_models_would_have_coerced_is_refused(
    tmp_path: Path, change: Any, pointer: str, words: str
) -> None:
    """``true`` for a number is not quietly read as 1 (nor ``2.0`` as 2): the models refuse it, so the
    embedded entity does not load and the visible sheets are imported."""
    register = Register.model_validate(SHOP)
    path = tmp_path / "acme.xlsx"
    _export(register, path)
    _tamper(path, change)
    result = import_file(path)
    refused = [d for d in result.diagnostics if d.code == "STR-003"]
    assert [d.location.pointer for d in refused] == [f"/_ropa{pointer}"]
    assert words in refused[0].message
    assert not result.embedded


@needs_exporter
@pytest.mark.parametrize(
    ("change", "pointer", "words"),
    [
        (lambda t: t.replace('"name": "Order handling"', '"name": NaN', 1), "/activities/", "NaN"),
        (
            lambda t: t.replace('"id": "orders",', '"id": "orders", "id": "payroll",', 1),
            "/activities/",
            "twice",
        ),
    ],
    ids=["nan", "duplicate-key"],
)
def test_json_that_ropa_never_writes_is_flagged(
    tmp_path: Path, change: Any, pointer: str, words: str
) -> None:
    register = Register.model_validate(SHOP)
    path = tmp_path / "acme.xlsx"
    _export(register, path)
    text = register_to_json(register)
    assert change(text) != text, "the fixture no longer holds the text to tamper with"
    _tamper(path, change)
    result = import_file(path)
    suspects = find(result, "IMP-035")
    assert suspects, [str(d) for d in result.diagnostics]
    assert any(d.location.pointer.startswith(f"/_ropa{pointer}") and words in d.message for d in suspects)
    assert not result.embedded  # the visible sheets were imported instead
    assert import_file(path, trust_embedded=True).embedded
