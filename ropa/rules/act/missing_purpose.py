"""ACT-001 missing-purpose: an activity states no purpose.

## What it does
Reports each controller activity whose ``purposes`` is missing (not stated) or empty (``[]``): for a
processing activity, "no purpose" is never a valid answer. Activities with ``role: processor`` are not
reported: an Art. 30(2) record has no purposes (the controller sets them).

## Why is this bad?
Art. 30(1)(b) requires the purposes of the processing in the record, and every other judgement (lawful
basis, retention, compatibility) hangs on them.

## Example
```yaml
activities:
  - id: newsletter
    name: Newsletter
    purposes: []
```

## Use instead
```yaml
activities:
  - id: newsletter
    name: Newsletter
    purposes:
      - description: Send the monthly newsletter to subscribers
        lawful_basis: 6-1-a
```

## References
- Art. 30(1)(b) GDPR
"""

from __future__ import annotations

from collections.abc import Iterator

from ropa.diagnostics import Severity
from ropa.rules._base import Finding, Rule, RuleContext, led_ref, ref


def check(ctx: RuleContext) -> Iterator[Finding]:
    for activity in ctx.activities:
        if activity.purposes:
            continue
        yield ctx.finding(activity, "" if activity.purposes is None else "/purposes")


RULE = Rule(
    code="ACT-001",
    name="missing-purpose",
    summary="An activity has no purpose.",
    severity=Severity.ERROR,
    legal_refs=(ref("30", 1, "b"),),
    message="{entity}: no purpose is recorded",
    hint="Add 'purposes:' with at least one '- description:' saying specifically why the data are processed.",
    check=check,
    doc=__doc__ or "",
    record_gap=True,
    led=(led_ref("24", 1),),
)
