"""LAW-005 missing-legitimate-interests-assessment: a legitimate-interests basis has no assessment on record.

## What it does
Reports each purpose with ``lawful_basis: 6-1-f`` whose ``lia`` (a reference to the legitimate-interests
assessment, or balancing test) is missing or blank. A public authority's 6-1-f purposes are LAW-008's
(Art. 6(1), second subparagraph): a balancing test for a basis the authority cannot use is no fix, so
they are not reported here unless the activity suppresses LAW-008 (processing outside the authority's
tasks, Recital 47). A purpose that does not even state the interest is LAW-004's: a balancing test needs
an interest to weigh, so asking for it too would report one gap twice; LAW-004's hint asks for both. When
the activity suppresses LAW-004, this rule reports such a purpose itself.

## Why is this bad?
Art. 6(1)(f) applies only when the interest is legitimate, the processing necessary for it, and the
data subjects' interests do not override it. EDPB Guidelines 1/2024 treat these as cumulative conditions
to be assessed and documented before the processing starts; under Art. 5(2) the controller must be able
to show that assessment. The ICO template links it from the record.

## Example
```yaml
activities:
  - id: fraud-checks
    name: Fraud checks
    purposes:
      - description: Block orders paid with stolen cards
        lawful_basis: 6-1-f
        legitimate_interest: Preventing financial loss from payment fraud
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
        lia: docs/lia/fraud-checks-2026.pdf
```

## References
- Art. 5(2), 6(1)(f) GDPR
- EDPB Guidelines 1/2024 on processing based on Art. 6(1)(f) GDPR
"""

from __future__ import annotations

from collections.abc import Iterator

from ropa.diagnostics import Severity
from ropa.law import lawful_basis
from ropa.models import LawfulBasis
from ropa.rules._base import Finding, Rule, RuleContext, excerpt, ref
from ropa.rules.law._public_authority import LAW004, interest_stated, reported_by_law008


def check(ctx: RuleContext) -> Iterator[Finding]:
    for activity in ctx.activities:
        if reported_by_law008(ctx, activity):
            continue  # a basis the public authority cannot use: LAW-008's finding, not this one
        for index, purpose in enumerate(activity.purposes or ()):
            if lawful_basis(purpose) is not LawfulBasis.LEGITIMATE_INTERESTS:
                continue
            if purpose.lia and purpose.lia.strip():
                continue
            if not interest_stated(purpose) and not ctx.suppresses(activity, *LAW004):
                continue  # no interest at all: LAW-004's finding, which asks for the assessment too
            yield ctx.finding(
                activity, f"/purposes/{index}/lawful_basis", purpose=excerpt(purpose.description)
            )


RULE = Rule(
    code="LAW-005",
    name="missing-legitimate-interests-assessment",
    summary="A 6-1-f basis has no reference to a legitimate-interests assessment.",
    severity=Severity.WARNING,
    legal_refs=(ref("6", 1, "f"), ref("5", 2)),
    message="{entity}: purpose '{purpose}' relies on legitimate interests without a recorded assessment",
    hint="Carry out and document the three-step test (interest, necessity, balancing) and add 'lia:' with "
    "where it is kept.",
    check=check,
    doc=__doc__ or "",
    record_gap=True,
)
