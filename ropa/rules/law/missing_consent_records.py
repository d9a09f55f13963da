"""LAW-007 missing-consent-records: a consent basis does not say where consent records are kept.

## What it does
Reports each purpose that relies on consent (``lawful_basis: 6-1-a``, or a DPV IRI naming it) whose
``consent.records`` is missing or blank (including a purpose without a ``consent`` block), and an activity
with an Art. 9(2)(a) explicit-consent condition when none of its purposes says where consents are
recorded (and no consent purpose was reported already). LAW-006 reports a missing withdrawal mechanism
separately.

## Why is this bad?
Under Art. 7(1) the controller must be able to demonstrate that the data subject consented. Without a
record of who consented, when and to what, that cannot be shown. The ICO template links the record of
consent from the register.

## Example
```yaml
activities:
  - id: newsletter
    name: Newsletter
    purposes:
      - description: Send the monthly newsletter to subscribers
        lawful_basis: 6-1-a
        consent:
          withdrawal: Unsubscribe link in every newsletter
```

## Use instead
```yaml
activities:
  - id: newsletter
    name: Newsletter
    purposes:
      - description: Send the monthly newsletter to subscribers
        lawful_basis: 6-1-a
        consent:
          withdrawal: Unsubscribe link in every newsletter
          records: Mailing-list sign-up log with time stamp and double opt-in
```

## References
- Art. 7(1) GDPR
"""

from __future__ import annotations

from collections.abc import Iterator

from ropa.diagnostics import Severity
from ropa.rules._base import Finding, Rule, RuleContext, ref
from ropa.rules.law._consent import consent_gaps


def check(ctx: RuleContext) -> Iterator[Finding]:
    for activity in ctx.activities:
        for path, what in consent_gaps(activity, "records"):
            yield ctx.finding(activity, path, what=what)


RULE = Rule(
    code="LAW-007",
    name="missing-consent-records",
    summary="Consent (6-1-a, or the explicit consent of 9-2-a) does not say where consent records are kept.",
    severity=Severity.WARNING,
    legal_refs=(ref("7", 1),),
    message="{entity}: {what} relies on consent but does not say where consents are recorded",
    hint="Add 'consent: {{records: ...}}' to the purpose with where the proof of consent is kept.",
    check=check,
    doc=__doc__ or "",
    record_gap=True,
)
