"""What a retention rule says about the law behind its period (Art. 5(1)(e), 13(2)(a), 30(1)(f)).

A rule's *text* is its ``description``, ``criteria`` and ``anchor_description``. Read with the vocabulary
of ``ropa/data/retention_vocabulary.json`` (English, Dutch, German, French):

- a rule **claims a statutory period** when its text says the period is set by law ("statutory",
  "wettelijke bewaarplicht", "gesetzliche Aufbewahrungsfrist", "durée légale de conservation"), unless a
  negation directly precedes the phrase ("hiervoor geldt **geen** wettelijke bewaartermijn", "not required
  by law", "keine gesetzliche Pflicht", "aucune durée légale"); a ``legal_reference`` also says the
  period comes from law;
- a rule **cites a law** when it has a ``legal_reference``, or its own text cites one ("7 jaar
  (art. 52 AWR)", "§ 147 AO", "Code de commerce");
- a rule **names** a particular law (the AWR or the BW for Dutch bookkeeping) when its ``legal_reference``
  or its text does;
- a rule **keeps data without end** when its kind is ``endless``, or it states no period and its text says
  "indefinitely", "onbeperkt" and the like.

The statutory minimum period for bookkeeping data of a country (``ropa/data/statutory_retention.json``)
is read here too. RET-002, RET-004, RET-007, RET-008 and NL-003 all read retention rules here, so that a rule
whose text names its law is never "missing its law" for one rule and fine for another.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from ropa._data import load_data
from ropa.models import RetentionKind, RetentionRule

__all__ = [
    "StatutoryMinimum",
    "bookkeeping_minimum",
    "cites_law",
    "claims_statutory",
    "keeps_forever",
    "names_law",
    "rule_text",
    "statutory_without_duration",
    "statutory_without_law",
]


@cache
def _vocabulary() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    """The statutory, negation, citation and endless expressions, each joined into one."""
    data = load_data("retention_vocabulary")

    def joined(patterns: list[str], suffix: str = "") -> re.Pattern[str]:
        return re.compile("|".join(f"(?:{p}){suffix}" for p in patterns), re.IGNORECASE)

    def every_language(key: str) -> list[str]:
        return [pattern for patterns in data[key].values() for pattern in patterns]

    return (
        joined(every_language("statutory")),
        joined(every_language("negation")),
        joined(data["citation"]),
        joined(data["endless"]),
    )


def rule_text(rule: RetentionRule) -> str:
    """The rule's own words: ``description``, ``criteria`` and ``anchor_description``."""
    return " ".join(t for t in (rule.description, rule.criteria, rule.anchor_description) if t)


def _claims_in(text: str) -> bool:
    statutory, _, _, _ = _vocabulary()
    return any(not _negated(text, match.start()) for match in statutory.finditer(text))


def _negated(text: str, start: int) -> bool:
    """True when a negation ends right before ``start`` (at most an article in between)."""
    _, negation, _, _ = _vocabulary()
    return negation.search(text[:start]) is not None


def claims_statutory(rule: RetentionRule) -> bool:
    """True when the rule's text says its period is set by law, in a phrase no negation denies."""
    return _claims_in(rule_text(rule))


def cites_law(rule: RetentionRule) -> bool:
    """True when the rule names the law behind its period: a ``legal_reference``, or its own text cites
    one ("7 jaar (art. 52 AWR)")."""
    if rule.legal_reference is not None and rule.legal_reference.strip():
        return True
    _, _, citation, _ = _vocabulary()
    return citation.search(rule_text(rule)) is not None


def names_law(rule: RetentionRule, keywords: tuple[str, ...]) -> bool:
    """True when the rule's ``legal_reference`` or its own text names one of ``keywords`` (whole words,
    case-insensitive): ``("AWR", "BW", "Burgerlijk Wetboek")`` for Dutch bookkeeping."""
    if not keywords:
        return False
    pattern = _keyword_pattern(keywords)
    texts = (rule.legal_reference, rule.description, rule.criteria, rule.anchor_description)
    return any(text and pattern.search(text) for text in texts)


@cache
def _keyword_pattern(keywords: tuple[str, ...]) -> re.Pattern[str]:
    return re.compile(r"\b(?:" + "|".join(re.escape(k) for k in keywords) + r")\b", re.IGNORECASE)


def keeps_forever(rule: RetentionRule) -> bool:
    """True for a rule of kind ``endless``, or one that states no period and says "indefinitely"."""
    if rule.kind is RetentionKind.ENDLESS:
        return True
    if rule.kind in (RetentionKind.TEMPORAL, RetentionKind.UNTIL_DATE, RetentionKind.UNTIL_EVENT):
        return False
    _, _, _, endless = _vocabulary()
    return rule.duration is None and rule.until is None and endless.search(rule_text(rule)) is not None


def statutory_without_duration(rule: RetentionRule) -> bool:
    """True when a rule says the period is set by law (its text or a ``legal_reference``) but gives none."""
    if rule.duration is not None or rule.until is not None or keeps_forever(rule):
        return False
    return rule.legal_reference is not None or claims_statutory(rule)


def statutory_without_law(rule: RetentionRule) -> bool:
    """True when a rule gives a period and says it is set by law, but names no law. A period the
    organisation chose itself (the rule does not call it statutory) needs no law, whatever the basis."""
    if rule.duration is None and rule.until is None:
        return False
    return claims_statutory(rule) and not cites_law(rule)


@dataclass(frozen=True, slots=True)
class StatutoryMinimum:
    """A statutory minimum retention period of ``ropa/data/statutory_retention.json``.

    Attributes:
        duration: the ISO 8601 period, e.g. ``P7Y``.
        legal_reference: the provisions that set it, e.g. ``Art. 52(4) AWR; Art. 2:10(3) BW``.
        reference_keywords: names by which a retention rule cites those laws (``AWR``, ``BW``, ...).
    """

    duration: str
    legal_reference: str
    reference_keywords: tuple[str, ...]


@cache
def bookkeeping_minimum(country: str | None) -> StatutoryMinimum | None:
    """The statutory retention period for bookkeeping data in ``country``, if ropa's data file has one."""
    if country is None:
        return None
    for entry in load_data("statutory_retention")["entries"].get(country, ()):
        if entry.get("applies_to") == "bookkeeping":
            return StatutoryMinimum(
                duration=entry["duration"],
                legal_reference=entry["legal_reference"],
                reference_keywords=tuple(entry.get("reference_keywords") or ()),
            )
    return None
