"""ACT-003 missing-data-subjects: an activity names no categories of data subjects.

## What it does
Reports each controller activity whose ``data_subjects`` is missing (not stated) or empty (``[]``).
Activities with ``role: processor`` are not reported: an Art. 30(2) record has no data-subject
categories. References to undefined categories are ACT-005's business, not this rule's.

## Why is this bad?
Art. 30(1)(c) requires a description of the categories of data subjects; without them, data-subject
requests, DPIA screening and the privacy notice cannot be checked against the record.

## Example
```yaml
activities:
  - id: orders
    name: Order handling
```

## Use instead
```yaml
data_subjects:
  - id: customers
    name: Customers
activities:
  - id: orders
    name: Order handling
    data_subjects: [customers]
```

## References
- Art. 30(1)(c) GDPR
"""

from __future__ import annotations

from collections.abc import Iterator

from ropa.diagnostics import Severity
from ropa.rules._base import Finding, Rule, RuleContext, led_ref, ref


def check(ctx: RuleContext) -> Iterator[Finding]:
    for activity in ctx.activities:
        if activity.data_subjects:
            continue
        yield ctx.finding(activity, "" if activity.data_subjects is None else "/data_subjects")


RULE = Rule(
    code="ACT-003",
    name="missing-data-subjects",
    summary="An activity has no categories of data subjects.",
    severity=Severity.ERROR,
    legal_refs=(ref("30", 1, "c"),),
    message="{entity}: no categories of data subjects are recorded",
    hint="Add 'data_subjects:' with the ids of the data-subject categories (defined under 'data_subjects:').",
    check=check,
    doc=__doc__ or "",
    record_gap=True,
    led=(led_ref("24", 1),),
)
