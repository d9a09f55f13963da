"""TRF-012 transfers-not-stated: an entry does not say whether data are transferred outside the EEA.

## What it does
Reports each activity and each processor activity that leaves ``transfers`` out. ``transfers: []``
states that there are none and is not reported. An activity that discloses data to a recipient in a third
country without recording the transfer is REC-004's (an error), and is not reported again here.

The severity is **info**: Art. 30(1)(e) and 30(2)(c) ask for transfers only "where applicable", so a
record without transfers is complete when there are none. Saying so (``transfers: []``) shows the
question was asked; the templates of the supervisory authorities have a transfers column for that reason.

## Why is this bad?
Transfers to a third country or an international organisation must be identified in the record
(Art. 30(1)(e), 30(2)(c)), with the safeguards of Chapter V. Left out, the register cannot tell a shop
whose data stay in the EEA from one that never checked where its processors host them.

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
    transfers: []
```

## References
- Art. 30(1)(e), 30(2)(c) GDPR
"""

from __future__ import annotations

from collections.abc import Iterator

from ropa.diagnostics import Severity
from ropa.law import is_third_country
from ropa.models import Activity, ProcessorActivity
from ropa.rules._base import Finding, Rule, RuleContext, led_ref, ref


def _recipient_abroad(ctx: RuleContext, activity: Activity) -> bool:
    """True when REC-004 reports the activity: a recipient in a third country, and no transfers at all."""
    parties = ctx.party_by_id
    for recipient in activity.recipients or ():
        party = parties.get(recipient.party) if recipient.party is not None else None
        country = party.country if party is not None else recipient.country
        if country is not None and is_third_country(country, ctx.today):
            return True
    return False


def check(ctx: RuleContext) -> Iterator[Finding]:
    entries: tuple[Activity | ProcessorActivity, ...] = (*ctx.activities, *ctx.processor_activities)
    for entry in entries:
        if entry.transfers is not None:
            continue
        if isinstance(entry, Activity) and _recipient_abroad(ctx, entry):
            continue
        yield ctx.finding(entry)


RULE = Rule(
    code="TRF-012",
    name="transfers-not-stated",
    summary="An activity or processor activity does not say whether data leave the EEA.",
    severity=Severity.INFO,
    legal_refs=(ref("30", 1, "e"), ref("30", 2, "c")),
    message="{entity}: transfers to third countries are not stated",
    hint=(
        "Add 'transfers:' with each transfer to a third country or international organisation, or "
        "'transfers: []' if the data stay in the EEA (check where processors and their sub-processors host "
        "them)."
    ),
    check=check,
    doc=__doc__ or "",
    processor_record=True,
    led=(led_ref("24", 1), led_ref("24", 2)),
)
