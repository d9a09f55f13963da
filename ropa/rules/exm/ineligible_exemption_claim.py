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

An activity whose claim is valid (the headcount is stated and below 250, and no exception applies) need
not be recorded at all: the rules that report only what an entry lacks (a retention period, security
measures, a lawful basis ...) stay silent for it; the rules that report what the register shows to be
contrary to the law still report it. Without a stated headcount the claim is not shown valid, and the
activity is checked in full. [docs/law.md](../law.md) lists which rules are which.

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
from ropa.law import Obstacle, exemption_obstacles
from ropa.rules._base import Finding, Rule, RuleContext, led_ref, ref


def _reason(obstacle: Obstacle) -> str:
    if obstacle.kind == "led":
        return "it is processing under the Law Enforcement Directive, whose Art. 24 has no exemption"
    if obstacle.kind == "headcount":
        return f"the organisation employs {obstacle.employees} persons ({obstacle.threshold} or more)"
    if obstacle.kind == "frequency-unknown":
        return "its frequency is not recorded as occasional"
    if obstacle.kind == "frequency" and obstacle.frequency is not None:
        return f"it is {obstacle.frequency.value}, not occasional"
    if obstacle.kind == "special":
        return "it involves special-category or criminal data"
    return f"it is flagged as risky ({', '.join(obstacle.flags)})"


def check(ctx: RuleContext) -> Iterator[Finding]:
    org = ctx.register.organisation
    for activity in ctx.activities:
        if not activity.exemption_claimed:
            continue
        obstacles = exemption_obstacles(activity, org, ctx.category_by_id)
        if obstacles:
            reasons = "; ".join(_reason(o) for o in obstacles)
            yield ctx.finding(activity, "/exemption_claimed", reasons=reasons)


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
