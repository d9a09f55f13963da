"""DPIA-005 stale-dpia: a DPIA is past its review date, or the processing changed after it.

## What it does
Reports each activity whose ``dpia.review_date`` is before today, or whose ``last_modified`` date is
after ``dpia.date``. When both hold, one finding names the review date.

## Why is this bad?
Art. 35(11) requires the controller to review whether the processing is performed in accordance with the
DPIA, at least when the risk changes. A DPIA older than its own review date, or older than the latest
change to the processing, may no longer describe it.

## Example
```yaml
activities:
  - id: camera
    name: Camera surveillance
    last_modified: 2026-03-01
    dpia:
      reference: DPIA-2024-02
      date: 2024-02-01
```

## Use instead
```yaml
activities:
  - id: camera
    name: Camera surveillance
    last_modified: 2026-03-01
    dpia:
      reference: DPIA-2026-03 (update after the new cameras)
      date: 2026-03-10
      review_date: 2027-03-10
```

## References
- Art. 35(11) GDPR
"""

from __future__ import annotations

from collections.abc import Iterator

from ropa.diagnostics import Severity
from ropa.rules._base import Finding, Rule, RuleContext, ref


def check(ctx: RuleContext) -> Iterator[Finding]:
    for activity in ctx.activities:
        dpia = activity.dpia
        if dpia is None:
            continue
        if dpia.review_date is not None and dpia.review_date < ctx.today:
            yield ctx.finding(
                activity, "/dpia/review_date", reason=f"its review date {dpia.review_date} has passed"
            )
        elif activity.last_modified and dpia.date and activity.last_modified > dpia.date:
            yield ctx.finding(
                activity,
                "/last_modified",
                reason=f"the processing changed on {activity.last_modified}, after the DPIA of {dpia.date}",
            )


RULE = Rule(
    code="DPIA-005",
    name="stale-dpia",
    summary="A DPIA is past its review date, or the activity changed after the DPIA.",
    severity=Severity.WARNING,
    legal_refs=(ref("35", 11),),
    message="{entity}: the DPIA may be out of date: {reason}",
    hint="Review the DPIA, then update 'dpia.date' and set the next 'dpia.review_date'.",
    check=check,
    doc=__doc__ or "",
)
