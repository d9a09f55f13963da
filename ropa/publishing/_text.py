"""Every word of the published documents comes through here.

Two sources, one interface:

- this package's own sentences, one TOML catalogue per language in ``locale/<lang>.toml`` (translators
  edit those files; ``t("notice.draft", "nl", date=...)`` formats one entry);
- ropa's labels of codes and fields (lawful bases, roles, mechanisms, column headers), dates and
  retention rules in words. Those live in :mod:`ropa.i18n` and :mod:`ropa.export.retention_text`, and this
  module is the only place in the package that calls them, so that a change there touches one file.

Legal terms follow the official language versions of the GDPR (AVG, RGPD, DSGVO).
"""

from __future__ import annotations

import datetime as dt
import string
import tomllib
from enum import StrEnum
from functools import cache
from importlib import resources
from typing import Any

from ropa import i18n
from ropa.export import retention_text as _retention
from ropa.models import RetentionRule

__all__ = [
    "LANGS",
    "Lang",
    "article",
    "catalogue",
    "country",
    "date",
    "duration",
    "label",
    "normalise_lang",
    "placeholders",
    "retention",
    "t",
]

Lang = i18n.Lang
LANGS = i18n.LANGS
normalise_lang = i18n.normalise_lang


def _flatten(table: dict[str, Any], prefix: str = "") -> dict[str, str]:
    out: dict[str, str] = {}
    for key, value in table.items():
        name = f"{prefix}{key}"
        if isinstance(value, dict):
            out.update(_flatten(value, name + "."))
        elif isinstance(value, str):
            out[name] = value
        else:
            raise TypeError(f"locale entry {name!r} is not text")
    return out


@cache
def catalogue(lang: Lang) -> dict[str, str]:
    """The sentences of ``lang`` by dotted key (``site.overview``, ``notice.draft``)."""
    if lang not in LANGS:
        raise ValueError(f"unsupported language {lang!r}; use one of {', '.join(LANGS)}")
    text = resources.files("ropa.publishing").joinpath("locale", f"{lang}.toml").read_text(encoding="utf-8")
    return _flatten(tomllib.loads(text))


def placeholders(text: str) -> frozenset[str]:
    """The ``{name}`` fields of a catalogue entry."""
    return frozenset(name for _, name, _, _ in string.Formatter().parse(text) if name)


def t(key: str, lang: Lang, /, **fields: object) -> str:
    """The sentence ``key`` in ``lang`` with ``fields`` filled in.

    Raises:
        KeyError: no such key in the catalogue.
    """
    text = catalogue(lang)[key]
    return text.format(**fields) if fields else text


def label(code: StrEnum | str, lang: Lang) -> str:
    """ropa's label of a code (``LawfulBasis.CONTRACT``) or term key (``column.recipients``)."""
    return i18n.label(code, lang)


def article(ref: str, lang: Lang) -> str:
    """``Art. 13(1)(e) AVG`` in the style of ``lang``."""
    return i18n.article(ref, lang)


def date(day: dt.date, lang: Lang) -> str:
    """A date in words."""
    return i18n.format_date(day, lang)


def duration(iso: str, lang: Lang) -> str:
    """An ISO 8601 duration in words (``P1M`` → ``1 maand``)."""
    return _retention.duration_text(iso, lang)


def retention(rule: RetentionRule, lang: Lang) -> str:
    """A retention rule in words."""
    return _retention.retention_text(rule, lang)


@cache
def _territories(lang: Lang) -> dict[str, str]:
    from ropa.publishing._deps import require

    babel = require("babel", "babel", "Country names")
    names: dict[str, str] = babel.Locale.parse(lang).territories
    return names


def country(code: str, lang: Lang) -> str:
    """The name of an ISO 3166-1 alpha-2 country in ``lang`` (CLDR, through Babel); the code if unknown."""
    return _territories(lang).get(code, code)
