"""The complaint authorities of ropa notice: every EEA country, names in the national language(s) and
English, a source for every verified entry, and Germany's competence by Land modelled without a guess."""

from __future__ import annotations

import datetime as dt
import re

import pytest

from ropa._data import eea_countries
from ropa.models import Register
from ropa.publishing._view import build_view
from ropa.publishing.authorities import (
    all_authorities,
    authority_list,
    complaint_authority,
    table,
)
from ropa.publishing.notice import build_notice

GERMAN_LAENDER = {
    "DE-BW", "DE-BY", "DE-BE", "DE-BB", "DE-HB", "DE-HH", "DE-HE", "DE-MV",
    "DE-NI", "DE-NW", "DE-RP", "DE-SL", "DE-SN", "DE-ST", "DE-SH", "DE-TH",
}  # fmt: skip
"""ISO 3166-2:DE, the sixteen Länder."""


def test_every_eea_country_has_an_entry() -> None:
    assert set(table()["authorities"]) == set(eea_countries())
    assert len(table()["authorities"]) == 30  # EU 27 and Iceland, Liechtenstein, Norway


def test_every_authority_is_named_in_english_and_a_national_language_with_its_site() -> None:
    seen = 0
    for authority in all_authorities():
        seen += 1
        assert authority.name_en.strip(), authority
        assert authority.names, authority
        assert all(name.strip() for name in authority.names.values()), authority
        assert all(re.fullmatch(r"[a-z]{2}", lang) for lang in authority.names), authority
        assert re.fullmatch(r"https://[a-z0-9.-]+\.[a-z]{2,}(/\S*)?", authority.url), authority
    assert seen == 29 + 1 + 16 + 1  # 29 countries, the BfDI, 16 Länder, Bavaria's second authority


def test_verified_entries_cite_a_dated_source_and_the_others_say_what_is_missing() -> None:
    for authority in all_authorities():
        if authority.verified:
            assert authority.source, authority
            assert authority.read is not None
            assert dt.date.fromisoformat(authority.read) <= dt.date.fromisoformat(table()["version"])
        else:
            assert authority.note, f"{authority.country} {authority.region}: unverified without a note"
    verified = sum(a.verified for a in all_authorities())
    assert verified >= 25  # most entries were read in a source for this file


def test_germany_depends_on_the_land_and_is_never_guessed() -> None:
    assert complaint_authority("DE") is None  # no Land: no answer rather than the BfDI
    assert set(table()["authorities"]["DE"]["states"]) == GERMAN_LAENDER
    private = complaint_authority("DE", "DE-BY")
    public = complaint_authority("DE", "DE-BY", public_body=True)
    assert private is not None
    assert public is not None
    assert (private.url, public.url) == ("https://www.lda.bayern.de", "https://www.datenschutz-bayern.de")
    berlin = complaint_authority("DE", "DE-BE")
    assert berlin is not None
    assert berlin.region == "DE-BE"
    assert berlin.country == "DE"
    assert complaint_authority("DE", "DE-XX") is None
    listing = authority_list("DE")
    assert listing is not None
    assert listing.url.startswith("https://")
    assert "§ 40 BDSG" in listing.note
    assert authority_list("NL") is None
    federal = next(a for a in all_authorities() if a.country == "DE" and a.region is None)
    assert federal.competence is not None
    assert "telecommunications" in federal.competence


@pytest.mark.parametrize(
    ("country", "lang", "expected"),
    [
        ("BE", "fr", "Autorité de protection des données"),
        ("BE", "nl", "Gegevensbeschermingsautoriteit"),
        ("BE", "en", "Gegevensbeschermingsautoriteit"),  # the official name comes first
        ("NL", "de", "Autoriteit Persoonsgegevens"),
        ("BG", "nl", "Комисия за защита на личните данни – Commission for Personal Data Protection"),
        ("GR", "en", "Αρχή Προστασίας Δεδομένων Προσωπικού Χαρακτήρα – Hellenic Data Protection Authority"),
        ("IE", "en", "Data Protection Commission"),
    ],
)
def test_the_name_shown_in_a_language(country: str, lang: str, expected: str) -> None:
    authority = complaint_authority(country)
    assert authority is not None
    assert authority.name(lang) == expected


def test_the_unknown_and_missing_countries() -> None:
    assert complaint_authority(None) is None
    assert complaint_authority("US") is None
    assert complaint_authority("GB") is None  # no longer in the EEA


def _rights(country: str, lang: str = "en", *, public: bool = False) -> list[tuple[str, str]]:
    register = Register.model_validate(
        {
            "organisation": {"name": "Shop", "country": country, "public_authority": public},
            "activities": [
                {
                    "id": "orders",
                    "name": "Orders",
                    "purposes": [{"description": "Sell", "lawful_basis": "6-1-b"}],
                }
            ],
        }
    )
    notice = build_notice(build_view(register, lang), register, dt.date(2026, 12, 3))  # type: ignore[arg-type]
    section = next(s for s in notice.sections if s.key == "rights")
    return [(b.kind, b.text) for b in section.blocks]


def test_the_notice_names_the_authority_of_the_country() -> None:
    blocks = _rights("SE", "en")
    assert ("para", next(t for k, t in blocks if "Integritetsskyddsmyndigheten" in t)) in blocks
    assert any("https://www.imy.se" in t for _, t in blocks)
    french = _rights("LU", "fr")
    assert any(
        "Commission nationale pour la protection des données (CNPD) (https://cnpd.public.lu)" in t
        for _, t in french
    )


def test_the_notice_for_germany_points_to_the_list_and_asks_for_the_land() -> None:
    blocks = _rights("DE", "de")
    texts = [t for _, t in blocks]
    assert not any("bfdi.bund.de" in t for t in texts)  # the BfDI is not named as the authority of a company
    assert any("https://www.datenschutzkonferenz-online.de" in t for t in texts)
    assert ("review", next(t for k, t in blocks if k == "review")) in blocks
    assert any("Land" in t for k, t in blocks if k == "review")
