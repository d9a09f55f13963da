"""Shared by ORG-004 and ORG-005: when is a DPO likely mandatory (Art. 37(1))?"""

from __future__ import annotations

from ropa.law import is_led, processes_criminal, processes_special
from ropa.models import Activity
from ropa.rules._base import RuleContext

__all__ = ["dpo_triggers", "has_special_or_criminal_data", "led_activities"]


def has_special_or_criminal_data(ctx: RuleContext, activity: Activity) -> bool:
    """True when the activity processes Art. 9(1) or Art. 10 data in any way the register says so."""
    categories = ctx.category_by_id
    return processes_special(activity, categories) or processes_criminal(activity, categories)


def led_activities(ctx: RuleContext) -> list[Activity]:
    """Activities under the Law Enforcement Directive: Art. 32(1) of the Directive requires a DPO."""
    return [activity for activity in ctx.activities if is_led(activity)]


def dpo_triggers(ctx: RuleContext) -> list[str]:
    """The reasons, in words, why Art. 37(1)(a)–(c) GDPR or Art. 32(1) of the Law Enforcement Directive
    likely requires a DPO; empty when none applies."""
    reasons: list[str] = []
    org = ctx.register.organisation
    if org is not None and org.public_authority:
        reasons.append("the organisation is a public authority")
    led = led_activities(ctx)
    if led:
        reasons.append(
            f"activity {led[0].id} is processing under the Law Enforcement Directive, whose Art. 32(1) "
            "requires a DPO"
        )
    for activity in ctx.activities:
        if is_led(activity):
            continue
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
