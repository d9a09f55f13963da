"""LAW-011 missing-compatibility-assessment: data are re-used for a new purpose without an Art. 6(4) test.

## What it does
Reports each purpose with ``further_processing: true`` whose ``compatibility_assessment`` is missing or
blank, unless the purpose rests on consent (``6-1-a``) or cites a Union or Member-State law (``law``):
Art. 6(4) does not require the compatibility test in those two cases.

## Why is this bad?
Processing data for a purpose other than the one they were collected for is allowed only if the new
purpose is compatible with the original one; Art. 6(4) lists what the controller must take into account
(the link between the purposes, the context, the nature of the data, the consequences, safeguards).
Without a recorded assessment, the record cannot show that the re-use was considered.

## Example
```yaml
activities:
  - id: product-research
    name: Product research
    purposes:
      - description: Analyse past orders to decide which products to stock
        lawful_basis: 6-1-f
        further_processing: true
```

## Use instead
```yaml
activities:
  - id: product-research
    name: Product research
    purposes:
      - description: Analyse past orders to decide which products to stock
        lawful_basis: 6-1-f
        further_processing: true
        compatibility_assessment: docs/assessments/product-research-art6-4.md
```

## References
- Art. 5(1)(b), 6(4) GDPR
"""

from __future__ import annotations

from collections.abc import Iterator

from ropa.diagnostics import Severity
from ropa.law import is_consent_based
from ropa.rules._base import Finding, Rule, RuleContext, excerpt, ref


def check(ctx: RuleContext) -> Iterator[Finding]:
    for activity in ctx.activities:
        for index, purpose in enumerate(activity.purposes or ()):
            if not purpose.further_processing:
                continue
            if purpose.compatibility_assessment and purpose.compatibility_assessment.strip():
                continue
            if is_consent_based(purpose) or (purpose.law and purpose.law.strip()):
                continue
            yield ctx.finding(
                activity, f"/purposes/{index}/further_processing", purpose=excerpt(purpose.description)
            )


RULE = Rule(
    code="LAW-011",
    name="missing-compatibility-assessment",
    summary="Further processing for a new purpose has no compatibility assessment.",
    severity=Severity.INFO,
    legal_refs=(ref("6", 4),),
    message="{entity}: purpose '{purpose}' re-uses data for a new purpose without a compatibility assessment",
    hint="Assess compatibility under Art. 6(4) and add 'compatibility_assessment:' with where it is kept, or "
    "base the new purpose on consent or a law.",
    check=check,
    doc=__doc__ or "",
    record_gap=True,
)
