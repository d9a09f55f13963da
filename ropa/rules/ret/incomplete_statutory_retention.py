"""RET-004 incomplete-statutory-retention: a statutory period is stated without its length or its law.

## What it does
Reports a retention rule that says its period is set by law ("statutory", "legal term", "required by
law", "wettelijke (bewaar)termijn", "bewaarplicht", or a ``legal_reference``) and then

- gives no ``duration`` or end date; or
- gives a period but names no law: no ``legal_reference``, and its own text (``description``,
  ``criteria``, ``anchor_description``) cites none either ("7 jaar (art. 52 AWR)" cites one).

A period the organisation chose itself is not reported, whatever the lawful basis of the activity: a rule
that does not call its period statutory needs no law behind it, even for a 6(1)(c) purpose. In the ``nl``
profile, rules for bookkeeping data without an AWR/BW reference are left to NL-003, whose hint gives the
Dutch period and law.

## Why is this bad?
"The statutory period" tells neither the reader of the register nor the data subject how long data are
kept (Art. 13(2)(a)); the register must show the time limit (Art. 30(1)(f)). A period presented as
statutory should name the obligation that sets it: the EDPB's 2025 coordinated action on erasure
recommends recording it in the record.

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
from ropa.law import statutory_without_duration, statutory_without_law
from ropa.rules._base import Finding, Rule, RuleContext, led_ref, ref
from ropa.rules.ret._common import bookkeeping_gaps, describe

_NO_DURATION = "says the period is set by law but does not give it"
_NO_LAW = "says its period is set by law but does not name the law"


def check(ctx: RuleContext) -> Iterator[Finding]:
    dutch = "nl" in ctx.profiles
    for activity in ctx.activities:
        left_to_nl003 = set(bookkeeping_gaps(ctx, activity)[1]) if dutch else set()
        for index, rule in enumerate(activity.retention or ()):
            if index in left_to_nl003:
                continue
            if statutory_without_duration(rule):
                yield ctx.finding(
                    activity, f"/retention/{index}", rule=describe(rule, index), problem=_NO_DURATION
                )
            elif statutory_without_law(rule):
                yield ctx.finding(
                    activity, f"/retention/{index}", rule=describe(rule, index), problem=_NO_LAW
                )


RULE = Rule(
    code="RET-004",
    name="incomplete-statutory-retention",
    summary="A retention period said to be set by law is stated without its duration, or without its law.",
    severity=Severity.WARNING,
    legal_refs=(ref("30", 1, "f"), ref("13", 2, "a")),
    message="{entity}: {rule} {problem}",
    hint=(
        "Give the period as an ISO 8601 'duration' (e.g. P7Y) with its 'anchor', and the law that imposes it "
        "in 'legal_reference' (e.g. 'Art. 52(4) AWR')."
    ),
    check=check,
    doc=__doc__ or "",
    record_gap=True,
    led=(led_ref("24", 1), led_ref("5")),
)
