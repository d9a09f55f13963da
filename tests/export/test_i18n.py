"""Labels: every code and term in four languages, sheet names Excel accepts, article references."""

from __future__ import annotations

import datetime as dt
import inspect
import re
from enum import StrEnum

import pytest

from ropa import i18n
from ropa.diagnostics import LegalRef, Severity
from ropa.i18n import LANGS, article, format_date, format_int, label, legal_ref, normalise_lang, term_keys
from ropa.models import vocab
from ropa.models.vocab import LawfulBasis, PartyRole, ProcessingRole, TransferMechanism

VOCAB_ENUMS = [
    obj
    for _, obj in inspect.getmembers(vocab, inspect.isclass)
    if issubclass(obj, StrEnum) and obj.__module__ == vocab.__name__
]


def test_every_vocabulary_enum_is_labelled() -> None:
    assert VOCAB_ENUMS, "found no enumerations in ropa.models.vocab"
    assert set(VOCAB_ENUMS) | {Severity} == set(i18n.ENUMS)


@pytest.mark.parametrize("enum", [*VOCAB_ENUMS, Severity], ids=lambda e: e.__name__)
@pytest.mark.parametrize("lang", LANGS)
def test_every_member_has_a_label(enum: type[StrEnum], lang: str) -> None:
    labels = [label(member, lang) for member in enum]
    assert all(text.strip() == text and text for text in labels)
    assert len(set(labels)) == len(labels), f"two members of {enum.__name__} share a label in {lang}"


@pytest.mark.parametrize("lang", LANGS)
def test_every_term_has_a_text(lang: str) -> None:
    for key in term_keys():
        assert label(key, lang), key


@pytest.mark.parametrize("lang", LANGS)
def test_sheet_names_are_valid_excel_names(lang: str) -> None:
    names = [label(key, lang) for key in term_keys() if key.startswith("sheet.")]
    assert len(names) == 14
    for name in names:
        assert 1 <= len(name) <= 31, name
        assert not re.search(r"[\\/*?:\[\]]", name), name
        assert name.strip("'") == name, name
        assert name.lower() != "history"  # reserved by Excel
    folded = [n.casefold() for n in names]
    assert len(set(folded)) == len(folded), "sheet names must be unique, ignoring case"
    assert not {"_ropa", "_lists"} & set(folded)


def test_lawful_bases_carry_the_article_in_each_language() -> None:
    assert label(LawfulBasis.CONTRACT, "nl") == "Art. 6(1)(b) AVG – uitvoering van een overeenkomst"
    assert label(LawfulBasis.CONTRACT, "en") == "Art. 6(1)(b) GDPR – performance of a contract"
    assert label(LawfulBasis.LEGITIMATE_INTERESTS, "fr") == "Art. 6(1)(f) RGPD – intérêts légitimes"
    assert label(LawfulBasis.CONSENT, "de") == "Art. 6 Abs. 1 lit. a DSGVO – Einwilligung"


def test_headers_use_the_official_terms() -> None:
    assert label("column.purposes", "nl") == "Verwerkingsdoeleinden"
    assert label("column.data_subjects", "fr") == "Catégories de personnes concernées"
    assert label("column.recipients", "de") == "Kategorien von Empfängern"
    assert label("column.dpo", "nl") == "Functionaris voor gegevensbescherming (FG)"
    assert label("cover.title", "de") == "Verzeichnis von Verarbeitungstätigkeiten"


def test_plain_codes_are_accepted_when_unambiguous() -> None:
    assert label("6-1-b", "en") == label(LawfulBasis.CONTRACT, "en")
    assert label("scc", "de") == label(TransferMechanism.SCC, "de")
    assert label("processor", "nl") == "Verwerker"  # same text in PartyRole and ProcessingRole
    assert label(PartyRole.CONTROLLER, "en") != label(ProcessingRole.CONTROLLER, "en")
    with pytest.raises(KeyError, match="several enumerations"):
        label("controller", "en")
    with pytest.raises(KeyError):
        label("no-such-code", "en")


def test_unknown_language_is_refused() -> None:
    with pytest.raises(ValueError, match="unsupported language"):
        label(LawfulBasis.CONSENT, "es")


@pytest.mark.parametrize(
    ("ref", "lang", "expected"),
    [
        ("30(1)(b)", "en", "Art. 30(1)(b) GDPR"),
        ("30(1)(b)", "nl", "Art. 30(1)(b) AVG"),
        ("30(1)(b)", "fr", "Art. 30(1)(b) RGPD"),
        ("30(1)(b)", "de", "Art. 30 Abs. 1 lit. b DSGVO"),
        ("45", "de", "Art. 45 DSGVO"),
        ("33(5)", "en", "Art. 33(5) GDPR"),
    ],
)
def test_article(ref: str, lang: str, expected: str) -> None:
    assert article(ref, lang) == expected  # type: ignore[arg-type]


def test_article_rejects_garbage() -> None:
    with pytest.raises(ValueError, match="not an article reference"):
        article("thirty", "en")


def test_legal_ref_keeps_other_instruments() -> None:
    assert legal_ref(LegalRef("30", 1, "f"), "nl") == "Art. 30(1)(f) AVG"
    assert legal_ref(LegalRef("46", None, None, "UAVG"), "de") == "Art. 46 UAVG"


@pytest.mark.parametrize(
    ("lang", "expected"),
    [
        ("en", "1 December 2030"),
        ("nl", "1 december 2030"),
        ("fr", "1er décembre 2030"),
        ("de", "1. Dezember 2030"),
    ],
)
def test_format_date(lang: str, expected: str) -> None:
    assert format_date(dt.date(2030, 12, 1), lang) == expected  # type: ignore[arg-type]


def test_format_int() -> None:
    assert format_int(1234567, "en") == "1,234,567"
    assert format_int(1234567, "nl") == "1.234.567"
    assert format_int(1234, "fr") == "1\u202f234"


@pytest.mark.parametrize(
    ("value", "expected"),
    [("nl", "nl"), ("NL", "nl"), ("nl-BE", "nl"), ("de_AT", "de"), ("es", None), (None, None)],
)
def test_normalise_lang(value: str | None, expected: str | None) -> None:
    assert normalise_lang(value) == expected


@pytest.mark.parametrize("lang", ["nl", "fr", "de"])
def test_labels_keep_the_placeholders_of_their_english(lang: str) -> None:
    """A label that is a template (``retention.until_date`` = ``until {date}``) has the same placeholders
    in every language, or its text cannot be filled in."""
    english = i18n.catalogue("en").labels
    translated = i18n.catalogue(lang).labels
    different = {
        key: (text, translated[key])
        for key, text in english.items()
        if sorted(i18n.placeholders(text)) != sorted(i18n.placeholders(translated[key]))
    }
    assert different == {}
    assert i18n.placeholders(english["retention.until_date"]) == ["date"]
