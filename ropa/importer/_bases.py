"""Reading lawful bases (Art. 6(1)), Art. 9(2) conditions and Art. 10 references in a cell.

A cell may name several bases (``Art. 6 lid 1 sub c en sub e AVG``, ``Art. 6 Abs. 1 lit. c) und lit. e)
DSGVO``), and the Art. 9(2) or Art. 10 ground in the same cell (``Art. 9 lid 2 sub h AVG jo. art. 30
lid 3 UAVG``, ``Art. 10 AVG jo. art. 33 UAVG``). References are read in the ways the four languages
write them: ``6(1)(b)``, ``6.1.b``, ``6-1-b``, ``art. 6 lid 1 sub b``, ``artikel 6, eerste lid, onder
b``, ``Art. 6 Abs. 1 S. 1 lit. b``, ``Art. 6 Abs. 1 Nr. b)``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from ropa.importer._vocab import fold, has_words, terms_by
from ropa.models.vocab import LawfulBasis, SpecialCondition

__all__ = ["BasisReading", "parse_art9", "parse_art10", "parse_lawful_bases"]

_MARKERS = re.compile(
    r"\b(?:sub|lit|litt|litera|letter|lettre|buchstabe|buchst|bst|onder|point|punt|nr|nummer|ziffer)\b"
)
_CONNECTORS = re.compile(r"\b(?:en|and|und|et|ou|or|oder|bzw|sowie)\b")
_FILLER = re.compile(
    r"\b(?:art|artikel|article|artikels|articles|lid|abs|absatz|paragraph|para|par|al|alinea|under|gdpr|"
    r"avg|rgpd|dsgvo|ds gvo|uk gdpr|ugdpr|eu|ue|of|van|de|du|der|the|i v m|ivm|jo|juncto|"
    r"in verbindung mit)\b"
)
_ORDINALS = re.compile(r"\b(?:eerste|first|premier|erster|1er|1st)\b")
_SECOND = re.compile(r"\b(?:tweede|second|deuxieme|zweiter|2e|2nd)\b")
_SENTENCE = re.compile(r"\b(?:satz|s|uabs|unterabsatz|zin|subparagraph|uabsatz)\s+1\b")
_LETTERS = frozenset("abcdefghij")


def _tokens(folded: str) -> list[str]:
    text = _SENTENCE.sub(" ", _SECOND.sub(" 2 ", _ORDINALS.sub(" 1 ", folded)))
    text = _CONNECTORS.sub(" + ", _MARKERS.sub(" # ", text))
    return _FILLER.sub(" ", text).split()


def article_refs(folded: str, article: str, paragraph: str) -> list[tuple[int, str]]:
    """``(position, letter)`` of references such as 6(1)(b), 6.1.b, "art. 6 lid 1 sub c en sub e",
    "Art. 6 Abs. 1 lit. b, c und f"; a bare letter after the first only counts after "sub", "lit", ..."""
    tokens = _tokens(folded)
    out: list[tuple[int, str]] = []
    for i in range(len(tokens) - 2):
        if tokens[i] != article or tokens[i + 1] != paragraph:
            continue
        j = i + 2
        marked = tokens[j] == "#"
        j += marked
        if j >= len(tokens) or tokens[j] not in _LETTERS:
            continue
        out.append((i, tokens[j]))
        k = j + 1
        while k < len(tokens):
            token = tokens[k]
            if token == "+":  # noqa: S105 - a connector token, not a password
                k += 1
                if k < len(tokens) and tokens[k] == "#":
                    k += 1
            elif token == "#":  # noqa: S105
                k += 1
            elif not (marked and token in _LETTERS):
                break
            if k < len(tokens) and tokens[k] in _LETTERS:
                out.append((i, tokens[k]))
                k += 1
            else:
                break
    return out


def _mentions_article(folded: str, article: str) -> bool:
    return re.search(rf"\b(?:art|artikel|article|artikels)\s+{article}\b", folded) is not None


@cache
def _basis_patterns() -> tuple[tuple[re.Pattern[str], LawfulBasis], ...]:
    items = [
        (phrase, LawfulBasis(basis))
        for basis, phrases in terms_by("lawful_bases").items()
        for phrase in phrases
    ]
    items.sort(key=lambda item: -len(item[0]))
    return tuple((re.compile(rf"\b{re.escape(phrase)}\b"), basis) for phrase, basis in items)


def _bases_in(folded: str) -> tuple[list[LawfulBasis], str]:
    """The bases named in ``folded`` text, in order, and the text left when they are removed."""
    found: list[tuple[tuple[int, int], LawfulBasis]] = []
    for order, (_, letter) in enumerate(article_refs(folded, "6", "1")):
        if letter <= "f":
            found.append(((0, order), LawfulBasis(f"6-1-{letter}")))
    rest = folded
    # Art. 9/10 references are not Art. 6 bases; keep "explicit consent" (Art. 9(2)(a)) from reading
    # as consent when the cell names Art. 9.
    if _mentions_article(folded, "9"):
        rest = re.sub(
            r"\b(?:explicit consent|uitdrukkelijke toestemming|ausdruckliche einwilligung|"
            r"consentement explicite)\b",
            " ",
            rest,
        )
    for pattern, basis in _basis_patterns():
        found.extend(((1, match.start()), basis) for match in pattern.finditer(rest))
        rest = pattern.sub(lambda m: " " * len(m.group()), rest)
    rest = _FILLER.sub(
        " ", _MARKERS.sub(" ", _CONNECTORS.sub(" ", re.sub(r"\b6\b|\b1\b|\b[a-f]\b", " ", rest)))
    )
    ordered: list[LawfulBasis] = []
    for _, basis in sorted(found, key=lambda item: item[0]):
        if basis not in ordered:
            ordered.append(basis)
    return ordered, re.sub(r"\s+", " ", rest).strip()


@dataclass(frozen=True, slots=True)
class BasisReading:
    """How a lawful-basis cell was read.

    Attributes:
        per_part: the bases of each line (or ``;``-separated part), in order.
        bases: every distinct basis named, in order of appearance.
        extra: True when the text says more than the bases themselves (a law, an interest, prose).
    """

    per_part: tuple[tuple[LawfulBasis, ...], ...]
    bases: tuple[LawfulBasis, ...]
    extra: bool

    @property
    def one_per_part(self) -> bool:
        """True when every part names exactly one basis (one basis per purpose, line by line)."""
        return all(len(part) == 1 for part in self.per_part)


def _parts(text: str) -> list[str]:
    parts = [p.strip() for p in re.split(r"[\n;]+", text)]
    return [p for p in parts if p] or [text]


def parse_lawful_bases(text: str) -> BasisReading:
    """Read a lawful-basis cell: ``Art. 6(1)(b)``, ``6.1.b``, ``uitvoering overeenkomst``,
    ``Vertragserfüllung``, ``consentement``, ``Art. 6 lid 1 sub c en sub e AVG`` (two bases) ...

    ``per_part`` has one entry per line (or ``;``-separated part) so that a cell listing one basis per
    purpose can be paired with the purposes.
    """
    per_part: list[tuple[LawfulBasis, ...]] = []
    every: list[LawfulBasis] = []
    extra = False
    for part in _parts(text):
        bases, rest = _bases_in(fold(part))
        per_part.append(tuple(bases))
        every.extend(b for b in bases if b not in every)
        if rest and len(rest) > 2:
            extra = True
    return BasisReading(tuple(per_part), tuple(every), extra)


def parse_art9(text: str) -> tuple[list[SpecialCondition], bool]:
    """Art. 9(2) conditions named in a cell (``9(2)(h)``, ``Art. 9 lid 2 sub h AVG``, ``Art. 9 Abs. 2
    lit. b DSGVO``, ``explicit consent``); and whether the text says more than that."""
    folded = fold(text)
    found: list[SpecialCondition] = []
    for _, letter in article_refs(folded, "9", "2"):
        condition = SpecialCondition(f"9-2-{letter}")
        if condition not in found:
            found.append(condition)
    rest = folded
    for key, phrases in terms_by("art9_conditions").items():
        for phrase in phrases:
            if has_words(rest, (phrase,)):
                if SpecialCondition(key) not in found:
                    found.append(SpecialCondition(key))
                rest = rest.replace(phrase, " ")
    rest = _FILLER.sub(
        " ", _MARKERS.sub(" ", _CONNECTORS.sub(" ", re.sub(r"\b9\b|\b2\b|\b[a-j]\b", " ", rest)))
    )
    rest = rest.strip()
    return found, bool(rest)


def parse_art10(text: str) -> bool:
    """True when a cell refers to Art. 10 GDPR (``Art. 10 AVG jo. art. 33 UAVG``, ``Art. 10 DSGVO``)."""
    folded = fold(text)
    if re.fullmatch(r"(?:art|artikel|article)\s+10", folded):
        return True
    gdpr = r"(?:avg|gdpr|dsgvo|ds gvo|rgpd|uk gdpr)"
    return re.search(rf"\b(?:art|artikel|article)\s+10\s+(?:\w+\s+){{0,2}}?{gdpr}\b", folded) is not None
