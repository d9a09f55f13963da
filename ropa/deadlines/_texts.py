"""The words of ``ropa due`` in the user's language: the English templates, and their translation.

The English below, and the titles and actions of ``kinds.json``, are the source; ``ropa/locales/<lang>.toml``
translates each under the same key (``[messages."due.when.ago.other"]``; a kind's title and action under
``due.kind.<kind>.title`` and ``due.kind.<kind>.action``), beside the English it was made from, as for the
messages of ``ropa validate`` (see ``docs/translating.md``). English reads no catalogue.
"""

from __future__ import annotations

from ropa.i18n import LANGS, message, plural_category

__all__ = ["KIND_FIELDS", "TEXTS", "check_lang", "count", "kind_text", "say"]

TEXTS: dict[str, str] = {
    # what falls due (ropa/deadlines/_due.py)
    "due.subject": "{entity}: {title}",
    "due.subject.tia": "{entity}: {title} of the transfer to {place}",
    "due.subject.tia.unstated": "{entity}: {title} of the transfer to an unstated destination",
    "due.subject.dpf-never": "{entity}: DPF certification never checked ('dpf.checked' is not recorded)",
    "due.subject.dpf.one": "{entity}: {title} (last checked {date}, every month)",
    "due.subject.dpf.other": "{entity}: {title} (last checked {date}, every {n} months)",
    "due.subject.suppression": "{entity}: {title} of {rule}",
    "due.subject.data-file": "ropa data file {file}: {title} (retrieved {date}, shelf life {life})",
    "due.months.one": "{n} month",
    "due.months.other": "{n} months",
    # the reports (ropa/deadlines/_render.py)
    "due.when.never": "never done",
    "due.when.today": "today",
    "due.when.ago.one": "{n} day ago",
    "due.when.ago.other": "{n} days ago",
    "due.when.in.one": "in {n} day",
    "due.when.in.other": "in {n} days",
    "due.never": "never",
    "due.summary": "{overdue} overdue, {due} due within {length}",
    "due.summary.nothing": "nothing overdue or due within {length}",
    "due.today-is": "today {date}",
    "due.at": "at {where}",
    "due.length.year.one": "{n} year",
    "due.length.year.other": "{n} years",
    "due.length.month.one": "{n} month",
    "due.length.month.other": "{n} months",
    "due.length.week.one": "{n} week",
    "due.length.week.other": "{n} weeks",
    "due.length.day.one": "{n} day",
    "due.length.day.other": "{n} days",
    "due.status.overdue": "overdue",
    "due.status.due": "due",
    "due.col.status": "Status",
    "due.col.due": "Due",
    "due.col.when": "When",
    "due.col.what": "What",
    "due.col.where": "Where",
    "due.col.action": "What to do",
}
"""Catalogue key → English template (``str.format``; a literal brace is written ``{{``)."""

KIND_FIELDS = ("title", "action")
"""The texts of a kind of date (``kinds.json``) that the catalogues translate, under
``due.kind.<kind>.<field>``."""


def check_lang(lang: str) -> str:
    """``lang`` when ropa speaks it.

    Raises:
        ValueError: an unsupported language.
    """
    if lang not in LANGS:
        raise ValueError(f"unsupported language {lang!r}; use one of {', '.join(LANGS)}")
    return lang


def say(key: str, lang: str, /, **values: object) -> str:
    """The text ``key`` of :data:`TEXTS` in ``lang`` (English when there is no current translation)."""
    if lang == "en":
        return TEXTS[key].format(**values)
    return message(key, TEXTS[key], lang, **values)


def count(key: str, n: int, lang: str, /, **values: object) -> str:
    """The singular (``key.one``) or plural (``key.other``) form of ``key`` for ``n``."""
    return say(f"{key}.{plural_category(n, lang)}", lang, n=n, **values)


def kind_text(kind: str, field: str, source: str, lang: str) -> str:
    """The ``title`` or ``action`` (``field``) of a kind of date (``source``: its English from
    ``kinds.json``) in ``lang``; the English when the catalogue has no current translation of ``source``.
    These texts are plain: no placeholders, braces are braces."""
    if lang == "en":
        return source
    from ropa.i18n import catalogue

    entry = catalogue(lang).messages.get(f"due.kind.{kind}.{field}")
    if entry is None or entry.message is None or entry.message.en != source:
        return source
    return entry.message.text
