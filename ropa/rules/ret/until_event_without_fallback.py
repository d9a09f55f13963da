"""RET-005 until-event-without-fallback: data are kept until an event that may never happen.

## What it does
Reports each retention rule whose end depends on an open-ended event, when the rule has neither an
``inactivity_fallback`` nor a ``review_period``:

- a period running from, or until, the end of the relationship, the closing of an account or the
  withdrawal of consent (anchor ``end-of-relationship``, ``account-closure`` or ``consent-withdrawal``,
  with or without a ``duration`` such as ``P2Y``): a customer who simply stops buying never ends the
  relationship;
- a rule that runs until an event it names only in words and gives no period after it ("as long as you
  are a customer": ``kind: until-event``, ``anchor: custom``, ``anchor_description``, no ``duration``);
- a rule of kind ``until-event`` that names no event at all.

A fixed period after a named event is determinate and is not reported: "20 years after the last change of
the medical file" (Art. 7:454(3) BW) is ``anchor: custom``, ``anchor_description`` and ``duration: P20Y``.
Events that always come (end of the financial year, of a contract or a procedure, a fixed date, the last
activity itself) need no fallback either. The message describes the rule as written ("2 years after the
end of the relationship").

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
from ropa.export.retention_text import retention_text
from ropa.models import RetentionAnchor, RetentionRule
from ropa.rules._base import Finding, Rule, RuleContext, led_ref, ref
from ropa.rules.ret._common import describe, needs_fallback


def _as_written(rule: RetentionRule) -> str:
    """What the rule says, in words: ``keeps data 2 years after the end of the relationship``."""
    description = (rule.anchor_description or "").strip()
    if rule.anchor in (None, RetentionAnchor.CUSTOM):
        if description:
            return f"keeps data until '{description}', which may never come"
        return "runs until an event it does not name"
    return f"keeps data {retention_text(rule, 'en')}, which may never come"


def check(ctx: RuleContext) -> Iterator[Finding]:
    for activity in ctx.activities:
        for index, rule in enumerate(activity.retention or ()):
            if needs_fallback(rule) and rule.inactivity_fallback is None and rule.review_period is None:
                yield ctx.finding(
                    activity, f"/retention/{index}", rule=describe(rule, index), problem=_as_written(rule)
                )


RULE = Rule(
    code="RET-005",
    name="until-event-without-fallback",
    summary="Retention runs until an event that may never happen, with no inactivity fallback or review.",
    severity=Severity.WARNING,
    legal_refs=(ref("5", 1, "e"),),
    message="{entity}: {rule} {problem}, and has no inactivity fallback or review period",
    hint=(
        "Add 'inactivity_fallback:' (e.g. P2Y: erase after two years without activity) or "
        "'review_period:' (e.g. P1Y) to the rule."
    ),
    check=check,
    doc=__doc__ or "",
    led=(led_ref("4", 1, "e"), led_ref("5")),
)
