"""RET-005 until-event-without-fallback: data are kept until an event that may never happen.

## What it does
Reports each retention rule that runs until the data subject closes an account, ends the relationship
or withdraws consent (anchor ``account-closure``, ``end-of-relationship`` or ``consent-withdrawal``,
with or without an offset such as ``P6M``), and each rule of kind ``until-event`` whose event is not
named (no anchor, or ``custom``), when the rule has neither an ``inactivity_fallback`` nor a
``review_period``. Events that always come (end of the financial year, end of a contract or procedure,
a fixed date, the last activity itself) need no fallback.

## Why is this bad?
A customer who simply stops using the shop never closes the account. Without a fallback such as "erased
two years after the last login" (or a periodic review, Recital 39), the data of dormant accounts are
kept forever, against the storage limitation of Art. 5(1)(e).

## Example
```yaml
activities:
  - id: customer-accounts
    name: Customer accounts
    retention:
      - kind: until-event
        anchor: account-closure
```

## Use instead
```yaml
activities:
  - id: customer-accounts
    name: Customer accounts
    retention:
      - kind: until-event
        anchor: account-closure
        inactivity_fallback: P2Y
```

## References
- Art. 5(1)(e) GDPR
- Recital 39 GDPR
"""

from __future__ import annotations

from collections.abc import Iterator

from ropa.diagnostics import Severity
from ropa.models import RetentionAnchor
from ropa.rules._base import Finding, Rule, RuleContext, ref
from ropa.rules.ret._common import describe, needs_fallback

_EVENTS: dict[RetentionAnchor | None, str] = {
    RetentionAnchor.ACCOUNT_CLOSURE: "the account is closed",
    RetentionAnchor.END_OF_RELATIONSHIP: "the relationship ends",
    RetentionAnchor.CONSENT_WITHDRAWAL: "consent is withdrawn",
}


def check(ctx: RuleContext) -> Iterator[Finding]:
    for activity in ctx.activities:
        for index, rule in enumerate(activity.retention or ()):
            if needs_fallback(rule) and rule.inactivity_fallback is None and rule.review_period is None:
                event = (
                    f"the event '{rule.anchor_description}'"
                    if rule.anchor_description
                    else _EVENTS.get(rule.anchor, "an event that is not named")
                )
                yield ctx.finding(activity, f"/retention/{index}", rule=describe(rule, index), event=event)


RULE = Rule(
    code="RET-005",
    name="until-event-without-fallback",
    summary="Retention runs until an event that may never happen, with no inactivity fallback or review.",
    severity=Severity.WARNING,
    legal_refs=(ref("5", 1, "e"),),
    message="{entity}: {rule} runs until {event}, with no inactivity fallback or review period",
    hint=(
        "Add 'inactivity_fallback:' (e.g. P2Y: erase after two years without activity) or "
        "'review_period:' (e.g. P1Y) to the rule."
    ),
    check=check,
    doc=__doc__ or "",
)
