"""DPIA-004 high-residual-risk-without-prior-consultation: a DPIA left a high risk; no SA consulted.

## What it does
Reports each activity whose ``dpia.outcome`` is ``high-residual-risk`` and that has no
``dpia.prior_consultation`` reference.

## Why is this bad?
When a DPIA shows that the processing would result in a high risk the controller cannot mitigate, Art.
36(1) requires consulting the supervisory authority before the processing starts.

## Example
```yaml
activities:
  - id: fraud-scoring
    name: Fraud scoring
    dpia:
      reference: DPIA-2025-11
      outcome: high-residual-risk
```

## Use instead
```yaml
activities:
  - id: fraud-scoring
    name: Fraud scoring
    dpia:
      reference: DPIA-2025-11
      outcome: high-residual-risk
      prior_consultation: AP case z2025-01234, submitted 2025-12-01
```

## References
- Art. 36(1), 36(3) GDPR
"""

from __future__ import annotations

from collections.abc import Iterator

from ropa.diagnostics import Severity
from ropa.models import DpiaOutcome
from ropa.rules._base import Finding, Rule, RuleContext, led_ref, ref


def check(ctx: RuleContext) -> Iterator[Finding]:
    for activity in ctx.activities:
        dpia = activity.dpia
        if dpia is None or dpia.outcome is not DpiaOutcome.HIGH_RESIDUAL_RISK:
            continue
        if not (dpia.prior_consultation and dpia.prior_consultation.strip()):
            yield ctx.finding(activity, "/dpia/outcome")


RULE = Rule(
    code="DPIA-004",
    name="high-residual-risk-without-prior-consultation",
    summary="A DPIA found a high residual risk and no prior consultation of the authority is recorded.",
    severity=Severity.ERROR,
    legal_refs=(ref("36", 1),),
    message="{entity}: the DPIA found a high residual risk, but no prior consultation is recorded",
    hint=(
        "Consult the supervisory authority before the processing starts (Art. 36(1)) and record the case in "
        "'dpia: {{prior_consultation: ...}}', or mitigate the risk and update the outcome."
    ),
    check=check,
    doc=__doc__ or "",
    led=(led_ref("28", 1),),
)
