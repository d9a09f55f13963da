"""EXM-001 ineligible-exemption-claim: an activity claims the Art. 30(5) exemption, which does not apply.

## What it does
Reports each activity with ``exemption_claimed: true`` when the register shows that the Art. 30(5)
derogation cannot cover it, because of at least one of:

- the organisation employs 250 or more persons (``organisation.employees``; the threshold of rule set
  ``gdpr-2016`` in ``ropa/data/exemption.json``);
- the processing is not occasional: ``frequency`` is anything but ``occasional``, or is not stated (the
  claim rests on the processing being occasional, so the register must say so);
- it involves Art. 9(1) or Art. 10 data, in any way the register says so (see :mod:`ropa.law`): a data
  category with ``special``, ``criminal: true`` or a DPV IRI under an Art. 9(1) concept or
  ``pd:Criminal``, ``special_categories: true``, an ``art9`` condition or an ``art10`` block;
- it is processing under the Law Enforcement Directive (``regime: led``): Art. 24 of Directive (EU)
  2016/680 requires the record of every competent authority, with no exemption;
- it is flagged as likely to result in a risk: ``large_scale``, ``systematic_monitoring``,
  ``public_area_monitoring``, ``dpia.required`` or ``automated_decisions.exists`` is true.

When ``employees`` is not stated, only the other conditions are checked. The message lists every reason.

## Why is this bad?
Under Art. 30(5) an organisation with fewer than 250 employees need not record a processing, *unless* it
is likely to result in a risk, is not occasional, or includes special-category or criminal data. The
exceptions are alternatives: any one of them brings the processing back into the record (WP29 position
paper of 19 April 2018). A regular processing such as order handling or payroll is never occasional.

## Example
```yaml
organisation:
  name: Example BV
  employees: 12
activities:
  - id: payroll
    name: Payroll
    frequency: regular
    exemption_claimed: true
```

## Use instead
```yaml
organisation:
  name: Example BV
  employees: 12
activities:
  - id: payroll
    name: Payroll
    frequency: regular
    exemption_claimed: false
```

## References
- Art. 30(5) GDPR
- WP29, Position paper on the derogations from the obligation to maintain records of processing
  activities pursuant to Article 30(5) GDPR (19 April 2018)
"""

from __future__ import annotations

from collections.abc import Iterator

from ropa.diagnostics import Severity
from ropa.law import is_led, processes_criminal, processes_special
from ropa.models import Activity, Frequency
from ropa.rules._base import Finding, Rule, RuleContext, led_ref, ref
from ropa.rules.exm._rulesets import rulesets

_RULESET = "gdpr-2016"
"""The Art. 30(5) test this rule applies: the law in force."""


def _risk_flags(activity: Activity) -> list[str]:
    flags = [
        name
        for name, value in (
            ("large_scale", activity.large_scale),
            ("systematic_monitoring", activity.systematic_monitoring),
            ("public_area_monitoring", activity.public_area_monitoring),
            ("dpia.required", activity.dpia is not None and activity.dpia.required),
            (
                "automated_decisions",
                activity.automated_decisions is not None and activity.automated_decisions.exists,
            ),
        )
        if value
    ]
    return flags


def _special_or_criminal(ctx: RuleContext, activity: Activity) -> bool:
    categories = ctx.category_by_id
    return processes_special(activity, categories) or processes_criminal(activity, categories)


def check(ctx: RuleContext) -> Iterator[Finding]:
    threshold = rulesets()[_RULESET].threshold
    org = ctx.register.organisation
    employees = org.employees if org is not None else None
    for activity in ctx.activities:
        if not activity.exemption_claimed:
            continue
        reasons: list[str] = []
        if is_led(activity):
            reasons.append(
                "it is processing under the Law Enforcement Directive, whose Art. 24 has no exemption"
            )
        if employees is not None and employees >= threshold:
            reasons.append(f"the organisation employs {employees} persons ({threshold} or more)")
        if activity.frequency is None:
            reasons.append("its frequency is not recorded as occasional")
        elif activity.frequency is not Frequency.OCCASIONAL:
            reasons.append(f"it is {activity.frequency.value}, not occasional")
        if _special_or_criminal(ctx, activity):
            reasons.append("it involves special-category or criminal data")
        flags = _risk_flags(activity)
        if flags:
            reasons.append(f"it is flagged as risky ({', '.join(flags)})")
        if reasons:
            yield ctx.finding(activity, "/exemption_claimed", reasons="; ".join(reasons))


RULE = Rule(
    code="EXM-001",
    name="ineligible-exemption-claim",
    summary="An activity claims the Art. 30(5) exemption although the register shows it does not apply.",
    severity=Severity.ERROR,
    legal_refs=(ref("30", 5),),
    message="{entity}: the Art. 30(5) exemption is claimed, but {reasons}",
    hint="Set 'exemption_claimed: false' and record the activity in full; only occasional processing without "
    "risk or Art. 9/10 data by an organisation under 250 employees is exempt "
    "(then say 'frequency: occasional').",
    check=check,
    doc=__doc__ or "",
    processor_record=True,
    led=(ref("30", 5), led_ref("24", 1)),
)
