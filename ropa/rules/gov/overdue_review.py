"""GOV-001 overdue-review: the register or an activity is past its next review date.

## What it does
Reports ``register.next_review`` and each activity's ``next_review`` when the date is before today
(``ropa validate --today`` sets "today" for reproducible runs).

## Why is this bad?
Art. 24(1) requires the controller's measures to be "reviewed and updated where necessary", and the
controller must be able to demonstrate compliance (Art. 5(2)). The ICO calls the record "a living
document": a review date that has passed means the register may no longer describe the processing.

## Example
```yaml
register:
  title: Register of processing activities
  next_review: 2025-01-01
```

## Use instead
```yaml
register:
  title: Register of processing activities
  last_updated: 2026-01-15
  next_review: 2027-01-15
```

## References
- Art. 5(2), 24(1) GDPR
"""

from __future__ import annotations

from collections.abc import Iterator

from ropa.diagnostics import Severity
from ropa.rules._base import Finding, Rule, RuleContext, led_ref, ref


def check(ctx: RuleContext) -> Iterator[Finding]:
    meta = ctx.register.meta
    if meta is not None and meta.next_review is not None and meta.next_review < ctx.today:
        yield ctx.finding(meta, "/next_review", date=meta.next_review.isoformat())
    for activity in ctx.activities:
        if activity.next_review is not None and activity.next_review < ctx.today:
            yield ctx.finding(activity, "/next_review", date=activity.next_review.isoformat())


RULE = Rule(
    code="GOV-001",
    name="overdue-review",
    summary="The register or an activity is past its next review date.",
    severity=Severity.WARNING,
    legal_refs=(ref("5", 2), ref("24", 1)),
    message="{entity}: the review due on {date} is overdue",
    hint="Review the entry, record 'last_reviewed:' and set a new 'next_review:' date.",
    check=check,
    doc=__doc__ or "",
    processor_record=True,
    led=(led_ref("4", 4),),
)
