"""RET-001 missing-retention-period: an activity records no retention period at all.

## What it does
Reports each activity whose ``retention`` is absent or an empty list: no period, no end date, no
criteria.

## Why is this bad?
Art. 30(1)(f) asks for "where possible, the envisaged time limits for erasure of the different categories
of data", and Art. 5(1)(e) allows personal data to be kept no longer than the purpose needs. Without a
retention rule nobody can tell when the data should go, and Art. 13(2)(a) requires the data subject to
be told the period, or the criteria used to determine it. Because of "where possible" this is a warning;
the ``strict`` option makes it an error.

## Example
```yaml
activities:
  - id: webshop-orders
    name: Order handling
    data_categories: [contact-details]
```

## Use instead
```yaml
activities:
  - id: webshop-orders
    name: Order handling
    data_categories: [contact-details]
    retention:
      - kind: until-event
        duration: P2Y
        anchor: end-of-contract
```

## References
- Art. 5(1)(e), 13(2)(a), 30(1)(f) GDPR
"""

from __future__ import annotations

from collections.abc import Iterator

from ropa.diagnostics import Severity
from ropa.rules._base import Finding, Rule, RuleContext, led_ref, ref


def check(ctx: RuleContext) -> Iterator[Finding]:
    for activity in ctx.activities:
        if activity.retention is None:
            yield ctx.finding(activity)
        elif not activity.retention:
            yield ctx.finding(activity, "/retention")


RULE = Rule(
    code="RET-001",
    name="missing-retention-period",
    summary="An activity records no retention period or criteria.",
    severity=Severity.WARNING,
    legal_refs=(ref("30", 1, "f"), ref("5", 1, "e")),
    message="{entity}: no retention period or criteria recorded",
    hint=(
        "Add 'retention:' with a duration and the event it runs from (e.g. 'duration: P2Y', "
        "'anchor: end-of-contract'), one rule per data category where periods differ; if no period can be "
        "given, state the criteria ('kind: criteria', 'criteria: ...')."
    ),
    check=check,
    doc=__doc__ or "",
    record_gap=True,
    led=(
        led_ref("24", 1),
        led_ref("5"),
    ),
)
