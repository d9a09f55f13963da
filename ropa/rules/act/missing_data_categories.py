"""ACT-004 missing-data-categories: an activity names no categories of personal data.

## What it does
Reports each controller activity whose ``data_categories`` is missing (not stated) or empty (``[]``).
Activities with ``role: processor`` are not reported: an Art. 30(2) record has no data categories.
References to undefined categories are ACT-005's business, not this rule's.

## Why is this bad?
Art. 30(1)(c) requires a description of the categories of personal data; retention (Art. 30(1)(f)) is
given per category, and special-category or criminal data can only be recognised through them.

## Example
```yaml
activities:
  - id: orders
    name: Order handling
    data_categories: []
```

## Use instead
```yaml
data_categories:
  - id: contact
    name: Name, address, e-mail
activities:
  - id: orders
    name: Order handling
    data_categories: [contact]
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
        if activity.data_categories:
            continue
        yield ctx.finding(activity, "" if activity.data_categories is None else "/data_categories")


RULE = Rule(
    code="ACT-004",
    name="missing-data-categories",
    summary="An activity has no categories of personal data.",
    severity=Severity.ERROR,
    legal_refs=(ref("30", 1, "c"),),
    message="{entity}: no categories of personal data are recorded",
    hint="Add 'data_categories:' with the ids of the personal-data categories (defined under "
    "'data_categories:').",
    check=check,
    doc=__doc__ or "",
    record_gap=True,
    led=(led_ref("24", 1),),
)
