"""Shared by ORG-004 and ORG-005: when is a DPO likely mandatory (Art. 37(1))?"""

from __future__ import annotations

from ropa.models import Activity
from ropa.rules._base import RuleContext

__all__ = ["dpo_triggers", "has_special_or_criminal_data"]


def has_special_or_criminal_data(ctx: RuleContext, activity: Activity) -> bool:
    """True when the activity declares Art. 9(1) or Art. 10 data in any way the register allows."""
    if activity.special_categories or activity.art9 or activity.art10 is not None:
        return True
    return any(c.special is not None or c.criminal for c in ctx.categories_of(activity))


def dpo_triggers(ctx: RuleContext) -> list[str]:
    """The reasons, in words, why Art. 37(1)(a)–(c) likely requires a DPO; empty when none applies."""
    reasons: list[str] = []
    org = ctx.register.organisation
    if org is not None and org.public_authority:
        reasons.append("the organisation is a public authority")
    for activity in ctx.activities:
        if not (activity.core_activity and activity.large_scale):
            continue
        if activity.systematic_monitoring:
            reasons.append(f"activity {activity.id} is large-scale systematic monitoring as a core activity")
        elif has_special_or_criminal_data(ctx, activity):
            reasons.append(
                f"activity {activity.id} processes special-category or criminal data on a large scale as a "
                "core activity"
            )
    return reasons
