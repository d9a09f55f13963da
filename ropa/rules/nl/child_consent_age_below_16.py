"""NL-002 child-consent-age-below-16: a child's own consent is accepted below the Dutch age of 16.

## What it does
Reports each purpose whose ``consent.minimum_age`` is below 16.

## Why is this bad?
For information-society services offered directly to a child, consent under Art. 6(1)(a) is lawful only
from the age set by Art. 8(1): 16, unless a Member State sets a lower age of at least 13. The Netherlands
kept 16 (Art. 5 UAVG). Below it, the holder of parental responsibility must give or authorise consent.

## Example
```yaml
activities:
  - id: game-accounts
    name: Game accounts
    purposes:
      - description: Let players create an account
        lawful_basis: 6-1-a
        consent:
          minimum_age: 13
```

## Use instead
```yaml
activities:
  - id: game-accounts
    name: Game accounts
    purposes:
      - description: Let players create an account
        lawful_basis: 6-1-a
        consent:
          minimum_age: 16
          age_verification: Players under 16 need a parent's confirmation by e-mail
```

## References
- Art. 8(1) GDPR
- Art. 5 Uitvoeringswet AVG (UAVG)
"""

from __future__ import annotations

from collections.abc import Iterator

from ropa.diagnostics import Severity
from ropa.rules._base import Finding, Rule, RuleContext, excerpt, ref

DUTCH_AGE = 16
"""Art. 5(1) UAVG: the age of digital consent in the Netherlands."""


def check(ctx: RuleContext) -> Iterator[Finding]:
    for activity in ctx.activities:
        for index, purpose in enumerate(activity.purposes or ()):
            consent = purpose.consent
            if consent is not None and consent.minimum_age is not None and consent.minimum_age < DUTCH_AGE:
                yield ctx.finding(
                    activity,
                    f"/purposes/{index}/consent/minimum_age",
                    purpose=excerpt(purpose.description),
                    age=consent.minimum_age,
                )


RULE = Rule(
    code="NL-002",
    name="child-consent-age-below-16",
    summary="A purpose accepts a child's own consent below the Dutch age of 16.",
    severity=Severity.ERROR,
    legal_refs=(ref("8", 1), ref("5", instrument="UAVG")),
    message="{entity}: purpose '{purpose}' accepts consent from age {age}; the Dutch age is 16",
    hint="Set 'minimum_age: 16' and obtain parental consent below it (Art. 8(2): 'age_verification:').",
    check=check,
    profile="nl",
    doc=__doc__ or "",
)
