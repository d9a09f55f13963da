"""ropa's own exports read back without the embedded register: every column the activities sheet can
have is recognised as the field it was written from (in EN/NL/FR/DE), the Art. 30(1) content of a register
round-trips through the visible cells, and ropa's own ``activities.csv`` keeps its list items whole."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st

import ropa
from ropa.export.tables import ACTIVITIES
from ropa.i18n import Lang
from ropa.importer import import_file
from ropa.importer._headers import match_heading
from ropa.importer.synonyms import KEEP
from ropa.models import Activity, Register
from tests.importer.test_own_special import findings, special_content
from tests.strategies import art30_registers

LANGS: tuple[Lang, ...] = ("en", "nl", "fr", "de")

IMPORTED = {
    "id": "id",
    "activity": "name",
    "purposes": "purposes",
    "data_subjects": "data_subjects",
    "data_categories": "data_categories",
    "recipients": "recipients",
    "transfers": "transfers",
    "safeguards": "transfer_safeguards",
    "retention": "retention",
    "security_measures": "security_measures",
    "lawful_basis": "lawful_basis",
    "legitimate_interest": "legitimate_interest",
    "lia": "lia",
    "special_categories": "special_categories",
    "art9": "art9",
    "criminal": "criminal_data",
    "sources": "sources",
    "dpia_required": "dpia",
    "dpia_date": "dpia_date",
    "automated_decisions": "automated_decisions",
    "status": "status",
    "end_date": "end_date",
    "role": "role",
    "on_behalf_of": "on_behalf_of",
    "description": "description",
    "department": "department",
    "owner": "owner",
    "frequency": "frequency",
    "systems": "systems",
    "storage_location": "storage_location",
    "privacy_notice": "privacy_notice",
    "last_modified": "last_modified",
    "last_reviewed": "last_reviewed",
    "next_review": "next_review",
    "notes": "notes",
}
"""Export column → the import field its heading is read as."""

NOT_IMPORTED = {
    "legal_provision": "the law of each purpose, numbered by purpose: no import field reads it yet",
    "consent": "several consent details in one text per purpose (explicit, records, withdrawal, age)",
    "authority_disclosures": "authority, law and description joined in one text per disclosure",
    "dpia": "the DPIA's outcome, screening, reference, consultation and review joined in one text",
    "regime": "the legal framework's label: no import field reads it yet",
}
"""Export columns that are deliberately not read as a field, and why: their cells are kept in ``unmapped``
under the column's heading, so nothing is lost and a later export shows them again."""


def test_every_column_is_either_imported_or_named_as_not() -> None:
    keys = [column.key for column in ACTIVITIES.columns]
    assert sorted(keys) == sorted([*IMPORTED, *NOT_IMPORTED])
    assert not set(IMPORTED) & set(NOT_IMPORTED)


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("column", ACTIVITIES.columns, ids=lambda c: c.key)
def test_the_heading_is_read_as_the_field_it_was_written_from(column: Any, lang: Lang) -> None:
    heading = column.header(lang)  # as the workbook writes it, with the Art. 30 point on a second line
    found = match_heading(heading)
    if column.key in IMPORTED:
        assert found is not None, heading
        assert found.field == IMPORTED[column.key], heading
        csv_heading = match_heading(column.label(lang))  # the CSV heading (no second line)
        assert csv_heading is not None
        assert csv_heading.field == found.field
    else:
        # not read as a field, or read as one the DPIA's yes/no column already fills (so kept, see below)
        assert found is None or found.field in (KEEP, "dpia"), heading


DETAILED = Register.model_validate(
    {
        "data_categories": [{"id": "name", "name": "Name"}],
        "data_subjects": [{"id": "cust", "name": "Customers"}],
        "activities": [
            {
                "id": "shop",
                "name": "Shop",
                "purposes": [
                    {
                        "description": "Orders",
                        "lawful_basis": "6-1-a",
                        "law": "Handelsgesetzbuch § 257",
                        "consent": {"records": "consent log", "withdrawal": "unsubscribe link"},
                    }
                ],
                "data_subjects": ["cust"],
                "data_categories": ["name"],
                "regime": "gdpr",
                "authority_disclosures": [{"authority": "Tax office", "law": "AWR art. 47"}],
                "dpia": {"required": True, "reference": "DPIA-7", "date": "2024-05-01"},
                "end_date": "2030-01-31",
                "privacy_notice": "https://example.org/privacy",
            }
        ],
    }
)


def _visible_only(register: Register, path: Path, lang: Lang) -> Path:
    ropa.export_xlsx(register, path, lang=lang)
    workbook = openpyxl.load_workbook(path)
    del workbook["_ropa"]
    workbook.save(path)
    return path


def _exported_cells(path: Path) -> dict[str, str]:
    """Heading → cell of the one activity on ropa's activities sheet (row 2 headings, row 3 values)."""
    workbook = openpyxl.load_workbook(path)
    sheet = next(ws for ws in workbook.worksheets if ws.max_row >= 3 and ws.cell(2, 1).value == "ID")
    return {
        str(sheet.cell(2, c).value): str(sheet.cell(3, c).value)
        for c in range(1, sheet.max_column + 1)
        if sheet.cell(3, c).value is not None
    }


@pytest.mark.parametrize("lang", LANGS)
def test_columns_not_imported_are_kept_in_unmapped(tmp_path: Path, lang: Lang) -> None:
    path = _visible_only(DETAILED, tmp_path / f"detailed-{lang}.xlsx", lang)
    cells = _exported_cells(path)
    result = import_file(path)
    assert result.register is not None
    (activity,) = result.register.activities or ()
    unmapped: dict[str, Any] = dict(activity.unmapped or {})
    for column in ACTIVITIES.columns:
        if column.key in NOT_IMPORTED:
            heading = column.header(lang)
            assert unmapped.get(heading) == cells[heading], (column.key, unmapped)
    # the columns with a field of their own came back as that field
    assert activity.privacy_notice == "https://example.org/privacy"
    assert activity.end_date == dt.date(2030, 1, 31)
    assert activity.dpia is not None
    assert activity.dpia.date == dt.date(2024, 5, 1)
    assert activity.dpia.required is True


# --- the Art. 30(1) content round-trips through the visible cells ---------------------------------------

NOT_FROM_VISIBLE_CELLS = {
    "ids of data categories, data subjects and parties": "the cells show names; ids are made from them",
    "transfer safeguards' details (SCC module, TIA, BCR reference)": "only the mechanism's label is shown",
    "retention periods": "shown as words ('7 years'); compared as the text the exporter writes",
}
"""What the property test below does not compare field by field, and why (the embedded ``_ropa`` sheet
carries all of it)."""


def _art30(register: Register, activity: Activity) -> dict[str, Any]:
    """The Art. 30(1) content of ``activity`` as its names and codes (not its ids)."""
    categories = {c.id: c.name for c in register.data_categories or ()}
    subjects = {s.id: s.name for s in register.data_subjects or ()}
    parties = {p.id: p.name for p in register.parties or ()}
    return {
        "name": activity.name,
        "purposes": [(p.description, p.lawful_basis) for p in activity.purposes or ()],
        "data_subjects": [subjects[i] for i in activity.data_subjects or ()],
        "data_categories": [categories[i] for i in activity.data_categories or ()],
        # a category that reads like a company's name ("... N.V.") comes back as that party: same text
        "recipients": [r.category or parties.get(r.party or "") for r in activity.recipients or ()],
        "transfers": [(t.country, t.mechanism) for t in activity.transfers or ()],
        "retention": len(activity.retention or ()),
        "security_measures": [m.description for m in activity.specific_measures or ()],
        "systems": list(activity.systems or ()),
        "description": activity.description,
        "department": activity.department,
        "owner": activity.owner,
        "storage_location": activity.storage_location,
        "privacy_notice": activity.privacy_notice,
        "status": activity.status,
        "last_reviewed": activity.last_reviewed,
        **special_content(register, activity),
    }


@settings(
    max_examples=10,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
    phases=[Phase.explicit, Phase.reuse, Phase.generate],
)
@given(register=art30_registers(), lang=st.sampled_from(LANGS))
def test_art30_content_round_trips_through_the_visible_sheets(
    tmp_path_factory: pytest.TempPathFactory, register: Register, lang: Lang
) -> None:
    path = _visible_only(register, tmp_path_factory.mktemp("art30") / "register.xlsx", lang)
    result = import_file(path)
    assert result.register is not None, [d.message for d in result.diagnostics]
    assert not any(d.code == "IMP-033" for d in result.diagnostics)  # not the embedded register
    imported = result.register
    got = {a.id: _art30(imported, a) for a in imported.activities or ()}
    want = {a.id: _art30(register, a) for a in register.activities or ()}
    assert got.keys() == want.keys()
    for ident, fields in want.items():
        for name, value in fields.items():
            assert got[ident][name] == value, (ident, name)
    for activity in imported.activities or ():
        assert not activity.unmapped, activity.unmapped  # every column was read as its field
    # the importer causes no finding on special-category or criminal data, and hides none
    assert findings(imported) == findings(register)


# --- ropa's own CSV ------------------------------------------------------------------------------------


@pytest.mark.parametrize("lang", LANGS)
def test_ropas_own_csv_keeps_list_items_whole(tmp_path: Path, lang: Lang) -> None:
    from tests.importer.test_own_lists import NAMED, _lists

    ropa.export_csv(NAMED, tmp_path, lang=lang)
    result = import_file(tmp_path / "activities.csv")
    assert result.register is not None, [d.message for d in result.diagnostics]
    (activity,) = result.register.activities or ()
    assert _lists(result.register, activity) == _lists(NAMED, (NAMED.activities or ())[0])
