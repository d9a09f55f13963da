"""The supervisory authorities a data subject can complain to (Art. 77 GDPR), from ``data/authorities.json``.

Every EEA country has an entry, with the authority's name in the national language(s) and in English, its
web site, the source it was read in and whether it was verified. Germany is modelled as it is: a federal
commissioner for federal public bodies and telecommunications and postal providers, and an authority per
Land for everyone else, chosen by the Land where the controller is established (two in Bavaria: one for
the private sector, one for public bodies). Without the Land there is no single answer, and
:func:`complaint_authority` gives none rather than a wrong one::

    >>> complaint_authority("NL").url
    'https://www.autoriteitpersoonsgegevens.nl'
    >>> complaint_authority("DE") is None
    True
    >>> complaint_authority("DE", "DE-BY").name_en
    'Bavarian State Office for Data Protection Supervision'
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

__all__ = ["Authority", "AuthorityList", "all_authorities", "authority_list", "complaint_authority", "table"]


@dataclass(frozen=True, slots=True)
class Authority:
    """One supervisory authority.

    Attributes:
        country: ISO 3166-1 alpha-2 code of its country (``GR`` for Greece).
        region: ISO 3166-2 code of its Land (``DE-BY``) for an authority of a German Land, else ``None``.
        names: its name in the national language(s), by language code (``{"nl": ..., "fr": ...}``).
        name_en: its name in English.
        url: its web site.
        verified: True when name and web site were read in :attr:`source` on :attr:`read`.
        source: where they were read: a URL, or the title of a source without one; ``None`` when unread.
        read: the date the source was read (``YYYY-MM-DD``).
        note: what was not verified, or how competence is split.
        competence: whom it supervises, where the country has more than one authority.
    """

    country: str
    region: str | None
    names: Mapping[str, str]
    name_en: str
    url: str
    verified: bool
    source: str | None = None
    read: str | None = None
    note: str | None = None
    competence: str | None = None

    def name(self, lang: str) -> str:
        """The name to show in a text in ``lang``: the name in that language where the authority has one,
        else its official (first national) name, followed by the English name when the official name is
        not in the Latin script."""
        if lang in self.names:
            return self.names[lang]
        official = next(iter(self.names.values()))
        return official if _latin(official) else f"{official} – {self.name_en}"


@dataclass(frozen=True, slots=True)
class AuthorityList:
    """Where to find the competent authority of a country that has several (Germany).

    Attributes:
        title: what the list is.
        url: where it is.
        verified: whether the address was read in a source.
        note: how competence is split.
    """

    title: str
    url: str
    verified: bool
    note: str


def _latin(text: str) -> bool:
    """True when every letter of ``text`` is a Latin letter (accents included)."""
    return all(not ch.isalpha() or ord(ch) < 0x0250 for ch in text)


@cache
def table() -> dict[str, Any]:
    """The parsed data file, with its name, version, sources and date."""
    text = resources.files("ropa.publishing").joinpath("data", "authorities.json").read_text(encoding="utf-8")
    data: dict[str, Any] = json.loads(text)
    return data


def _authority(country: str, region: str | None, raw: Mapping[str, Any]) -> Authority:
    source = raw.get("source") or {}
    return Authority(
        country=country,
        region=region,
        names=dict(raw["name"]),
        name_en=raw["name_en"],
        url=raw["url"],
        verified=bool(raw["verified"]),
        source=source.get("url") or source.get("title"),
        read=source.get("read"),
        note=raw.get("note"),
        competence=raw.get("competence"),
    )


def complaint_authority(
    country: str | None, region: str | None = None, *, public_body: bool = False
) -> Authority | None:
    """The authority competent for a controller established in ``country``, or ``None`` when the data
    cannot say which one without guessing.

    Args:
        country: ISO 3166-1 alpha-2 code of the country of establishment.
        region: ISO 3166-2 code of the Land (``DE-BY``); in Germany the competent authority depends on
            it, and without it there is no answer.
        public_body: True for a public body: in Bavaria the BayLfD supervises public bodies and the BayLDA
            the private sector. (A federal public body is supervised by the federal commissioner, which
            ``country="DE"`` alone cannot tell: use :func:`all_authorities`.)
    """
    if country is None:
        return None
    raw = table()["authorities"].get(country)
    if raw is None:
        return None
    if "states" not in raw:
        return _authority(country, None, raw)
    state = raw["states"].get(region) if region else None
    if state is None:
        return None
    if not public_body and "private" in state:
        return _authority(country, region, state["private"])
    return _authority(country, region, state)


def authority_list(country: str | None) -> AuthorityList | None:
    """For a country whose competent authority depends on more than the country (Germany), where the
    authorities are listed and how competence is split; ``None`` for the others."""
    raw = table()["authorities"].get(country) if country else None
    if raw is None or "states" not in raw:
        return None
    listing = raw["list"]
    return AuthorityList(listing["title"], listing["url"], bool(listing["verified"]), raw["note"])


def all_authorities() -> Iterator[Authority]:
    """Every authority of the data file: one per country, and for Germany the federal commissioner and
    the authorities of the Länder."""
    for country, raw in table()["authorities"].items():
        if "states" not in raw:
            yield _authority(country, None, raw)
            continue
        yield _authority(country, None, raw["federal"])
        for region, state in raw["states"].items():
            yield _authority(country, region, state)
            if "private" in state:
                yield _authority(country, region, state["private"])
