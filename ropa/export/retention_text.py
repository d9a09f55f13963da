"""Retention rules in words, in English, Dutch, French and German.

    >>> from ropa.models import RetentionRule
    >>> rule = RetentionRule(kind="temporal", duration="P7Y", anchor="end-of-financial-year")
    >>> retention_text(rule, "nl")
    '7 jaar na afloop van het boekjaar'
    >>> duration_text("P1Y2M", "de")
    '1 Jahr und 2 Monate'

The words are labels of the catalogues (``ropa/locales/<lang>.toml``): the units (``duration.Y.one``,
``duration.Y.other``, ...), the events a period runs from or until (``retention.after.<anchor>``,
``retention.until.<anchor>``) and the phrases that put them together (``retention.*``). This module
only decides which of them a rule needs.

Durations stay ISO 8601 calendar periods: they are read component by component (``P18M`` is "18 months",
never "1.5 years") and never converted to :class:`datetime.timedelta`, which would turn a year into 365 days.
"""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation

from ropa.i18n import Lang, format_date, label
from ropa.models import RetentionRule
from ropa.models.vocab import RetentionAnchor, RetentionKind

__all__ = ["anchor_phrase", "duration_text", "retention_text"]

_DURATION = re.compile(
    r"^P(?!$)(?:(?P<Y>\d+)Y)?(?:(?P<M>\d+)M)?(?:(?P<W>\d+)W)?(?:(?P<D>\d+)D)?"
    r"(?:T(?=\d)(?:(?P<h>\d+)H)?(?:(?P<m>\d+)M)?(?:(?P<s>\d+(?:[.,]\d+)?)S)?)?$"
)
_UNITS = ("Y", "M", "W", "D", "h", "m", "s")
"""The components of an ISO 8601 duration, largest first (the group names of :data:`_DURATION`)."""


def _number(text: str, lang: Lang) -> tuple[str, bool]:
    """The number as written in ``lang`` and whether it takes the singular (French: below 2)."""
    try:
        value = Decimal(text.replace(",", "."))
    except InvalidOperation:  # pragma: no cover - the regex admits digits only
        return text, False
    singular = value < 2 if lang == "fr" else value == 1
    if "." not in text and "," not in text:
        return str(int(text)), singular
    return text.replace(",", ".").replace(".", label("format.decimal", lang)), singular


def _join(parts: list[str], lang: Lang) -> str:
    if len(parts) == 1:
        return parts[0]
    return label("duration.list", lang).format(items=", ".join(parts[:-1]), last=parts[-1])


def duration_text(iso: str, lang: Lang) -> str:
    """An ISO 8601 duration in words: ``P1Y2M`` → ``1 year and 2 months``, ``P30D`` → ``30 dagen``.

    A text that is not an ISO 8601 duration is returned unchanged (the rules report it).
    """
    match = _DURATION.match(iso.strip())
    if match is None:
        return iso
    parts: list[str] = []
    for unit in _UNITS:
        amount = match[unit]
        if amount is None:
            continue
        shown, singular = _number(amount, lang)
        word = label(f"duration.{unit}.{'one' if singular else 'other'}", lang)
        parts.append(label("duration.amount", lang).format(n=shown, unit=word))
    return _join(parts, lang)


def anchor_phrase(anchor: RetentionAnchor, lang: Lang, *, until: bool = False) -> str:
    """``after the end of the financial year`` (or ``until ...``) in ``lang``."""
    return label(f"retention.{'until' if until else 'after'}.{anchor.value}", lang)


def _event(rule: RetentionRule, lang: Lang, *, until: bool) -> str | None:
    description = (rule.anchor_description or "").strip()
    if description and rule.anchor in (None, RetentionAnchor.CUSTOM, RetentionAnchor.FIXED_DATE):
        key = "retention.until_event" if until else "retention.after_event"
        return label(key, lang).format(event=description)
    if rule.anchor is not None:
        return anchor_phrase(rule.anchor, lang, until=until)
    return None


def _kind(rule: RetentionRule) -> RetentionKind | None:
    if rule.kind is not None:
        return rule.kind
    if rule.duration:
        return RetentionKind.TEMPORAL
    if rule.until is not None:
        return RetentionKind.UNTIL_DATE
    if rule.anchor is not None or rule.anchor_description:
        return RetentionKind.UNTIL_EVENT
    if rule.criteria:
        return RetentionKind.CRITERIA
    return None


def _labelled(key: str, text: str | None, lang: Lang) -> str:
    """``determined by criteria: <text>`` (``... : <text>`` in French), or the label alone."""
    name = label(key, lang)
    return label("retention.labelled", lang).format(label=name, text=text) if text else name


def _main(rule: RetentionRule, lang: Lang) -> str | None:
    kind = _kind(rule)
    if kind in (RetentionKind.TEMPORAL, RetentionKind.UNTIL_EVENT) and rule.duration:
        amount = duration_text(rule.duration, lang)
        event = _event(rule, lang, until=False)
        return label("retention.period_after", lang).format(period=amount, event=event) if event else amount
    if kind is RetentionKind.UNTIL_EVENT:
        return _event(rule, lang, until=True)
    if kind is RetentionKind.UNTIL_DATE:
        if rule.until is not None:
            return label("retention.until_date", lang).format(date=format_date(rule.until, lang))
        return label(RetentionKind.UNTIL_DATE, lang)
    if kind is RetentionKind.ENDLESS:
        return label("retention.endless", lang)
    if kind is RetentionKind.INDETERMINATE:
        text = label("retention.indeterminate", lang)
        return f"{text}; {_labelled('retention.criteria', rule.criteria, lang)}" if rule.criteria else text
    if kind is RetentionKind.CRITERIA:
        return _labelled("retention.criteria", rule.criteria, lang)
    if kind is RetentionKind.TEMPORAL:
        return label(RetentionKind.TEMPORAL, lang)
    return None


def retention_text(rule: RetentionRule, lang: Lang) -> str:
    """The rule in words: ``7 years after the end of the financial year``, ``tot intrekking van de
    toestemming; uiterlijk 2 jaar na de laatste activiteit``.

    Falls back to the rule's own ``description`` and finally to "Not stated".
    """
    main = _main(rule, lang)
    if main is None:
        return rule.description.strip() if rule.description else label("ui.not_stated", lang)
    extra: list[str] = []
    if rule.inactivity_fallback:
        after_last = anchor_phrase(RetentionAnchor.LAST_ACTIVITY, lang)
        period = duration_text(rule.inactivity_fallback, lang)
        latest = label("retention.period_after", lang).format(period=period, event=after_last)
        extra.append(label("retention.at_the_latest", lang).format(period=latest))
    if rule.review_period:
        extra.append(_labelled("retention.review", duration_text(rule.review_period, lang), lang))
    return "; ".join([main, *extra])
