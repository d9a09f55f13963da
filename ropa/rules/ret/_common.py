"""What the retention rules (RET-xxx, NL-003) share: text patterns and the predicates that keep one root
cause to one finding across rules."""

from __future__ import annotations

import re
from collections.abc import Sequence

from ropa.models import Activity, RetentionAnchor, RetentionKind, RetentionRule
from ropa.rules._base import RuleContext

__all__ = [
    "ENDLESS_TEXT",
    "LAW_CITATION",
    "STATUTORY_TEXT",
    "bookkeeping_gaps",
    "cites_law",
    "covers",
    "describe",
    "keeps_forever",
    "names_bookkeeping_law",
    "needs_fallback",
    "statutory_without_duration",
    "statutory_without_law",
]

ENDLESS_TEXT = re.compile(
    r"\b(indefinite(ly)?|forever|for ever|in perpetuity|permanent(ly)?|unlimited|no time limit"
    r"|onbepaalde tijd|onbeperkt|eeuwig|altijd(?!\s+(na|binnen|tot|uiterlijk|maximaal|hooguit)\b))\b",
    re.IGNORECASE,
)
"""Words that say data are kept without end (English and Dutch). "Altijd" counts unless a limit follows
("altijd na twee jaar verwijderd" is a period, not forever)."""

STATUTORY_TEXT = re.compile(
    r"\b(statutory|required by law|legally required"
    r"|legal (term|period|retention|requirement|obligation|minimum)"
    r"|wettelijke?|bewaarplicht|fiscale termijn)",
    re.IGNORECASE,
)
"""Words that say a period is set by law. "Legal claims" is not one of them."""

LAW_CITATION = re.compile(
    r"\b(art(\.|ikel|icle|ículo)?|§)\s*\d"
    r"|\b(AWR|BW|AVG|UAVG|HGB|AO|BGB|UStG|CGI|LPF)\b"
    r"|\b(wet|act|gesetz|loi|besluit|decree|regulation|verordening|verordnung|code)\b\s+\w",
    re.IGNORECASE,
)
"""Words that cite a law in a rule's own text: an article ("art. 52", "artikel 2:10", "§ 147"), a statute's
abbreviation ("AWR", "BW", "HGB") or its name ("Wet op ...", "Act on ...")."""

_BOOKKEEPING_LAW = re.compile(
    r"\b(AWR|BW)\b|rijksbelastingen|burgerlijk wetboek",
    re.IGNORECASE,
)

ANCHORS_NEEDING_FALLBACK = frozenset(
    {
        RetentionAnchor.ACCOUNT_CLOSURE,
        RetentionAnchor.END_OF_RELATIONSHIP,
        RetentionAnchor.CONSENT_WITHDRAWAL,
    }
)
"""Open-ended events: they depend on the data subject acting and may never happen for a dormant
customer, so a period that runs from them (or until them) may never end."""


def _texts(rule: RetentionRule) -> str:
    return " ".join(t for t in (rule.description, rule.criteria, rule.anchor_description) if t)


def describe(rule: RetentionRule, index: int) -> str:
    """``retention rule for invoices, orders`` or ``retention rule 2``."""
    if rule.data_categories:
        return f"retention rule for {', '.join(rule.data_categories)}"
    return f"retention rule {index + 1}"


def covers(rule: RetentionRule, category_id: str) -> bool:
    """True when ``rule`` applies to the data category (a rule without ``data_categories`` covers all)."""
    return rule.data_categories is None or category_id in rule.data_categories


def keeps_forever(rule: RetentionRule) -> bool:
    """True for a rule of kind ``endless``, or one that states no period and says "indefinitely"."""
    if rule.kind is RetentionKind.ENDLESS:
        return True
    if rule.kind in (RetentionKind.TEMPORAL, RetentionKind.UNTIL_DATE, RetentionKind.UNTIL_EVENT):
        return False
    return rule.duration is None and rule.until is None and bool(ENDLESS_TEXT.search(_texts(rule)))


def cites_law(rule: RetentionRule) -> bool:
    """True when the rule names the law behind its period: a ``legal_reference``, or its own text cites
    one ("7 jaar (art. 52 AWR)")."""
    if rule.legal_reference is not None and rule.legal_reference.strip():
        return True
    return bool(LAW_CITATION.search(_texts(rule)))


def statutory_without_duration(rule: RetentionRule) -> bool:
    """True when a rule says the period is set by law (text or ``legal_reference``) but gives none."""
    if rule.duration is not None or rule.until is not None or keeps_forever(rule):
        return False
    return rule.legal_reference is not None or bool(STATUTORY_TEXT.search(_texts(rule)))


def statutory_without_law(rule: RetentionRule) -> bool:
    """True when a rule gives a period and says it is set by law, but names no law. A period the
    organisation chose itself (the rule does not call it statutory) needs no law, whatever the basis."""
    if rule.duration is None and rule.until is None:
        return False
    return bool(STATUTORY_TEXT.search(_texts(rule))) and not cites_law(rule)


def needs_fallback(rule: RetentionRule) -> bool:
    """True for a rule whose end depends on an open-ended event that may never come (RET-005): a period
    running from, or until, the end of the relationship, the closing of an account or the withdrawal of
    consent; or a rule that runs until an event it does not name, or names without a period after it.

    A fixed period after a named event is determinate ("20 years after the last change of the medical
    file": ``anchor: custom`` with ``anchor_description`` and a ``duration``) and needs no fallback; so do
    events that always come (end of a financial year, a contract or a procedure, a fixed date)."""
    if keeps_forever(rule) or rule.kind is RetentionKind.UNTIL_DATE:
        return False
    if rule.anchor in ANCHORS_NEEDING_FALLBACK:
        return True
    if rule.anchor not in (None, RetentionAnchor.CUSTOM):
        return False
    named = bool(rule.anchor_description and rule.anchor_description.strip())
    if named and rule.duration is not None:
        return False  # a fixed period after a named event
    return rule.kind is RetentionKind.UNTIL_EVENT or (named and rule.duration is None)


def names_bookkeeping_law(text: str | None) -> bool:
    """True when a legal reference names the AWR or the BW (Dutch bookkeeping retention)."""
    return bool(text and _BOOKKEEPING_LAW.search(text))


def bookkeeping_gaps(ctx: RuleContext, activity: Activity) -> tuple[list[int], list[int]]:
    """NL-003's findings for an activity that has retention rules.

    Returns the positions in ``activity.data_categories`` of bookkeeping categories no rule covers, and
    the positions in ``activity.retention`` of rules that cover a bookkeeping category no rule with an
    AWR/BW reference covers.
    """
    rules: Sequence[RetentionRule] = activity.retention or ()
    if not rules:
        return [], []
    index = ctx.category_by_id
    uncovered: list[int] = []
    lacking: set[int] = set()
    for position, category_id in enumerate(activity.data_categories or ()):
        category = index.get(category_id)
        if category is None or not category.bookkeeping:
            continue
        covering = [i for i, rule in enumerate(rules) if covers(rule, category_id)]
        if not covering:
            uncovered.append(position)
        elif not any(names_bookkeeping_law(rules[i].legal_reference) for i in covering):
            lacking.update(covering)
    return uncovered, sorted(lacking)
