"""LAW-004 missing-legitimate-interest: a legitimate-interests basis does not state the interest.

## What it does
Reports each purpose with ``lawful_basis: 6-1-f`` whose ``legitimate_interest`` is missing or blank.
A public authority's 6-1-f purposes are LAW-008's (Art. 6(1), second subparagraph): asking for the
interest behind a basis the authority cannot use would repeat that finding, so they are not reported here
unless the activity suppresses LAW-008 (processing outside the authority's tasks, Recital 47).

## Why is this bad?
Art. 13(1)(d) and 14(2)(b) require the controller to tell data subjects which legitimate interests it
pursues, and the balancing test of Art. 6(1)(f) cannot be made without naming the interest. The ICO
template has a column for it.

## Example
```yaml
activities:
  - id: fraud-checks
    name: Fraud checks
    purposes:
      - description: Block orders paid with stolen cards
        lawful_basis: 6-1-f
```

## Use instead
```yaml
activities:
  - id: fraud-checks
    name: Fraud checks
    purposes:
      - description: Block orders paid with stolen cards
        lawful_basis: 6-1-f
        legitimate_interest: Preventing financial loss from payment fraud
```

## References
- Art. 6(1)(f), 13(1)(d), 14(2)(b) GDPR
"""

from __future__ import annotations

from collections.abc import Iterator

from ropa.diagnostics import Severity
from ropa.law import lawful_basis
from ropa.models import LawfulBasis
from ropa.rules._base import Finding, Rule, RuleContext, excerpt, ref
from ropa.rules.law._public_authority import interest_stated, reported_by_law008


def check(ctx: RuleContext) -> Iterator[Finding]:
    for activity in ctx.activities:
        if reported_by_law008(ctx, activity):
            continue  # a basis the public authority cannot use: LAW-008's finding, not this one
        for index, purpose in enumerate(activity.purposes or ()):
            if lawful_basis(purpose) is not LawfulBasis.LEGITIMATE_INTERESTS:
                continue
            if interest_stated(purpose):
                continue
            yield ctx.finding(
                activity, f"/purposes/{index}/lawful_basis", purpose=excerpt(purpose.description)
            )


RULE = Rule(
    code="LAW-004",
    name="missing-legitimate-interest",
    summary="A 6-1-f basis does not state the legitimate interest pursued.",
    severity=Severity.WARNING,
    legal_refs=(ref("13", 1, "d"), ref("14", 2, "b")),
    message="{entity}: purpose '{purpose}' relies on legitimate interests but does not state the interest",
    hint="Add 'legitimate_interest:' to the purpose, saying whose interest it is and what it consists of, "
    "and 'lia:' with where the balancing test that weighs it is kept.",
    check=check,
    doc=__doc__ or "",
    record_gap=True,
)
