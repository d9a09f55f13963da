"""GOV-004 controller-activity-on-behalf-of-another: processor work is recorded as the controller's own.

## What it does
Reports each activity with ``role: controller`` (the default) that names an ``on_behalf_of`` controller.

## Why is this bad?
Processing done on behalf of another controller belongs in the processor's record of Art. 30(2), which
asks for other things (the controller served, the categories of processing) than the controller's record
of Art. 30(1). Mixing the two without the role hides who decides on purposes and means, and the CNIL
advises keeping two registers.

## Example
```yaml
activities:
  - id: payroll-for-clients
    name: Payroll for client companies
    on_behalf_of: Client BV
```

## Use instead
```yaml
activities:
  - id: payroll-for-clients
    name: Payroll for client companies
    role: processor
    on_behalf_of: Client BV
```

## References
- Art. 28(10), 30(1), 30(2) GDPR
"""

from __future__ import annotations

from collections.abc import Iterator

from ropa.diagnostics import Severity
from ropa.models import ProcessingRole
from ropa.rules._base import Finding, Rule, RuleContext, led_ref, ref


def check(ctx: RuleContext) -> Iterator[Finding]:
    for activity in ctx.activities:
        controller = (activity.on_behalf_of or "").strip()
        if controller and activity.role is ProcessingRole.CONTROLLER:
            yield ctx.finding(activity, "/on_behalf_of", controller=controller)


RULE = Rule(
    code="GOV-004",
    name="controller-activity-on-behalf-of-another",
    summary="An activity recorded as the controller's own is done on behalf of another controller.",
    severity=Severity.ERROR,
    legal_refs=(ref("30", 1), ref("30", 2)),
    message="{entity}: recorded as controller processing, but done on behalf of '{controller}'",
    hint=(
        "Set 'role: processor' (or move it to 'processor_activities:'), or remove 'on_behalf_of' if the "
        "organisation decides on the purposes and means itself."
    ),
    check=check,
    doc=__doc__ or "",
    processor_record=True,
    led=(
        led_ref("24", 1),
        led_ref("24", 2),
    ),
)
