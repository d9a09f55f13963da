"""ACT-008 missing-storage-location: an activity records neither its systems nor where the data are stored.

## What it does
Reports each activity that has no ``systems`` (missing or ``[]``) and no ``storage_location`` (missing
or blank).

## Why is this bad?
The Dutch supervisory authority's fourth recommendation for registers is to state where, or in which
file, the personal data are kept; the ICO template has a "location of personal data" column. Without it,
an access or erasure request cannot be answered from the record.

## Example
```yaml
activities:
  - id: orders
    name: Order handling
```

## Use instead
```yaml
activities:
  - id: orders
    name: Order handling
    systems: [MyOnlineStore webshop, Snelstart]
    storage_location: MyOnlineStore (EU data centre)
```

## References
- Art. 30(1) GDPR
- ICO documentation template for controllers, column 20
- Autoriteit Persoonsgegevens, recommendation 4 for registers (28 November 2018)
"""

from __future__ import annotations

from collections.abc import Iterator

from ropa.diagnostics import Severity
from ropa.rules._base import Finding, Rule, RuleContext, led_ref, ref


def check(ctx: RuleContext) -> Iterator[Finding]:
    for activity in ctx.activities:
        if activity.systems or (activity.storage_location and activity.storage_location.strip()):
            continue
        yield ctx.finding(activity)


RULE = Rule(
    code="ACT-008",
    name="missing-storage-location",
    summary="An activity records neither its systems nor its storage location.",
    severity=Severity.INFO,
    legal_refs=(ref("30", 1),),
    message="{entity}: no systems and no storage location are recorded",
    hint="Add 'systems:' (the applications used) or 'storage_location:' (where the data are kept).",
    check=check,
    doc=__doc__ or "",
    record_gap=True,
    processor_record=True,
    led=(led_ref("24", 1),),
)
