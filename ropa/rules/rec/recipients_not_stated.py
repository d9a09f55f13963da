"""REC-007 recipients-not-stated: an activity does not say whether data are disclosed to anyone.

## What it does
Reports each activity of the controller's record that leaves ``recipients`` out. ``recipients: []``
states that no one receives the data and is not reported; a list of parties or of categories of
recipients (``category:``) is what Art. 30(1)(d) asks for. Public authorities that may receive data in a
particular inquiry are not recipients (Art. 4(9)) and do not count: record them under
``authority_disclosures``.

The severity is a **warning**, not an error: point (d) of Art. 30(1) carries no "where applicable" or
"where possible", so a record that is silent on recipients cannot be shown complete; but an activity may
truly disclose data to no one, and only the controller can say so. The processor's record (Art. 30(2))
has no recipients and is not checked.

## Why is this bad?
The record must contain the categories of recipients to whom the data have been or will be disclosed,
including recipients in third countries (Art. 30(1)(d)). An absent entry hides every processor, every
other controller and every transfer that follows from them: the rules that check contracts, roles and
transfers never see them, and the supervisory authority reading the record cannot tell "none" from
"not asked".

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
    recipients:
      - category: Parcel carriers
        role: controller
        country: NL
```

## References
- Art. 30(1)(d), 4(9) GDPR
"""

from __future__ import annotations

from collections.abc import Iterator

from ropa.diagnostics import Severity
from ropa.rules._base import Finding, Rule, RuleContext, led_ref, ref


def check(ctx: RuleContext) -> Iterator[Finding]:
    for activity in ctx.activities:
        if activity.recipients is None:
            yield ctx.finding(activity)


RULE = Rule(
    code="REC-007",
    name="recipients-not-stated",
    summary="An activity does not say whether its data are disclosed to anyone.",
    severity=Severity.WARNING,
    legal_refs=(ref("30", 1, "d"),),
    message="{entity}: the recipients are not stated",
    hint=(
        "Add 'recipients:' with the parties (by id) or categories of recipients ('- category: ...') the data "
        "are disclosed to, processors included; write 'recipients: []' if there are none."
    ),
    check=check,
    doc=__doc__ or "",
    record_gap=True,
    led=(led_ref("24", 1),),
)
