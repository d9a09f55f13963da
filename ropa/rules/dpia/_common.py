"""When a DPIA is called for, shared by DPIA-001..003 and NL-004 so that one gap gets one finding.

Precedence: an Art. 35(3) case (DPIA-001, error) wins over the Dutch AP list (NL-004, in the ``nl``
profile), which wins over the WP248 criteria (DPIA-002); DPIA-003 (no screening at all) speaks only when
none of them does.
"""

from __future__ import annotations

from functools import cache

from ropa._data import load_data
from ropa.law import is_vulnerable, processes_criminal, processes_special
from ropa.models import Activity, AutomatedEffect, ProcessingRole, Wp248Criterion
from ropa.rules._base import RuleContext

__all__ = [
    "ap_list",
    "art35_3_cases",
    "has_dpia_reference",
    "not_required_documented",
    "reported_by_dpia001",
    "reported_by_dpia002",
    "reported_by_nl004",
    "significant_automated_decisions",
    "wp248_criteria",
]

_SIGNIFICANT = (AutomatedEffect.LEGAL, AutomatedEffect.SIMILARLY_SIGNIFICANT)


@cache
def ap_list() -> dict[int, dict[str, object]]:
    """The 17 categories of the Dutch AP DPIA list, by number (ropa's data file ``dpia_list_nl``)."""
    return {int(e["number"]): e for e in load_data("dpia_list_nl")["entries"]}


def significant_automated_decisions(activity: Activity) -> bool:
    """True for automated decisions with a legal or similarly significant effect (Art. 22(1))."""
    decisions = activity.automated_decisions
    return decisions is not None and decisions.exists and decisions.effect in _SIGNIFICANT


def _sensitive(ctx: RuleContext, activity: Activity) -> bool:
    """Special-category or criminal-offence data, in any way the register says so (:mod:`ropa.law`)."""
    categories = ctx.category_by_id
    return processes_special(activity, categories) or processes_criminal(activity, categories)


def has_dpia_reference(activity: Activity) -> bool:
    """True when the activity names where its DPIA is kept."""
    return activity.dpia is not None and bool(activity.dpia.reference and activity.dpia.reference.strip())


def not_required_documented(activity: Activity) -> bool:
    """True for a screening that concluded, with reasons, that no DPIA is required."""
    dpia = activity.dpia
    return dpia is not None and dpia.required is False and bool(dpia.screening and dpia.screening.strip())


def _controller(activity: Activity) -> bool:
    return activity.role is ProcessingRole.CONTROLLER  # a DPIA is the controller's duty (Art. 35(1))


def art35_3_cases(ctx: RuleContext, activity: Activity) -> list[str]:
    """The points of Art. 35(3) the activity falls under, in words."""
    cases = []
    if significant_automated_decisions(activity):
        cases.append("(a) automated decisions with legal or similarly significant effect")
    if activity.large_scale and _sensitive(ctx, activity):
        cases.append("(b) special-category or criminal data on a large scale")
    if activity.large_scale and activity.public_area_monitoring:
        cases.append("(c) systematic monitoring of a publicly accessible area on a large scale")
    return cases


def wp248_criteria(ctx: RuleContext, activity: Activity) -> list[Wp248Criterion]:
    """The WP248 criteria the activity meets: derived from the register, plus ``dpia_criteria``."""
    met = set(activity.dpia_criteria or ())
    decisions = activity.automated_decisions
    if decisions is not None and decisions.exists and decisions.profiling:
        met.add(Wp248Criterion.EVALUATION_SCORING)
    if significant_automated_decisions(activity):
        met.add(Wp248Criterion.AUTOMATED_DECISION)
    if activity.systematic_monitoring or activity.public_area_monitoring:
        met.add(Wp248Criterion.SYSTEMATIC_MONITORING)
    if _sensitive(ctx, activity):
        met.add(Wp248Criterion.SENSITIVE_DATA)
    if activity.large_scale:
        met.add(Wp248Criterion.LARGE_SCALE)
    if any(is_vulnerable(s) for s in ctx.subjects_of(activity)):
        met.add(Wp248Criterion.VULNERABLE_SUBJECTS)
    return [c for c in Wp248Criterion if c in met]


def reported_by_dpia001(ctx: RuleContext, activity: Activity) -> list[str]:
    """The Art. 35(3) cases DPIA-001 reports for the activity (empty when it reports nothing)."""
    if not _controller(activity) or has_dpia_reference(activity):
        return []
    return art35_3_cases(ctx, activity)


def reported_by_nl004(ctx: RuleContext, activity: Activity) -> list[int]:
    """The AP-list categories NL-004 reports for the activity (empty when it reports nothing)."""
    known = ap_list()
    numbers = sorted({n for n in activity.nl_dpia_categories or () if n in known})
    if not numbers or not _controller(activity) or has_dpia_reference(activity):
        return []
    if reported_by_dpia001(ctx, activity):
        return []
    return numbers


def reported_by_dpia002(ctx: RuleContext, activity: Activity) -> str | None:
    """Why DPIA-002 reports the activity, or ``None``: two or more WP248 criteria, or the activity's own
    screening (``dpia.required: true``), and no DPIA reference."""
    if not _controller(activity) or has_dpia_reference(activity) or not_required_documented(activity):
        return None
    criteria = wp248_criteria(ctx, activity)
    screened = activity.dpia is not None and activity.dpia.required is True
    if (len(criteria) < 2 and not screened) or reported_by_dpia001(ctx, activity):
        return None
    if "nl" in ctx.profiles and reported_by_nl004(ctx, activity):
        return None
    if len(criteria) >= 2:
        return f"meets {len(criteria)} WP248 criteria ({', '.join(c.value for c in criteria)})"
    return "its DPIA screening says a DPIA is required"
