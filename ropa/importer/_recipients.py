"""Reading recipient cells (Art. 30(1)(d)) and the hints a name gives (special data, vulnerable groups).

A recipients column describes *categories* of recipients (``Mitarbeiter der Verwaltung``, ``andere
Behörden``, ``Sous-traitants (hébergeur)``); an item is read as an organisation (a party) only when it
clearly names one: a legal form (``B.V.``, ``GmbH``, ``SAS``), a role remark (``Mailchimp (verwerker)``,
``(als Auftragsverarbeiter)``), an acronym (``UWV``, ``HMRC``), a brand written with inner capitals or
digits (``PostNL``, ``HubSpot``) or a web domain. A cell that starts with a negation (``no disclosure to
third parties``, ``geen``, ``keine Weitergabe``, ``aucun``) says there are no recipients, except for what
follows ``except``/``behalve``/``außer``/``sauf``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ropa.importer._vocab import fold, has_words, terms, terms_by, words_pattern
from ropa.models.vocab import PartyRole, SpecialCategory, VulnerableGroup

__all__ = [
    "RecipientCell",
    "is_criminal",
    "is_national_id",
    "names_organisation",
    "party_role",
    "read_recipient_cell",
    "special_category",
    "strip_role",
    "vulnerable_group",
]


def _one_of(section: str, name: str) -> str | None:
    folded = fold(name)
    found = [key for key, words in terms_by(section).items() if has_words(folded, words)]
    return found[0] if len(found) == 1 else None


def special_category(name: str) -> SpecialCategory | None:
    """The Art. 9(1) category a data category's name points to, when exactly one does."""
    value = _one_of("special_categories", name)
    return SpecialCategory(value) if value else None


def is_criminal(name: str) -> bool:
    """True when a data category's name points to criminal-conviction data (Art. 10)."""
    return has_words(fold(name), terms("criminal"))


def is_national_id(name: str) -> bool:
    """True when a data category's name points to a national identification number."""
    return has_words(fold(name), terms("national_id"))


def vulnerable_group(name: str) -> VulnerableGroup | None:
    """The vulnerable group a data-subject category's name points to, when exactly one does."""
    value = _one_of("vulnerable", name)
    return VulnerableGroup(value) if value else None


def party_role(name: str) -> PartyRole | None:
    """The role a recipient's text names explicitly (``Mailchimp (verwerker)``), when exactly one."""
    folded = fold(name)
    found = [PartyRole(r) for r, words in terms_by("party_roles").items() if has_words(folded, words)]
    if PartyRole.JOINT_CONTROLLER in found and PartyRole.CONTROLLER in found:
        found.remove(PartyRole.CONTROLLER)
    return found[0] if len(found) == 1 else None


_ROLE_REMARK = re.compile(r"^(.*?)\s*(?:\(([^()]*)\)|[—–-]\s+(.*))$")
_AS = re.compile(r"^(?:als|as|in der rolle als|in der rolle des|en tant que|comme|in de rol van)\s+", re.I)


def _role_remark(remark: str) -> bool:
    folded = fold(_AS.sub("", remark.strip()))
    return any(folded == word for words in terms_by("party_roles").values() for word in words)


def strip_role(name: str) -> str:
    """``Mailchimp (verwerker)``, ``PostNL — Verwerker`` and ``Hosting GmbH (als Auftragsverarbeiter)``
    → the name without the role remark."""
    match = _ROLE_REMARK.match(name.strip())
    if match is None:
        return name
    remark = match.group(2) or match.group(3) or ""
    head = match.group(1)
    return head if head and _role_remark(remark) else name


_ACRONYM = re.compile(r"^[A-Z][A-Z0-9&]{1,5}$")
_INNER_CAPITAL = re.compile(r"^[A-Z]?[a-z]+[A-Z0-9][A-Za-z0-9]*$")
_DOMAIN = re.compile(r"\b[a-z0-9-]+\.(?:com|nl|de|fr|be|eu|org|net|io|co\.uk|at|ch)\b", re.I)


def names_organisation(item: str) -> bool:
    """True when a recipient item names one organisation rather than a category of recipients."""
    text = strip_role(item).strip()
    if text != item.strip() and text:
        return True  # "Mailchimp (verwerker)": a named party with its role
    folded = fold(text)
    if has_words(folded, terms("category_words")):
        return False
    if words_pattern(terms("legal_forms")).search(folded) is not None:
        words = text.split()
        return len(words) > 1  # "GmbH" alone is no organisation
    if _DOMAIN.search(text):
        return True
    words = text.split()
    return len(words) == 1 and bool(_ACRONYM.match(text) or _INNER_CAPITAL.match(text))


@dataclass
class RecipientCell:
    """A recipients cell read: its items, and whether it says there are none."""

    items: list[str] = field(default_factory=list)
    none: bool = False
    """The cell says there are no recipients (possibly with exceptions, which are the items)."""


def read_recipient_cell(text: str, items: list[str]) -> RecipientCell:
    """Read a recipients cell whose items (split by the caller) are ``items``: a negation (``geen
    verstrekking aan derden``, ``keine Weitergabe``, ``no disclosure``) gives none, or the exceptions it
    names (``keine, außer Steuerberater`` → ``Steuerberater``)."""
    folded = fold(text)
    negations = terms("negations")
    words = text.split(maxsplit=1)
    first = fold(words[0]) if words else ""  # "Niet-Europese vestigingen" does not start with "niet"
    if first in negations or any(folded == n or folded.startswith(n + " ") for n in negations if " " in n):
        exceptions = words_pattern(terms("exceptions")).search(folded)
        if exceptions is None:
            return RecipientCell([], True)
        position = _original_position(text, exceptions.end())
        tail = text[position:].strip(" :,.")
        return RecipientCell([tail] if tail else [], True)
    return RecipientCell(items, False)


def _original_position(text: str, folded_end: int) -> int:
    """The position in ``text`` after the word that ends at ``folded_end`` in ``fold(text)``."""
    for end in range(len(text) + 1):
        if len(fold(text[:end])) >= folded_end:
            return end
    return len(text)
