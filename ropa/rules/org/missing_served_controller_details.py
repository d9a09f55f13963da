"""ORG-007 missing-served-controller-details: a processor record does not identify the controller it serves.

## What it does
Reports each ``processor_activities`` entry whose ``controller`` is missing, has no ``name``, or has no
contact details (e-mail, phone, postal address or web address); and each activity recorded with
``role: processor`` that does not name the controller it acts for (``on_behalf_of``).

## Why is this bad?
Art. 30(2)(a) requires a processor's record to contain the name and contact details of each controller
on whose behalf the processor acts. Without them, the record cannot show for whom the processing is done.

## Example
```yaml
processor_activities:
  - id: payroll-for-clients
    controller:
      name: Client BV
    categories:
      - Payroll administration
```

## Use instead
```yaml
processor_activities:
  - id: payroll-for-clients
    controller:
      name: Client BV
      email: privacy@client.nl
    categories:
      - Payroll administration
```

## References
- Art. 30(2)(a) GDPR
"""

from __future__ import annotations

from collections.abc import Iterator

from ropa.diagnostics import Severity
from ropa.models import ProcessingRole
from ropa.rules._base import Finding, Rule, RuleContext, led_ref, ref

_FIX = "Add 'controller:' with the controller's 'name:' and an 'email:', 'phone:', 'address:' or 'url:'."


def check(ctx: RuleContext) -> Iterator[Finding]:
    for activity in ctx.activities:
        if activity.role is ProcessingRole.PROCESSOR and not (activity.on_behalf_of or "").strip():
            yield ctx.finding(
                activity,
                missing="name ('on_behalf_of')",
                fix="Name the controller in 'on_behalf_of:', or record the processing under "
                "'processor_activities:' with the controller's name and contact details.",
            )
    for entry in ctx.processor_activities:
        controller = entry.controller
        if controller is None:
            yield ctx.finding(entry, missing="name and contact details", fix=_FIX)
            continue
        has_name = bool(controller.name and controller.name.strip())
        if has_name and controller.has_details:
            continue
        missing = (
            "contact details"
            if has_name
            else "name"
            if controller.has_details
            else "name and contact details"
        )
        yield ctx.finding(entry, "/controller", missing=missing, fix=_FIX)


RULE = Rule(
    code="ORG-007",
    name="missing-served-controller-details",
    summary="A processor record lacks the name or contact details of the controller served.",
    severity=Severity.ERROR,
    legal_refs=(ref("30", 2, "a"),),
    message="{entity}: the controller served has no {missing}",
    hint="{fix}",
    check=check,
    doc=__doc__ or "",
    processor_record=True,
    led=(led_ref("24", 2),),
)
