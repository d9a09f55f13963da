"""LAW-006 missing-consent-withdrawal: a consent basis does not say how consent is withdrawn.

## What it does
Reports each purpose that relies on consent (``lawful_basis: 6-1-a``, or a DPV IRI naming it) whose
``consent.withdrawal`` is missing or blank (including a purpose without a ``consent`` block). Explicit
consent under Art. 9(2)(a) must be withdrawable too, whatever the Art. 6 basis of the purposes: an activity
with a ``9-2-a`` condition is reported at that condition when none of its purposes records a withdrawal
mechanism (and no consent purpose was reported already: one gap, one finding). LAW-007 reports missing
consent records separately: they are separate obligations with separate fixes.

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
- Art. 7(3), 9(2)(a), 13(2)(c) GDPR
"""

from __future__ import annotations

from collections.abc import Iterator

from ropa.diagnostics import Severity
from ropa.rules._base import Finding, Rule, RuleContext, ref
from ropa.rules.law._consent import consent_gaps


def check(ctx: RuleContext) -> Iterator[Finding]:
    for activity in ctx.activities:
        for path, what in consent_gaps(activity, "withdrawal"):
            yield ctx.finding(activity, path, what=what)


RULE = Rule(
    code="LAW-006",
    name="missing-consent-withdrawal",
    summary="Consent (6-1-a, or the explicit consent of 9-2-a) has no withdrawal mechanism.",
    severity=Severity.ERROR,
    legal_refs=(ref("7", 3), ref("13", 2, "c")),
    message="{entity}: {what} relies on consent but records no way to withdraw it",
    hint="Add 'consent: {{withdrawal: ...}}' to the purpose, e.g. 'Unsubscribe link in every e-mail'.",
    check=check,
    doc=__doc__ or "",
    record_gap=True,
)
