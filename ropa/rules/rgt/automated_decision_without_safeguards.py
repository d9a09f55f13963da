"""RGT-003 automated-decision-without-safeguards: automated decisions with significant effect, no safeguards.

## What it does
Reports each controller activity whose ``automated_decisions`` exist with ``effect: legal`` or
``similarly-significant`` and state no ``safeguards``.

## Why is this bad?
Art. 22(1) gives the data subject the right not to be subject to such decisions. They are allowed only
under Art. 22(2) (contract, Union or Member-State law, explicit consent), and then with suitable measures:
at least the right to human intervention, to express one's view and to contest the decision (Art. 22(3)).
Art. 13(2)(f) requires meaningful information about the logic involved. The register should say which
applies.

## Example
```yaml
activities:
  - id: credit-check
    name: Credit check at checkout
    automated_decisions:
      exists: true
      effect: similarly-significant
```

## Use instead
```yaml
activities:
  - id: credit-check
    name: Credit check at checkout
    automated_decisions:
      exists: true
      effect: similarly-significant
      safeguards: >-
        Art. 22(2)(a): needed for payment afterwards; a refused customer can ask for a human review and
        pay in advance instead
```

## References
- Art. 13(2)(f), 22(1)–(3) GDPR
"""

from __future__ import annotations

from collections.abc import Iterator

from ropa.diagnostics import Severity
from ropa.models import ProcessingRole
from ropa.rules._base import Finding, Rule, RuleContext, ref
from ropa.rules.dpia._common import significant_automated_decisions


def check(ctx: RuleContext) -> Iterator[Finding]:
    for activity in ctx.activities:
        if activity.role is not ProcessingRole.CONTROLLER or not significant_automated_decisions(activity):
            continue
        decisions = activity.automated_decisions
        if decisions is not None and not (decisions.safeguards and decisions.safeguards.strip()):
            effect = decisions.effect.value if decisions.effect else "significant"
            yield ctx.finding(activity, "/automated_decisions", effect=effect)


RULE = Rule(
    code="RGT-003",
    name="automated-decision-without-safeguards",
    summary="Automated decisions with legal or similarly significant effect state no Art. 22 safeguards.",
    severity=Severity.WARNING,
    legal_refs=(ref("22", 1), ref("22", 3), ref("13", 2, "f")),
    message="{entity}: automated decisions with {effect} effect, but no Art. 22 basis or safeguards recorded",
    hint=(
        "Add 'safeguards:' under 'automated_decisions' with the Art. 22(2) exception relied on and the "
        "measures: human intervention, the right to be heard and to contest the decision."
    ),
    check=check,
    doc=__doc__ or "",
)
