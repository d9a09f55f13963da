"""ACT-009 inconsistent-activity-end: an ended activity has no end date, or one in the future.

## What it does
Reports each activity with ``status: ended`` whose ``end_date`` is missing, or later than the day of the
check (``--today``). Activities in other states are not reported, even with a future ``end_date``: a
planned or active processing may well have a scheduled end.

## Why is this bad?
An ended activity stays in the record while its data are still retained, and its retention periods run
from the end; the Belgian template keeps a status block with dates for that reason. An end date in the
future contradicts ``status: ended``.

## Example
```yaml
activities:
  - id: campaign-2024
    name: Spring campaign 2024
    status: ended
```

## Use instead
```yaml
activities:
  - id: campaign-2024
    name: Spring campaign 2024
    status: ended
    end_date: 2024-06-30
```

## References
- Art. 5(2), 30(1) GDPR (an accurate record)
- Gegevensbeschermingsautoriteit, register template (status block)
"""

from __future__ import annotations

from collections.abc import Iterator

from ropa.diagnostics import Severity
from ropa.models import Status
from ropa.rules._base import Finding, Rule, RuleContext, led_ref, ref


def check(ctx: RuleContext) -> Iterator[Finding]:
    for activity in ctx.activities:
        if activity.status is not Status.ENDED:
            continue
        if activity.end_date is None:
            yield ctx.finding(activity, "/status", problem="has no 'end_date'")
        elif activity.end_date > ctx.today:
            yield ctx.finding(
                activity,
                "/end_date",
                problem=f"has an end date in the future ({activity.end_date.isoformat()})",
            )


RULE = Rule(
    code="ACT-009",
    name="inconsistent-activity-end",
    summary="An ended activity has no end date, or an end date in the future.",
    severity=Severity.INFO,
    legal_refs=(ref("5", 2), ref("30", 1)),
    message="{entity}: status is 'ended' but it {problem}",
    hint="Set 'end_date:' to the day the processing ended, or correct 'status:' if it has not ended yet.",
    check=check,
    doc=__doc__ or "",
    processor_record=True,
    led=(led_ref("24", 1),),
)
