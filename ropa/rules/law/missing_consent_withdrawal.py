"""LAW-006 missing-consent-withdrawal: a consent basis does not say how consent is withdrawn.

## What it does
Reports each purpose with ``lawful_basis: 6-1-a`` whose ``consent.withdrawal`` is missing or blank
(including a purpose without a ``consent`` block). LAW-007 reports missing consent records separately:
they are separate obligations with separate fixes.

## Why is this bad?
Art. 7(3) gives the data subject the right to withdraw consent at any time, as easily as it was given,
and Art. 13(2)(c) requires telling them so. A consent-based processing without a withdrawal mechanism
does not meet the conditions for consent.

## Example
```yaml
activities:
  - id: newsletter
    name: Newsletter
    purposes:
      - description: Send the monthly newsletter to subscribers
        lawful_basis: 6-1-a
        consent:
          records: Mailing-list sign-up log with time stamp and double opt-in
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
          records: Mailing-list sign-up log with time stamp and double opt-in
          withdrawal: Unsubscribe link in every newsletter
```

## References
- Art. 7(3), 13(2)(c) GDPR
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
            if consent is not None and consent.withdrawal and consent.withdrawal.strip():
                continue
            path = f"/purposes/{index}/" + ("consent" if consent is not None else "lawful_basis")
            yield ctx.finding(activity, path, purpose=excerpt(purpose.description))


RULE = Rule(
    code="LAW-006",
    name="missing-consent-withdrawal",
    summary="A 6-1-a consent basis has no withdrawal mechanism.",
    severity=Severity.ERROR,
    legal_refs=(ref("7", 3), ref("13", 2, "c")),
    message="{entity}: purpose '{purpose}' relies on consent but records no way to withdraw it",
    hint="Add 'consent: {{withdrawal: ...}}' to the purpose, e.g. 'Unsubscribe link in every e-mail'.",
    check=check,
    doc=__doc__ or "",
)
