"""LAW-009 contract-basis-for-non-contractual-purpose: marketing, analytics or the like relies on 6-1-b.

## What it does
Reports each purpose with ``lawful_basis: 6-1-b`` whose ``kind`` is ``marketing``, ``analytics``,
``advertising``, ``profiling`` or ``fraud-prevention``. Purposes without a ``kind`` are not reported.

## Why is this bad?
Art. 6(1)(b) covers only processing that is objectively necessary to perform a contract with the data
subject, or to take steps at their request before entering into one. EDPB Guidelines 2/2019 single out
marketing, advertising, analytics, profiling and fraud prevention as purposes that are, as a rule, not
necessary for the contract, even when the contract mentions them; they need another basis, usually
consent (6-1-a) or legitimate interests (6-1-f).

## Example
```yaml
activities:
  - id: webshop-analytics
    name: Webshop analytics
    purposes:
      - description: Measure which product pages lead to orders
        kind: analytics
        lawful_basis: 6-1-b
```

## Use instead
```yaml
activities:
  - id: webshop-analytics
    name: Webshop analytics
    purposes:
      - description: Measure which product pages lead to orders
        kind: analytics
        lawful_basis: 6-1-a
```

## References
- Art. 6(1)(b) GDPR
- EDPB Guidelines 2/2019 on processing under Art. 6(1)(b) in the context of online services
"""

from __future__ import annotations

from collections.abc import Iterator

from ropa.diagnostics import Severity
from ropa.law import lawful_basis
from ropa.models import LawfulBasis, PurposeKind
from ropa.rules._base import Finding, Rule, RuleContext, excerpt, ref

NOT_CONTRACTUAL = frozenset(
    {
        PurposeKind.MARKETING,
        PurposeKind.ANALYTICS,
        PurposeKind.ADVERTISING,
        PurposeKind.PROFILING,
        PurposeKind.FRAUD_PREVENTION,
    }
)
"""Purpose kinds that EDPB Guidelines 2/2019 do not regard as necessary for a contract."""


def check(ctx: RuleContext) -> Iterator[Finding]:
    for activity in ctx.activities:
        for index, purpose in enumerate(activity.purposes or ()):
            if lawful_basis(purpose) is LawfulBasis.CONTRACT and purpose.kind in NOT_CONTRACTUAL:
                yield ctx.finding(
                    activity,
                    f"/purposes/{index}/lawful_basis",
                    purpose=excerpt(purpose.description),
                    kind=purpose.kind.value,
                )


RULE = Rule(
    code="LAW-009",
    name="contract-basis-for-non-contractual-purpose",
    summary="A marketing, analytics, advertising, profiling or fraud-prevention purpose relies on 6-1-b.",
    severity=Severity.WARNING,
    legal_refs=(ref("6", 1, "b"),),
    message="{entity}: {kind} purpose '{purpose}' relies on the contract basis (6-1-b)",
    hint="Rely on consent (6-1-a) or legitimate interests (6-1-f, with the interest and an assessment) "
    "unless the processing is objectively necessary to perform the contract.",
    check=check,
    doc=__doc__ or "",
)
