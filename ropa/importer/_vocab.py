"""The words the importer reads in cells, from ``ropa/data/import_vocabulary.json`` (EN, NL, DE, FR).

Every term is folded (lower case, no accents, punctuation as spaces) when it is loaded, so the data
file can hold the words as they are written.
"""

from __future__ import annotations

import re
import unicodedata
from functools import cache, lru_cache
from typing import Any

from ropa._data import load_data

__all__ = ["fold", "has_words", "terms", "terms_by", "words_pattern"]


@lru_cache(maxsize=65_536)
def fold(text: str) -> str:
    """Lower case without accents, punctuation turned into single spaces."""
    decomposed = unicodedata.normalize("NFKD", text)
    plain = "".join(ch for ch in decomposed if not unicodedata.combining(ch)).casefold()
    plain = plain.replace("ß", "ss")
    return re.sub(r"[^0-9a-z]+", " ", plain).strip()


@cache
def words_pattern(phrases: tuple[str, ...]) -> re.Pattern[str]:
    """One compiled pattern that finds any of ``phrases`` as whole words (longest first)."""
    ordered = sorted({p for p in phrases if p}, key=len, reverse=True)
    if not ordered:
        return re.compile(r"(?!)")
    return re.compile(r"\b(?:" + "|".join(re.escape(p) for p in ordered) + r")\b")


def has_words(folded: str, phrases: tuple[str, ...]) -> bool:
    """True when ``folded`` text contains one of ``phrases`` as whole words."""
    return words_pattern(phrases).search(folded) is not None


def _section(name: str) -> Any:
    return load_data("import_vocabulary")["sections"][name]["terms"]


@cache
def terms(name: str) -> tuple[str, ...]:
    """The folded terms of a flat section (``not_stated``, ``conditionals``, ...)."""
    return tuple(dict.fromkeys(f for f in (fold(str(t)) for t in _section(name)) if f))


@cache
def raw_terms(name: str) -> tuple[str, ...]:
    """The terms of a flat section as written (for matching punctuation such as ``Oui/non``)."""
    return tuple(str(t) for t in _section(name))


@cache
def terms_by(name: str) -> dict[str, tuple[str, ...]]:
    """The folded terms of a keyed section (``lawful_bases``: ``6-1-a`` → phrases, ...)."""
    section: dict[str, Any] = _section(name)
    out: dict[str, tuple[str, ...]] = {}
    for key, values in section.items():
        if isinstance(values, list):
            out[key] = tuple(dict.fromkeys(f for f in (fold(str(v)) for v in values) if f))
    return out


@cache
def numbers() -> dict[str, int]:
    """Numbers written as words (``zeven`` → 7)."""
    section: dict[str, int] = _section("number_words")
    return {fold(word): int(value) for word, value in section.items()}
