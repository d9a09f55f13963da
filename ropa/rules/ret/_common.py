"""What the retention rules (RET-xxx, NL-003) share: text patterns and the predicates that keep one root
cause to one finding across rules."""

from __future__ import annotations

import re
from collections.abc import Sequence

from ropa.models import Activity, LawfulBasis, RetentionAnchor, RetentionKind, RetentionRule
from ropa.rules._base import RuleContext

__all__ = [
    "ENDLESS_TEXT",
    "STATUTORY_TEXT",
    "bookkeeping_gaps",
    "covers",
    "describe",
    "keeps_forever",
    "legal_obligation_purposes",
    "names_bookkeeping_law",
    "needs_fallback",
    "statutory_without_duration",
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
"""Events that depend on the data subject acting and may never happen for a dormant customer."""


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


def statutory_without_duration(rule: RetentionRule) -> bool:
    """True when a rule says the period is set by law (text or ``legal_reference``) but gives none."""
    if rule.duration is not None or rule.until is not None or keeps_forever(rule):
        return False
    return rule.legal_reference is not None or bool(STATUTORY_TEXT.search(_texts(rule)))


def needs_fallback(rule: RetentionRule) -> bool:
    """True for a rule that waits for an event that may never come (RET-005)."""
    if keeps_forever(rule) or rule.kind is RetentionKind.UNTIL_DATE:
        return False
    if rule.anchor in ANCHORS_NEEDING_FALLBACK:
        return True
    return rule.kind is RetentionKind.UNTIL_EVENT and rule.anchor in (None, RetentionAnchor.CUSTOM)


def names_bookkeeping_law(text: str | None) -> bool:
    """True when a legal reference names the AWR or the BW (Dutch bookkeeping retention)."""
    return bool(text and _BOOKKEEPING_LAW.search(text))


def legal_obligation_purposes(activity: Activity) -> tuple[bool, bool]:
    """(some purpose is 6-1-c, every purpose with a basis is 6-1-c)."""
    bases = [p.lawful_basis for p in activity.purposes or () if p.lawful_basis is not None]
    some = LawfulBasis.LEGAL_OBLIGATION in bases
    return some, some and all(b is LawfulBasis.LEGAL_OBLIGATION for b in bases)


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
