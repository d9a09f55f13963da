"""DPIA-003 missing-dpia-screening: an activity records no DPIA screening at all.

## What it does
Reports each controller activity without a ``dpia`` block, unless DPIA-001, DPIA-002 or (in the ``nl``
profile) NL-004 already reports it.

## Why is this bad?
Whether a DPIA is needed is the controller's assessment under Art. 35(1); recording the outcome, even "not
required, because ...", shows that it was made (Art. 5(2)). The DPCat model and several supervisory
authorities' templates have a DPIA column for every activity.

## Example
```yaml
activities:
  - id: newsletter
    name: Newsletter
```

## Use instead
```yaml
activities:
  - id: newsletter
    name: Newsletter
    dpia:
      required: false
      screening: E-mail addresses only, no profiling, no WP248 criterion met
      date: 2025-01-10
```

## References
- Art. 5(2), 35(1) GDPR
"""

from __future__ import annotations

from collections.abc import Iterator

from ropa.diagnostics import Severity
from ropa.models import ProcessingRole
from ropa.rules._base import Finding, Rule, RuleContext, ref
from ropa.rules.dpia._common import reported_by_dpia001, reported_by_dpia002, reported_by_nl004


def check(ctx: RuleContext) -> Iterator[Finding]:
    dutch = "nl" in ctx.profiles
    for activity in ctx.activities:
        if activity.dpia is not None or activity.role is not ProcessingRole.CONTROLLER:
            continue
        if reported_by_dpia001(ctx, activity) or reported_by_dpia002(ctx, activity):
            continue
        if dutch and reported_by_nl004(ctx, activity):
            continue
        yield ctx.finding(activity)


RULE = Rule(
    code="DPIA-003",
    name="missing-dpia-screening",
    summary="An activity records no DPIA screening result.",
    severity=Severity.INFO,
    legal_refs=(ref("35", 1), ref("5", 2)),
    message="{entity}: no DPIA screening recorded",
    hint="Add 'dpia: {{required: false, screening: <why not>}}', or the reference of the DPIA carried out.",
    check=check,
    doc=__doc__ or "",
    record_gap=True,
)
