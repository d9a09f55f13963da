"""What the retention rules (RET-xxx, NL-003) share: the predicates that keep one root cause to one finding
across rules. How a rule's text reads (statutory, citing a law, endless) is :mod:`ropa.law.retention`'s."""

from __future__ import annotations

from collections.abc import Sequence

from ropa.law import bookkeeping_minimum, keeps_forever, names_law
from ropa.models import Activity, RetentionAnchor, RetentionKind, RetentionRule
from ropa.rules._base import RuleContext

__all__ = ["bookkeeping_gaps", "covers", "describe", "needs_fallback"]

ANCHORS_NEEDING_FALLBACK = frozenset(
    {
        RetentionAnchor.ACCOUNT_CLOSURE,
        RetentionAnchor.END_OF_RELATIONSHIP,
        RetentionAnchor.CONSENT_WITHDRAWAL,
    }
)
"""Open-ended events: they depend on the data subject acting and may never happen for a dormant
customer, so a period that runs from them (or until them) may never end."""


def describe(rule: RetentionRule, index: int) -> str:
    """``retention rule for invoices, orders`` or ``retention rule 2``."""
    if rule.data_categories:
        return f"retention rule for {', '.join(rule.data_categories)}"
    return f"retention rule {index + 1}"


def covers(rule: RetentionRule, category_id: str) -> bool:
    """True when ``rule`` applies to the data category (a rule without ``data_categories`` covers all)."""
    return rule.data_categories is None or category_id in rule.data_categories


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


def bookkeeping_gaps(ctx: RuleContext, activity: Activity) -> tuple[list[int], list[int]]:
    """NL-003's findings for an activity that has retention rules.

    Returns the positions in ``activity.data_categories`` of bookkeeping categories no rule covers, and
    the positions in ``activity.retention`` of rules that cover a bookkeeping category that no rule naming
    the AWR or the BW (in its ``legal_reference`` or its own text) covers.
    """
    rules: Sequence[RetentionRule] = activity.retention or ()
    if not rules:
        return [], []
    index = ctx.category_by_id
    minimum = bookkeeping_minimum("NL")
    keywords = tuple(minimum.reference_keywords) if minimum is not None else ()
    uncovered: list[int] = []
    lacking: set[int] = set()
    for position, category_id in enumerate(activity.data_categories or ()):
        category = index.get(category_id)
        if category is None or not category.bookkeeping:
            continue
        covering = [i for i, rule in enumerate(rules) if covers(rule, category_id)]
        if not covering:
            uncovered.append(position)
        elif not any(names_law(rules[i], keywords) for i in covering):
            lacking.update(covering)
    return uncovered, sorted(lacking)
