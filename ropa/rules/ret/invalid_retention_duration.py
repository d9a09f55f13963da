"""RET-003 invalid-retention-duration: a retention period is not an ISO 8601 duration.

## What it does
Reports each ``duration``, ``review_period`` and ``inactivity_fallback`` of a retention rule that is not
an ISO 8601 duration such as ``P7Y``, ``P6M``, ``P2W``, ``P30D`` or ``PT12H``: for instance ``P7``
(no unit), ``7Y`` (no ``P``) or ``7 years`` (words). Where it can, the hint gives the ISO form.

## Why is this bad?
The register records "the envisaged time limits for erasure" (Art. 30(1)(f)). A period ropa cannot read
cannot be compared with a statutory minimum (RET-007), with the privacy notice (RGT-005) or turned into
a deletion date, and ``P7`` leaves open whether it means seven years, months or days.

## Example
```yaml
activities:
  - id: invoicing
    name: Invoicing
    retention:
      - duration: 7 years
        anchor: end-of-financial-year
```

## Use instead
```yaml
activities:
  - id: invoicing
    name: Invoicing
    retention:
      - duration: P7Y
        anchor: end-of-financial-year
```

## References
- Art. 30(1)(f) GDPR
- ISO 8601-1:2019, 5.5.2 (durations)
"""

from __future__ import annotations

from collections.abc import Iterator

from ropa.diagnostics import Severity
from ropa.durations import guess_duration
from ropa.models import is_iso_duration
from ropa.rules._base import Finding, Rule, RuleContext, led_ref, ref
from ropa.rules.ret._common import describe

FIELDS = ("duration", "review_period", "inactivity_fallback")


def check(ctx: RuleContext) -> Iterator[Finding]:
    for activity in ctx.activities:
        for index, rule in enumerate(activity.retention or ()):
            for field in FIELDS:
                value = getattr(rule, field)
                if value is None or is_iso_duration(value):
                    continue
                guess = guess_duration(value)
                yield ctx.finding(
                    activity,
                    f"/retention/{index}/{field}",
                    rule=describe(rule, index),
                    field=field,
                    value=value,
                    fix=f"'{guess}'" if guess else "e.g. P7Y (7 years), P6M (6 months) or P30D (30 days)",
                )


RULE = Rule(
    code="RET-003",
    name="invalid-retention-duration",
    summary="A retention duration, review period or inactivity fallback is not an ISO 8601 duration.",
    severity=Severity.ERROR,
    legal_refs=(ref("30", 1, "f"),),
    message="{entity}: {field} '{value}' of {rule} is not an ISO 8601 duration",
    hint="Write the period as an ISO 8601 duration: {fix}.",
    check=check,
    doc=__doc__ or "",
    led=(led_ref("24", 1),),
)
