"""RET-004 incomplete-statutory-retention: a statutory period is stated without its length or its law.

## What it does
Reports two halves of the same gap:

- a retention rule that says the period is set by law ("statutory", "legal term", "required by law",
  "wettelijke (bewaar)termijn", "bewaarplicht", or a ``legal_reference``) but gives no ``duration`` or
  end date;
- in an activity with an Art. 6(1)(c) purpose, a rule with a ``duration`` but no ``legal_reference``.
  When every purpose is 6(1)(c), each such rule is reported; when the activity mixes bases, it is
  reported once, and only when no rule of the activity names a law.

In the ``nl`` profile, rules for bookkeeping data without an AWR/BW reference are left to NL-003, whose
hint gives the Dutch period and law.

## Why is this bad?
"The statutory period" tells neither the reader of the register nor the data subject how long data are
kept (Art. 13(2)(a)); the register must show the time limit (Art. 30(1)(f)). When data are kept to
comply with a legal obligation, the EDPB's 2025 coordinated action on erasure recommends recording the
obligation that justifies the period in the record.

## Example
```yaml
activities:
  - id: invoicing
    name: Invoicing
    purposes:
      - description: Keep the accounts the tax authority requires
        lawful_basis: 6-1-c
        law: Art. 52 AWR
    retention:
      - description: Invoices are kept for the statutory period
```

## Use instead
```yaml
activities:
  - id: invoicing
    name: Invoicing
    purposes:
      - description: Keep the accounts the tax authority requires
        lawful_basis: 6-1-c
        law: Art. 52 AWR
    retention:
      - description: Invoices are kept for the statutory period
        duration: P7Y
        anchor: end-of-financial-year
        legal_reference: Art. 52(4) AWR
```

## References
- Art. 5(2), 13(2)(a), 30(1)(f) GDPR
- EDPB, Report on the 2025 Coordinated Enforcement Action on the right to erasure (10 February 2026)
"""

from __future__ import annotations

from collections.abc import Iterator

from ropa.diagnostics import Severity
from ropa.rules._base import Finding, Rule, RuleContext, ref
from ropa.rules.ret._common import (
    bookkeeping_gaps,
    describe,
    legal_obligation_purposes,
    statutory_without_duration,
)

_NO_DURATION = "says the period is set by law but does not give it"
_NO_LAW = "gives a period for a 6(1)(c) purpose but not the law that sets it"


def check(ctx: RuleContext) -> Iterator[Finding]:
    dutch = "nl" in ctx.profiles
    for activity in ctx.activities:
        rules = activity.retention or ()
        left_to_nl003 = set(bookkeeping_gaps(ctx, activity)[1]) if dutch else set()
        for index, rule in enumerate(rules):
            if statutory_without_duration(rule) and index not in left_to_nl003:
                yield ctx.finding(
                    activity, f"/retention/{index}", rule=describe(rule, index), problem=_NO_DURATION
                )
        some, only = legal_obligation_purposes(activity)
        if not some:
            continue
        unreferenced = [
            i
            for i, rule in enumerate(rules)
            if rule.duration is not None and rule.legal_reference is None and i not in left_to_nl003
        ]
        if not only:
            if left_to_nl003 or any(rule.legal_reference for rule in rules):
                continue
            unreferenced = unreferenced[:1]
        for index in unreferenced:
            yield ctx.finding(
                activity, f"/retention/{index}/duration", rule=describe(rules[index], index), problem=_NO_LAW
            )


RULE = Rule(
    code="RET-004",
    name="incomplete-statutory-retention",
    summary="A statutory retention period is stated without its duration, or without its law (Art. 6(1)(c)).",
    severity=Severity.WARNING,
    legal_refs=(ref("30", 1, "f"), ref("13", 2, "a")),
    message="{entity}: {rule} {problem}",
    hint=(
        "Give the period as an ISO 8601 'duration' (e.g. P7Y) with its 'anchor', and the law that imposes it "
        "in 'legal_reference' (e.g. 'Art. 52(4) AWR')."
    ),
    check=check,
    doc=__doc__ or "",
)
