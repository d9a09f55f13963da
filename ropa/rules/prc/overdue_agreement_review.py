"""PRC-003 overdue-agreement-review: a processing agreement's review date has passed.

## What it does
Reports each party whose ``agreement.review_date`` lies before the check date.

## Why is this bad?
The controller must review its measures and update them where necessary (Art. 24(1)), and may only use
processors that keep providing sufficient guarantees (Art. 28(1)). A review date that has passed means
the agreement, its annexes (such as the security measures and sub-processor list) or the processor's
guarantees have not been looked at as planned.

## Example
```yaml
parties:
  - id: mailer
    name: Mailer B.V.
    role: processor
    agreement:
      reference: DPA Mailer v3
      signed: true
      review_date: 2025-12-31
```

## Use instead
```yaml
parties:
  - id: mailer
    name: Mailer B.V.
    role: processor
    agreement:
      reference: DPA Mailer v3
      signed: true
      review_date: 2026-12-31
```

## References
- Art. 24(1), 28(1) GDPR
"""

from __future__ import annotations

from collections.abc import Iterator

from ropa.diagnostics import Severity
from ropa.rules._base import Finding, Rule, RuleContext, ref


def check(ctx: RuleContext) -> Iterator[Finding]:
    for party in ctx.parties:
        agreement = party.agreement
        if agreement is not None and agreement.review_date is not None and agreement.review_date < ctx.today:
            yield ctx.finding(party, "/agreement/review_date", review_date=agreement.review_date.isoformat())


RULE = Rule(
    code="PRC-003",
    name="overdue-agreement-review",
    summary="A processing agreement's review date has passed.",
    severity=Severity.WARNING,
    legal_refs=(ref("24", 1), ref("28", 1)),
    message="{entity}: the processing agreement was due for review on {review_date}",
    hint="Review the agreement and the processor's guarantees, then set the next 'review_date:'.",
    check=check,
    doc=__doc__ or "",
)
