"""Reading retention periods written in words (Art. 30(1)(f)).

``7 jaar`` → ``P7Y``; ``2 years after the end of the contract`` → ``P2Y`` from the end of the contract.
What cannot be read exactly stays text: a range, a fraction, several periods in one line, a period with
a condition (``10 jaar indien een procedure loopt``) or one counted back from an event (``30 Tage vor der
Wahl``) never becomes an unconditional period after collection; it is kept as the rule's criteria.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import Enum
from functools import cache

from ropa.importer._vocab import fold, has_words, numbers, terms, terms_by
from ropa.models.vocab import RetentionAnchor

__all__ = ["Retention", "RetentionReading", "parse_retention", "read_retention"]

_FRACTION_RE = re.compile(r"\d+[.,]\d+\s*-?\s*(?P<unit>[^\W\d_]+)")
_RANGE_RE = re.compile(
    r"\d+\s*(?:[-–—]|\b(?:to|tot|a|à|bis|or|of|ou|oder)\b)\s*\d+\s*-?\s*(?P<unit>[^\W\d_]+)", re.IGNORECASE
)
_DURATION_RE = re.compile(r"\b(\d{1,3}|[a-z]+)\s?(?:-\s?)?([a-z]+)\b")
_CONNECTOR = re.compile(r"^\s*(?:and|en|et|und|,)?\s*$")
_NOT_CONDITIONS = frozenset({"when", "wanneer", "als"})
"""Words of the conditionals section that in a retention text usually mean "when" or "as", not "if"."""
_RETENTION_CONDITIONS = ("bij", "bei", "en cas de", "in case of", "where", "im falle eines", "bij een")
"""In a retention text these introduce a case (``bij een klacht 5 jaar``, ``bei Rechtsstreit``)."""
_BACK = frozenset({"voor", "before", "vor", "avant", "prior"})
"""The word right after a period that counts it back from an event (``30 dagen voor de verkiezing``)."""


@cache
def _units() -> dict[str, str]:
    return {word: unit for unit, words in terms_by("retention_units").items() for word in words}


@cache
def _conditions() -> tuple[str, ...]:
    return (
        tuple(t for t in terms("conditionals") if t not in _NOT_CONDITIONS)
        + terms("exceptions")
        + _RETENTION_CONDITIONS
    )


@dataclass(frozen=True, slots=True)
class Retention:
    """A retention period read from text: an ISO 8601 duration and the event it runs from."""

    duration: str | None
    anchor: RetentionAnchor | None


class Why(Enum):
    """Why a retention text gave no period."""

    NONE = "it names no period"
    SEVERAL = "it names several periods"
    RANGE = "it names a range or a fraction"
    CONDITIONAL = "the period depends on a condition"
    BEFORE = "the period is counted back from an event"


def _periods(text: str, folded: str) -> tuple[list[tuple[int, int, int, str]], bool]:
    """The periods in ``folded`` (start, end, value, unit), and whether a range or fraction was seen."""
    for pattern in (_FRACTION_RE, _RANGE_RE):
        for match in pattern.finditer(text):
            if fold(match.group("unit")) in _units():
                return [], True
    matches: list[tuple[int, int, int, str]] = []
    for match in _DURATION_RE.finditer(folded):
        number, unit = match.group(1), match.group(2)
        if unit not in _units():
            continue
        value = int(number) if number.isdigit() else numbers().get(number)
        if value is None:
            continue
        matches.append((match.start(), match.end(), value, _units()[unit]))
    return matches, False


def _joined(folded: str, matches: list[tuple[int, int, int, str]]) -> bool:
    units = [m[3] for m in matches]
    return len(set(units)) == len(units) and all(
        _CONNECTOR.match(folded[matches[i][1] : matches[i + 1][0]]) for i in range(len(matches) - 1)
    )


def parse_retention(text: str) -> Retention:
    """``"7 jaar"`` → ``P7Y``; ``"2 years after the end of the contract"`` → ``P2Y`` from end of contract;
    ``"30 dagen"`` → ``P30D``; ``"7 jaar en 6 maanden"`` → ``P7Y6M``. Several unrelated periods in one
    text, ranges (``2-3 jaar``) and fractions (``1.5 years``), or none, give no duration."""
    return read_retention(text).retention


@dataclass(frozen=True, slots=True)
class RetentionReading:
    """A retention text read: the period (if exact), and why not when it is not."""

    retention: Retention
    why: Why | None


def read_retention(text: str) -> RetentionReading:
    """Read one retention line, saying why it gave no exact period."""
    folded = fold(text)
    anchor = _anchor(folded)
    matches, ranged = _periods(text, folded)
    if ranged:
        return RetentionReading(Retention(None, anchor), Why.RANGE)
    if not matches:
        return RetentionReading(Retention(None, anchor), Why.NONE)
    if not _joined(folded, matches):
        return RetentionReading(Retention(None, anchor), Why.SEVERAL)
    after = folded[matches[-1][1] :].split()
    if (after and after[0] in _BACK) or has_words(" ".join(after[:4]), terms("before_event")):
        return RetentionReading(Retention(None, anchor), Why.BEFORE)
    if has_words(folded, _conditions()):
        return RetentionReading(Retention(None, anchor), Why.CONDITIONAL)
    duration = _iso(matches)
    return RetentionReading(Retention(duration, anchor), None if duration else Why.NONE)


def _anchor(folded: str) -> RetentionAnchor | None:
    for candidate, phrases in terms_by("retention_anchors").items():
        if has_words(folded, phrases):
            return RetentionAnchor(candidate)
    return None


def _iso(matches: list[tuple[int, int, int, str]]) -> str | None:
    by_unit = {unit: value for _, _, value, unit in matches}
    if any(value == 0 for value in by_unit.values()):
        return None
    date = "".join(f"{by_unit[u]}{u}" for u in "YMWD" if u in by_unit)
    time = f"T{by_unit['H']}H" if "H" in by_unit else ""
    if "W" in by_unit and len(by_unit) > 1:
        return None  # P1W2D is not ISO 8601 basic form
    return f"P{date}{time}"
