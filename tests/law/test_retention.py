"""ropa.law.retention: how the text of a retention rule is read, in English, Dutch, German and French."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from ropa._data import load_data
from ropa.law import (
    bookkeeping_minimum,
    cites_law,
    claims_statutory,
    keeps_forever,
    names_law,
    statutory_without_duration,
    statutory_without_law,
)
from ropa.models import RetentionKind, RetentionRule

CLAIMS = [
    "Kept for the statutory period",
    "Seven years, as required by law",
    "legal retention period for invoices",
    "7 jaar (wettelijke bewaarplicht)",
    "Voldoen aan de fiscale bewaarplicht",
    "niet langer dan de wettelijke termijn",  # the negation does not deny the claim
    "Gesetzliche Aufbewahrungsfrist für das Lohnkonto",
    "handels- und steuerrechtliche Aufbewahrungsfristen",
    "Pièces comptables conservées pendant la durée légale de conservation.",
    "délai imposé par la loi",
    "conservées conformément aux obligations légales",
]

NO_CLAIM = [
    "Zelf gekozen termijn voor betaalgeschillen; hiervoor geldt geen wettelijke bewaartermijn.",
    "De Leerplichtwet noemt geen bewaartermijn; een termijn die de school zelf koos",
    "Not required by law; we chose one year",
    "There is no statutory period for these data",
    "Keine gesetzliche Aufbewahrungsfrist; selbst gewählt",
    "Es besteht keine Aufbewahrungspflicht",
    "nicht gesetzlich vorgeschrieben",
    "Aucune durée légale ne s'applique",
    "pas de durée légale",
    "pas d'obligation légale de conservation",
    "n'est pas imposée par la loi",
    "Kept for the defence of legal claims",
    "Bewaartermijn in Google Analytics 4",
]


@pytest.mark.parametrize("text", CLAIMS)
def test_a_statutory_phrase_claims_a_statutory_period(text: str) -> None:
    assert claims_statutory(RetentionRule(description=text))
    assert claims_statutory(RetentionRule(criteria=text))


@pytest.mark.parametrize("text", NO_CLAIM)
def test_a_negated_or_absent_statutory_phrase_claims_nothing(text: str) -> None:
    assert not claims_statutory(RetentionRule(description=text))


@pytest.mark.parametrize(
    "text",
    [
        "7 jaar (art. 52 AWR)",
        "§ 147 AO",
        "Art. L. 123-22 Code de commerce",
        "Archiefwet 1995",
        "Handelsgesetzbuch",
    ],
)
def test_a_rule_text_that_cites_a_law_cites_one(text: str) -> None:
    rule = RetentionRule(duration="P7Y", description=f"Wettelijke termijn: {text}")
    assert cites_law(rule)
    assert not statutory_without_law(rule)


def test_a_statutory_period_without_its_law_or_its_length() -> None:
    assert statutory_without_law(RetentionRule(duration="P7Y", description="statutory period"))
    assert statutory_without_duration(RetentionRule(description="la durée légale de conservation"))
    assert statutory_without_duration(RetentionRule(legal_reference="§ 147 AO"))
    assert not statutory_without_duration(RetentionRule(description="geen wettelijke termijn"))


def test_names_law_reads_the_reference_and_the_rule_text_as_whole_words() -> None:
    keywords = ("AWR", "BW")
    assert names_law(RetentionRule(description="7 jaar (art. 52 AWR)"), keywords)
    assert names_law(RetentionRule(legal_reference="art. 2:10 bw"), keywords)
    assert not names_law(RetentionRule(description="7 jaar (BWV-regeling)"), keywords)
    assert not names_law(RetentionRule(description="7 jaar"), ())


def test_the_dutch_bookkeeping_minimum_comes_from_the_data_file() -> None:
    minimum = bookkeeping_minimum("NL")
    assert minimum is not None
    assert minimum.duration == "P7Y"
    assert {"AWR", "BW"} <= set(minimum.reference_keywords)
    assert bookkeeping_minimum("XX") is None
    assert bookkeeping_minimum(None) is None


def test_keeps_forever_reads_the_kind_then_the_text() -> None:
    assert keeps_forever(RetentionRule(kind=RetentionKind.ENDLESS))
    assert keeps_forever(RetentionRule(description="Foto's worden voor altijd bewaard"))
    assert not keeps_forever(RetentionRule(description="altijd na twee jaar verwijderd"))
    assert not keeps_forever(RetentionRule(kind=RetentionKind.TEMPORAL, description="permanently"))


def test_the_vocabulary_file_names_its_source_and_covers_four_languages() -> None:
    data = load_data("retention_vocabulary")
    assert data["source"]
    assert data["retrieved"]
    assert set(data["statutory"]) == set(data["negation"]) == {"en", "nl", "de", "fr"}


@given(st.text(max_size=200))
def test_the_reading_never_crashes_and_a_negated_phrase_adds_no_claim(text: str) -> None:
    rule = RetentionRule(description=text)
    cites_law(rule)
    keeps_forever(rule)
    negated_first = RetentionRule(description=f"geen wettelijke termijn {text}")
    if not claims_statutory(rule):
        assert not claims_statutory(negated_first)
