"""SEC-003 organisational-measures-only: a high-risk activity is protected by organisational measures only.

## What it does
Reports each activity that processes special-category data (in any way the register says so: a data
category with ``special`` or a DPV IRI under an Art. 9(1) concept, ``special_categories: true`` or an
``art9`` condition; see :mod:`ropa.law`) or is ``large_scale: true``, when every security measure that
applies to it (referenced or inherited, plus its own) is of kind ``organisational``. Measures without a
``kind`` are given the benefit of the doubt.

## Why is this bad?
Art. 32(1) asks for measures appropriate to the risk, "taking into account the state of the art". Health
data or a large customer base behind policies and training alone, with no encryption, access control or
logging, is rarely appropriate.

## Example
```yaml
security_measures:
  - id: confidentiality
    description: Staff sign a confidentiality agreement
    kind: organisational
activities:
  - id: customer-base
    name: Customer base
    large_scale: true
```

## Use instead
```yaml
security_measures:
  - id: confidentiality
    description: Staff sign a confidentiality agreement
    kind: organisational
  - id: mfa
    description: Multi-factor authentication on every system with customer data
    kind: technical
activities:
  - id: customer-base
    name: Customer base
    large_scale: true
```

## References
- Art. 32(1) GDPR
"""

from __future__ import annotations

from collections.abc import Iterator

from ropa.diagnostics import Severity
from ropa.law import processes_special
from ropa.rules._base import Finding, Rule, RuleContext, led_ref, ref
from ropa.rules.sec._common import effective_measures


def check(ctx: RuleContext) -> Iterator[Finding]:
    for activity in ctx.activities:
        special = processes_special(activity, ctx.category_by_id)
        if not special and activity.large_scale is not True:
            continue
        effective = effective_measures(ctx, activity)
        if effective.unresolved or not effective.only_organisational:
            continue
        reason = "special-category data" if special else "large-scale processing"
        yield ctx.finding(activity, reason=reason)


RULE = Rule(
    code="SEC-003",
    name="organisational-measures-only",
    summary="An activity with special-category data or on a large scale has only organisational measures.",
    severity=Severity.INFO,
    legal_refs=(ref("32", 1),),
    message="{entity}: {reason} protected by organisational measures only",
    hint=(
        "Record the technical measures that protect the data (encryption, access control, logging) with "
        "'kind: technical', or add them."
    ),
    check=check,
    doc=__doc__ or "",
    processor_record=True,
    led=(led_ref("29", 1),),
)
