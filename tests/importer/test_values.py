"""Reading cells: headings, lawful bases, retention periods, lists, countries, dates, yes/no, locations."""

from __future__ import annotations

import datetime as dt

import pytest

from ropa.diagnostics import Location
from ropa.importer import format_location
from ropa.importer._headers import match_heading
from ropa.importer._values import (
    is_not_stated,
    parse_art9,
    parse_bool_prefix,
    parse_countries,
    parse_date,
    parse_lawful_bases,
    parse_mechanism,
    parse_retention,
    slugify,
    split_items,
    split_lines,
    strip_role,
)
from ropa.importer.synonyms import FIELD_SYNONYMS, FIELDS, normalise
from tests.importer._books import DUTCH_HEADINGS, GERMAN_HEADINGS, ICO_HEADINGS


@pytest.mark.parametrize(
    ("heading", "field"),
    [
        # Dutch (AP / GBA)
        ("Doel van de verwerking", "purposes"),
        ("Grondslag", "lawful_basis"),
        ("Categorieën van betrokkenen", "data_subjects"),
        ("Categorieën van persoonsgegevens", "data_categories"),
        ("Bewaartermijn", "retention"),
        ("Ontvangers", "recipients"),
        ("Bijzondere categorieën van persoonsgegevens", "special_categories"),
        # French (CNIL)
        ("Finalité(s)", "purposes"),
        ("Catégories de personnes concernées", "data_subjects"),
        ("Durée de conservation", "retention"),
        ("Base légale", "lawful_basis"),
        ("Catégories de destinataires", "recipients"),
        # German (VVT)
        ("Zweck der Verarbeitung", "purposes"),
        ("Rechtsgrundlage", "lawful_basis"),
        ("Kategorien betroffener Personen", "data_subjects"),
        ("Löschfristen", "retention"),
        ("Technische und organisatorische Maßnahmen", "security_measures"),
        # case, accents, punctuation and remarks do not matter
        ("CATEGORIEEN VAN BETROKKENEN", "data_subjects"),
        ("  Doel van de verwerking:  ", "purposes"),
        ("Retention schedule (if possible)", "retention"),
        ("Bewaartermijn persoonsgegevens", "retention"),  # starts with a known heading
        ("Welke categorieën van persoonsgegevens verwerkt u?", "data_categories"),  # contains one
        ("Legitimate interests for the processing (if applicable)", "legitimate_interest"),
        ("Link to record of legitimate interests assessment (if applicable)", "lia"),
    ],
)
def test_headings(heading: str, field: str) -> None:
    found = match_heading(heading)
    assert found is not None
    assert found.field == field


@pytest.mark.parametrize(
    "heading", ["Prijs", "Colour code", "Kleur", "", "Register van verwerkingsactiviteiten"]
)
def test_unknown_headings(heading: str) -> None:
    assert match_heading(heading) is None


def test_every_template_heading_is_recognised() -> None:
    for heading in [*ICO_HEADINGS, *DUTCH_HEADINGS[:-1], *GERMAN_HEADINGS]:
        assert match_heading(heading) is not None, heading


def test_synonyms_name_known_fields_and_do_not_collide() -> None:
    assert set(FIELD_SYNONYMS) <= set(FIELDS)
    owner: dict[str, str] = {}
    for field, synonyms in FIELD_SYNONYMS.items():
        for synonym in synonyms:
            key = normalise(synonym)
            assert key, synonym
            assert owner.setdefault(key, field) == field, f"'{synonym}' is a heading of two fields"


def test_mapping_comes_first() -> None:
    found = match_heading("Grondslag", {"grondslag": "notes"})
    assert found is not None
    assert (found.field, found.from_mapping) == ("notes", True)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Art. 6(1)(b)", ["6-1-b"]),
        ("6.1.b", ["6-1-b"]),
        ("6-1-f", ["6-1-f"]),
        ("Article 6(1)(e) UK GDPR", ["6-1-e"]),
        ("art. 6 lid 1 sub f AVG", ["6-1-f"]),
        ("artikel 6, eerste lid, onder c, AVG", ["6-1-c"]),
        ("Art. 6 Abs. 1 lit. c DSGVO", ["6-1-c"]),
        ("Art. 6 Abs. 1 S. 1 lit. a DSGVO", ["6-1-a"]),
        ("uitvoering overeenkomst", ["6-1-b"]),
        ("Uitvoering van een overeenkomst", ["6-1-b"]),
        ("Vertragserfüllung", ["6-1-b"]),
        ("consentement", ["6-1-a"]),
        ("Toestemming", ["6-1-a"]),
        ("legitimate interests", ["6-1-f"]),
        ("gerechtvaardigd belang", ["6-1-f"]),
        ("Berechtigtes Interesse", ["6-1-f"]),
        ("wettelijke verplichting", ["6-1-c"]),
        ("Obligation légale", ["6-1-c"]),
        ("Taak van algemeen belang", ["6-1-e"]),
        ("Vitale belangen", ["6-1-d"]),
        ("Contract; legal obligation", ["6-1-b", "6-1-c"]),
        ("Because we always did it", []),
        ("", []),
    ],
)
def test_lawful_bases(text: str, expected: list[str]) -> None:
    assert [b.value for b in parse_lawful_bases(text).bases] == expected


def test_lawful_basis_parts_and_extra_text() -> None:
    reading = parse_lawful_bases("Contract\nLegal obligation")
    assert [[b.value for b in part] for part in reading.per_part] == [["6-1-b"], ["6-1-c"]]
    assert not reading.extra
    assert not parse_lawful_bases("Art. 6(1)(b) GDPR").extra
    assert parse_lawful_bases("Wettelijke verplichting (art. 52 AWR)").extra
    both = parse_lawful_bases("toestemming of gerechtvaardigd belang")
    assert [[b.value for b in part] for part in both.per_part] == [["6-1-a", "6-1-f"]]


def test_art9() -> None:
    conditions, extra = parse_art9("Art. 9(2)(h)")
    assert [c.value for c in conditions] == ["9-2-h"]
    assert not extra
    conditions, extra = parse_art9("Explicit consent of the employee")
    assert [c.value for c in conditions] == ["9-2-a"]
    assert extra
    assert parse_art9("Whatever") == ([], True)


@pytest.mark.parametrize(
    ("text", "duration", "anchor"),
    [
        ("7 jaar", "P7Y", None),
        ("2 years", "P2Y", None),
        ("30 dagen", "P30D", None),
        ("10 ans", "P10Y", None),
        ("6 Monate", "P6M", None),
        ("zeven jaar", "P7Y", None),
        ("twee weken", "P2W", None),
        ("7yrs", "P7Y", None),
        ("7-year retention", "P7Y", None),
        ("24 uur", "PT24H", None),
        ("7 jaar en 6 maanden", "P7Y6M", None),
        ("7 jaar na afloop van het boekjaar", "P7Y", "end-of-financial-year"),
        ("3 years after the end of the contract", "P3Y", "end-of-contract"),
        ("3 ans à compter de la fin de la relation contractuelle", "P3Y", "end-of-relationship"),
        ("1 jaar na laatste contact", "P1Y", "last-activity"),
        ("4 Wochen nach Abschluss des Bewerbungsverfahrens", "P4W", "end-of-procedure"),
        ("Tot intrekking van de toestemming", None, "consent-withdrawal"),
        ("Facturen 7 jaar, overige gegevens 2 jaar", None, None),
        ("2-3 jaar", None, None),
        ("2 à 3 ans", None, None),
        ("1.5 years", None, None),
        ("0 days", None, None),
        ("As long as necessary", None, None),
        ("art. 2.10 BW: 7 jaar", "P7Y", None),
    ],
)
def test_retention(text: str, duration: str | None, anchor: str | None) -> None:
    reading = parse_retention(text)
    assert reading.duration == duration
    assert (reading.anchor.value if reading.anchor else None) == anchor


@pytest.mark.parametrize(
    "text",
    ["", "  ", "N/A", "n/a", "n.v.t.", "N.V.T.", "nvt", "-", "—", "none", "None", "geen", "Niet vermeld"],
)
def test_not_stated(text: str) -> None:
    assert is_not_stated(text)


@pytest.mark.parametrize("text", ["No", "Nee", "0", "Klanten"])
def test_stated(text: str) -> None:
    assert not is_not_stated(text)


def test_lists() -> None:
    assert split_items("Naam, adres (straat, huisnummer), e-mail") == [
        "Naam",
        "adres (straat, huisnummer)",
        "e-mail",
    ]
    assert split_items("Name, address\nE-mail; Phone") == ["Name, address", "E-mail", "Phone"]
    assert split_items("- one\n- two\n• three") == ["one", "two", "three"]
    assert split_items("1. one\n2) two") == ["one", "two"]
    assert split_items("Klanten, n.v.t., -") == ["Klanten"]
    assert split_lines("Orders, returns and complaints\nInvoices") == [
        "Orders, returns and complaints",
        "Invoices",
    ]


def test_countries() -> None:
    found, rest = parse_countries(
        [
            "VS",
            "Verenigde Staten",
            "États-Unis",
            "USA",
            "IN",
            "Schweiz",
            "US — Google",
            "India (support)",
            "Mars",
        ]
    )
    assert [code for code, _ in found] == ["US", "IN", "CH"]
    assert rest == ["Mars"]
    remarks = dict(parse_countries(["US — Google", "India (support)"])[0])
    assert remarks == {"US": "Google", "IN": "support"}


def test_mechanisms() -> None:
    assert parse_mechanism("Standard contractual clauses (module 2)").value == "scc"  # type: ignore[union-attr]
    assert parse_mechanism("EU-US Data Privacy Framework").value == "adequacy"  # type: ignore[union-attr]
    assert parse_mechanism("Bindende bedrijfsvoorschriften").value == "bcr"  # type: ignore[union-attr]
    assert parse_mechanism("SCCs and BCRs").value == "scc"  # type: ignore[union-attr]  # the first named
    assert parse_mechanism("trust") is None


def test_ids_and_names() -> None:
    assert slugify("Klanten (B2C)") == "klanten-b2c"
    assert slugify("Ünïcödé Straße") == "unicode-strasse"
    assert slugify("客户") == ""
    assert len(slugify("word " * 40)) <= 60
    assert strip_role("Mailchimp (verwerker)") == "Mailchimp"
    assert strip_role("PostNL — Verwerker") == "PostNL"
    assert strip_role("Acme (Europe) Ltd") == "Acme (Europe) Ltd"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2024-12-31", dt.date(2024, 12, 31)),
        ("31-12-2024", dt.date(2024, 12, 31)),
        ("31/12/2024", dt.date(2024, 12, 31)),
        ("31.12.2024", dt.date(2024, 12, 31)),
        ("2024-02-30", None),
        ("12/31/2024", None),
        ("last year", None),
    ],
)
def test_dates(text: str, expected: dt.date | None) -> None:
    assert parse_date(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Ja, uitgevoerd in 2023", (True, "uitgevoerd in 2023")),
        ("Nee", (False, "")),
        ("Oui", (True, "")),
        ("nein.", (False, "")),
        ("✓", (True, "")),
        ("Yesterday", (None, "Yesterday")),
        ("maybe", (None, "maybe")),
    ],
)
def test_yes_no(text: str, expected: tuple[bool | None, str]) -> None:
    assert parse_bool_prefix(text) == expected


@pytest.mark.parametrize(
    ("pointer", "shown"),
    [
        ("/Register/B12", "book.xlsx:Register!B12"),
        ("/Register/12", "book.xlsx:Register!12:12"),
        ("/Register/AB", "book.xlsx:Register!AB:AB"),
        ("/Register", "book.xlsx:Register"),
        ("/a~1b/C3", "book.xlsx:a/b!C3"),
        ("/_ropa/activities/0/name", "book.xlsx:_ropa/activities/0/name"),
        ("", "book.xlsx"),
    ],
)
def test_location_format(pointer: str, shown: str) -> None:
    assert format_location(Location("book.xlsx", pointer)) == shown
