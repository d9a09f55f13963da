"""Retention rules in words, in English, Dutch, French and German.

    >>> from ropa.models import RetentionRule
    >>> rule = RetentionRule(kind="temporal", duration="P7Y", anchor="end-of-financial-year")
    >>> retention_text(rule, "nl")
    '7 jaar na afloop van het boekjaar'
    >>> duration_text("P1Y2M", "de")
    '1 Jahr und 2 Monate'

Durations stay ISO 8601 calendar periods: they are read component by component (``P18M`` is "18 months",
never "1.5 years") and never converted to :class:`datetime.timedelta`, which would turn a year into 365 days.
"""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation

from ropa.i18n import Labels, Lang, format_date, label
from ropa.models import RetentionRule
from ropa.models.vocab import RetentionAnchor, RetentionKind

__all__ = ["anchor_phrase", "duration_text", "retention_text"]

L = Labels

_DURATION = re.compile(
    r"^P(?!$)(?:(?P<Y>\d+)Y)?(?:(?P<M>\d+)M)?(?:(?P<W>\d+)W)?(?:(?P<D>\d+)D)?"
    r"(?:T(?=\d)(?:(?P<h>\d+)H)?(?:(?P<m>\d+)M)?(?:(?P<s>\d+(?:[.,]\d+)?)S)?)?$"
)

# (singular, plural) per unit and language.
_UNITS: dict[str, dict[Lang, tuple[str, str]]] = {
    "Y": {"en": ("year", "years"), "nl": ("jaar", "jaar"), "fr": ("an", "ans"), "de": ("Jahr", "Jahre")},
    "M": {
        "en": ("month", "months"),
        "nl": ("maand", "maanden"),
        "fr": ("mois", "mois"),
        "de": ("Monat", "Monate"),
    },
    "W": {
        "en": ("week", "weeks"),
        "nl": ("week", "weken"),
        "fr": ("semaine", "semaines"),
        "de": ("Woche", "Wochen"),
    },
    "D": {"en": ("day", "days"), "nl": ("dag", "dagen"), "fr": ("jour", "jours"), "de": ("Tag", "Tage")},
    "h": {
        "en": ("hour", "hours"),
        "nl": ("uur", "uur"),
        "fr": ("heure", "heures"),
        "de": ("Stunde", "Stunden"),
    },
    "m": {
        "en": ("minute", "minutes"),
        "nl": ("minuut", "minuten"),
        "fr": ("minute", "minutes"),
        "de": ("Minute", "Minuten"),
    },
    "s": {
        "en": ("second", "seconds"),
        "nl": ("seconde", "seconden"),
        "fr": ("seconde", "secondes"),
        "de": ("Sekunde", "Sekunden"),
    },
}
_AND: dict[Lang, str] = {"en": " and ", "nl": " en ", "fr": " et ", "de": " und "}
_DECIMAL: dict[Lang, str] = {"en": ".", "nl": ",", "fr": ",", "de": ","}

# How to say "after <event>" and "until <event>" for each anchor.
_AFTER: dict[RetentionAnchor, Labels] = {
    RetentionAnchor.COLLECTION: L(
        "after collection", "na het verzamelen", "après la collecte", "nach der Erhebung"
    ),
    RetentionAnchor.END_OF_CONTRACT: L(
        "after the end of the contract",
        "na afloop van de overeenkomst",
        "après la fin du contrat",
        "nach Vertragsende",
    ),
    RetentionAnchor.END_OF_RELATIONSHIP: L(
        "after the end of the relationship",
        "na het einde van de relatie",
        "après la fin de la relation",
        "nach Ende der Geschäftsbeziehung",
    ),
    RetentionAnchor.ACCOUNT_CLOSURE: L(
        "after the account is closed",
        "na opheffing van het account",
        "après la clôture du compte",
        "nach Schließung des Kontos",
    ),
    RetentionAnchor.LAST_ACTIVITY: L(
        "after the last activity",
        "na de laatste activiteit",
        "après la dernière activité",
        "nach der letzten Aktivität",
    ),
    RetentionAnchor.CONSENT_WITHDRAWAL: L(
        "after consent is withdrawn",
        "na intrekking van de toestemming",
        "après le retrait du consentement",
        "nach Widerruf der Einwilligung",
    ),
    RetentionAnchor.END_OF_FINANCIAL_YEAR: L(
        "after the end of the financial year",
        "na afloop van het boekjaar",
        "après la fin de l'exercice",
        "nach Ende des Geschäftsjahres",
    ),
    RetentionAnchor.END_OF_CALENDAR_YEAR: L(
        "after the end of the calendar year",
        "na afloop van het kalenderjaar",
        "après la fin de l'année civile",
        "nach Ende des Kalenderjahres",
    ),
    RetentionAnchor.TRANSACTION_DATE: L(
        "after the date of the transaction",
        "na de transactiedatum",
        "après la date de la transaction",
        "nach dem Datum der Transaktion",
    ),
    RetentionAnchor.END_OF_PROCEDURE: L(
        "after the end of the procedure",
        "na afloop van de procedure",
        "après la fin de la procédure",
        "nach Abschluss des Verfahrens",
    ),
    RetentionAnchor.FIXED_DATE: L(
        "after a fixed date", "na een vaste datum", "après une date fixe", "nach einem festen Datum"
    ),
    RetentionAnchor.CUSTOM: L(
        "after another event",
        "na een andere gebeurtenis",
        "après un autre événement",
        "nach einem anderen Ereignis",
    ),
}
_UNTIL: dict[RetentionAnchor, Labels] = {
    RetentionAnchor.COLLECTION: L(
        "until collection", "tot het verzamelen", "jusqu'à la collecte", "bis zur Erhebung"
    ),
    RetentionAnchor.END_OF_CONTRACT: L(
        "until the end of the contract",
        "tot het einde van de overeenkomst",
        "jusqu'à la fin du contrat",
        "bis zum Vertragsende",
    ),
    RetentionAnchor.END_OF_RELATIONSHIP: L(
        "until the end of the relationship",
        "tot het einde van de relatie",
        "jusqu'à la fin de la relation",
        "bis zum Ende der Geschäftsbeziehung",
    ),
    RetentionAnchor.ACCOUNT_CLOSURE: L(
        "until the account is closed",
        "tot opheffing van het account",
        "jusqu'à la clôture du compte",
        "bis zur Schließung des Kontos",
    ),
    RetentionAnchor.LAST_ACTIVITY: L(
        "until the last activity",
        "tot de laatste activiteit",
        "jusqu'à la dernière activité",
        "bis zur letzten Aktivität",
    ),
    RetentionAnchor.CONSENT_WITHDRAWAL: L(
        "until consent is withdrawn",
        "tot intrekking van de toestemming",
        "jusqu'au retrait du consentement",
        "bis zum Widerruf der Einwilligung",
    ),
    RetentionAnchor.END_OF_FINANCIAL_YEAR: L(
        "until the end of the financial year",
        "tot het einde van het boekjaar",
        "jusqu'à la fin de l'exercice",
        "bis zum Ende des Geschäftsjahres",
    ),
    RetentionAnchor.END_OF_CALENDAR_YEAR: L(
        "until the end of the calendar year",
        "tot het einde van het kalenderjaar",
        "jusqu'à la fin de l'année civile",
        "bis zum Ende des Kalenderjahres",
    ),
    RetentionAnchor.TRANSACTION_DATE: L(
        "until the date of the transaction",
        "tot de transactiedatum",
        "jusqu'à la date de la transaction",
        "bis zum Datum der Transaktion",
    ),
    RetentionAnchor.END_OF_PROCEDURE: L(
        "until the end of the procedure",
        "tot het einde van de procedure",
        "jusqu'à la fin de la procédure",
        "bis zum Abschluss des Verfahrens",
    ),
    RetentionAnchor.FIXED_DATE: L(
        "until a fixed date", "tot een vaste datum", "jusqu'à une date fixe", "bis zu einem festen Datum"
    ),
    RetentionAnchor.CUSTOM: L(
        "until another event",
        "tot een andere gebeurtenis",
        "jusqu'à un autre événement",
        "bis zu einem anderen Ereignis",
    ),
}
# "after <free text>" / "until <free text>" for custom anchors with a description.
_AFTER_TEXT = L("after {x}", "na {x}", "après {x}", "nach {x}")
_UNTIL_TEXT = L("until {x}", "tot {x}", "jusqu'à {x}", "bis {x}")
_UNTIL_DATE = L("until {x}", "tot {x}", "jusqu'au {x}", "bis zum {x}")
_ENDLESS = L("without time limit", "onbeperkt", "sans limitation de durée", "unbefristet")
_INDETERMINATE = L("indeterminate period", "onbepaalde termijn", "durée indéterminée", "unbestimmte Dauer")
_CRITERIA = L(
    "determined by criteria",
    "bepaald aan de hand van criteria",
    "déterminée selon des critères",
    "nach Kriterien bestimmt",
)
_COLON: dict[Lang, str] = {"en": ": ", "nl": ": ", "fr": " : ", "de": ": "}
_AT_THE_LATEST = L("at the latest {x}", "uiterlijk {x}", "au plus tard {x}", "spätestens {x}")
_REVIEW = L("review period", "herbeoordelingstermijn", "périodicité de réexamen", "Überprüfungsintervall")


def _number(text: str, lang: Lang) -> tuple[str, bool]:
    """The number as written in ``lang`` and whether it takes the singular."""
    try:
        value = Decimal(text.replace(",", "."))
    except InvalidOperation:  # pragma: no cover - the regex admits digits only
        return text, False
    singular = value < 2 if lang == "fr" else value == 1
    shown = text.replace(",", ".").replace(".", _DECIMAL[lang])
    if "." not in text and "," not in text:
        shown = str(int(text))
    return shown, singular


def _join(parts: list[str], lang: Lang) -> str:
    if len(parts) == 1:
        return parts[0]
    return ", ".join(parts[:-1]) + _AND[lang] + parts[-1]


def duration_text(iso: str, lang: Lang) -> str:
    """An ISO 8601 duration in words: ``P1Y2M`` → ``1 year and 2 months``, ``P30D`` → ``30 dagen``.

    A text that is not an ISO 8601 duration is returned unchanged (the rules report it).
    """
    match = _DURATION.match(iso.strip())
    if match is None:
        return iso
    parts: list[str] = []
    for unit, words in _UNITS.items():
        amount = match[unit]
        if amount is None:
            continue
        shown, singular = _number(amount, lang)
        one, many = words[lang]
        parts.append(f"{shown} {one if singular else many}")
    return _join(parts, lang)


def anchor_phrase(anchor: RetentionAnchor, lang: Lang, *, until: bool = False) -> str:
    """``after the end of the financial year`` (or ``until ...``) in ``lang``."""
    return (_UNTIL if until else _AFTER)[anchor].get(lang)


def _event(rule: RetentionRule, lang: Lang, *, until: bool) -> str | None:
    description = (rule.anchor_description or "").strip()
    if description and rule.anchor in (None, RetentionAnchor.CUSTOM, RetentionAnchor.FIXED_DATE):
        return (_UNTIL_TEXT if until else _AFTER_TEXT).get(lang).format(x=description)
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


def _main(rule: RetentionRule, lang: Lang) -> str | None:
    kind = _kind(rule)
    if kind in (RetentionKind.TEMPORAL, RetentionKind.UNTIL_EVENT) and rule.duration:
        amount = duration_text(rule.duration, lang)
        event = _event(rule, lang, until=False)
        return f"{amount} {event}" if event else amount
    if kind is RetentionKind.UNTIL_EVENT:
        return _event(rule, lang, until=True)
    if kind is RetentionKind.UNTIL_DATE:
        if rule.until is not None:
            return _UNTIL_DATE.get(lang).format(x=format_date(rule.until, lang))
        return label(RetentionKind.UNTIL_DATE, lang)
    if kind is RetentionKind.ENDLESS:
        return _ENDLESS.get(lang)
    if kind is RetentionKind.INDETERMINATE:
        text = _INDETERMINATE.get(lang)
        return f"{text}; {_CRITERIA.get(lang)}{_COLON[lang]}{rule.criteria}" if rule.criteria else text
    if kind is RetentionKind.CRITERIA:
        text = _CRITERIA.get(lang)
        return f"{text}{_COLON[lang]}{rule.criteria}" if rule.criteria else text
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
        latest = f"{duration_text(rule.inactivity_fallback, lang)} {after_last}"
        extra.append(_AT_THE_LATEST.get(lang).format(x=latest))
    if rule.review_period:
        extra.append(f"{_REVIEW.get(lang)}{_COLON[lang]}{duration_text(rule.review_period, lang)}")
    return "; ".join([main, *extra])
