"""LAW-007 missing-consent-records: a consent basis does not say where consent records are kept.

## What it does
Reports each purpose with ``lawful_basis: 6-1-a`` whose ``consent.records`` is missing or blank
(including a purpose without a ``consent`` block). LAW-006 reports a missing withdrawal mechanism
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
from ropa.models import LawfulBasis
from ropa.rules._base import Finding, Rule, RuleContext, excerpt, ref


def check(ctx: RuleContext) -> Iterator[Finding]:
    for activity in ctx.activities:
        for index, purpose in enumerate(activity.purposes or ()):
            if purpose.lawful_basis is not LawfulBasis.CONSENT:
                continue
            consent = purpose.consent
            if consent is not None and consent.records and consent.records.strip():
                continue
            path = f"/purposes/{index}/" + ("consent" if consent is not None else "lawful_basis")
            yield ctx.finding(activity, path, purpose=excerpt(purpose.description))


RULE = Rule(
    code="LAW-007",
    name="missing-consent-records",
    summary="A 6-1-a consent basis does not say where consent records are kept.",
    severity=Severity.WARNING,
    legal_refs=(ref("7", 1),),
    message="{entity}: purpose '{purpose}' relies on consent but does not say where consents are recorded",
    hint="Add 'consent: {{records: ...}}' to the purpose with where the proof of consent is kept.",
    check=check,
    doc=__doc__ or "",
)
