"""RET-002 endless-retention-without-justification: data are kept forever with no justification or review.

## What it does
Reports each retention rule of kind ``endless``, and each rule that gives no duration or end date but
says the data are kept "indefinitely", "forever", "permanently", "voor onbepaalde tijd", "voor altijd"
and the like, when the rule has no ``justification``, no ``review_period`` and no ``legal_reference``. A law
that requires permanent keeping is a justification: records transferred to an archive under archive law
(in the Netherlands the Archiefwet; Art. 89(1) GDPR for the safeguards) are kept without end by law, and
the rule that cites it is not reported.

## Why is this bad?
Art. 5(1)(e) allows storage beyond what the purpose needs only for archiving in the public interest,
scientific or historical research or statistics, with the Art. 89(1) safeguards. Recital 39 accepts a
periodic review instead of a fixed time limit. Endless retention with neither is storage limitation
ignored.

## Example
```yaml
activities:
  - id: customer-accounts
    name: Customer accounts
    retention:
      - description: Account data are kept indefinitely
```

## Use instead
```yaml
activities:
  - id: customer-accounts
    name: Customer accounts
    retention:
      - description: Account data are kept while the account exists, and reviewed every year
        kind: endless
        review_period: P1Y
```

## References
- Art. 5(1)(e), 89(1) GDPR
- Recital 39 GDPR (time limits for erasure or for a periodic review)
"""

from __future__ import annotations

from collections.abc import Iterator

from ropa.diagnostics import Severity
from ropa.law import keeps_forever
from ropa.rules._base import Finding, Rule, RuleContext, led_ref, ref
from ropa.rules.ret._common import describe


def check(ctx: RuleContext) -> Iterator[Finding]:
    for activity in ctx.activities:
        for index, rule in enumerate(activity.retention or ()):
            if not keeps_forever(rule) or rule.review_period is not None:
                continue
            if (rule.justification or "").strip() or (rule.legal_reference or "").strip():
                continue
            yield ctx.finding(activity, f"/retention/{index}", rule=describe(rule, index))


RULE = Rule(
    code="RET-002",
    name="endless-retention-without-justification",
    summary="Data are kept without end, with no Art. 89(1) justification and no periodic review.",
    severity=Severity.ERROR,
    legal_refs=(ref("5", 1, "e"), ref("89", 1)),
    message="{entity}: {rule} keeps data without end, with no justification, law or review period",
    hint=(
        "Set a period ('duration: P2Y' with an 'anchor'), or add 'review_period: P1Y' (Recital 39), or the "
        "'legal_reference:' that requires permanent keeping (archive law), or, for archiving, research or "
        "statistics, the Art. 89(1) 'justification:'."
    ),
    check=check,
    doc=__doc__ or "",
    led=(led_ref("4", 1, "e"), led_ref("5")),
)
