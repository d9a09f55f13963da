"""Reading countries (ISO alpha-2, alpha-3 and names in English, Dutch, German and French) and
Chapter V transfer mechanisms written in prose."""

from __future__ import annotations

import re
from functools import cache

from ropa._data import country_codes, load_data
from ropa.importer._bases import article_refs
from ropa.importer._vocab import fold, terms_by, words_pattern
from ropa.models.vocab import TransferMechanism

__all__ = ["country_code", "parse_countries", "parse_mechanism", "parse_mechanisms"]


@cache
def _names() -> dict[str, str]:
    """Folded country name → alpha-2 code (every name of ``country_names.json`` in every language)."""
    index: dict[str, str] = {}
    for code, entry in load_data("country_names")["countries"].items():
        for language in ("en", "nl", "de", "fr"):
            for name in entry.get(language, []):
                index.setdefault(fold(name), code)
    return index


@cache
def _alpha3() -> dict[str, str]:
    return {entry["alpha3"]: code for code, entry in load_data("country_names")["countries"].items()}


def country_code(text: str) -> str | None:
    """The ISO alpha-2 code of a country written as a code (``US``, ``USA``) or a name (``VS``,
    ``Verenigde Staten``, ``États-Unis``, ``Schweiz``), or ``None``. Codes count in capitals only."""
    stripped = text.strip().strip(".")
    if len(stripped) == 2 and stripped.isupper() and stripped in country_codes():
        return stripped
    if len(stripped) == 3 and stripped.isupper() and stripped in _alpha3():
        return _alpha3()[stripped]
    code = _names().get(fold(stripped))
    if code is not None and fold(stripped) == fold(code) and not stripped.isupper():
        return None  # "in", "no", "is": a word, not a code
    return code


_REMARK = re.compile(r"^\s*([^:(—–]+?)\s*(?:[:(]|\s[—–-]\s)\s*(.*?)\)?\s*$")


def parse_countries(items: list[str]) -> tuple[list[tuple[str, str | None]], list[str]]:
    """``(code, remark)`` for the countries in ``items``, and the items that are not a country.

    An item may carry a remark after the country: ``US — Google``, ``VS (Mailchimp)``, ``India: support``;
    an item of several codes or names separated by ``/``, ``,``, ``and``, ``en``, ``und``, ``et``
    (``USA, IND, CHN``; ``VS en India``) gives every country.
    """
    found: list[tuple[str, str | None]] = []
    rest: list[str] = []

    def add(code: str, remark: str | None) -> None:
        if all(code != c for c, _ in found):
            found.append((code, remark))

    for item in items:
        code = country_code(item)
        if code is not None:
            add(code, None)
            continue
        match = _REMARK.match(item)
        if match is not None and country_code(match.group(1)) is not None:
            add(str(country_code(match.group(1))), match.group(2) or None)
            continue
        pieces = [p for p in re.split(r"\s*(?:[,/&+]|\b(?:and|en|und|et|sowie)\b)\s*", item) if p.strip()]
        codes = [country_code(p) for p in pieces]
        if len(pieces) > 1 and all(codes):
            for piece_code in codes:
                add(str(piece_code), None)
            continue
        rest.append(item)
    return found, rest


@cache
def _mechanism_patterns() -> tuple[tuple[re.Pattern[str], TransferMechanism], ...]:
    return tuple(
        (words_pattern(phrases), TransferMechanism(mechanism))
        for mechanism, phrases in terms_by("mechanisms").items()
    )


def parse_mechanisms(text: str) -> list[TransferMechanism]:
    """Every Chapter V mechanism a cell names, in the order written: SCCs (``standaardcontractbepalingen``,
    ``Standardvertragsklauseln``, ``clauses contractuelles types``), BCRs, adequacy (also the EU-US Data
    Privacy Framework), codes of conduct, certification, and Art. 49(1) derogations (``Art. 49(1)(a)``)."""
    folded = fold(text)
    found: list[tuple[int, TransferMechanism]] = []
    for pattern, mechanism in _mechanism_patterns():
        match = pattern.search(folded)
        if match is not None:
            found.append((match.start(), mechanism))
    for position, letter in article_refs(folded, "49", "1"):
        if letter <= "g":
            found.append((10_000 + position, TransferMechanism(f"49-1-{letter}")))
    ordered: list[TransferMechanism] = []
    for _, mechanism in sorted(found, key=lambda item: item[0]):
        if mechanism not in ordered:
            ordered.append(mechanism)
    return ordered


def parse_mechanism(text: str) -> TransferMechanism | None:
    """The first Chapter V mechanism a cell names, or ``None``."""
    found = parse_mechanisms(text)
    return found[0] if found else None
