"""ropa's own workbook read from its visible sheets (no hidden ``_ropa`` sheet): list cells hold one item
per line, so an item with a comma or a semicolon is one item, and a name with line breaks that the
workbook lists elsewhere stays whole. Foreign spreadsheets still split on commas."""

from __future__ import annotations

import csv
from pathlib import Path

import openpyxl
import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

import ropa
from ropa.export.layouts import LAYOUTS
from ropa.importer import import_file
from ropa.importer._recipients import names_organisation
from ropa.importer._values import is_not_stated
from ropa.models import Activity, Register
from tests.strategies import separator_registers


def _visible_only(register: Register, folder: Path, lang: str) -> Path:
    """ropa's workbook of ``register`` with its hidden ``_ropa`` sheet removed."""
    path = folder / f"register-{lang}.xlsx"
    ropa.export_xlsx(register, path, lang=lang)
    workbook = openpyxl.load_workbook(path)
    del workbook["_ropa"]
    workbook.save(path)
    return path


def _lists(register: Register, activity: Activity) -> dict[str, list[str]]:
    categories = {c.id: c.name for c in register.data_categories or ()}
    subjects = {s.id: s.name for s in register.data_subjects or ()}
    return {
        "purposes": [p.description for p in activity.purposes or ()],
        "data_categories": [categories[i] for i in activity.data_categories or ()],
        "data_subjects": [subjects[i] for i in activity.data_subjects or ()],
        "recipients": [r.category or "" for r in activity.recipients or ()],
        "systems": list(activity.systems or ()),
        "security_measures": [m.description for m in activity.specific_measures or ()],
    }


def _round_trip(register: Register, folder: Path, lang: str) -> Register:
    result = import_file(_visible_only(register, folder, lang))
    assert result.register is not None, [d.message for d in result.diagnostics]
    assert not any(d.code == "IMP-033" for d in result.diagnostics)  # not the embedded register
    return result.register


NAMED = Register.model_validate(
    {
        "data_categories": [
            {"id": "nap", "name": "Name, address and place of residence"},
            {"id": "mail", "name": "E-mail; phone"},
            {"id": "multi", "name": "Bank account\n(IBAN, BIC)"},
        ],
        "data_subjects": [{"id": "cust", "name": "Customers, prospects"}],
        "activities": [
            {
                "id": "shop",
                "name": "Shop",
                "purposes": [
                    {"description": "Orders, returns; invoices", "lawful_basis": "6-1-b"},
                    {"description": "Newsletter,\nif asked for", "lawful_basis": "6-1-a"},
                ],
                "data_subjects": ["cust"],
                "data_categories": ["nap", "mail", "multi"],
                "recipients": [{"category": "Banks (NL, DE)"}, {"category": "Couriers, e.g. PostNL"}],
            }
        ],
    }
)


@pytest.mark.parametrize("lang", ["en", "nl", "fr", "de"])
def test_a_list_item_with_a_comma_is_one_item(tmp_path: Path, lang: str) -> None:
    imported = _round_trip(NAMED, tmp_path, lang)
    (activity,) = imported.activities or ()
    assert _lists(imported, activity) == _lists(NAMED, (NAMED.activities or ())[0])


def test_a_recipient_that_reads_like_a_negation_comes_back_from_ropas_workbook(tmp_path: Path) -> None:
    """In ropa's own workbook a recipient category is written verbatim: one that starts like a negation
    ('No, ...' folds to 'no') was read as "no recipients" and dropped (found by the random profile of
    tests/importer/test_own_columns.py, with the category 'ñÕ, îÿo')."""
    recipients = ({"category": "Ñó, a notary"},)
    activities = tuple(a.model_copy(update={"recipients": recipients}) for a in NAMED.activities or ())
    imported = _round_trip(NAMED.model_copy(update={"activities": activities}), tmp_path, "en")
    (activity,) = imported.activities or ()
    assert [r.category for r in activity.recipients or ()] == ["Ñó, a notary"]


def test_a_foreign_sheet_still_splits_on_commas(tmp_path: Path) -> None:
    path = tmp_path / "foreign.csv"
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(["Processing activity", "Purpose", "Categories of personal data"])
        writer.writerow(["Shop", "Orders", "Name, address, e-mail"])
    result = import_file(path)
    assert result.register is not None
    names = {c.id: c.name for c in result.register.data_categories or ()}
    (activity,) = result.register.activities or ()
    assert [names[i] for i in activity.data_categories or ()] == ["Name", "address", "e-mail"]


@settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(register=separator_registers(), lang=st.sampled_from(["en", "nl", "fr", "de"]))
def test_list_items_round_trip_through_the_visible_sheets(
    tmp_path_factory: pytest.TempPathFactory, register: Register, lang: str
) -> None:
    for activity in register.activities or ():
        for field, items in _lists(register, activity).items():
            for item in items:  # words that mean "not stated" are not names (and are read as such)
                assume(not any(is_not_stated(line) for line in item.split("\n")))
                # a recipient category naming a company ("... AG") is read as that recipient
                assume(field != "recipients" or not names_organisation(item))
    imported = _round_trip(register, tmp_path_factory.mktemp("own"), lang)
    got = {a.id: _lists(imported, a) for a in imported.activities or ()}
    want = {a.id: _lists(register, a) for a in register.activities or ()}
    assert got == want


@pytest.mark.parametrize("lang", ["en", "nl", "fr", "de"])
@pytest.mark.parametrize("embedded", [True, False], ids=["with-_ropa", "visible-only"])
def test_a_chosen_sheet_of_ropas_workbook_keeps_list_items_whole(
    tmp_path: Path, lang: str, embedded: bool
) -> None:
    """``--sheet`` reads one sheet only; the workbook is recognised as ropa's own from all its sheets."""
    if embedded:
        path = tmp_path / f"register-{lang}.xlsx"
        ropa.export_xlsx(NAMED, path, lang=lang)
    else:
        path = _visible_only(NAMED, tmp_path, lang)
    result = import_file(path, sheet=LAYOUTS["ropa"].table_sheet(lang))
    assert result.register is not None, [d.message for d in result.diagnostics]
    (activity,) = result.register.activities or ()
    want = _lists(NAMED, (NAMED.activities or ())[0])
    got = _lists(result.register, activity)
    assert got["data_subjects"] == want["data_subjects"] == ["Customers, prospects"]
    assert got["recipients"] == want["recipients"]
    assert got["purposes"] == want["purposes"]
    # "Bank account\n(IBAN, BIC)" is listed on the vocabulary sheet, which --sheet does not read: with
    # the bullets of a list cell holding a line break it still comes back whole.
    assert got["data_categories"] == want["data_categories"]
