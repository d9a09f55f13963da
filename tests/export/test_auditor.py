"""The workbook an auditor reads (issue 10): inherited security measures in the (g) column, one marker for
"not stated", cells of several purposes that read against each other, countries by name, new fields of the
model, and empty optional columns folded away."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import openpyxl
import pytest

from ropa.export.columns import Context, table
from ropa.export.xlsx import write_workbook
from ropa.i18n import LANGS, label
from ropa.models import Register
from tests.export.conftest import with_activity


def cells(register: Register, key: str, lang: str = "en", row: int = 0) -> dict[str, Any]:
    """The cells of one row of a table, by column key."""
    ctx = Context(lang, register)  # type: ignore[arg-type]
    spec = table(key)
    columns = spec.columns_for(ctx)
    entity = list(spec.rows(ctx))[row]
    return {c.key: v for c, v in zip(columns, spec.cells(columns, entity, ctx), strict=True)}


# ---- Art. 30(1)(g): organisation-wide measures -----------------------------------------------------------


def test_an_activity_without_measures_of_its_own_shows_the_organisations(webshop: Register) -> None:
    inheriting = with_activity(webshop, 2, security_measures=None)
    measures = cells(inheriting, "activities", "nl", row=2)["security_measures"].splitlines()
    assert measures == [
        "Versleutelde verbindingen (TLS 1.2 of hoger) voor website en beheer. (organisatiebreed)",
        "Dagelijkse versleutelde back-ups, hersteltest per kwartaal. (organisatiebreed)",
        "Toegang op basis van functie; tweestapsverificatie voor beheerders. (organisatiebreed)",
    ]
    # an empty list inherits too (as SEC-001 reads it); measures named by the activity are its own
    assert cells(with_activity(webshop, 2, security_measures=[]), "activities", row=2)["security_measures"]
    own = cells(webshop, "activities", row=1)["security_measures"]
    assert own == "Versleutelde verbindingen (TLS 1.2 of hoger) voor website en beheer."


def test_the_measures_sheet_counts_inherited_use(webshop: Register) -> None:
    inheriting = with_activity(webshop, 2, security_measures=None)
    counts = {
        m.id: (cells(inheriting, "security_measures", row=i)["activity_count"],
               cells(inheriting, "security_measures", row=i)["inherited_count"])
        for i, m in enumerate(inheriting.security_measures or ())
    }  # fmt: skip
    # tls: orders, newsletter and (inherited) bookkeeping; access also in the processor record
    assert counts == {"tls": (3, 1), "backups": (2, 1), "access": (3, 1)}


def test_nothing_to_inherit_and_nothing_stated_is_not_stated(webshop: Register) -> None:
    bare = with_activity(webshop.model_copy(update={"security_measures": None}), 2, security_measures=None)
    assert cells(bare, "activities", "de", row=2)["security_measures"] == "Nicht angegeben"


# ---- one marker for "not stated" -------------------------------------------------------------------------


@pytest.mark.parametrize("lang", LANGS)
def test_every_art30_column_says_not_stated_with_one_marker(lang: str) -> None:
    register = Register.model_validate({"activities": [{"id": "bare", "name": "Bare"}]})
    marker = label("ui.not_stated", lang)
    row = cells(register, "activities", lang)
    art30 = [c.key for c in table("activities").columns if c.art30]
    assert {key: row[key] for key in art30} == dict.fromkeys(art30, marker)
    assert (row["lawful_basis"], row["notes"], row["dpia"]) == (None, None, None)  # grey: empty cells
    organisation = cells(register, "organisation", lang)
    assert organisation["controller"] == organisation["dpo"] == marker
    assert organisation["trade_name"] is None


def test_the_marker_is_explained_in_the_legend(tmp_path: Path, webshop: Register) -> None:
    book = openpyxl.load_workbook(write_workbook(webshop, tmp_path / "r.xlsx", lang="fr"))
    summary = [row[0] for row in book[label("sheet.cover", "fr")].iter_rows(values_only=True)]
    for key in ("legend.not_stated", "legend.organisation_wide", "legend.numbered", "legend.hidden"):
        assert label(key, "fr") in summary
    assert "« Non précisé »" in label("legend.not_stated", "fr")
    legend = book[label("sheet.activities", "fr")]["A1"].value
    assert label("legend.not_stated", "fr") in legend


def test_none_is_not_not_stated(webshop: Register) -> None:
    row = cells(webshop, "activities", "nl")
    assert row["transfers"] == "Geen"  # transfers: [] states that there are none


# ---- lists that pair with the purposes -------------------------------------------------------------------


def test_bases_laws_and_interests_carry_the_number_of_their_purpose(webshop: Register) -> None:
    purposes = [
        {"description": "Orders uitvoeren", "lawful_basis": "6-1-b"},
        {"description": "Fraude voorkomen", "legitimate_interest": "Geen betaalfraude", "lia": "LIA-7"},
        {"description": "Facturen bewaren", "lawful_basis": "6-1-c", "law": "Art. 52 AWR"},
    ]
    register = Register.model_validate(
        {"activities": [{"id": "orders", "name": "Orders", "purposes": purposes}]}
    )
    row = cells(register, "activities", "nl")
    assert row["purposes"].splitlines() == [
        "1. Orders uitvoeren",
        "2. Fraude voorkomen",
        "3. Facturen bewaren",
    ]
    assert row["lawful_basis"].splitlines() == [
        "1. Art. 6(1)(b) AVG – uitvoering van een overeenkomst",
        "2. Niet vermeld",
        "3. Art. 6(1)(c) AVG – wettelijke verplichting",
    ]
    assert row["legal_provision"] == "3. Art. 52 AWR"
    assert row["legitimate_interest"] == "2. Geen betaalfraude"
    assert row["lia"] == "2. LIA-7"
    single = cells(webshop, "activities", row=2)
    assert single["purposes"] == "Financiële administratie en belastingaangifte"  # one purpose: no numbers
    assert single["legal_provision"] == "Art. 52 Algemene wet inzake rijksbelastingen"


# ---- countries -------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("lang", "name"),
    [("en", "United States"), ("nl", "Verenigde Staten"), ("fr", "États-Unis"), ("de", "Vereinigte Staaten")],
)
def test_countries_by_name_in_the_language_with_the_code(webshop: Register, lang: str, name: str) -> None:
    assert cells(webshop, "parties", lang, row=3)["country"] == f"{name} (US)"
    assert cells(webshop, "transfers", lang)["third_country"] == f"{name} (US)"
    assert cells(webshop, "activities", lang, row=1)["transfers"] == f"{name} (US) — Mailchimp (Intuit Inc.)"
    assert cells(webshop, "organisation", lang)["establishment"].endswith(" (NL)")


# ---- the model's newer fields ----------------------------------------------------------------------------

NEWER = {
    "parties": [
        {"id": "tool", "name": "Tool Inc.", "role": "processor", "own_purposes": "product analytics"}
    ],
    "activities": [
        {
            "id": "cameras",
            "name": "Camera images",
            "regime": "led",
            "recipients": [
                "tool",
                {"category": "Insurers", "role": "controller", "country": "CH", "purpose": "claims"},
            ],
            "authority_disclosures": [
                {"authority": "Politie", "law": "Art. 126nd Sv", "description": "on a written demand"}
            ],
        }
    ],
}


@pytest.mark.parametrize("lang", LANGS)
def test_newer_fields_have_columns_in_every_language(lang: str) -> None:
    register = Register.model_validate(NEWER)
    row = cells(register, "activities", lang)
    assert row["regime"] == label("Regime.led", lang)
    assert (
        row["authority_disclosures"]
        == f"Politie — {label('ui.law', lang)}: Art. 126nd Sv — on a written demand"
    )
    assert (
        row["recipients"].splitlines()[1].startswith(f"Insurers — {label('PartyRole.controller', lang)} — ")
    )
    assert row["recipients"].endswith("(CH)")
    assert cells(register, "parties", lang)["own_purposes"] == "product analytics"
    category = cells(register, "recipient_categories", lang)
    assert (category["recipient_category"], category["role"], category["recipient_purpose"]) == (
        "Insurers",
        label("PartyRole.controller", lang),
        "claims",
    )
    for key in ("regime", "authority_disclosures", "own_purposes", "recipient_category", "inherited_count"):
        assert label(f"column.{key}", lang)
    if lang != "en":
        assert label("column.authority_disclosures", lang) != label("column.authority_disclosures", "en")


def test_recipient_categories_get_a_sheet_only_when_there_are_some(tmp_path: Path, webshop: Register) -> None:
    with_categories = Register.model_validate(NEWER)
    names = openpyxl.load_workbook(
        write_workbook(with_categories, tmp_path / "a.xlsx"), read_only=True
    ).sheetnames
    assert "Recipient categories" in names
    names = openpyxl.load_workbook(write_workbook(webshop, tmp_path / "b.xlsx"), read_only=True).sheetnames
    assert "Recipient categories" not in names


# ---- compact: empty optional columns folded away ---------------------------------------------------------


def test_empty_optional_columns_are_hidden_and_art30_columns_never(tmp_path: Path, webshop: Register) -> None:
    book = openpyxl.load_workbook(write_workbook(webshop, tmp_path / "r.xlsx"))
    ws = book[label("sheet.activities", "en")]
    columns = table("activities").columns
    ctx = Context("en", webshop)
    rows = [table("activities").cells(columns, a, ctx) for a in webshop.activities or ()]
    for index, column in enumerate(columns, start=1):
        dimension = ws.column_dimensions[openpyxl.utils.get_column_letter(index)]
        empty = all(row[index - 1] is None for row in rows)
        assert bool(dimension.hidden) == (empty and column.art30 is None), column.key
        if dimension.hidden:
            assert dimension.outline_level == 1  # a group that one click shows
    assert ws.sheet_format.outlineLevelCol == 1
    hidden = [
        c.key
        for i, c in enumerate(columns, 1)
        if ws.column_dimensions[openpyxl.utils.get_column_letter(i)].hidden
    ]
    assert "lia" in hidden
    assert "purposes" not in hidden
    assert "transfers" not in hidden


def test_optional_organisation_items_left_empty_are_hidden_rows(tmp_path: Path, webshop: Register) -> None:
    book = openpyxl.load_workbook(write_workbook(webshop, tmp_path / "r.xlsx"))
    ws = book[label("sheet.cover", "en")]
    hidden = {ws.cell(r, 1).value for r, d in ws.row_dimensions.items() if d.hidden}
    assert "Trade name" in hidden  # optional and empty
    assert "Controller" not in hidden  # Art. 30 items stay, with the marker
    assert "Representative (Art. 27)" not in hidden
