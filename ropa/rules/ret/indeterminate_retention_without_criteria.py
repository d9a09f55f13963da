"""RET-008 indeterminate-retention-without-criteria: no period can be given, and no criteria are either.

## What it does
Reports each retention rule of kind ``indeterminate`` or ``criteria`` without a ``criteria`` text. Rules
that say the data are kept forever are RET-002's; rules that point to a statutory period are RET-004's.

## Why is this bad?
When the period cannot be fixed in advance, Art. 13(2)(a) and 14(2)(a) require the data subject to be
told "the criteria used to determine that period", and the register must show the envisaged time limit
as far as possible (Art. 30(1)(f)). "Indeterminate" alone tells nobody when the data go.

## Example
```yaml
activities:
  - id: complaints
    name: Complaint handling
    retention:
      - kind: indeterminate
```

## Use instead
```yaml
activities:
  - id: complaints
    name: Complaint handling
    retention:
      - kind: criteria
        criteria: Until the complaint is settled and the period for an appeal has passed
```

## References
- Art. 13(2)(a), 14(2)(a), 30(1)(f) GDPR
"""

from __future__ import annotations

from collections.abc import Iterator

from ropa.diagnostics import Severity
from ropa.law import keeps_forever, statutory_without_duration
from ropa.models import RetentionKind
from ropa.rules._base import Finding, Rule, RuleContext, led_ref, ref
from ropa.rules.ret._common import describe

_KINDS = (RetentionKind.INDETERMINATE, RetentionKind.CRITERIA)


def check(ctx: RuleContext) -> Iterator[Finding]:
    for activity in ctx.activities:
        for index, rule in enumerate(activity.retention or ()):
            if rule.kind not in _KINDS or (rule.criteria and rule.criteria.strip()):
                continue
            if keeps_forever(rule) or statutory_without_duration(rule):
                continue
            yield ctx.finding(
                activity, f"/retention/{index}", rule=describe(rule, index), kind=rule.kind.value
            )


RULE = Rule(
    code="RET-008",
    name="indeterminate-retention-without-criteria",
    summary="A retention rule of kind indeterminate or criteria states no criteria.",
    severity=Severity.WARNING,
    legal_refs=(ref("13", 2, "a"), ref("14", 2, "a"), ref("30", 1, "f")),
    message="{entity}: {rule} is of kind '{kind}' but states no criteria",
    hint="Add 'criteria:' saying what determines the period (e.g. 'until the claim is settled').",
    check=check,
    doc=__doc__ or "",
    record_gap=True,
    led=(led_ref("24", 1),),
)
