"""NL-003 bookkeeping-retention-without-statutory-reference: bookkeeping data lack an AWR/BW retention rule.

## What it does
For each activity with retention rules, looks at its data categories marked ``bookkeeping: true`` and
reports:

- a bookkeeping category that no retention rule covers;
- a retention rule that covers bookkeeping categories when no rule covering them has a
  ``legal_reference`` naming the AWR or the BW.

Whether the period is long enough is RET-007's; an activity without any retention rule is RET-001's. A
rule that says "the statutory period" without giving it is reported here, not by RET-004.

## Why is this bad?
Dutch bookkeeping records (ledgers, invoices, payroll) must be kept for seven years: Art. 52(4) AWR for
tax purposes and Art. 2:10(3) BW (Art. 3:15i BW for sole traders) in civil law. The register should show
that period and the obligation behind it (Art. 30(1)(f); the EDPB's 2025 coordinated action on erasure
asks for the legal obligation to be recorded).

## Example
```yaml
organisation:
  name: Example BV
  country: NL
data_categories:
  - id: invoices
    name: Invoices
    bookkeeping: true
activities:
  - id: invoicing
    name: Invoicing
    data_categories: [invoices]
    retention:
      - duration: P7Y
        anchor: end-of-financial-year
```

## Use instead
```yaml
organisation:
  name: Example BV
  country: NL
data_categories:
  - id: invoices
    name: Invoices
    bookkeeping: true
activities:
  - id: invoicing
    name: Invoicing
    data_categories: [invoices]
    retention:
      - duration: P7Y
        anchor: end-of-financial-year
        legal_reference: Art. 52(4) AWR; Art. 2:10(3) BW
```

## References
- Art. 52(4) Algemene wet inzake rijksbelastingen (AWR)
- Art. 2:10(3) and 3:15i Burgerlijk Wetboek (BW)
- Art. 30(1)(f) GDPR
"""

from __future__ import annotations

from collections.abc import Iterator

from ropa.diagnostics import Severity
from ropa.rules._base import Finding, Rule, RuleContext, ref
from ropa.rules.ret._common import bookkeeping_gaps, covers, describe


def check(ctx: RuleContext) -> Iterator[Finding]:
    index = ctx.category_by_id
    for activity in ctx.activities:
        uncovered, lacking = bookkeeping_gaps(ctx, activity)
        categories = activity.data_categories or ()
        rules = activity.retention or ()
        for position in uncovered:
            problem = f"no retention rule covers bookkeeping data category '{categories[position]}'"
            yield ctx.finding(activity, f"/data_categories/{position}", problem=problem)
        for position in lacking:
            rule = rules[position]
            books = [c for c in categories if (cat := index.get(c)) and cat.bookkeeping and covers(rule, c)]
            missing = "a period or a reference to" if rule.duration is None else "naming"
            problem = (
                f"{describe(rule, position)} covers bookkeeping data ({', '.join(books)}) "
                f"without {missing} the AWR or BW"
            )
            yield ctx.finding(activity, f"/retention/{position}", problem=problem)


RULE = Rule(
    code="NL-003",
    name="bookkeeping-retention-without-statutory-reference",
    summary="Bookkeeping data have no retention rule, or none that names the AWR or BW.",
    severity=Severity.WARNING,
    legal_refs=(ref("52", 4, instrument="AWR"), ref("2:10", 3, instrument="BW"), ref("30", 1, "f")),
    message="{entity}: {problem}",
    hint=(
        "Keep bookkeeping data in a rule with 'duration: P7Y', 'anchor: end-of-financial-year' and "
        "'legal_reference: Art. 52(4) AWR; Art. 2:10(3) BW'."
    ),
    check=check,
    profile="nl",
    doc=__doc__ or "",
    record_gap=True,
)
