"""SEC-001 missing-security-measures: no security measure applies to an activity.

## What it does
Reports each activity (Art. 30(1)) and each processor activity (Art. 30(2)) that references no
organisation-level ``security_measures`` and has no ``specific_measures``, in a register that lists no
organisation-level ``security_measures`` for it to inherit. An activity that lists none inherits all of
the organisation's measures, so one list at the top of the register is enough.

## Why is this bad?
Art. 30(1)(g) and 30(2)(d) ask, where possible, for a general description of the technical and
organisational security measures of Art. 32(1). Supervisory authorities have fined controllers whose
records did not show them (Garante, Foodinho, 2021; LfD Niedersachsen, Volkswagen, 2022). Because of
"where possible" this is a warning; the ``strict`` option makes it an error.

## Example
```yaml
activities:
  - id: orders
    name: Order handling
```

## Use instead
```yaml
security_measures:
  - id: tls
    description: All traffic to the webshop is encrypted with TLS 1.2 or higher
    kind: technical
    art32: [a]
activities:
  - id: orders
    name: Order handling
```

## References
- Art. 30(1)(g), 30(2)(d), 32(1) GDPR
"""

from __future__ import annotations

from collections.abc import Iterator

from ropa.diagnostics import Severity
from ropa.models import Activity, ProcessorActivity
from ropa.rules._base import Finding, Rule, RuleContext, ref


def check(ctx: RuleContext) -> Iterator[Finding]:
    if ctx.register.security_measures:
        return
    entries: tuple[Activity | ProcessorActivity, ...] = (*ctx.activities, *ctx.processor_activities)
    for activity in entries:
        if not activity.security_measures and not activity.specific_measures:
            yield ctx.finding(activity)


RULE = Rule(
    code="SEC-001",
    name="missing-security-measures",
    summary="No security measure applies to an activity, and the organisation lists none to inherit.",
    severity=Severity.WARNING,
    legal_refs=(ref("30", 1, "g"), ref("30", 2, "d"), ref("32", 1)),
    message="{entity}: no security measures recorded, and the organisation lists none to inherit",
    hint=(
        "List the organisation's measures under a top-level 'security_measures:' (every activity inherits "
        "them), or add 'specific_measures:' to the activity."
    ),
    check=check,
    doc=__doc__ or "",
)
