"""REC-005 joint-controller-without-arrangement: a joint controller has no Art. 26 arrangement reference.

## What it does
Reports each party with ``role: joint-controller`` that has no ``arrangement``.

## Why is this bad?
Joint controllers must determine their respective responsibilities in an arrangement (Art. 26(1)) and
make its essence available to the data subjects (Art. 26(2)). The record should point to it; without
one, who answers data-subject requests and who informs data subjects is undetermined.

## Example
```yaml
parties:
  - id: franchise-hq
    name: Franchise HQ BV
    role: joint-controller
    contact:
      email: privacy@franchise.example
```

## Use instead
```yaml
parties:
  - id: franchise-hq
    name: Franchise HQ BV
    role: joint-controller
    contact:
      email: privacy@franchise.example
    arrangement: Joint-controller arrangement of 2025-03-01, contracts/jc-franchise.pdf
```

## References
- Art. 26(1) GDPR
"""

from __future__ import annotations

from collections.abc import Iterator

from ropa.diagnostics import Severity
from ropa.models import PartyRole
from ropa.rules._base import Finding, Rule, RuleContext, ref


def check(ctx: RuleContext) -> Iterator[Finding]:
    for party in ctx.parties:
        if party.role is PartyRole.JOINT_CONTROLLER and not (party.arrangement or "").strip():
            yield ctx.finding(party)


RULE = Rule(
    code="REC-005",
    name="joint-controller-without-arrangement",
    summary="A joint controller has no reference to the Art. 26 arrangement.",
    severity=Severity.ERROR,
    legal_refs=(ref("26", 1),),
    message="{entity}: joint controller without a reference to the Art. 26 arrangement",
    hint="Add 'arrangement:' with where the arrangement that divides the responsibilities is kept.",
    check=check,
    doc=__doc__ or "",
)
