"""RET-006 data-category-without-retention: a data category of an activity is covered by no retention rule.

## What it does
For an activity that has retention rules, reports each of its data categories that no rule covers. A
rule without ``data_categories`` covers every category of the activity. Activities without any rule are
RET-001's; in the ``nl`` profile, bookkeeping categories are NL-003's.

## Why is this bad?
Art. 30(1)(f) asks for the time limits "of the different categories of data". An order creates invoice
data (seven years) and delivery data (until returns and warranty are over): when the rules name some
categories and not others, the register does not say how long the others are kept. The CNIL and the
Dutch AP ask for the period per type of data.

## Example
```yaml
activities:
  - id: orders
    name: Order handling
    data_categories: [delivery-address, order-lines]
    retention:
      - data_categories: [order-lines]
        duration: P2Y
        anchor: end-of-contract
```

## Use instead
```yaml
activities:
  - id: orders
    name: Order handling
    data_categories: [delivery-address, order-lines]
    retention:
      - data_categories: [order-lines]
        duration: P2Y
        anchor: end-of-contract
      - data_categories: [delivery-address]
        duration: P3M
        anchor: end-of-contract
```

## References
- Art. 30(1)(f) GDPR
- AP, recommendations for registers of processing (28 November 2018), recommendation 1
"""

from __future__ import annotations

from collections.abc import Iterator

from ropa.diagnostics import Severity
from ropa.rules._base import Finding, Rule, RuleContext, led_ref, ref
from ropa.rules.ret._common import covers


def check(ctx: RuleContext) -> Iterator[Finding]:
    dutch = "nl" in ctx.profiles
    index = ctx.category_by_id
    for activity in ctx.activities:
        rules = activity.retention or ()
        if not rules or any(rule.data_categories is None for rule in rules):
            continue
        for position, category_id in enumerate(activity.data_categories or ()):
            if any(covers(rule, category_id) for rule in rules):
                continue
            category = index.get(category_id)
            if dutch and category is not None and category.bookkeeping:
                continue
            yield ctx.finding(activity, f"/data_categories/{position}", category=category_id)


RULE = Rule(
    code="RET-006",
    name="data-category-without-retention",
    summary="A data category of an activity is covered by none of its retention rules.",
    severity=Severity.INFO,
    legal_refs=(ref("30", 1, "f"),),
    message="{entity}: no retention rule covers data category '{category}'",
    hint="Add '{category}' to the 'data_categories' of a retention rule, or add a rule for it.",
    check=check,
    doc=__doc__ or "",
    record_gap=True,
    led=(led_ref("24", 1),),
)
