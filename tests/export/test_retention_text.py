"""Retention rules in words, per language, from ISO 8601 durations read as calendar periods."""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from ropa.export.retention_text import anchor_phrase, duration_text, retention_text
from ropa.i18n import LANGS
from ropa.models import RetentionRule
from ropa.models.vocab import RetentionAnchor


@pytest.mark.parametrize(
    ("lang", "expected"),
    [
        ("nl", "7 jaar na afloop van het boekjaar"),
        ("en", "7 years after the end of the financial year"),
        ("fr", "7 ans après la fin de l'exercice"),
        ("de", "7 Jahre nach Ende des Geschäftsjahres"),
    ],
)
def test_bookkeeping_rule(lang: str, expected: str) -> None:
    rule = RetentionRule(kind="temporal", duration="P7Y", anchor="end-of-financial-year")
    assert retention_text(rule, lang) == expected  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("iso", "en", "nl", "fr", "de"),
    [
        ("P1Y2M", "1 year and 2 months", "1 jaar en 2 maanden", "1 an et 2 mois", "1 Jahr und 2 Monate"),
        ("P30D", "30 days", "30 dagen", "30 jours", "30 Tage"),
        ("P6M", "6 months", "6 maanden", "6 mois", "6 Monate"),
        ("P2W", "2 weeks", "2 weken", "2 semaines", "2 Wochen"),
        ("P1M", "1 month", "1 maand", "1 mois", "1 Monat"),
        ("P18M", "18 months", "18 maanden", "18 mois", "18 Monate"),
        ("PT12H", "12 hours", "12 uur", "12 heures", "12 Stunden"),
        ("PT1.5S", "1.5 seconds", "1,5 seconden", "1,5 seconde", "1,5 Sekunden"),
        (
            "P1Y2M3DT4H",
            "1 year, 2 months, 3 days and 4 hours",
            "1 jaar, 2 maanden, 3 dagen en 4 uur",
            "1 an, 2 mois, 3 jours et 4 heures",
            "1 Jahr, 2 Monate, 3 Tage und 4 Stunden",
        ),
    ],
)
def test_durations(iso: str, en: str, nl: str, fr: str, de: str) -> None:
    assert [duration_text(iso, lang) for lang in LANGS] == [en, nl, fr, de]


def test_a_month_stays_a_month() -> None:
    """No timedelta anywhere: P1M is never 30 days, P1Y never 365 days."""
    assert duration_text("P1M", "en") == "1 month"
    assert duration_text("P1Y", "en") == "1 year"
    assert "day" not in duration_text("P12M", "en")


def test_text_that_is_not_a_duration_is_kept() -> None:
    assert duration_text("seven years", "en") == "seven years"
    assert duration_text("P", "en") == "P"


def test_until_event_with_fallback_and_review() -> None:
    rule = RetentionRule(
        kind="until-event", anchor="account-closure", inactivity_fallback="P2Y", review_period="P1Y"
    )
    assert retention_text(rule, "en") == (
        "until the account is closed; at the latest 2 years after the last activity; review period: 1 year"
    )
    assert retention_text(rule, "nl") == (
        "tot opheffing van het account; uiterlijk 2 jaar na de laatste activiteit; "
        "herbeoordelingstermijn: 1 jaar"
    )


def test_until_event_with_a_duration_runs_from_the_event() -> None:
    rule = RetentionRule(kind="until-event", duration="P2Y", anchor="end-of-contract")
    assert retention_text(rule, "de") == "2 Jahre nach Vertragsende"


def test_custom_anchor_uses_the_description() -> None:
    rule = RetentionRule(kind="until-event", anchor="custom", anchor_description="de klant vertrekt")
    assert retention_text(rule, "nl") == "tot de klant vertrekt"
    rule = RetentionRule(duration="P4W", anchor="custom", anchor_description="het einde van de sollicitatie")
    assert retention_text(rule, "nl") == "4 weken na het einde van de sollicitatie"


@pytest.mark.parametrize(
    ("rule", "lang", "expected"),
    [
        (RetentionRule(kind="endless"), "en", "without time limit"),
        (RetentionRule(kind="endless"), "nl", "onbeperkt"),
        (
            RetentionRule(kind="criteria", criteria="zolang de garantie loopt"),
            "fr",
            "déterminée selon des critères : zolang de garantie loopt",
        ),
        (RetentionRule(kind="criteria"), "de", "nach Kriterien bestimmt"),
        (
            RetentionRule(kind="indeterminate", criteria="per dossier"),
            "en",
            "indeterminate period; determined by criteria: per dossier",
        ),
        (RetentionRule(kind="until-date", until=dt.date(2030, 12, 31)), "de", "bis zum 31. Dezember 2030"),
        (RetentionRule(kind="until-date", until=dt.date(2030, 1, 1)), "fr", "jusqu'au 1er janvier 2030"),
        (RetentionRule(duration="P6M"), "en", "6 months"),
        (RetentionRule(description="Zolang nodig"), "nl", "Zolang nodig"),
        (RetentionRule(), "nl", "Niet vermeld"),
    ],
)
def test_kinds(rule: RetentionRule, lang: str, expected: str) -> None:
    assert retention_text(rule, lang) == expected  # type: ignore[arg-type]


@pytest.mark.parametrize("anchor", list(RetentionAnchor))
@pytest.mark.parametrize("lang", LANGS)
def test_every_anchor_has_both_phrases(anchor: RetentionAnchor, lang: str) -> None:
    assert anchor_phrase(anchor, lang) != anchor_phrase(anchor, lang, until=True)


def _iso(*amounts: int | None) -> str:
    return "P" + "".join(f"{n}{unit}" for n, unit in zip(amounts, "YMWD", strict=True) if n is not None)


durations = st.builds(_iso, *(st.none() | st.integers(0, 999) for _ in range(4))).filter(lambda t: t != "P")


@given(durations, st.sampled_from(LANGS))
def test_every_number_of_a_duration_appears_in_its_text(iso: str, lang: str) -> None:
    text = duration_text(iso, lang)  # type: ignore[arg-type]
    assert re.findall(r"\d+", text) == [str(int(n)) for n in re.findall(r"\d+", iso)]


BEFORE = Path(__file__).parent / "data" / "retention_text_before.json"
"""The output of retention_text() and duration_text() for 546 generated rules (every kind and anchor, six
random combinations of the other fields each) and 27 durations, recorded with the implementation that
kept its words in Python tables, before they moved into the catalogues."""


def test_the_words_moved_into_the_catalogues_unchanged() -> None:
    recorded = json.loads(BEFORE.read_text(encoding="utf-8"))
    assert len(recorded["rules"]) >= 500
    changed = []
    for case in recorded["rules"]:
        rule = RetentionRule.model_validate(case["rule"])
        changed += [
            (case["rule"], lang) for lang in LANGS if retention_text(rule, lang) != case["text"][lang]
        ]
    changed += [
        (case["iso"], lang)
        for case in recorded["durations"]
        for lang in LANGS
        if duration_text(case["iso"], lang) != case["text"][lang]
    ]
    assert changed == []
